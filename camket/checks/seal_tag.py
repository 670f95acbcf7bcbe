"""A sealed year's git tag points at the seal commit `camket seal` made.

Why: the tag `cam-ket-YEAR` is the seal the git server protects; the commit it points at is
what the units signed. `camket seal` writes the seal into the commit's message too, so the
history itself says which commit was sealed last. A tag that is missing, that points at
another commit (moved with `git tag -f`, or made by hand), that is not an annotated tag, or
whose commit is not in the history of the branch in use, no longer vouches for the content:
each is an error, and signed content is still compared with the seal commit the history
names. (Below, the invalid example moves the tag to a later commit.)

Valid:

```yaml
# run: camket seal 2019 --date 2019-02-20
```

Invalid:

```yaml
# run: camket seal 2019 --date 2019-02-20
# file: ghi-chu.txt
Thêm một tệp để có commit mới.
# run: git add ghi-chu.txt
# run: git commit -q -m "Thêm ghi chú"
# run: git tag -f -a cam-ket-2019 -m "Dời thẻ" HEAD
```
"""

from __future__ import annotations

from collections.abc import Iterator

from camket.checks._common import Finding, Scope, Year
from camket.i18n import N_, _
from camket.problems import Severity, Span
from camket.reading.folder import YEAR

CODE = "E123"
SEVERITY = Severity.ERROR
SCOPE = Scope.YEAR
TITLE = N_("Thẻ niêm phong trong Git bị xóa, bị dời hoặc không khớp")
FIX = N_(
    "Thẻ cam-ket-NĂM phải trỏ tới commit do camket seal tạo. Lấy lại thẻ đúng từ máy chủ: git "
    "fetch --tags --force (máy chủ bảo vệ thẻ này); nếu nhánh đang dùng chưa có commit niêm "
    "phong: git pull. Chỉ niêm phong lại (camket seal NĂM --force) khi đã có quyết định, và "
    "báo người quản lý kho cập nhật thẻ trên máy chủ."
)


def message(problem: str) -> str:
    """What is wrong with a seal's tag, and what to do; placeholders: year, tag, commit (the
    seal commit), tagged (the tag's commit), when, error."""
    messages = {
        "missing": _(
            "năm {year} đã niêm phong ngày {when} (commit {commit}) nhưng không còn thẻ git "
            "{tag}; lấy lại thẻ từ máy chủ: git fetch --tags; nếu thẻ đã bị xóa, báo người quản "
            "lý kho"
        ),
        "moved": _(
            "thẻ git {tag} trỏ tới commit {tagged}, không phải commit niêm phong {commit} (ngày "
            "{when}): thẻ đã bị dời hoặc tạo lại bằng tay; lấy lại thẻ đúng từ máy chủ: git "
            "fetch --tags --force"
        ),
        "lightweight": _(
            "thẻ git {tag} không phải thẻ có chú thích do camket seal tạo; lấy lại thẻ đúng từ "
            "máy chủ: git fetch --tags --force"
        ),
        "foreign": _(
            "thẻ git {tag} trỏ tới commit {tagged}, không phải commit do camket seal tạo; nếu "
            "thẻ bị dời, lấy lại từ máy chủ: git fetch --tags --force; nếu năm {year} chưa "
            "niêm phong thật, hãy niêm phong: camket seal {year} --force"
        ),
        "elsewhere": _(
            "commit niêm phong {tagged} (thẻ {tag}) không có trong lịch sử của nhánh đang dùng; "
            "hãy lấy dữ liệu mới từ máy chủ (git pull) hoặc hợp nhất nhánh đã niêm phong"
        ),
        "unreadable": _(
            "không đọc được niêm phong năm {year} từ git ({error}); hãy kiểm tra kho (git "
            "fsck) rồi chạy lại"
        ),
    }
    return messages[problem]


def check(target: Year) -> Iterator[Finding]:
    year, data = target.year, target.data
    found = data.seal
    if found is None or found.tag_problem is None:
        return
    where = data.config.span() if data.config is not None else Span(data.folder / YEAR, 1, 1)
    yield (
        where,
        message(found.tag_problem).format(
            year=year,
            tag=found.tag,
            commit=found.commit[:10],
            tagged=(found.tag_commit or "")[:10],
            when=found.sealed_on_text,
            error=found.error,
        ),
    )
