"""Where a name, a position or a title may break across lines, in Vietnamese.

Vietnamese writes a space between the syllables of a word, and Word breaks lines at any space:
left alone it prints "SỞ Y / TẾ", "TỈNH / ỦY", "ĐẢNG ỦY KHỐI CÁC CƠ / QUAN TỈNH". So the lines of
the letterhead and the signature blocks are chosen here: the text is measured with the metrics
of Times (the body font; Times New Roman is metric-compatible), and when it does not fit its
column it breaks only before a word that starts a new part of a name ("TỈNH", "CÁC", "BAN",
"SỞ"…), choosing the most even lines. Inside a line every space is a no-break space, so Word
and LibreOffice keep the line as chosen; a line break is a "\\n", which the render stage turns
into a Word line break.

A title (the summary line under "BÁO CÁO", "BẢN CAM KẾT") is laid out the same way, for the
text width.
"""

from __future__ import annotations

import itertools
import unicodedata

NBSP = "\u00a0"
PT_TO_MM = 25.4 / 72

# Advance widths (thousandths of an em) of the printable ASCII characters, 32 to 126, from
# Adobe's metrics of Times-Roman and Times-Bold (the core PostScript fonts).
_ROMAN = (
    "250 333 408 500 500 833 778 333 333 333 500 564 250 333 250 278 500 500 500 500 500 500 500 "
    "500 500 500 278 278 564 564 564 444 921 722 667 667 722 611 556 722 722 333 389 722 611 889 "
    "722 722 556 722 667 556 611 722 722 944 722 722 611 333 278 333 469 500 333 444 500 444 500 "
    "444 333 500 500 278 278 500 278 778 500 500 500 500 333 389 278 500 500 722 500 500 444 480 "
    "200 480 541"
)
_BOLD = (
    "250 333 555 500 500 1000 833 333 333 333 500 570 250 333 250 278 500 500 500 500 500 500 500 "
    "500 500 500 333 333 570 570 570 500 930 722 667 722 722 667 611 778 778 389 500 778 667 944 "
    "722 778 611 778 722 556 667 722 722 1000 722 722 667 333 278 333 581 500 333 500 556 444 556 "
    "444 333 500 556 278 333 556 278 833 556 500 556 556 444 389 333 556 500 722 500 500 444 394 "
    "220 394 520"
)


def _names(text: str) -> list[str]:
    return text.split()


WIDTHS = {
    False: {chr(32 + i): int(w) for i, w in enumerate(_ROMAN.split())},
    True: {chr(32 + i): int(w) for i, w in enumerate(_BOLD.split())},
}

# Words before which a name or a position may break: those that start a new part of it.
STARTERS = frozenset(
    _names(
        "các và của tỉnh huyện thành thị quận xã phường khối ban sở hội liên đảng mặt đoàn "
        "trường viện tòa báo văn tập người đồng bí chủ giám trưởng chánh phó cục chi công "
        "quân bộ ủy"
    )
)
# Pairs of syllables that are one word: a line never breaks between them. Most are frequent in
# the names of party and state bodies and in positions; the rest break where a part starts.
BOUND = frozenset(
    tuple(pair.split("+"))
    for pair in _names(
        "tỉnh+ủy thành+ủy huyện+ủy thị+ủy quận+ủy đảng+ủy đảng+đoàn đảng+bộ ban+chấp ban+cán "
        "ban+thường chi+bộ công+an quân+sự mặt+trận liên+hiệp liên+đoàn liên+minh văn+phòng "
        "văn+hóa văn+học tập+thể hội+đồng người+đứng ủy+ban thành+phố thị+xã đồng+chí "
        "tổ+quốc việt+nam nhân+dân cơ+quan y+tế phụ+nữ nông+dân thanh+niên doanh+nghiệp "
        "kế+hoạch đầu+tư tài+chính xây+dựng giao+thông vận+tải nông+nghiệp phát+triển "
        "nông+thôn công+thương tài+nguyên môi+trường thể+thao du+lịch giáo+dục đào+tạo "
        "khoa+học công+nghệ thông+tin truyền+thông nội+vụ tư+pháp lao+động thương+binh "
        "xã+hội ngoại+vụ thanh+tra dân+tộc kiểm+tra tuyên+giáo tổ+chức dân+vận nội+chính "
        "chính+trị hợp+tác tác+xã nghệ+thuật kiểm+sát tòa+án kinh+tế quản+lý bí+thư "
        "chủ+tịch giám+đốc cựu+chiến chiến+binh lãnh+đạo đứng+đầu trực+thuộc thường+vụ "
        "cộng+sản hồ+chí chí+minh chấp+hành cán+sự khu+vực biên+phòng an+ninh quốc+phòng "
        "trưởng+ban chánh+văn phó+bí phó+chủ phó+giám viện+kiểm ngân+hàng bảo+hiểm "
        "phát+thanh truyền+hình học+viện đại+học cao+đẳng ban+nhân sự+đảng"
    )
)
_AUTHORITY = ("t/m", "k/t", "t/l", "tl.", "kt.", "tm.")  # never alone at a line's end


