"""Real git repositories for the cascade: a province whose two districts are submodules.

The province is tests/assets/mini (hand-counted: 7 items, 5 carried out, 2 completed, 1
paused, 3 late, 1 not started at the end of 2019). Each district keeps its own data folder
in a repository of its own, written here with figures easy to count by hand (`HAND`).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tests.conftest import ASSETS

GIT = ("-c", "user.name=VT", "-c", "user.email=vt@x", "-c", "protocol.file.allow=always")

# (unit id, unit name, items); an item is (due, progress entries as YAML flow mappings)
DISTRICTS = {
    "dong-ha": (
        "Thành ủy Đông Hà",
        [
            (
                "ban-to-chuc",
                "Ban Tổ chức Thành ủy",
                [
                    ("2019-06-30", ["{date: 2019-06-01, status: done}"]),
                    ("2019-09-30", ["{date: 2019-03-31, status: in_progress}"]),
                ],
            ),
            (
                "phuong-1",
                "Đảng ủy Phường 1",
                [
                    ("2019-08-31", ["{date: 2019-05-02, status: paused, reason: Chờ vốn}"]),
                    (None, []),
                    (
                        "2019-09-30",
                        [
                            "{date: 2019-10-10, status: done, cause: objective, "
                            "reason: Mưa lũ kéo dài}"
                        ],
                    ),
                ],
            ),
        ],
    ),
    "cam-lo": (
        "Huyện ủy Cam Lộ",
        [
            (
                "xa-cam-thanh",
                "Đảng ủy xã Cam Thành",
                [
                    (None, ["{date: 2019-03-01, status: done}"]),
                    (
                        "2019-12-31",
                        [
                            "{date: 2019-12-20, status: not_done, cause: subjective, "
                            "reason: Chưa bố trí cán bộ}"
                        ],
                    ),
                ],
            ),
        ],
    ),
}
# Counted by hand at 31/12/2019 from DISTRICTS:
# Đông Hà: 2 collectives, 5 items; carried out: the two done and the one in progress (3);
# completed 2; paused 1; late: in progress past 30/9 and done 10/10 after 30/9 (2); not
# started 1. Cam Lộ: 1 collective, 2 items, both carried out, 1 completed, not done due on
# 31/12 is not late (0), none paused or not started.
HAND = {
    "dong-ha": {
        "units": 2,
        "total": 5,
        "carried_out": 3,
        "completed": 2,
        "paused": 1,
        "late": 2,
        "not_started": 1,
    },
    "cam-lo": {
        "units": 1,
        "total": 2,
        "carried_out": 2,
        "completed": 1,
        "paused": 0,
        "late": 0,
        "not_started": 0,
    },
}
PROVINCE = {
    "units": 3,
    "total": 7,
    "carried_out": 5,
    "completed": 2,
    "paused": 1,
    "late": 3,
    "not_started": 1,
}


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *GIT, *args], capture_output=True, text=True, check=True
    ).stdout


def district(path: Path, unit_id: str) -> Path:
    """A district's data folder, committed in a repository of its own."""
    name, units = DISTRICTS[unit_id]
    path.mkdir(parents=True)
    short = name.split(" ", 2)[-1]
    (path / "camket.yaml").write_text(
        f"body: Ban Thường vụ {name}\nissuer: {name}\nsuperior: Đảng bộ tỉnh Quảng Trị\n"
        f"office: Văn phòng {name}\nplace: {short}\ncode: {unit_id.upper()}\n"
        "report_signature: {name: Lê Văn Văn}\nsheet_signature: {name: Trần Thị Thư}\n",
        encoding="utf-8",
    )
    lines = ["blocks:", "  - id: co-so", "    name: Các tổ chức cơ sở đảng", "units:"]
    for uid, uname, _items in units:
        lines += [
            f"  - id: {uid}",
            f"    name: {uname}",
            "    block: co-so",
            f"    collective: Ban Thường vụ {uname}",
            "    head_title: Bí thư",
        ]
    (path / "units.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    year = path / "2019"
    (year / "commitments").mkdir(parents=True)
    (year / "year.yaml").write_text(
        "year: 2019\ntheme: Trách nhiệm, kỷ cương\nsigned_on: 2019-02-25\n", encoding="utf-8"
    )
    for uid, _uname, items in units:
        body = [f"unit: {uid}", "year: 2019", "head: Nguyễn Văn An", "groups:", "  - title: Chung"]
        body.append("    items:")
        for n, (due, progress) in enumerate(items, start=1):
            body.append(f"      - id: {uid}-2019-{n:02d}")
            body.append(f"        text: Nội dung số {n} của {uid}")
            if due:
                body.append(f"        due: {due}")
            if progress:
                body.append("        progress:")
                body += [f"          - {entry}" for entry in progress]
        (year / "commitments" / f"{uid}.yaml").write_text("\n".join(body) + "\n", "utf-8")
    git(path, "init", "-q")
    git(path, "add", ".")
    git(path, "commit", "-q", "-m", f"dữ liệu {unit_id}")
    return path


LOWER = """\
lower:
  - {id: dong-ha, path: cap-duoi/dong-ha}
  - {id: cam-lo, path: cap-duoi/cam-lo}
"""


def province(tmp: Path) -> Path:
    """The province's repository (mini) with the two districts as submodules under cap-duoi/."""
    servers = tmp / "may-chu"
    for unit_id in DISTRICTS:
        district(servers / unit_id, unit_id)
    repo = tmp / "tinh"
    shutil.copytree(ASSETS / "mini", repo)
    settings = repo / "camket.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + LOWER, encoding="utf-8")
    git(repo, "init", "-q")
    for unit_id in DISTRICTS:
        git(repo, "submodule", "add", "-q", str(servers / unit_id), f"cap-duoi/{unit_id}")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "tỉnh và các huyện")
    return repo
