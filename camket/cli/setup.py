"""Commands that set things up: fix-encoding, init, schema."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from camket import clock
from camket.cli import options, output
from camket.cli.app import command
from camket.errors import CamketError
from camket.i18n import N_, _


@command(
    "fix-encoding",
    help=N_(
        "Chuyển văn bản ở bảng mã khác (UTF-16, Windows-1258, TCVN3, VNI) sang Unicode và "
        "chuẩn hóa dấu (NFC).\n\nVí dụ: "
        "camket fix-encoding 2019/commitments/dong-ha.yaml"
    ),
)
def fix_encoding(
    files: Annotated[
        list[Path], typer.Argument(metavar=N_("TỆP"), help=N_("Các tệp YAML cần sửa."))
    ],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help=N_("Chỉ cho biết sẽ sửa gì, không ghi."))
    ] = False,
) -> None:
    """Convert text in another encoding (UTF-16, Windows-1258, TCVN3, VNI) to UTF-8 NFC."""
    from camket.reading.encodings import NAMES
    from camket.reading.fix_encoding import NotFixable, fix

    console, failed = output.out(), False
    for path in files:
        if not path.is_file():
            output.err().print(_("lỗi: không có tệp '{path}'").format(path=path), markup=False)
            failed = True
            continue
        try:
            result = fix(path, write=not dry_run)
        except NotFixable:
            output.err().print(
                _(
                    "lỗi: {path} không phải UTF-8 và cũng không nhận ra bảng mã UTF-16, "
                    "Windows-1258, TCVN3 hay VNI; hãy mở bằng Word và lưu lại theo UTF-8"
                ).format(path=path),
                markup=False,
            )
            failed = True
            continue
        except OSError as e:
            output.err().print(
                _("lỗi: không ghi được '{path}': {e}").format(path=path, e=e.strerror or e),
                markup=False,
            )
            failed = True
            continue
        done = []
        if result.whole_file:
            done.append(_("cả tệp từ {name}").format(name=NAMES[result.whole_file]))
        for encoding, n in result.converted.items():
            done.append(_("{n} đoạn từ {name}").format(n=n, name=NAMES[encoding]))
        if result.normalised:
            done.append(_("chuẩn hóa dấu NFC"))
        verb = _("Sẽ sửa") if dry_run else _("Đã sửa")
        line = (
            f"{path}: {verb} " + "; ".join(done)
            if done
            else _("{path}: không cần sửa").format(path=path)
        )
        console.print(line, markup=False)
    raise typer.Exit(1 if failed else 0)


@command(
    help=N_(
        "Tạo thư mục dữ liệu mới (kiểm tra hợp lệ ngay), hoặc một năm mới từ năm trước.\n\nVí dụ: "
        "camket init du-lieu; camket init du-lieu --from du-lieu --year 2021"
    )
)
def init(
    target: Annotated[
        Path,
        typer.Argument(
            metavar=N_("THƯ_MỤC"), help=N_("Thư mục dữ liệu mới (hoặc đã có, với --from).")
        ),
    ],
    source: Annotated[
        Path | None,
        typer.Option(
            "--from",
            metavar=N_("THƯ_MỤC"),
            help=N_(
                "Thư mục dữ liệu có năm trước, để chuyển tiếp đơn vị và nội dung chưa hoàn thành."
            ),
            show_default=False,
        ),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            metavar=N_("NĂM"),
            help=N_("Năm của dữ liệu mới (mặc định: năm nay)."),
            show_default=False,
        ),
    ] = None,
    ci: Annotated[
        str,
        typer.Option(
            "--ci",
            metavar=N_("MÁY_CHỦ"),
            help=N_(
                "Tệp kiểm tra tự động cho máy chủ git: gitlab (.gitlab-ci.yml), github "
                "(GitHub, Gitea, Forgejo Actions) hoặc none (không viết)."
            ),
        ),
    ] = "gitlab",
) -> None:
    """A new data folder, or a new year started from the previous one."""
    from camket import pipeline
    from camket.progress import ci as pipelines
    from camket.progress import scaffold

    if ci not in pipelines.CHOICES:
        raise CamketError(
            _("--ci nhận một trong: {choices} (không phải '{ci}')").format(
                choices=", ".join(pipelines.CHOICES), ci=ci
            )
        )

    today = clock.today()
    target_year = year if year is not None else today.year
    try:
        scaffold.check_year(target_year)
        if source is not None:
            project, problems = pipeline.load_and_check(options.root(source))
            errors = [p for p in problems if p.is_error]
            if errors:
                for p in errors:
                    output.err().print(p.format(), markup=False)
                raise scaffold.InitError(_("dữ liệu nguồn có lỗi; hãy sửa trước"))
            made = scaffold.new_year(target, project, target_year, today, ci)
        else:
            made = scaffold.new_folder(target, target_year, today, ci=ci)
    except OSError as e:
        from camket.atomic import reason

        raise CamketError(
            _("không ghi được vào '{target}': {why}; hãy chọn thư mục khác").format(
                target=target, why=reason(e)
            )
        ) from None
    console = output.out()
    console.print(
        _("Đã tạo {n} tệp trong {root}").format(n=len(made.files), root=made.root), markup=False
    )
    if made.commit:
        console.print(
            _("Đã khởi tạo kho git, commit đầu tiên {sha}").format(sha=made.commit[:10]),
            markup=False,
        )


@command(
    "schema",
    help=N_(
        "In lược đồ JSON Schema của một loại tệp, để trình soạn thảo gợi ý khóa và trạng "
        "thái.\n\nVí dụ: camket schema commitments; camket schema --out schemas/"
    ),
)
def schema_command(
    kind: Annotated[
        str | None,
        typer.Argument(
            metavar=N_("LOẠI"),
            help=N_("Loại tệp: camket, units, year, commitments, seal."),
            show_default=False,
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            metavar=N_("THƯ_MỤC"),
            help=N_("Ghi mọi lược đồ vào thư mục này."),
            show_default=False,
        ),
    ] = None,
) -> None:
    """JSON Schema of a file kind, generated from the models."""
    from camket.reading import schema as schemas

    if out is not None:
        folder = options.folder_out(out, ".json")
        for name in schemas.KINDS:
            options.write(folder / f"{name}.schema.json", schemas.text(name).encode("utf-8"))
        output.out().print(
            _("Đã ghi {n} lược đồ vào {out}").format(n=len(schemas.KINDS), out=out), markup=False
        )
        return
    if kind not in schemas.KINDS:
        raise CamketError(
            _("hãy chọn một loại tệp: {kinds}").format(kinds=", ".join(schemas.KINDS))
        )
    print(schemas.text(kind), end="")
