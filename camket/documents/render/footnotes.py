"""Real Word footnotes: python-docx has no API for them, so this adds the part and the runs.

A footnote is a `w:footnoteReference` run in the text pointing at a `w:footnote` in
`word/footnotes.xml`, which the main document part relates to; Word also expects the two
separator footnotes (ids -1 and 0) and a `w:footnotePr` naming them in settings.
"""

from __future__ import annotations

import copy
from typing import Any

from camket.documents.render.markers import FOOTNOTE

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RT_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
CT_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"

_EMPTY = (
    f'<w:footnotes xmlns:w="{W}">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240"'
    ' w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0"'
    ' w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p>'
    "</w:footnote></w:footnotes>"
)
# settings.xml children that come after w:footnotePr in the schema's sequence
_AFTER_FOOTNOTE_PR = (
    "endnotePr",
    "compat",
    "docVars",
    "rsids",
    "mathPr",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "schemaLibrary",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
)


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def apply(document: Any, notes: dict[int, str], size_half_points: int = 24) -> None:
    """Replace each marker in the body by a footnote reference and write the notes."""
    if not notes:
        return
    from lxml import etree

    part, root = _footnotes_part(document)
    used = {int(n.get(_q("id"))) for n in root.findall(_q("footnote"))}
    next_id = max([0, *used]) + 1
    ids: dict[int, int] = {}
    for marker_number in sorted(notes):
        ids[marker_number] = next_id
        root.append(_note(next_id, notes[marker_number], size_half_points))
        next_id += 1
    for run in list(document.element.body.iter(_q("r"))):
        _split_run(run, ids)
    from camket.documents.render.ooxml import order

    order(root)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    _settings(document)


def _footnotes_part(document: Any) -> tuple[Any, Any]:
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from lxml import etree

    main = document.part
    for rel in main.rels.values():
        if rel.reltype == RT_FOOTNOTES and not rel.is_external:
            part = rel.target_part
            blob = part.blob
            if hasattr(part, "_element"):  # an XmlPart: work on a detached copy, save as blob
                blob = etree.tostring(part._element)
                generic = Part(part.partname, part.content_type, blob, part.package)
                rel._target = generic
                part = generic
            return part, etree.fromstring(blob)
    part = Part(PackURI("/word/footnotes.xml"), CT_FOOTNOTES, _EMPTY.encode(), main.package)
    main.relate_to(part, RT_FOOTNOTES)
    return part, etree.fromstring(part.blob)


def _run_props(size_half_points: int, superscript: bool) -> Any:
    from lxml import etree

    rpr = etree.Element(_q("rPr"))
    fonts = etree.SubElement(rpr, _q("rFonts"))
    for slot in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(_q(slot), "Times New Roman")
    etree.SubElement(rpr, _q("sz")).set(_q("val"), str(size_half_points))
    etree.SubElement(rpr, _q("szCs")).set(_q("val"), str(size_half_points))
    if superscript:  # after the size: rPr is a sequence
        etree.SubElement(rpr, _q("vertAlign")).set(_q("val"), "superscript")
    return rpr


def _note(note_id: int, text: str, size: int) -> Any:
    from lxml import etree

    note = etree.Element(_q("footnote"))
    note.set(_q("id"), str(note_id))
    p = etree.SubElement(note, _q("p"))
    ppr = etree.SubElement(p, _q("pPr"))
    etree.SubElement(ppr, _q("jc")).set(_q("val"), "both")
    ref = etree.SubElement(p, _q("r"))
    ref.append(_run_props(size, superscript=True))
    etree.SubElement(ref, _q("footnoteRef"))
    run = etree.SubElement(p, _q("r"))
    run.append(_run_props(size, superscript=False))
    t = etree.SubElement(run, _q("t"))
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    t.text = " " + text
    return note


def _split_run(run: Any, ids: dict[int, int]) -> None:
    """A run whose text holds markers becomes text runs around reference runs."""
    from lxml import etree

    texts = run.findall(_q("t"))
    if not texts or not any(FOOTNOTE.search(t.text or "") for t in texts):
        return
    text = "".join(t.text or "" for t in texts)
    rpr = run.find(_q("rPr"))
    parent = run.getparent()
    index = parent.index(run)
    pieces: list[Any] = []
    pos = 0
    for m in FOOTNOTE.finditer(text):
        pieces.append(_text_run(rpr, text[pos : m.start()]))
        ref = etree.Element(_q("r"))
        ref_rpr = copy.deepcopy(rpr) if rpr is not None else etree.Element(_q("rPr"))
        for old in ref_rpr.findall(_q("vertAlign")):
            ref_rpr.remove(old)
        etree.SubElement(ref_rpr, _q("vertAlign")).set(_q("val"), "superscript")
        ref.append(ref_rpr)
        etree.SubElement(ref, _q("footnoteReference")).set(_q("id"), str(ids[int(m.group(1))]))
        pieces.append(ref)
        pos = m.end()
    pieces.append(_text_run(rpr, text[pos:]))
    parent.remove(run)
    for offset, piece in enumerate(p for p in pieces if p is not None):
        parent.insert(index + offset, piece)


def _text_run(rpr: Any, text: str) -> Any:
    from lxml import etree

    if not text:
        return None
    run = etree.Element(_q("r"))
    if rpr is not None:
        run.append(copy.deepcopy(rpr))
    t = etree.SubElement(run, _q("t"))
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    t.text = text
    return run


def _settings(document: Any) -> None:
    from lxml import etree

    settings = document.settings.element
    if settings.find(_q("footnotePr")) is not None:
        return
    pr = etree.Element(_q("footnotePr"))
    for note_id in ("-1", "0"):
        etree.SubElement(pr, _q("footnote")).set(_q("id"), note_id)
    for child in settings:
        local = etree.QName(child).localname
        if local in _AFTER_FOOTNOTE_PR:
            child.addprevious(pr)
            return
    settings.append(pr)
