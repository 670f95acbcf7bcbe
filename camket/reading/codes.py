"""Codes of the problems found while reading and typing files (the rules have their own modules).

Each code has its English description for the maintainer (docs/checks.md) and, for the clerk,
a title, a fix and often an example in Vietnamese (`camket validate --explain`, docs/errors.md),
marked for the catalogue so that `--lang en` shows them in English.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from camket.i18n import N_


@dataclass(frozen=True)
class FileCode:
    about: str  # English, for the maintainer
    title: str  # Vietnamese, for the clerk (translated when shown)
    fix: str
    example: str = ""  # YAML that shows the problem


FILE_CODES: MappingProxyType[str, FileCode] = MappingProxyType(
    {
        "E001": FileCode(
            (
                "YAML syntax error: the line of the fault, with a hint for the usual slips (tab "
                "indentation, an unquoted ': ' inside text, misaligned keys)."
            ),
            N_("Lỗi cú pháp YAML"),
            N_(
                "Xem dòng được chỉ ra: thường là thụt lề bằng phím Tab (hãy dùng dấu cách), "
                "các khóa cùng cấp không thẳng cột, hoặc văn bản có dấu ': ' mà chưa đặt "
                "trong ngoặc kép."
            ),
            "text: Ghi chú: đã bàn giao mặt bằng\n",
        ),
        "E002": FileCode(
            "The file is empty (or only comments).",
            N_("Tệp rỗng"),
            N_("Điền nội dung cho tệp, hoặc xóa tệp nếu không dùng đến."),
            "# chỉ có dòng chú thích\n",
        ),
        "E003": FileCode(
            "The file is not UTF-8 (for example cp1252 or UTF-16): the first bad line.",
            N_("Tệp không lưu theo bảng mã UTF-8"),
            N_(
                "Mở tệp bằng trình soạn thảo (Notepad, VS Code) và lưu lại với bảng mã UTF-8. "
                "Nếu tệp soạn bằng phông chữ cũ (.VnTime, VNI-Times), dùng lệnh camket "
                "fix-encoding."
            ),
        ),
        "E004": FileCode(
            "A key is written twice in one mapping (PyYAML would silently keep the last).",
            N_("Một khóa được viết hai lần"),
            N_("Giữ lại một trong hai dòng; YAML chỉ nhận một giá trị cho mỗi khóa."),
            "head: Hồ Sỹ Trung\nhead: Lê Văn A\n",
        ),
        "E005": FileCode(
            "A key the format does not know, with the closest known key ('did you mean').",
            N_("Khóa không có trong mẫu dữ liệu"),
            N_(
                "Sửa lại tên khóa theo gợi ý (ví dụ 'progres' thành 'progress'). Nếu văn bản "
                "nằm trong {…} có dấu phẩy, hãy đặt văn bản trong ngoặc kép."
            ),
            "progres:\n  - {date: 2019-03-31, status: done}\n",
        ),
        "E006": FileCode(
            "A value of the wrong type, naming the type expected and what was read.",
            N_("Giá trị sai kiểu"),
            N_(
                "Viết giá trị đúng kiểu được nêu trong thông báo: văn bản, số, danh sách (mỗi "
                "dòng bắt đầu bằng '- ') hay bảng các cặp 'khóa: giá trị'. Văn bản như yes, "
                "no, on, off phải đặt trong ngoặc kép."
            ),
            "year: hai nghìn mười chín\n",
        ),
        "E007": FileCode(
            "A date that is not on the calendar (2019-02-30) or not written YYYY-MM-DD.",
            N_("Ngày không hợp lệ"),
            N_("Viết ngày theo dạng YYYY-MM-DD (ví dụ 2019-09-30) và là ngày có thật trên lịch."),
            "due: 2019-02-30\n",
        ),
        "E008": FileCode(
            "A required key is missing.",
            N_("Thiếu khóa bắt buộc"),
            N_("Thêm dòng cho khóa còn thiếu, ví dụ 'head: Hồ Sỹ Trung'."),
            "unit: dong-ha\nyear: 2019\ngroups: []\n",
        ),
        "E009": FileCode(
            "A key that YAML 1.1 reads as a boolean (on, off, yes, no): quote it.",
            N_("Khóa bị đọc thành giá trị đúng/sai"),
            N_(
                "YAML 1.1 đọc on, off, yes, no thành đúng/sai; nếu đó là tên khóa, hãy đặt "
                "trong ngoặc kép."
            ),
            "on: 1\n",
        ),
        "E010": FileCode(
            "A YAML tag camket does not read (!!python/..., !custom): nothing is constructed.",
            N_("Thẻ YAML không được hỗ trợ"),
            N_(
                "Xóa thẻ bắt đầu bằng '!' hoặc '!!'; camket chỉ đọc văn bản, số, ngày, danh "
                "sách và bảng. Không có gì trong tệp được thực thi."
            ),
            "head: !!python/object/apply:os.system ['echo']\n",
        ),
        "E011": FileCode(
            "A YAML alias (*name): refused, never expanded.",
            N_("Tham chiếu YAML (&/*)"),
            N_("Viết đầy đủ giá trị thay cho tham chiếu '*tên'; camket không mở rộng tham chiếu."),
            "a: &x Hoàn thành\nb: *x\n",
        ),
        "E012": FileCode(
            "The file is a list or a single value instead of a mapping of keys.",
            N_("Tệp không phải một bảng khóa"),
            N_(
                "Tệp dữ liệu phải bắt đầu bằng các cặp 'khóa: giá trị' (unit:, year:, …), "
                "không phải một danh sách hay một giá trị đơn."
            ),
            "- dong-ha\n- cam-lo\n",
        ),
        "E013": FileCode(
            (
                "Text in a legacy Vietnamese encoding (TCVN3/ABC or VNI), pasted or saved from old "
                "documents: camket fix-encoding converts it."
            ),
            N_("Văn bản ở bảng mã cũ TCVN3 (ABC) hoặc VNI"),
            N_(
                "Chạy camket fix-encoding TỆP để chuyển sang Unicode; kiểm tra lại chữ hoa có "
                "dấu (TCVN3 không phân biệt chữ hoa có dấu)."
            ),
            "text: Tr¸ch nhiÖm, kû c­¬ng\n",
        ),
        "E014": FileCode(
            (
                "A control character (pasted from Word or PDF) that would corrupt a document, or a "
                "character libyaml refuses."
            ),
            N_("Ký tự điều khiển trong dữ liệu"),
            N_(
                "Xóa ký tự ở vị trí được chỉ ra (thường lẫn vào khi dán từ Word hoặc PDF); ký "
                "tự này làm hỏng tệp Word khi in."
            ),
        ),
        "E015": FileCode(
            (
                "A number that is not finite (.nan, .inf, -.inf) or too large to compute with "
                "(past 1.8e308): JSON and spreadsheets have no such number."
            ),
            N_("Số không hữu hạn"),
            N_(
                'Viết một số thật (ví dụ 12 hoặc 3.5). YAML đọc .nan, .inf, -.inf thành "không '
                'phải số" và "vô cực"; Excel và các chương trình khác không đọc được các giá trị '
                "này. Nếu chưa có số liệu, hãy bỏ trống dòng đó (ví dụ bỏ actual:)."
            ),
            "indicator: {plan: .nan, unit: '%'}\n",
        ),
        "E016": FileCode(
            (
                "A value outside its allowed set (better: higher or lower; cause: objective or "
                "subjective)."
            ),
            N_("Giá trị ngoài danh sách cho phép"),
            N_(
                "Dùng một trong các giá trị được nêu: better: higher hoặc lower; cause: "
                "objective (khách quan) hoặc subjective (chủ quan)."
            ),
            "cause: do trời mưa\n",
        ),
        "E017": FileCode(
            (
                "A private-use character (U+E000-U+F8FF, planes 15 and 16), typically a Symbol or "
                "Wingdings bullet pasted from Word: it shows differently on every machine, and the "
                "render stage marks footnotes with it. Left out of the value."
            ),
            N_("Ký tự thuộc vùng dùng riêng của Unicode"),
            N_(
                "Xóa ký tự ở vị trí được chỉ ra, hoặc thay bằng chữ thường (ví dụ dấu '-' "
                "thay cho dấu chấm tròn). Ký tự này thường là ký hiệu gạch đầu dòng dán từ "
                "Word (phông Symbol, Wingdings): máy khác hiện nó thành ô vuông hay ký hiệu "
                "khác, và camket dùng vùng ký tự này để đánh dấu chú thích trong văn bản "
                "Word."
            ),
        ),
        "E018": FileCode(
            (
                "Nesting deeper than 64 levels (lists in lists, mappings in mappings): a data file "
                "needs seven; the deeper part is not read."
            ),
            N_("Dữ liệu lồng nhau quá sâu"),
            N_(
                "Một tệp dữ liệu chỉ cần vài tầng (nhóm, nội dung, tiến độ). Kiểm tra các dấu "
                "ngoặc [ ] { } có đóng đủ không, và thụt lề từ dòng được chỉ ra; phần lồng "
                "quá 64 tầng không được đọc."
            ),
            (
                "text: "
                "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[Hà]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n"
            ),
        ),
        "E019": FileCode(
            (
                "An identifier (of a block, unit, item, indicator or tag) with characters other "
                "than lower-case ASCII letters, digits and single hyphens between them; the ASCII "
                "form is proposed (Đông Hà -> dong-ha)."
            ),
            N_("Mã viết sai quy tắc"),
            N_(
                "Mã của khối, đơn vị, nội dung cam kết, chỉ tiêu và nhóm theo dõi chỉ gồm chữ "
                "thường không dấu (a–z), chữ số (0–9) và dấu gạch nối '-' giữa các chữ: bỏ "
                "dấu tiếng Việt, viết đ thành d, thay dấu cách bằng '-', ví dụ 'Đông Hà' "
                "thành dong-ha. Tên tệp cam kết là mã đơn vị nên theo cùng quy tắc "
                "(dong-ha.yaml)."
            ),
            "units:\n  - id: đông-hà\n",
        ),
        "E020": FileCode(
            "An unknown progress status, with the closest known status.",
            N_("Trạng thái không hợp lệ"),
            N_(
                "Dùng một trong: not_started, in_progress, done, not_done, paused, adjusted, "
                "hoặc tiếng Việt: chưa thực hiện, đang thực hiện, hoàn thành, không hoàn "
                "thành, tạm dừng, điều chỉnh."
            ),
            "progress:\n  - {date: 2019-09-30, status: xong}\n",
        ),
        "E031": FileCode(
            "units.yaml is missing.",
            N_("Thiếu tệp units.yaml"),
            N_("Tạo tệp units.yaml với danh sách khối (blocks:) và đơn vị (units:)."),
        ),
        "E032": FileCode(
            "A year folder has no year.yaml.",
            N_("Thư mục năm thiếu year.yaml"),
            N_("Tạo tệp NĂM/year.yaml với year:, theme: (chủ đề năm) và signed_on: (ngày ký)."),
        ),
        "E034": FileCode(
            "A path that should be a file is a folder, or cannot be read.",
            N_("Không đọc được tệp"),
            N_("Đường dẫn là một thư mục hoặc tệp không mở được; kiểm tra tên và quyền đọc."),
        ),
        "E035": FileCode(
            "Two commitments files for one unit in one year (dong-ha.yaml and dong-ha.yml).",
            N_("Hai tệp cam kết cho một đơn vị"),
            N_("Gộp hai tệp (ví dụ dong-ha.yaml và dong-ha.yml) thành một."),
        ),
        "E036": FileCode(
            "A symbolic link that leads out of the data folder: never followed.",
            N_("Liên kết trỏ ra ngoài thư mục dữ liệu"),
            N_(
                "Chép tệp thật vào thư mục dữ liệu thay cho liên kết; camket không đọc tệp "
                "bên ngoài."
            ),
        ),
        "E037": FileCode(
            "A file larger than camket's limit (8 MB): a data file is a few kilobytes.",
            N_("Tệp quá lớn"),
            N_(
                "Một tệp dữ liệu chỉ vài chục KB; kiểm tra xem có dán nhầm nội dung lớn, hoặc "
                "chia tệp."
            ),
        ),
        "E038": FileCode(
            (
                "A lower committee's folder (`lower:` in camket.yaml) is missing, empty (a git "
                "submodule not checked out) or not a data folder: found by the commands run with "
                "--cascade."
            ),
            N_("Không đọc được thư mục dữ liệu của một cấp dưới"),
            N_(
                "Thư mục ghi ở lower: chưa có, còn trống hoặc không có camket.yaml. Nếu đó là git "
                "submodule, lấy về bằng lệnh: git submodule update --init --recursive (trên máy "
                "chủ CI: bật lấy submodule, ví dụ GIT_SUBMODULE_STRATEGY: recursive trên "
                "GitLab). Nếu đường dẫn sai, sửa path: trong camket.yaml."
            ),
            "lower:\n  - {id: dong-ha, path: cap-duoi/dong-ha}   # thư mục chưa được lấy về\n",
        ),
        "W001": FileCode(
            "Text not in Unicode NFC (decomposed accents, typical of macOS): read as NFC.",
            N_("Dấu tiếng Việt ở dạng tổ hợp (NFD)"),
            N_("Chạy camket fix-encoding TỆP để chuẩn hóa về dạng dựng sẵn (NFC)."),
        ),
        "W002": FileCode(
            "A number YAML 1.1 reads surprisingly (010 is 8, 1:30 is 90, 1_000 is 1000).",
            N_("Số được YAML 1.1 đọc khác ý"),
            N_(
                "010 được đọc là 8, 1:30 là 90, 1_000 là 1000; nếu là văn bản hãy đặt trong "
                "ngoặc kép."
            ),
            "code: 010\n",
        ),
        "W003": FileCode(
            (
                "An invisible character: a bidirectional control (U+202E…) that makes text read "
                "otherwise than it is, a zero-width space or joiner, a soft hyphen, a BOM inside "
                "text, a tag or variation selector (every Unicode format character, category Cf)."
            ),
            N_("Ký tự vô hình trong văn bản"),
            N_(
                "Xóa ký tự ở vị trí được chỉ ra (trong trình soạn thảo, đưa con trỏ qua chỗ "
                "đó: con trỏ dừng lại mà không thấy chữ nào). Các ký tự đổi chiều chữ "
                "(U+202E…) làm văn bản hiện khác với nội dung thật; các ký tự không có độ "
                "rộng (U+200B, U+200D, gạch nối mềm U+00AD…) làm hai văn bản trông giống nhau "
                "mà máy coi là khác nhau. Tiếng Việt không cần ký tự nào trong số này."
            ),
        ),
        "E100": FileCode(
            "A rule failed on this data (a fault in camket, not in the data): reported with the "
            "rule's code, and every other rule still runs.",
            N_("Một quy tắc kiểm tra gặp lỗi"),
            N_(
                "Đây là lỗi của camket, không phải của dữ liệu: hãy báo lại cho người bảo trì, kèm "
                "thông báo. Các lỗi khác trong danh sách vẫn đúng và nên sửa."
            ),
        ),
    }
)
