"""camket's command line: one module per group of commands, registered on one Typer app.

`app.py` holds the app, its own options and the entry point; `options` the options and steps
commands share; `output` where they write; `wording` what Typer says, in the clerk's language;
`present` the tables and problems. Importing the command modules registers their commands, in
the order `camket --help` lists them.
"""

from camket.cli import checking, documents, forms, progress, setup, undo  # noqa: F401  (registration)
from camket.cli.app import app, main

__all__ = ["app", "main"]
