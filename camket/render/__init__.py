"""Rendering documents: the only stage that imports python-docx and docxtpl.

It receives content already counted and phrased (camket.report, camket.sheets) and a template,
and writes a .docx: `template` renders in a Jinja sandbox, `footnotes` turns markers into real
Word footnotes, `package` fixes fonts, properties and the zip so the same input gives the same
bytes.
"""
