"""What each problem code means, for the clerk, in Vietnamese: `camket validate --explain CODE`.

docs/errors.md is generated from this table (a test keeps them in step). The examples of the
rules across files come from the rule modules' own documented invalid examples, so they are
the examples the test-suite runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Explanation:
    title: str
    fix: str
    example: str = ""  # YAML that shows the problem (for the rules: taken from the module)


EXPLANATIONS: dict[str, Explanation] = {
    "E001": Explanation(
        "Lỗi cú pháp YAML",
        "Xem dòng được chỉ ra: thường là thụt lề bằng phím Tab (hãy dùng dấu cách), các khóa cùng "
        "cấp không thẳng cột, hoặc văn bản có dấu ': ' mà chưa đặt trong ngoặc kép.",
        "text: Ghi chú: đã bàn giao mặt bằng\n",
    ),
    "E002": Explanation(
        "Tệp rỗng",
        "Điền nội dung cho tệp, hoặc xóa tệp nếu không dùng đến.",
        "# chỉ có dòng chú thích\n",
    ),
    "E003": Explanation(
        "Tệp không lưu theo bảng mã UTF-8",
        "Mở tệp bằng trình soạn thảo (Notepad, VS Code) và lưu lại với bảng mã UTF-8. Nếu tệp "
        "soạn bằng phông chữ cũ (.VnTime, VNI-Times), dùng lệnh camket fix-encoding.",
    ),
    "E004": Explanation(
        "Một khóa được viết hai lần",
        "Giữ lại một trong hai dòng; YAML chỉ nhận một giá trị cho mỗi khóa.",
        "head: Hồ Sỹ Trung\nhead: Lê Văn A\n",
    ),
    "E005": Explanation(
        "Khóa không có trong mẫu dữ liệu",
        "Sửa lại tên khóa theo gợi ý (ví dụ 'progres' thành 'progress'). Nếu văn bản nằm trong "
        "{…} có dấu phẩy, hãy đặt văn bản trong ngoặc kép.",
        "progres:\n  - {date: 2019-03-31, status: done}\n",
    ),
    "E006": Explanation(
        "Giá trị sai kiểu",
        "Viết giá trị đúng kiểu được nêu trong thông báo: văn bản, số, danh sách (mỗi dòng bắt "
        "đầu bằng '- ') hay bảng các cặp 'khóa: giá trị'. Văn bản như yes, no, on, off phải "
        "đặt trong ngoặc kép.",
        "year: hai nghìn mười chín\n",
    ),
    "E007": Explanation(
        "Ngày không hợp lệ",
        "Viết ngày theo dạng YYYY-MM-DD (ví dụ 2019-09-30) và là ngày có thật trên lịch.",
        "due: 2019-02-30\n",
    ),
    "E008": Explanation(
        "Thiếu khóa bắt buộc",
        "Thêm dòng cho khóa còn thiếu, ví dụ 'head: Hồ Sỹ Trung'.",
        "unit: dong-ha\nyear: 2019\ngroups: []\n",
    ),
    "E009": Explanation(
        "Khóa bị đọc thành giá trị đúng/sai",
        "YAML 1.1 đọc on, off, yes, no thành đúng/sai; nếu đó là tên khóa, hãy đặt trong ngoặc "
        "kép.",
        "on: 1\n",
    ),
    "E010": Explanation(
        "Thẻ YAML không được hỗ trợ",
        "Xóa thẻ bắt đầu bằng '!' hoặc '!!'; camket chỉ đọc văn bản, số, ngày, danh sách và bảng. "
        "Không có gì trong tệp được thực thi.",
        "head: !!python/object/apply:os.system ['echo']\n",
    ),
    "E011": Explanation(
        "Tham chiếu YAML (&/*)",
        "Viết đầy đủ giá trị thay cho tham chiếu '*tên'; camket không mở rộng tham chiếu.",
        "a: &x Hoàn thành\nb: *x\n",
    ),
    "E012": Explanation(
        "Tệp không phải một bảng khóa",
        "Tệp dữ liệu phải bắt đầu bằng các cặp 'khóa: giá trị' (unit:, year:, …), không phải "
        "một danh sách hay một giá trị đơn.",
        "- dong-ha\n- cam-lo\n",
    ),
    "E013": Explanation(
        "Văn bản ở bảng mã cũ TCVN3 (ABC) hoặc VNI",
        "Chạy camket fix-encoding TỆP để chuyển sang Unicode; kiểm tra lại chữ hoa có dấu (TCVN3 "
        "không phân biệt chữ hoa có dấu).",
        "text: Tr¸ch nhiÖm, kû c­¬ng\n",
    ),
    "E014": Explanation(
        "Ký tự điều khiển trong dữ liệu",
        "Xóa ký tự ở vị trí được chỉ ra (thường lẫn vào khi dán từ Word hoặc PDF); ký tự này làm "
        "hỏng tệp Word khi in.",
    ),
    "E015": Explanation(
        "Số không hữu hạn",
        'Viết một số thật (ví dụ 12 hoặc 3.5). YAML đọc .nan, .inf, -.inf thành "không phải '
        'số" và "vô cực"; Excel và các chương trình khác không đọc được các giá trị này. Nếu '
        "chưa có số liệu, hãy bỏ trống dòng đó (ví dụ bỏ actual:).",
        "indicator: {plan: .nan, unit: '%'}\n",
    ),
    "E016": Explanation(
        "Giá trị ngoài danh sách cho phép",
        "Dùng một trong các giá trị được nêu: better: higher hoặc lower; cause: objective "
        "(khách quan) hoặc subjective (chủ quan).",
        "cause: do trời mưa\n",
    ),
    "E017": Explanation(
        "Ký tự thuộc vùng dùng riêng của Unicode",
        "Xóa ký tự ở vị trí được chỉ ra, hoặc thay bằng chữ thường (ví dụ dấu '-' thay cho dấu "
        "chấm tròn). Ký tự này thường là ký hiệu gạch đầu dòng dán từ Word (phông Symbol, "
        "Wingdings): máy khác hiện nó thành ô vuông hay ký hiệu khác, và camket dùng vùng ký tự "
        "này để đánh dấu chú thích trong văn bản Word.",
    ),
    "E018": Explanation(
        "Dữ liệu lồng nhau quá sâu",
        "Một tệp dữ liệu chỉ cần vài tầng (nhóm, nội dung, tiến độ). Kiểm tra các dấu ngoặc "
        "[ ] { } có đóng đủ không, và thụt lề từ dòng được chỉ ra; phần lồng quá 64 tầng "
        "không được đọc.",
        "text: " + "[" * 64 + "Hà" + "]" * 64 + "\n",
    ),
    "E019": Explanation(
        "Mã viết sai quy tắc",
        "Mã của khối, đơn vị, nội dung cam kết, chỉ tiêu và nhóm theo dõi chỉ gồm chữ thường "
        "không dấu (a–z), chữ số (0–9) và dấu gạch nối '-' giữa các chữ: bỏ dấu tiếng Việt, "
        "viết đ thành d, thay dấu cách bằng '-', ví dụ 'Đông Hà' thành dong-ha. Tên tệp cam kết "
        "là mã đơn vị nên theo cùng quy tắc (dong-ha.yaml).",
        "units:\n  - id: đông-hà\n",
    ),
    "E020": Explanation(
        "Trạng thái không hợp lệ",
        "Dùng một trong: not_started, in_progress, done, not_done, paused, adjusted, hoặc tiếng "
        "Việt: chưa thực hiện, đang thực hiện, hoàn thành, không hoàn thành, tạm dừng, điều "
        "chỉnh.",
        "progress:\n  - {date: 2019-09-30, status: xong}\n",
    ),
    "E031": Explanation(
        "Thiếu tệp units.yaml",
        "Tạo tệp units.yaml với danh sách khối (blocks:) và đơn vị (units:).",
    ),
    "E032": Explanation(
        "Thư mục năm thiếu year.yaml",
        "Tạo tệp NĂM/year.yaml với year:, theme: (chủ đề năm) và signed_on: (ngày ký).",
    ),
    "E034": Explanation(
        "Không đọc được tệp",
        "Đường dẫn là một thư mục hoặc tệp không mở được; kiểm tra tên và quyền đọc.",
    ),
    "E035": Explanation(
        "Hai tệp cam kết cho một đơn vị",
        "Gộp hai tệp (ví dụ dong-ha.yaml và dong-ha.yml) thành một.",
    ),
    "E036": Explanation(
        "Liên kết trỏ ra ngoài thư mục dữ liệu",
        "Chép tệp thật vào thư mục dữ liệu thay cho liên kết; camket không đọc tệp bên ngoài.",
    ),
    "E037": Explanation(
        "Tệp quá lớn",
        "Một tệp dữ liệu chỉ vài chục KB; kiểm tra xem có dán nhầm nội dung lớn, hoặc chia tệp.",
    ),
    "W001": Explanation(
        "Dấu tiếng Việt ở dạng tổ hợp (NFD)",
        "Chạy camket fix-encoding TỆP để chuẩn hóa về dạng dựng sẵn (NFC).",
    ),
    "W002": Explanation(
        "Số được YAML 1.1 đọc khác ý",
        "010 được đọc là 8, 1:30 là 90, 1_000 là 1000; nếu là văn bản hãy đặt trong ngoặc kép.",
        "code: 010\n",
    ),
    "W003": Explanation(
        "Ký tự vô hình trong văn bản",
        "Xóa ký tự ở vị trí được chỉ ra (trong trình soạn thảo, đưa con trỏ qua chỗ đó: con trỏ "
        "dừng lại mà không thấy chữ nào). Các ký tự đổi chiều chữ (U+202E…) làm văn bản hiện "
        "khác với nội dung thật; các ký tự không có độ rộng (U+200B, U+200D, gạch nối mềm U+00AD…) "
        "làm hai văn bản trông giống nhau mà máy coi là khác nhau. Tiếng Việt không cần ký tự nào "
        "trong số này.",
    ),
    "E101": Explanation("Trùng mã khối", "Đặt cho mỗi khối một mã riêng trong units.yaml."),
    "E102": Explanation("Trùng mã đơn vị", "Đặt cho mỗi đơn vị một mã riêng trong units.yaml."),
    "E103": Explanation(
        "Đơn vị thuộc khối chưa khai báo",
        "Sửa block: của đơn vị thành mã một khối có trong blocks:, hoặc khai báo khối mới.",
    ),
    "E104": Explanation(
        "Tên tệp cam kết không phải mã đơn vị",
        "Đổi tên tệp thành MÃ_ĐƠN_VỊ.yaml theo units.yaml (ví dụ dong-ha.yaml).",
    ),
    "E105": Explanation(
        "unit: khác tên tệp",
        "Sửa unit: hoặc tên tệp để hai bên cùng là mã đơn vị.",
    ),
    "E106": Explanation(
        "year: khác thư mục năm",
        "Sửa year: cho đúng năm của thư mục, hoặc chuyển tệp sang thư mục năm đúng.",
    ),
    "E107": Explanation(
        "Đơn vị không tồn tại trong năm",
        "Sửa years: của đơn vị trong units.yaml, hoặc xóa tệp cam kết của năm đó.",
    ),
    "E108": Explanation(
        "Trùng mã nội dung cam kết",
        "Mỗi nội dung cần một mã riêng trong cả thư mục dữ liệu, ví dụ dong-ha-2019-01.",
    ),
    "E109": Explanation(
        "Số nhóm nhiệm vụ ngoài quy định",
        "Mỗi đơn vị có từ groups_per_unit[0] đến groups_per_unit[1] nhóm nhiệm vụ (year.yaml); "
        "gộp hoặc tách nhóm cho đúng.",
    ),
    "E110": Explanation(
        "Tiến độ không theo thứ tự ngày",
        "Sắp các mục tiến độ theo ngày tăng dần: mục cuối cùng là tình trạng hiện tại.",
    ),
    "E111": Explanation(
        "Ngày tiến độ không hợp lý",
        "Ngày tiến độ không được trước năm cam kết, cũng không được sau ngày hôm nay.",
    ),
    "E112": Explanation(
        "Tạm dừng hoặc điều chỉnh mà thiếu lý do",
        "Thêm reason: (lý do) vào mục tiến độ; lý do tạm dừng được in làm chú thích của báo cáo.",
    ),
    "E113": Explanation(
        "Điều chỉnh mà thiếu văn bản cho phép",
        "Thêm approved_by: với số, ngày của văn bản cho phép điều chỉnh.",
    ),
    "E114": Explanation(
        "Không hoàn thành hoặc hoàn thành chậm mà thiếu nguyên nhân",
        "Thêm cause: objective (khách quan) hoặc subjective (chủ quan), và reason: (lý do).",
    ),
    "E115": Explanation(
        "Số nội dung khai báo không khớp",
        "Kiểm tra các tệp cam kết của khối (thiếu hay thừa nội dung), hoặc sửa số trong expect:.",
    ),
    "E117": Explanation(
        "Mục lời văn báo cáo không có chỗ",
        "Dùng mã một khối, hoặc intro, results, limitations, next_year dưới report:.",
    ),
    "E119": Explanation(
        "Khoảng năm hoặc khoảng số nhóm ngược",
        "Viết [năm bắt đầu, năm kết thúc] và [ít nhất, nhiều nhất].",
    ),
    "E120": Explanation("Trùng mã chỉ tiêu", "Đặt cho mỗi chỉ tiêu một mã riêng trong year.yaml."),
    "E121": Explanation(
        "Nội dung đã ký thay đổi sau khi niêm phong",
        "Nội dung đã ký được so với bản lưu trong Git ở thẻ niêm phong cam-ket-NĂM. Nếu việc "
        "điều chỉnh đã được cho phép, sửa nội dung theo văn bản rồi ghi quyết định (cùng lúc "
        'hoặc sau khi sửa): camket record MÃ adjusted --reason "…" --approved-by "Công văn số '
        '…" --commit; nếu không, trả lại nội dung đã ký. Sửa seal.yaml hay thêm dòng ghi chú '
        "không thay cho quyết định.",
    ),
    "E123": Explanation(
        "Thẻ niêm phong trong Git bị xóa, bị dời hoặc không khớp",
        "Thẻ cam-ket-NĂM phải trỏ tới commit do camket seal tạo. Lấy lại thẻ đúng từ máy chủ: "
        "git fetch --tags --force (máy chủ bảo vệ thẻ này); nếu nhánh đang dùng chưa có commit "
        "niêm phong: git pull. Chỉ niêm phong lại (camket seal NĂM --force) khi đã có quyết "
        "định, và báo người quản lý kho cập nhật thẻ trên máy chủ.",
    ),
    "W123": Explanation(
        "Có seal.yaml nhưng năm chưa niêm phong trong Git",
        "camket không dựa vào seal.yaml vì tệp này sửa được bằng tay. Trong một kho Git, hãy "
        "niêm phong lại: camket seal NĂM --force.",
    ),
    "E122": Explanation(
        "Mẫu văn bản trong camket.yaml không dùng được",
        "Mẫu văn bản ghi ở khóa templates phải là tệp Word .docx nằm trong thư mục dữ liệu "
        "(ví dụ templates/bao-cao.docx), ghi bằng đường dẫn tương đối. Chép mẫu vào thư mục dữ "
        "liệu; muốn dùng một mẫu ở nơi khác cho một lần in, dùng --template TỆP.",
    ),
    "W102": Explanation(
        "Văn bản sẽ in không có tên người ký",
        "Thêm tên người ký vào camket.yaml: report_signature: {on_behalf: T/L Ban Thường vụ, "
        "title: Chánh Văn phòng, name: …} và sheet_signature: {…, name: …}. Năm nào người ký "
        "khác thì ghi report_signature hoặc sheet_signature trong year.yaml của năm đó.",
    ),
    "W103": Explanation(
        "Nội dung chậm, chưa hoàn thành khi hết năm mà chưa có nguyên nhân",
        "Ghi kết quả cuối năm của nội dung cùng nguyên nhân và lý do: camket record MÃ not_done "
        '--date NĂM-12-31 --cause objective --reason "…" (hoặc --cause subjective); nếu không, '
        "báo cáo ghi “chưa xác định nguyên nhân”.",
    ),
    "E124": Explanation(
        "Khai báo cấp dưới (lower:) trong camket.yaml không đúng",
        "Mỗi mục của lower: có id là mã một đơn vị trong units.yaml (cấp dưới cũng ký cam kết "
        "với cấp này) và path là thư mục con của thư mục dữ liệu này, ghi bằng đường dẫn tương "
        "đối, thường là một git submodule: lower: [{id: dong-ha, path: cap-duoi/dong-ha}]. Mỗi "
        "cấp dưới khai báo một lần, mỗi cấp một thư mục riêng.",
    ),
    "E038": Explanation(
        "Không đọc được thư mục dữ liệu của một cấp dưới",
        "Thư mục ghi ở lower: chưa có, còn trống hoặc không có camket.yaml. Nếu đó là git "
        "submodule, lấy về bằng lệnh: git submodule update --init --recursive (trên máy chủ CI: "
        "bật lấy submodule, ví dụ GIT_SUBMODULE_STRATEGY: recursive trên GitLab). Nếu đường dẫn "
        "sai, sửa path: trong camket.yaml.",
        "lower:\n  - {id: dong-ha, path: cap-duoi/dong-ha}   # thư mục chưa được lấy về\n",
    ),
    "W101": Explanation(
        "Đơn vị chưa có tệp cam kết",
        "Tạo tệp NĂM/commitments/MÃ.yaml cho đơn vị, hoặc ghi years: trong units.yaml nếu năm đó "
        "đơn vị không ký cam kết.",
    ),
}


def example(code: str) -> str:
    """The explanation's own example, else the first invalid example of the rule's module."""
    entry = EXPLANATIONS[code]
    if entry.example:
        return entry.example
    from camket import checks

    module = checks.CHECKS.get(code)
    doc = (module.__doc__ or "") if module else ""
    if "\nInvalid:\n" not in doc:
        return ""
    block = re.search(r"```yaml\n(.*?)```", doc.split("\nInvalid:\n", 1)[1], re.S)
    return block.group(1) if block else ""


def explain(code: str) -> str:
    entry = EXPLANATIONS[code]
    text = f"{code} — {entry.title}\n\nCách sửa: {entry.fix}\n"
    sample = example(code)
    if sample:
        text += "\nVí dụ sai:\n\n" + "".join(f"    {line}\n" for line in sample.splitlines())
    return text


def document() -> str:
    """docs/errors.md."""
    out = [
        "# Các mã lỗi của camket",
        "",
        "<!-- Tạo bởi `python -m camket.checks.explanations > docs/errors.md`; không sửa bằng "
        "tay. -->",
        "",
        "Mỗi lỗi được in dạng `tệp:dòng:cột: error: thông báo [MÃ]`. Xem giải thích một mã "
        "ngay trong cửa sổ lệnh: `camket validate --explain MÃ`.",
        "",
    ]
    for code in sorted(EXPLANATIONS):
        entry = EXPLANATIONS[code]
        out += [f"## {code} — {entry.title}", "", f"**Cách sửa:** {entry.fix}", ""]
        sample = example(code)
        if sample:
            out += ["Ví dụ sai:", "", "```yaml", sample.rstrip("\n"), "```", ""]
    return "\n".join(out)


if __name__ == "__main__":
    print(document(), end="")
