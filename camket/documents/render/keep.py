"""A signature block is never alone on a page: it stays whole and with the text it closes.

The templates mark their signature tables with the caption "Chữ ký" (a table's alternative
text in Word, which a clerk restyling the template keeps). Each such table's rows cannot split
across pages, its paragraphs keep together, and the paragraphs before it (the spacer and the
closing paragraph, up to the first with text) keep with it: if the block does not fit at the
bottom of a page, the closing paragraph goes over with it.
"""

from __future__ import annotations

from typing import Any

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CAPTION = "Chữ ký"


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _flag(parent: Any, tag: str) -> None:
    from lxml import etree

    if parent.find(_q(tag)) is None:
        parent.append(etree.Element(_q(tag)))


def _keep_next(paragraph: Any) -> None:
    from lxml import etree

    ppr = paragraph.find(_q("pPr"))
    if ppr is None:
        ppr = etree.Element(_q("pPr"))
        paragraph.insert(0, ppr)
    _flag(ppr, "keepNext")


def signatures(document: Any) -> None:
    """Apply the rule to every signature table of the document (schema order is restored by
    camket.documents.render.ooxml afterwards)."""
    from lxml import etree

    for caption in document.element.body.iter(_q("tblCaption")):
        if caption.get(_q("val")) != CAPTION:
            continue
        table = caption.getparent().getparent()
        for row in table.iter(_q("tr")):
            trpr = row.find(_q("trPr"))
            if trpr is None:
                trpr = etree.Element(_q("trPr"))
                tblpr_end = row.find(_q("tblPrEx"))
                row.insert(1 if tblpr_end is not None else 0, trpr)
            _flag(trpr, "cantSplit")
        for paragraph in table.iter(_q("p")):
            _keep_next(paragraph)
        before = table.getprevious()
        while before is not None and before.tag == _q("p"):
            _keep_next(before)
            if "".join(before.itertext()).strip():
                break
            before = before.getprevious()
