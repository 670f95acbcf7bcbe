"""Build step: compile the message catalogues (.po, in the repository) into .mo for gettext.

Wired in pyproject.toml as setuptools' build_py; babel, a build requirement, does the
compiling. A source checkout works without this step: camket.i18n compiles in memory.
"""

from __future__ import annotations

from pathlib import Path

from setuptools.command.build_py import build_py


class BuildPy(build_py):
    def run(self) -> None:
        super().run()
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        for po in Path("camket/locale").glob("*/LC_MESSAGES/*.po"):
            target = Path(self.build_lib) / po.with_suffix(".mo")
            target.parent.mkdir(parents=True, exist_ok=True)
            with po.open("rb") as f:
                catalog = read_po(f, locale=po.parts[-3])
            with target.open("wb") as f:
                write_mo(f, catalog)
