"""`camket init`: a new data folder that validates at once, or a new year from the last one.

Everything a clerk needs on day one is written here: commented settings, one block and one unit
to copy, the year's files, a Vietnamese README, git and editor configuration. Every file goes
through the atomic writer.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from camket import atomic, git
from camket.errors import CamketError
from camket.i18n import _
from camket.reading import schema
from camket.reading.models import Status
from camket.reading.project import Project

SCHEMA_DIR = "schemas"


def _modeline(kind: str, depth: int) -> str:
    up = "../" * depth
    return f"# yaml-language-server: $schema={up}{SCHEMA_DIR}/{kind}.schema.json\n"


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
  # name: Nguyễn Văn A                 # bỏ dấu # và ghi tên người ký
sheet_signature:
  on_behalf: T/M Ban Thường vụ Tỉnh ủy
  title: Bí thư
  # name: Nguyễn Văn B                 # bỏ dấu # và ghi tên người ký
"""

UNITS_YAML = """\
{modeline}# Các khối và các đơn vị ký cam kết. Thêm đơn vị: chép một mục "- id: …" và sửa lại.
blocks:
  - id: dia-phuong
    name: Các huyện, thị, thành ủy, đảng ủy trực thuộc
units:
  - id: don-vi-mau
    name: Huyện ủy Mẫu
    block: dia-phuong
    collective: Ban Thường vụ Huyện ủy Mẫu
    head_title: Bí thư Huyện ủy
    # years: [{year}, 2030]            # các năm đơn vị còn hoạt động (bỏ trống: luôn hoạt động)
"""

YEAR_YAML = """\
{modeline}year: {year}
theme: Chủ đề năm {year}                 # sửa thành chủ đề năm của cấp ủy
signed_on: {signed}                      # ngày ký cam kết
groups_per_unit: [2, 6]                  # mỗi đơn vị từ 2 đến 6 nhóm nhiệm vụ
"""

COMMITMENTS_YAML = """\
{modeline}# Bản cam kết năm {year} của đơn vị mẫu; chép cho từng đơn vị (tên tệp = mã đơn vị).
unit: don-vi-mau
year: {year}
head: Nguyễn Văn A                       # người đứng đầu ký cam kết năm nay
groups:
  - title: Phát triển kinh tế - xã hội
    items:
      - id: don-vi-mau-{year}-01
        text: Hoàn thành giải phóng mặt bằng các dự án trọng điểm trên địa bàn
        due: {year}-09-30
  - title: Xây dựng Đảng, hệ thống chính trị
    items:
      - id: don-vi-mau-{year}-02
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
- `NĂM/year.yaml`: chủ đề năm, ngày ký, số nhóm nhiệm vụ, các chỉ tiêu.
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

Hoặc gửi mỗi đơn vị một phiếu Excel, rồi nhập các phiếu đơn vị gửi lại:

    camket forms NĂM --quarter 3 --out phieu-quy-3
    camket import phieu-quy-3 --commit

Xem tình hình đến hết quý: `camket status NĂM --quarter 3`.

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


def _vscode() -> str:
    mapping = {
        f"./{SCHEMA_DIR}/camket.reading.schema.json": "camket.yaml",
        f"./{SCHEMA_DIR}/units.schema.json": "units.yaml",
        f"./{SCHEMA_DIR}/year.schema.json": "*/year.yaml",
        f"./{SCHEMA_DIR}/commitments.schema.json": "*/commitments/*.yaml",
    }
    return json.dumps({"yaml.schemas": mapping}, ensure_ascii=False, indent=2) + "\n"


class InitError(CamketError):
    """The folder cannot be made; the message says why."""


@dataclass
class Made:
    root: Path
    files: list[Path] = field(default_factory=list)
    commit: str | None = None


def _write(made: Made, rel: str, text: str) -> None:
    path = made.root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic.write_text(path, text)
    made.files.append(path)


def write_schemas(made: Made) -> None:
    for kind in ("camket", "units", "year", "commitments"):
        _write(made, f"{SCHEMA_DIR}/{kind}.schema.json", schema.text(kind))


# A year is a four-digit folder name (camket.reading.folder) and a date: anything else is a typo.
YEARS = range(1900, 3000)


def check_year(year: int) -> None:
    if year not in YEARS:
        raise InitError(
            _("năm {year} không hợp lệ; hãy ghi năm bằng bốn chữ số, từ {first} đến {last}").format(
                year=year, first=YEARS[0], last=YEARS[-1]
            )
        )


def _require_empty(root: Path) -> None:
    """A new data folder is made in a new or empty folder, never over someone's files."""
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise InitError(
            _("thư mục '{root}' đã có tệp; hãy chọn một thư mục mới hoặc trống").format(root=root)
        )


def new_folder(
    root: Path, year: int, today: dt.date, commit: bool = True, ci: str = "gitlab"
) -> Made:
    check_year(year)
    _require_empty(root)
    made = Made(root)
    signed = dt.date(year, 2, 20) if dt.date(year, 2, 20) <= today else dt.date(year, 1, 1)
    _write(made, "camket.yaml", CAMKET_YAML.format(modeline=_modeline("camket", 0)))
    _write(made, "units.yaml", UNITS_YAML.format(modeline=_modeline("units", 0), year=year))
    _write(
        made,
        f"{year}/year.yaml",
        YEAR_YAML.format(modeline=_modeline("year", 1), year=year, signed=signed.isoformat()),
    )
    _write(
        made,
        f"{year}/commitments/don-vi-mau.yaml",
        COMMITMENTS_YAML.format(modeline=_modeline("commitments", 2), year=year),
    )
    _extras(made, ci)
    if commit:
        made.commit = _git_init(made)
    return made


