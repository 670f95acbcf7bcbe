"""Rendering documents: the only stage that imports python-docx and docxtpl.

It receives content already counted and phrased (camket.documents.report and .sheets) and a
template, and writes a .docx: `template` checks a template and `sandbox` renders it in a Jinja
sandbox in a child process; `footnotes` turns markers into real Word footnotes and `pictures`
places the charts (`chart`); `keep` keeps signatures with their text; `ooxml` puts elements in
schema order; `package` fixes fonts, properties and the zip so the same input gives the same
bytes; `pdf` converts through LibreOffice.
"""
