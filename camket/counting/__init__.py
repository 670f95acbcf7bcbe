"""Counting: every figure a document, a table or an export prints, from the loaded data.

`tally` is a pure function of the project, a year and an as-of date, and owns every figure
with the item ids behind it; `periods` gives quarter ends and what moved between two dates.
"""
