"""Documents: the report, the sheets and the exports, phrased from the tally and rendered.

`report` and `sheets` phrase the content (text, never Word); `formalities` and `wrapping` lay
out letterheads, titles and signature blocks; `making` puts content and template together;
`render` is the only place python-docx and docxtpl are used (a sandboxed template, footnotes,
pictures, schema order, fixed bytes, PDF); `export` and `spreadsheet` write xlsx, csv and json.
"""
