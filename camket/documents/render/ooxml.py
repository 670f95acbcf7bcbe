"""What Word checks before it opens a file without repairing it: children in schema order.

WordprocessingML's property elements (`w:pPr`, `w:rPr`, `w:tblPr`, `w:tcPr`, `w:sectPr`) are
sequences: their children must come in the order the schema (ECMA-376 part 1) gives, and most
may appear once. python-docx appends what it is asked to add, and a template edited by hand or
by another program may carry the same slips, so the order is restored here, once, on the whole
rendered document, rather than remembered at every place that adds an element.

Also here, because Word and the Open XML SDK judge them: the document's language (`vi-VN`, or
Word underlines every Vietnamese word as misspelt), and the parts of python-docx's own starting
file that say nothing true about a camket document (a thumbnail of an empty page, styles "with
effects" that no longer match the styles, "Microsoft Macintosh Word" as the application).
"""

from __future__ import annotations

from typing import Any

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _names(text: str) -> list[str]:
    """A schema sequence, written as the schema lists it."""
    return text.split()


_RPR = _names(
    "ins del moveFrom moveTo rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline "
    "shadow emboss imprint noProof snapToGrid vanish webHidden color spacing w kern position sz "
    "szCs highlight u effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish "
    "oMath rPrChange"
)
SEQUENCES: dict[str, list[str]] = {
    "pPr": _names(
        "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
        "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct "
        "topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind "
        "contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
        "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"
    ),
    "rPr": _RPR,
    "tblPr": _names(
        "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
        "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption "
        "tblDescription tblPrChange"
    ),
    "tcPr": _names(
        "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText "
        "vAlign hideMark headers cellIns cellDel cellMerge tcPrChange"
    ),
    "sectPr": _names(
        "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc "
        "pgBorders lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi "
        "rtlGutter docGrid printerSettings sectPrChange"
    ),
    "tblBorders": _names("top start left bottom end right insideH insideV"),
    "tcBorders": _names("top start left bottom end right insideH insideV tl2br tr2bl"),
    "pBdr": _names("top left bottom right between bar"),
}
# Elements of these sequences that may appear more than once.
_REPEATED = {"headerReference", "footerReference"}

RT_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
RT_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
RT_APP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>camket</Application><DocSecurity>0</DocSecurity></Properties>"
)


def order(root: Any) -> None:
    """Put the children of every property element under `root` in schema order; of an
    element written twice where the schema allows one, keep the last (the later intention)."""
    for name, sequence in SEQUENCES.items():
        rank = {tag: i for i, tag in enumerate(sequence)}
        for element in root.iter(f"{{{W}}}{name}"):
            _order_one(element, rank)


def _order_one(element: Any, rank: dict[str, int]) -> None:
    children = list(element)
    if not children:
        return
    seen: dict[str, Any] = {}
    keep = []
    for child in reversed(children):
        local = child.tag.rpartition("}")[2] if isinstance(child.tag, str) else ""
        if local in rank and local not in _REPEATED:
            if local in seen:
                element.remove(child)
                continue
            seen[local] = child
        keep.append(child)
    keep.reverse()
    # Unknown children (other namespaces, comments) keep their place after the known ones
    # before them: a stable sort on the rank of the nearest known predecessor.
    last = -1
    keyed = []
    for index, child in enumerate(keep):
        local = child.tag.rpartition("}")[2] if isinstance(child.tag, str) else ""
        if local in rank:
            last = rank[local]
        keyed.append((last, index, child))
    ordered = [child for _rank, _index, child in sorted(keyed, key=lambda k: (k[0], k[1]))]
    if ordered != keep:
        for child in keep:
            element.remove(child)
        element.extend(ordered)


def tidy(document: Any, language: str = "vi-VN") -> None:
    """Schema order in every part camket renders, the document's language, and python-docx's
    leftovers replaced by camket's own."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    order(document.element)
    order(document.styles.element)
    for section in document.sections:
        for part in (
            section.header,
            section.first_page_header,
            section.even_page_header,
            section.footer,
            section.first_page_footer,
            section.even_page_footer,
        ):
            if not part.is_linked_to_previous:
                order(part._element)
    _language(document.styles.element, language)
    package = document.part.package
    for rels in (package.rels, document.part.rels):
        for key, rel in list(rels.items()):
            if rel.reltype in (RT_THUMBNAIL, RT_STYLES_WITH_EFFECTS, RT.THUMBNAIL):
                del rels[key]
    for rel in package.rels.values():
        if rel.reltype == RT_APP:
            rel.target_part._blob = APP_XML.encode()


def _language(styles: Any, language: str) -> None:
    """The default run properties say the text is Vietnamese (spelling, hyphenation)."""
    from lxml import etree

    defaults = styles.find(f"{{{W}}}docDefaults")
    if defaults is None:
        defaults = etree.Element(f"{{{W}}}docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(f"{{{W}}}rPrDefault")
    if rpr_default is None:
        rpr_default = etree.Element(f"{{{W}}}rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(f"{{{W}}}rPr")
    if rpr is None:
        rpr = etree.SubElement(rpr_default, f"{{{W}}}rPr")
    lang = rpr.find(f"{{{W}}}lang")
    if lang is None:
        lang = etree.SubElement(rpr, f"{{{W}}}lang")
    lang.set(f"{{{W}}}val", language)
    order(defaults)
