"""The appendix's charts, as PNGs: completion by block, and the indicators against their plans.

Drawn at the size it prints (the landscape appendix's text width), so the fonts are the sizes
a reader sees: 11 pt, never under 10. matplotlib (imported here only) uses its bundled DejaVu
Serif, which has every Vietnamese letter and is the same on every machine; the report's body is
a serif too. Labels are wrapped whole, never cut; each bar carries its value; the indicators
met and missed are told apart by colour and a legend inside their plot. 300 dpi; the PNG has no
timestamp or software tag, so the same tally gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import textwrap

from camket import vn
from camket.counting.tally import YearTally

WIDTH_MM = 250.0  # within the landscape appendix's 262 mm of text
HEIGHT_MM = 160.0  # under a heading, within its 175 mm
FONT_PT = 11
DPI = 300
BLUE, LIGHT, RED = "#2f5d8a", "#c9d6e8", "#c0504d"


def _style(size: float) -> dict[str, object]:
    return {
        "font.family": "DejaVu Serif",
        "font.size": size,
        "svg.hashsalt": "camket",
        "axes.spines.top": False,
        "axes.spines.right": False,
    }


def _save(fig) -> bytes:
    from matplotlib import pyplot as plt

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    plt.close(fig)
    return buffer.getvalue()


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    return plt


def png(t: YearTally) -> bytes:
    """Completion by block: carried out and completed, as a share of the block's items."""
    plt = _pyplot()
    blocks = list(reversed(t.blocks))
    labels = [textwrap.fill(b.name, 30) for b in blocks]
    lines = sum(label.count("\n") + 1 for label in labels)
    height_mm = min(HEIGHT_MM, 32.0 + max(14.0 * len(blocks), 6.0 * lines))
    with plt.rc_context(_style(FONT_PT)):
        fig = plt.figure(figsize=(WIDTH_MM / 25.4, height_mm / 25.4), layout="constrained")
        ax = fig.add_subplot()
        done = [float(b.counts.share("completed") or 0) for b in blocks]
        carried = [float(b.counts.share("carried_out") or 0) for b in blocks]
        ax.barh(labels, carried, color=LIGHT, label="Đã triển khai thực hiện")
        ax.barh(labels, done, color=BLUE, height=0.45, label="Đã hoàn thành")
        for y, b in enumerate(blocks):
            rate = b.counts.share("completed")
            shown = f"{b.counts.completed}/{b.counts.total}"
            if rate is not None:
                shown += f" ({vn.ratio(rate)}%)"
            ax.text(max(carried[y], done[y]) + 1, y, shown, va="center")
        ax.set_xlim(0, 130)
        ax.set_xticks([0, 25, 50, 75, 100])
        ax.set_xlabel("% số nội dung cam kết của khối")
        when = f"năm {t.year}"
        if t.as_of < dt.date(t.year, 12, 31):
            when += f", tính đến {vn.short_date(t.as_of)}"
        ax.set_title(f"Kết quả thực hiện cam kết theo khối, {when}", loc="left")
        fig.legend(loc="outside lower center", ncol=2, frameon=False)
        return _save(fig)


def indicators_png(t: YearTally) -> bytes:
    """Each indicator's result against its plan, met and missed told apart; empty bytes when
    no indicator has a measurable result."""
    shown = list(reversed(t.scored_indicators))
    if not shown:
        return b""
    plt = _pyplot()
    from matplotlib.patches import Patch

    labels = [textwrap.fill(s.indicator.name, 64) for s in shown]
    lines = sum(label.count("\n") + 1 for label in labels)
    size = FONT_PT if lines <= 16 else 10  # never under 10 pt in print
    height_mm = min(HEIGHT_MM, 30.0 + 5.4 * lines)
    with plt.rc_context(_style(size)):
        fig = plt.figure(figsize=(WIDTH_MM / 25.4, height_mm / 25.4), layout="constrained")
        ax = fig.add_subplot()
        shares = [float(s.score or 0) for s in shown]
        bars = ax.barh(labels, shares, color=[BLUE if s.met else RED for s in shown], height=0.7)
        for bar, share, state in zip(bars, shares, shown, strict=True):
            ax.text(
                share + 1.5,
                bar.get_y() + bar.get_height() / 2,
                f"{vn.ratio(state.score)}%" if state.score is not None else "",
                va="center",
            )
        ax.axvline(100, color="#555555", linewidth=0.8)
        ax.set_xlim(0, max([*shares, 100]) * 1.22)
        ax.margins(y=0.01)
        ax.set_xlabel("% thực hiện so với kế hoạch (chỉ tiêu cần giảm: kế hoạch so với thực hiện)")
        ax.set_title(
            f"Các chỉ tiêu kinh tế - xã hội năm {t.year}: thực hiện so với kế hoạch", loc="left"
        )
        fig.legend(
            handles=[Patch(color=BLUE, label="Đạt"), Patch(color=RED, label="Chưa đạt")],
            loc="outside lower center",
            ncol=2,
            frameon=False,
        )
        return _save(fig)


def size_mm(data: bytes, box: tuple[float, float]) -> float:
    """The width (mm) at which a PNG fits the box (width, height) without distortion."""
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    return min(box[0], box[1] * width / height)
