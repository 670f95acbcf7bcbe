"""Correcting a mistaken progress entry: undo."""

from __future__ import annotations

from typing import Annotated

import typer

from camket.cli import options, output
from camket.cli.app import command
from camket.cli.options import DataOption
from camket.i18n import N_, _


@command(
    help=N_(
        "Xóa mục tiến độ cuối cùng của một nội dung cam kết (mục ghi nhầm), không sửa gì khác "
        "trong tệp.\n\nVí dụ: camket undo dong-ha-2020-02 --commit"
    )
)
def undo(
    item: Annotated[
        str,
        typer.Argument(metavar=N_("MÃ"), help=N_("Mã nội dung cam kết (hoặc phần đầu của mã).")),
    ],
    data: DataOption = None,
    commit: Annotated[bool, typer.Option("--commit", help=N_("Commit thay đổi vào git."))] = False,
) -> None:
    """Remove an item's last progress entry, changing no other byte."""
    from camket.progress.undo import undo as do_undo

    done = do_undo(options.root(data), item, commit=commit)  # a refusal says why
    line = _("Đã xóa mục tiến độ cuối của {id} ({status}, ngày {date}) khỏi {path}").format(
        id=done.item_id, status=done.entry.status, date=done.entry.date.isoformat(), path=done.path
    )
    if done.commit:
        line += _("; commit {sha}").format(sha=done.commit[:10])
    output.out().print(line, markup=False)
