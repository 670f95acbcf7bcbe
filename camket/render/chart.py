"""The completion chart: by block, and the indicators' actual against plan, as a PNG.

matplotlib (imported here only) draws it with its own bundled DejaVu Sans, which has every
Vietnamese letter and is the same on every machine; the PNG carries no timestamp or software
tag, so the same tally gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import textwrap

from camket.tally import YearTally


def png(t: YearTally) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    known = [s for s in t.known_indicators if s.indicator.plan]
    blocks = list(reversed(t.blocks))
    # Landscape, like the appendix page it goes on: blocks on the left, indicators right.
    height = max(3.0, 1.4 + 0.26 * len(known), 1.2 + 0.5 * len(blocks))
    width = 11.0 if known else 7.0
    style = {
        "font.family": "DejaVu Sans",
        "font.size": 9,
        "svg.hashsalt": "camket",
        "axes.spines.top": False,
        "axes.spines.right": False,
    }
    with plt.rc_context(style):
        fig = plt.figure(figsize=(width, height), dpi=150, layout="constrained")
        grid = fig.add_gridspec(1, 2 if known else 1, width_ratios=[1, 1.25] if known else [1])
        ax = fig.add_subplot(grid[0, 0])
        names = [textwrap.fill(b.name, 24) for b in blocks]
        done = [float(b.counts.share("completed") or 0) for b in blocks]
        carried = [float(b.counts.share("carried_out") or 0) for b in blocks]
        ax.barh(names, carried, color="#c9d6e8", label="Đã triển khai")
        ax.barh(names, done, color="#2f5d8a", height=0.5, label="Đã hoàn thành")
        for y, b in enumerate(blocks):
            ax.text(101, y, f"{b.counts.completed}/{b.counts.total}", va="center")
        ax.set_xlim(0, 112)
        ax.set_xlabel("% nội dung cam kết")
        when = f"năm {t.year}"
        if t.as_of < dt.date(t.year, 12, 31):
            when += f", đến {t.as_of.day:02d}/{t.as_of.month:02d}"
        ax.set_title(f"Kết quả thực hiện cam kết\ntheo khối, {when}", loc="left")
        ax.legend(
            loc="upper center", bbox_to_anchor=(0.5, -0.32), ncol=2, fontsize=8, frameon=False
        )
        if known:
            bx = fig.add_subplot(grid[0, 1])
            labels = [
                s.indicator.name if len(s.indicator.name) <= 44 else s.indicator.name[:43] + "…"
                for s in known
            ]
            shares = [float(s.score or 0) for s in known]
            colors = ["#2f5d8a" if s.met else "#c0504d" for s in known]
            bx.barh(labels[::-1], shares[::-1], color=colors[::-1])
            bx.axvline(100, color="#555555", linewidth=0.8)
            bx.set_xlabel("% so với kế hoạch\n(chỉ tiêu cần giảm: kế hoạch / thực hiện)")
            bx.set_title("Chỉ tiêu kinh tế - xã hội:\nthực hiện so với kế hoạch", loc="left")
            bx.tick_params(axis="y", labelsize=7)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=150, metadata={"Software": None})
        plt.close(fig)
    return buffer.getvalue()


def size_mm(data: bytes, box: tuple[float, float]) -> float:
    """The width (mm) at which a PNG fits the box (width, height) without distortion."""
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    return min(box[0], box[1] * width / height)
