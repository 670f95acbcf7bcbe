"""Codes of the problems found while reading and typing files (the rules have their own modules).

Listed here so that every code a clerk can see is documented (docs/checks.md is generated from
this table and the rule modules' docstrings, and a test checks that no code is missing).
"""

from __future__ import annotations

from types import MappingProxyType

FILE_CODES: MappingProxyType[str, str] = MappingProxyType(
    {
        "E001": "YAML syntax error: the line of the fault, with a hint for the usual slips "
        "(tab indentation, an unquoted ': ' inside text, misaligned keys).",
        "E002": "The file is empty (or only comments).",
        "E003": "The file is not UTF-8 (for example cp1252 or UTF-16): the first bad line.",
        "E004": "A key is written twice in one mapping (PyYAML would silently keep the last).",
        "E005": "A key the format does not know, with the closest known key ('did you mean').",
        "E006": "A value of the wrong type, naming the type expected and what was read.",
        "E007": "A date that is not on the calendar (2019-02-30) or not written YYYY-MM-DD.",
        "E008": "A required key is missing.",
        "E009": "A key that YAML 1.1 reads as a boolean (on, off, yes, no): quote it.",
        "E010": "A YAML tag camket does not read (!!python/..., !custom): nothing is constructed.",
        "E011": "A YAML alias (*name): refused, never expanded.",
        "E012": "The file is a list or a single value instead of a mapping of keys.",
        "E013": "Text in a legacy Vietnamese encoding (TCVN3/ABC or VNI), pasted or saved from old "
        "documents: camket fix-encoding converts it.",
        "E014": "A control character (pasted from Word or PDF) that would corrupt a document, "
        "or a character libyaml refuses.",
        "E015": "A number that is not finite (.nan, .inf, -.inf) or too large to compute with "
        "(past 1.8e308): JSON and spreadsheets have no such number.",
        "E016": "A value outside its allowed set (better: higher or lower; cause: "
        "objective or subjective).",
        "E017": "A private-use character (U+E000-U+F8FF, planes 15 and 16), typically a Symbol or "
        "Wingdings bullet pasted from Word: it shows differently on every machine, and the "
        "render stage marks footnotes with it. Left out of the value.",
        "E018": "Nesting deeper than 64 levels (lists in lists, mappings in mappings): a data file "
        "needs seven; the deeper part is not read.",
        "E019": "An identifier (of a block, unit, item, indicator or tag) with characters other "
        "than lower-case ASCII letters, digits and single hyphens between them; the ASCII form "
        "is proposed (Đông Hà -> dong-ha).",
        "E020": "An unknown progress status, with the closest known status.",
        "E031": "units.yaml is missing.",
        "E032": "A year folder has no year.yaml.",
        "E034": "A path that should be a file is a folder, or cannot be read.",
        "E035": "Two commitments files for one unit in one year (dong-ha.yaml and dong-ha.yml).",
        "E036": "A symbolic link that leads out of the data folder: never followed.",
        "E037": "A file larger than camket's limit (8 MB): a data file is a few kilobytes.",
        "E038": "A lower committee's folder (`lower:` in camket.yaml) is missing, empty (a git "
        "submodule not checked out) or not a data folder: found by the commands run with "
        "--cascade.",
        "W001": "Text not in Unicode NFC (decomposed accents, typical of macOS): read as NFC.",
        "W002": "A number YAML 1.1 reads surprisingly (010 is 8, 1:30 is 90, 1_000 is 1000).",
        "W003": "An invisible character: a bidirectional control (U+202E…) that makes text read "
        "otherwise than it is, a zero-width space or joiner, a soft hyphen, a BOM inside text, "
        "a tag or variation selector (every Unicode format character, category Cf).",
    }
)