def width_mm(text: str, size_pt: float, bold: bool = False) -> float:
    """The printed width of `text` in Times at `size_pt`."""
    table = WIDTHS[bold]
    total = 0
    for ch in text:
        base = unicodedata.normalize("NFD", ch)[0]  # a Vietnamese letter is as wide as its base
        if base in ("Đ", "đ"):
            base = "D" if base == "Đ" else "d"
        total += table.get(base, table[" "] if base.isspace() else 600)
    return total / 1000 * size_pt * PT_TO_MM


def _cost(words: list[str], i: int) -> int | None:
    """What breaking a line before words[i] costs: 0 where a new part of a name starts, 1 at
    another space, None inside a word or right after "T/M"."""
    before, word = words[i - 1].casefold(), words[i].casefold()
    after = words[i + 1].casefold() if i + 1 < len(words) else ""
    if word == "ủy" and after == "ban" and before not in _AUTHORITY:
        return 0  # "BAN CÁN SỰ ĐẢNG / ỦY BAN NHÂN DÂN": not "đảng ủy" there
    if before in _AUTHORITY or (before, word) in BOUND:
        return None
    return 0 if word in STARTERS else 1


def lines(text: str, column_mm: float, size_pt: float, bold: bool = False) -> str:
    """`text` laid out in lines that fit `column_mm`: no-break spaces inside each line, a
    "\n" between lines. A text that fits stays on one line; otherwise the fewest lines, then
    the best places to break, then the most even lines (at most three lines)."""
    words = text.split()
    if width_mm(" ".join(words), size_pt, bold) <= column_mm:
        return NBSP.join(words)
    costs = {i: c for i in range(1, len(words)) if (c := _cost(words, i)) is not None}
    best: tuple[int, int, float, tuple[int, ...]] | None = None
    for count in (1, 2):
        for cuts in _combinations(sorted(costs), count):
            bounds = [0, *cuts, len(words)]
            widths = [
                width_mm(" ".join(words[a:b]), size_pt, bold) for a, b in itertools.pairwise(bounds)
            ]
            if max(widths) > column_mm:
                continue
            # a line of one word looks stranded: it costs as much as two poor breaks
            alone = 2 * sum(b - a == 1 for a, b in itertools.pairwise(bounds))
            score = (count, sum(costs[c] for c in cuts) + alone, max(widths) - min(widths), cuts)
            if best is None or score < best:
                best = score
        if best is not None:
            break
    if best is None:  # too long even for three lines: let Word break at any space
        return " ".join(words)
    bounds = [0, *best[3], len(words)]
    return "\n".join(NBSP.join(words[a:b]) for a, b in itertools.pairwise(bounds))


def _combinations(points: list[int], count: int) -> list[tuple[int, ...]]:
    if count == 1:
        return [(p,) for p in points]
    return [(a, b) for i, a in enumerate(points) for b in points[i + 1 :]]


TITLE_MM = 145.0  # the summary line under a document's type: the text width less its indents


def title(text: str) -> str:
    """A document's centred summary line in bold: lines that break only where a part starts,
    even, and never a word alone on the last line."""
    return lines(text, TITLE_MM, 14, bold=True)
