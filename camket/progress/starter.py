"""The files of a new data folder, as text: camket.yaml, units.yaml, the year's files, the
README, .gitignore, .gitattributes, the pre-commit configuration and the editor settings, each
with the examples of camket.examples and the comments a clerk reads when filling them in.
`scaffold` decides which of them a folder gets and writes them."""

from __future__ import annotations

import json

from camket.examples import (
    EXAMPLE_REPORT,
)

SCHEMA_DIR = "schemas"


def modeline(kind: str, depth: int) -> str:
    up = "../" * depth
    return f"# yaml-language-server: $schema={up}{SCHEMA_DIR}/{kind}.schema.json\n"


_REPORT_NOTES = {  # the comment beside each section's key: where the report prints it
    "intro": "mở đầu, trước kết quả của các khối",
    "block": "kết quả của khối (mã khối), sau câu có số liệu của khối",
    "results": "đánh giá chung, sau câu về các chỉ tiêu kinh tế - xã hội",
    "limitations": "phần II: hạn chế và nguyên nhân",
    "next_year": "phần III: nhiệm vụ, giải pháp năm sau",
}
_REPORT_HELP = """\
# Lời văn báo cáo cuối năm (camket report), theo từng phần. Khi viết: bỏ '# ' ở đầu các dòng
# từ 'report:' trở xuống (VS Code: chọn các dòng rồi nhấn Ctrl+/) và thay chữ mẫu trong ngoặc
# vuông bằng lời văn thật; mỗi '- >-' mở một đoạn văn, các dòng dưới nó được nối thành một
# đoạn; phần nào không viết thì xóa. Không ghi các con số (49/49, 96/97…): camket tự tính.
# report:
"""


def report_comment(blocks: list[str]) -> str:
    """The `report:` section of a new year.yaml, commented out: every section the report has,
    with an example paragraph, so that the clerk sees what to write and where it goes.
    Uncommented (the '# ' taken off each line from `# report:` on), it is valid YAML."""
    lines = []
    for key in ["intro", *blocks, "results", "limitations", "next_year"]:
        section = key if key in EXAMPLE_REPORT else "block"
        pad = " " * max(1, 28 - len(key))
        lines += [
            f"#   {key}:{pad}# {_REPORT_NOTES[section]}",
            "#     - >-",
            f"#       {EXAMPLE_REPORT[section]}",
        ]
    return _REPORT_HELP + "\n".join(lines) + "\n"


CAMKET_YAML = """\
{modeline}# Cài đặt của cơ quan nhận cam kết. Các tên dưới đây được in lên văn bản.
body: Ban Thường vụ Tỉnh ủy           # cơ quan các đơn vị ký cam kết với
issuer: Tỉnh ủy                        # tên cơ quan ban hành, in hoa ở tiêu đề văn bản
# superior: Đảng bộ tỉnh              # cơ quan cấp trên trực tiếp (chỉ cấp huyện, thành phố)
office: Văn phòng Tỉnh ủy              # cơ quan lập báo cáo
place: Quảng Trị                       # địa danh ở dòng ngày tháng
code: TU                               # ký hiệu trong số văn bản: Số …-BC/TU
# first_year: 2017                     # năm đầu tiên thực hiện cam kết (báo cáo ghi "năm thứ …")
# party: Đảng bộ tỉnh                 # in phía trên tên đơn vị trong bản cam kết của cấp huyện
# Người ký báo cáo và bản cam kết (năm nào người ký khác thì ghi lại trong year.yaml của năm đó).
report_signature:
  on_behalf: T/L Ban Thường vụ
  title: Chánh Văn phòng
  # name: {report_signer}                 # bỏ dấu # và ghi tên người ký
sheet_signature:
  on_behalf: T/M Ban Thường vụ Tỉnh ủy
  title: Bí thư
  # name: {sheet_signer}                 # bỏ dấu # và ghi tên người ký
"""

UNITS_YAML = """\
{modeline}# Các khối và các đơn vị ký cam kết. Thêm đơn vị: chép một mục "- id: …" và sửa lại.
blocks:
  - id: dia-phuong
    name: Các huyện, thị, thành ủy, đảng ủy trực thuộc
units:
  - id: {unit}
    name: {unit_name}
    block: dia-phuong
    collective: {collective}
    head_title: Bí thư Huyện ủy
    # years: [{year}, 2030]            # các năm đơn vị còn hoạt động (bỏ trống: luôn hoạt động)
"""

YEAR_YAML = """\
{modeline}year: {year}
theme: {theme}                   # sửa thành chủ đề năm của cấp ủy
signed_on: {signed}                    # ngày ký cam kết
groups_per_unit: [2, 6]                  # mỗi đơn vị từ 2 đến 6 nhóm nhiệm vụ

{report}"""