def _extras(made: Made, ci: str = "gitlab") -> None:
    """What a data folder needs besides its data: the clerk's README, git, CI and editor
    files (camket.progress.ci)."""
    from camket.progress import ci as pipelines

    for rel, text in pipelines.files(ci):
        _write(made, rel, text)
    _write(made, "README.md", README)
    _write(made, ".gitignore", GITIGNORE)
    _write(made, ".gitattributes", GITATTRIBUTES)
    _write(made, ".pre-commit-config.yaml", PRE_COMMIT)
    _write(made, ".vscode/settings.json", _vscode())
    write_schemas(made)


def _git_init(made: Made) -> str | None:
    """git init and a first commit of the files camket wrote (nothing else is staged), when
    git is there; camket's name if no identity is configured."""
    root = made.root
    try:
        git.run(root, "init", "-q")
        git.run(root, "add", "--", *(str(p.relative_to(root)) for p in made.files))
        try:
            git.run(root, "commit", "-q", "-m", "camket init: thư mục dữ liệu mới")
        except git.GitError:
            git.run(
                root,
                "-c",
                "user.name=camket",
                "-c",
                "user.email=camket@localhost",
                "commit",
                "-q",
                "-m",
                "camket init: thư mục dữ liệu mới",
            )
        return git.run(root, "rev-parse", "HEAD").strip()
    except git.GitError:
        return None


def _unfinished(project: Project, year: int) -> dict[str, list[tuple[str, object]]]:
    """unit -> [(group title, item)] of the items not done by the end of `year`."""
    from camket.counting.tally import tally

    t = tally(project, year, dt.date(year, 12, 31))
    out: dict[str, list[tuple[str, object]]] = {}
    titles = {
        item.id: group.title
        for c in project.years[year].commitments.values()
        for group in c.groups
        for item in group.items
    }
    for state in t.items:
        if state.status is not Status.DONE:
            out.setdefault(state.unit_id, []).append((titles[state.item.id], state.item))
    return out


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def new_year(root: Path, source: Project, year: int, today: dt.date, ci: str = "gitlab") -> Made:
    """Year `year` in `root` from the last year of `source` before it: same units, and each
    unfinished item carried over, marked with `carried_from:` and its old id."""
    check_year(year)
    made = Made(root)
    fresh = not (root / "camket.yaml").exists()  # a new folder, not a new year in the same one
    if fresh:
        _require_empty(root)
    if (root / str(year)).exists():
        raise InitError(_("năm {year} đã có trong '{root}'").format(year=year, root=root))
    previous = max((y for y in source.years if y < year), default=None)
    if previous is None:
        raise InitError(
            _("'{root}' không có năm nào trước {year} để chuyển tiếp").format(
                root=source.root, year=year
            )
        )
    for name in ("camket.yaml", "units.yaml"):
        if not (root / name).exists():
            _write(made, name, (source.root / name).read_text(encoding="utf-8"))
    if fresh:
        _extras(made, ci)
    old = source.years[previous].config
    theme = f"Chủ đề năm {year}"
    _write(
        made,
        f"{year}/year.yaml",
        (
            _modeline("year", 1) + f"year: {year}\n"
            f"theme: {theme}                      # sửa thành chủ đề năm {year}\n"
            f"signed_on: {min(today, dt.date(year, 2, 20)).isoformat()}   # ngày ký cam kết\n"
            "# groups_per_unit: "
            f"{list(old.groups_per_unit) if old and old.groups_per_unit else [2, 6]}"
            "   # bật lại khi đã nhập đủ các nhóm nhiệm vụ\n"
        ),
    )
    if not fresh and not (root / SCHEMA_DIR).exists():
        write_schemas(made)
    carried = _unfinished(source, previous)
    for unit in source.units_in(year):
        items = carried.get(unit.id)
        if not items:
            continue
        head = source.years[previous].commitments[unit.id].head
        lines = [
            _modeline("commitments", 2).rstrip("\n"),
            f"# Các nội dung chưa hoàn thành năm {previous}, chuyển sang năm {year}.",
            f"unit: {unit.id}",
            f"year: {year}",
            f"head: {_q(head)}",
            "groups:",
        ]
        by_group: dict[str, list[object]] = {}
        for title, item in items:
            by_group.setdefault(title, []).append(item)
        number = 0
        for title, group_items in by_group.items():
            lines += [f"  - title: {_q(title)}", "    items:"]
            for item in group_items:
                number += 1
                lines += [
                    f"      - id: {unit.id}-{year}-{number:02d}",
                    f"        text: {_q(item.text)}",
                    f"        carried_from: {item.id}",
                ]
                if item.tags:
                    lines.append(f"        tags: [{', '.join(item.tags)}]")
                if item.indicator is not None:
                    fields = {
                        "plan": item.indicator.plan,
                        "unit": item.indicator.unit,
                        "better": item.indicator.better,
                    }
                    shown = ", ".join(
                        f"{k}: {_q(str(v)) if k == 'unit' else v}"
                        for k, v in fields.items()
                        if v is not None
                    )
                    lines.append(f"        indicator: {{{shown}}}")
        _write(made, f"{year}/commitments/{unit.id}.yaml", "\n".join(lines) + "\n")
    if fresh:
        made.commit = _git_init(made)
    return made
