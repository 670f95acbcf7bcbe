"""Generate a large, valid data folder: `python bench/make_large.py N [--out DIR]`.

N copies of a realistic set of units (29 units of the embedded Quảng Trị data, every other
one) over ten years, 2017–2026: each year is the embedded 2019 (odd years, complete) or 2020
(even years, recorded to mid-year) with its dates, ids and units renamed. N=20 gives about
5,800 commitments files and 27,000 items. The folder validates without errors.
"""

from __future__ import annotations

import argparse
import re
import shutil
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[1] / "data"
YEARS = range(2017, 2027)


def _units(text: str) -> list[tuple[str, str]]:
    """(id, the unit's YAML block) of each unit in units.yaml, in order."""
    body = text.partition("\nunits:\n")[2]
    blocks = re.split(r"\n(?=  - id: )", body)
    out = []
    for block in blocks:
        m = re.match(r"\s*- id: (\S+)", block)
        if m:
            out.append((m.group(1), block.strip("\n")))
    return out


def make(n: int, out: Path) -> Path:
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    shutil.copy(SOURCE / "camket.yaml", out / "camket.yaml")
    units_text = (SOURCE / "units.yaml").read_text(encoding="utf-8")
    head = units_text.partition("\nunits:\n")[0]
    chosen = _units(units_text)[::2]
    lines = [head, "units:"]
    for k in range(1, n + 1):
        for uid, block in chosen:
            block = re.sub(r"\n\s*years: \[.*\]", "", block)  # every copy exists all ten years
            block = block.replace(f"- id: {uid}", f"- id: {uid}-{k:02d}", 1)
            block = re.sub(r"(name: )(.*)", rf"\g<1>\g<2> ({k})", block, count=1)
            lines.append("  " + block.strip())
    (out / "units.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    sources = {y: (SOURCE / str(y)) for y in (2019, 2020)}
    texts = {
        y: {
            uid: (d / "commitments" / f"{uid}.yaml").read_text(encoding="utf-8")
            for uid, _ in chosen
        }
        for y, d in sources.items()
    }
    for year in YEARS:
        src = 2019 if year % 2 else 2020
        folder = out / str(year) / "commitments"
        folder.mkdir(parents=True)
        config = (sources[src] / "year.yaml").read_text(encoding="utf-8")
        config = re.sub(r"\nexpect:\n(  .*\n)+", "\n", config)  # totals differ from the source
        (out / str(year) / "year.yaml").write_text(_redate(config, src, year), encoding="utf-8")
        for k in range(1, n + 1):
            for uid, _ in chosen:
                text = texts[src][uid]
                text = text.replace(f"unit: {uid}\n", f"unit: {uid}-{k:02d}\n", 1)
                text = text.replace(f"id: {uid}-{src}-", f"id: {uid}-{k:02d}-{year}-")
                (folder / f"{uid}-{k:02d}.yaml").write_text(
                    _redate(text, src, year), encoding="utf-8"
                )
    return out


def _redate(text: str, src: int, year: int) -> str:
    text = re.sub(rf"\b{src}-(\d\d)-(\d\d)\b", rf"{year}-\1-\2", text)
    return re.sub(rf"^year: {src}$", f"year: {year}", text, flags=re.M)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("--out", type=Path, default=Path("large-data"))
    args = parser.parse_args()
    root = make(args.n, args.out)
    files = list(root.rglob("*.yaml"))
    size = sum(p.stat().st_size for p in files)
    print(f"{root}: {len(files)} files, {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