COMMITMENTS_YAML = """\
{modeline}# Bản cam kết năm {year} của đơn vị mẫu; chép cho từng đơn vị (tên tệp = mã đơn vị).
unit: {unit}
year: {year}
head: {head}                       # người đứng đầu ký cam kết năm nay
groups:
  - title: Phát triển kinh tế - xã hội
    items:
      - id: {unit}-{year}-01
        text: Hoàn thành giải phóng mặt bằng các dự án trọng điểm trên địa bàn
        due: {year}-09-30
  - title: Xây dựng Đảng, hệ thống chính trị
    items:
      - id: {unit}-{year}-02
        text: Hoàn thành kế hoạch kiểm tra, giám sát năm {year} của Ban Thường vụ
        due: {year}-12-31
"""

README = """\
# Dữ liệu cam kết trách nhiệm

Thư mục này chứa dữ liệu cam kết trách nhiệm, dùng với chương trình **camket**. Mọi tệp là
văn bản (YAML), sửa được bằng Notepad hoặc VS Code; lịch sử thay đổi được git ghi lại.

## Cấu trúc

- `camket.yaml`: tên cơ quan, địa danh, ký hiệu văn bản.
- `units.yaml`: các khối và các đơn vị ký cam kết.
- `NĂM/year.yaml`: chủ đề năm, ngày ký, số nhóm nhiệm vụ, các chỉ tiêu, lời văn báo cáo
  cuối năm (`report:`, có sẵn mẫu để bỏ dấu `#` rồi viết).
- `NĂM/commitments/MÃ-ĐƠN-VỊ.yaml`: bản cam kết của từng đơn vị (nhóm nhiệm vụ, nội dung,
  tiến độ).

## Thêm một đơn vị

1. Trong `units.yaml`, chép một mục `- id: …`, sửa mã (chữ thường, không dấu, nối bằng `-`),
   tên, khối, tập thể lãnh đạo và chức danh người đứng đầu.
2. Chép tệp `NĂM/commitments/don-vi-mau.yaml` thành `NĂM/commitments/MÃ-MỚI.yaml` và sửa nội
   dung cam kết.
3. Kiểm tra: `camket validate`.

## Ghi tiến độ hằng quý

    camket record MÃ-NỘI-DUNG done --date 2024-09-30 --note "Đã hoàn thành" --commit
    camket record MÃ-NỘI-DUNG not_done --cause objective --reason "Thiếu vốn" --commit

Ghi nhầm một mục: `camket undo MÃ-NỘI-DUNG --commit` xóa mục tiến độ cuối của nội dung đó, rồi
ghi lại cho đúng.

Hoặc gửi mỗi đơn vị một phiếu Excel, rồi nhập các phiếu đơn vị gửi lại:

    camket forms NĂM --quarter 3 --out phieu-quy-3
    camket import phieu-quy-3 --commit

Xem tình hình đến hết quý: `camket status NĂM --quarter 3`.

Ghi số liệu thực hiện một chỉ tiêu của `year.yaml` (số viết kiểu Việt Nam: dấu phẩy ngăn phần
thập phân, dấu chấm ngăn hàng nghìn):

    camket record MÃ-CHỈ-TIÊU 1.234,5 --date 2024-12-31 --commit

## In văn bản

- Bản cam kết để ký: `camket sheets NĂM` (mỗi đơn vị một tệp) hoặc `camket sheets NĂM
  --combined`.
- Báo cáo cuối năm: `camket report NĂM --number 12 --date 2025-01-05`.
- Xuất Excel: `camket export NĂM --format xlsx`.

Mỗi lỗi được báo kèm tệp, dòng, cột và mã lỗi; xem giải thích: `camket validate --explain MÃ`.
"""

GITIGNORE = """\
# Văn bản do camket tạo ra: tạo lại được từ dữ liệu, không cần lưu vào git.
*.docx
*.pdf
*.xlsx
*.csv
cam-ket-*.json
~$*
# Khóa tạm của camket khi ghi tiến độ.
.camket/
# Những gì máy chủ CI (và gitlab-ci-local) tạo ra khi kiểm tra.
.camket-venv/
.cache/
.gitlab-ci-local/
gl-code-quality-report.json
camket-junit.xml
"""

GITATTRIBUTES = """\
*.yaml text eol=lf
*.yml text eol=lf
*.md text eol=lf
*.docx binary
*.xlsx binary
*.pdf binary
"""

PRE_COMMIT = """\
# Kiểm tra dữ liệu trước mỗi lần commit (cần cài pre-commit và camket).
repos:
  - repo: local
    hooks:
      - id: camket-validate
        name: camket validate
        entry: camket validate
        language: system
        pass_filenames: false
        files: '\\.ya?ml$'
"""


def vscode() -> str:
    mapping = {
        f"./{SCHEMA_DIR}/camket.reading.schema.json": "camket.yaml",
        f"./{SCHEMA_DIR}/units.schema.json": "units.yaml",
        f"./{SCHEMA_DIR}/year.schema.json": "*/year.yaml",
        f"./{SCHEMA_DIR}/commitments.schema.json": "*/commitments/*.yaml",
    }
    return json.dumps({"yaml.schemas": mapping}, ensure_ascii=False, indent=2) + "\n"
