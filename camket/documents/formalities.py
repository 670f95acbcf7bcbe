"""The parts of a document that follow the administrative form: letterhead and signatures.

Hướng dẫn 36-HD/VPTW fixes how they read: the issuer in capitals over a star, "T/M", "K/T" or
"T/L" and the body on behalf of which one signs, the position on its own line, room to sign and
seal, then the signer's name. Both the report and the sheets phrase them here, laid out for
their columns (camket.documents.wrapping), so a name never breaks inside a word. The column
widths are the templates' own (templates/build.py reads them from here).
"""

from __future__ import annotations

from camket.documents.wrapping import NBSP, lines
from camket.reading.models import Signature
from camket.reading.project import signer  # noqa: F401  (phrased here, resolved there)

LETTERHEAD_COLUMNS_MM = (72.0, 93.0)  # issuer | party name, date
SIGNATURE_COLUMNS_MM = (82.0, 83.0)  # recipients or the body | the signer
CELL_MARGINS_MM = 3.8  # Word's default left and right cell margins together
SIZE_PT = 14.0
# A place for the name when the data gives none: visible, to be filled in by hand.
NAME_BLANK = "\u2026" * 14


def letterhead_issuer(text: str) -> str:
    """The issuer, upper-case bold, in the letterhead's left column."""
    return lines(text.upper(), LETTERHEAD_COLUMNS_MM[0] - CELL_MARGINS_MM, SIZE_PT, bold=True)


def letterhead_superior(text: str) -> str:
    return lines(text.upper(), LETTERHEAD_COLUMNS_MM[0] - CELL_MARGINS_MM, SIZE_PT, bold=False)


def block(on_behalf: str, title: str, name: str, column: int = 1) -> dict[str, str]:
    """A signature block's lines: authority and body, position, name (or a blank for it)."""
    width = SIGNATURE_COLUMNS_MM[column] - CELL_MARGINS_MM
    return {
        "on_behalf": lines(on_behalf.upper(), width, SIZE_PT, bold=True),
        "title": lines(title.upper(), width, SIZE_PT, bold=True),
        "name": NBSP.join(name.split()) if name.strip() else NAME_BLANK,
    }


def given_block(
    given: Signature | None, on_behalf: str, title: str, column: int = 1
) -> dict[str, str]:
    """A block from a setting, with the form's defaults for what it leaves out."""
    return block(
        given.on_behalf if given and given.on_behalf else on_behalf,
        given.title if given and given.title else title,
        given.name if given else "",
        column,
    )
