"""Vietnamese text in the legacy 8-bit encodings, TCVN3 (ABC) and VNI: found, named, converted.

Text pasted from old Word files arrives as `Tr¸ch nhiÖm` (TCVN3 read as Latin-1) or
`Traùch nhieäm` (VNI). Neither is ever guessed silently: a text is called legacy only when,
converted, many more of its words become Vietnamese syllables than were before.

The tables are built from the encodings' rules rather than typed out letter by letter:
- TCVN3 gives every lower-case letter one code in 0xA1–0xFE, and the seven bare capitals
  Ă Â Đ Ê Ô Ơ Ư codes 0xA1–0xA7; accented capitals share the lower-case codes (a separate
  capital font drew them), so they come back lower-case.
- VNI writes a base letter followed by a mark letter (`aù` = á, `eä` = ệ), with single letters
  for ơ ư đ, the i's and ỵ.
"""

from __future__ import annotations

import re
import unicodedata

# tone marks in Unicode, in the order the tables below use: none, grave, acute, hook, tilde, dot
_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")


def _nfc(base: str, *marks: str) -> str:
    return unicodedata.normalize("NFC", base + "".join(marks))


# --- TCVN3 -----------------------------------------------------------------------------------

# lower-case letter (bare form) -> codes for the six tones (none, grave, acute, hook, tilde, dot)
_TCVN3_LOWER = {
    "a": "a\xb5\xb8\xb6\xb7\xb9",
    "ă": "\xa8\xbb\xbe\xbc\xbd\xc6",
    "â": "\xa9\xc7\xca\xc8\xc9\xcb",
    "e": "e\xcc\xd0\xce\xcf\xd1",
    "ê": "\xaa\xd2\xd5\xd3\xd4\xd6",
    "i": "i\xd7\xdd\xd8\xdc\xde",
    "o": "o\xdf\xe3\xe1\xe2\xe4",
    "ô": "\xab\xe5\xe8\xe6\xe7\xe9",
    "ơ": "\xac\xea\xed\xeb\xec\xee",
    "u": "u\xef\xf3\xf1\xf2\xf4",
    "ư": "\xad\xf5\xf8\xf6\xf7\xf9",
    "y": "y\xfa\xfd\xfb\xfc\xfe",
}
_TCVN3_CAPITALS = {
    "\xa1": "Ă",
    "\xa2": "Â",
    "\xa7": "Đ",
    "\xa3": "Ê",
    "\xa4": "Ô",
    "\xa5": "Ơ",
    "\xa6": "Ư",
}


def _tcvn3_table() -> dict[str, str]:
    table = dict(_TCVN3_CAPITALS)
    table["\xae"] = "đ"
    for letter, codes in _TCVN3_LOWER.items():
        for tone, code in zip(_TONES, codes, strict=True):
            if code.isascii():
                continue
            table[code] = _nfc(unicodedata.normalize("NFD", letter), tone)
    return table


TCVN3 = _tcvn3_table()
_TCVN3_RE = re.compile("[" + "".join(TCVN3) + "]")

# --- VNI -------------------------------------------------------------------------------------

_VNI_TONE = ("", "ø", "ù", "û", "õ", "ï")
_VNI_CIRCUMFLEX = ("â", "à", "á", "å", "ã", "ä")  # â ê ô, with their tones
_VNI_BREVE = ("ê", "è", "é", "ú", "ü", "ë")  # ă, with its tones
_VNI_I = ("i", "ì", "í", "æ", "ó", "ò")  # i with the tones: single letters


def _vni_table() -> dict[str, str]:
    table: dict[str, str] = {}

    def add(vni: str, uni: str) -> None:
        table[vni] = uni
        table[vni.upper()] = uni.upper()

    for base in "aeouy":
        for tone, mark in zip(_TONES[1:], _VNI_TONE[1:], strict=True):
            add(base + mark, _nfc(base, tone))
    for base in "aeo":
        for tone, mark in zip(_TONES, _VNI_CIRCUMFLEX, strict=True):
            add(base + mark, _nfc(base, "\u0302", tone))
    for tone, mark in zip(_TONES, _VNI_BREVE, strict=True):
        add("a" + mark, _nfc("a", "\u0306", tone))
    for base, single in (("o", "ô"), ("u", "ö")):  # ơ and ư are one letter each
        add(single, _nfc(base, "\u031b"))
        for tone, mark in zip(_TONES[1:], _VNI_TONE[1:], strict=True):
            add(single + mark, _nfc(base, "\u031b", tone))
    for tone, single in zip(_TONES[1:], _VNI_I[1:], strict=True):
        add(single, _nfc("i", tone))
    add("î", _nfc("y", "\u0323"))
    add("ñ", "đ")
    del table["Y" + "Ï"]  # VNI writes Ỵ as Î only
    del table["y" + "ï"]
    return table


VNI = _vni_table()
_VNI_RE = re.compile("|".join(re.escape(k) for k in sorted(VNI, key=len, reverse=True)))

NAMES = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI"}

# Latin-1 letters Vietnamese never uses: a text holding one is worth a second look.
_SUSPICIOUS = re.compile(
    "[\xa1-\xbf\xc4-\xc7\xcb\xce-\xd1\xd6-\xd8\xdb\xdc\xde\xdf\xe4-\xe7"
    "\xeb\xee\xef\xf1\xf6-\xf8\xfb\xfc\xfe\xff]"
)


def to_unicode(text: str, encoding: str) -> str:
    if encoding == "tcvn3":
        return _TCVN3_RE.sub(lambda m: TCVN3[m.group()], text)
    return _VNI_RE.sub(lambda m: VNI[m.group()], text)


def from_unicode(text: str, encoding: str) -> str:
    """The reverse, used by tests to make legacy samples from real text."""
    reverse: dict[str, str] = {}
    for legacy, uni in (TCVN3 if encoding == "tcvn3" else VNI).items():
        reverse.setdefault(uni, legacy)
    if encoding == "tcvn3":  # accented capitals had no code of their own
        text = "".join(
            ch if ch in reverse or ch.isascii() else ch.lower()
            for ch in unicodedata.normalize("NFC", text)
        )
    return "".join(reverse.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


# --- recognising Vietnamese syllables ----------------------------------------------------------

_ONSET = "(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnprstvx])?"
# Rhymes whose vowel ends in a glide (-i, -y, -o, -u) take no final consonant.
_OPEN = (
    "(?:ươu|ươi|oai|oay|oao|oeo|uây|uôi|iêu|yêu|uyu|ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|"
    "ơi|ua|ui|ưa|ưi|ưu)"
)
_CLOSED = "(?:uyê|iê|yê|uô|ươ|oa|oă|oe|uâ|uê|uơ|uy|oo|[aăâeêioôơuưy])"
_CODA = "(?:ch|ng|nh|[cmnpt])"
_SYLLABLE = re.compile(f"^{_ONSET}(?:{_OPEN}|{_CLOSED}{_CODA}?)$")
_WORD = re.compile(r"[^\W\d_]+")
_TONE_MARKS = set(_TONES[1:])


def is_syllable(word: str) -> bool:
    decomposed = unicodedata.normalize("NFD", word.lower().replace("ð", "đ"))  # Ð for Đ, seen
    tones = sum(ch in _TONE_MARKS for ch in decomposed)
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONE_MARKS))
    return tones <= 1 and bool(_SYLLABLE.match(bare))


def score(text: str) -> float:
    """The share of a text's non-ASCII words that are Vietnamese syllables."""
    words = [w for w in _WORD.findall(text) if not w.isascii()]
    if not words:
        return 0.0
    return sum(is_syllable(w) for w in words) / len(words)


def suspicious(text: str) -> bool:
    """Cheap first look: does the text hold a letter Vietnamese never uses?"""
    return _SUSPICIOUS.search(text) is not None


_TOKEN = re.compile(r"[^\s,.;:!?()\[\]{}\"'“”‘’/]+")


def _reads_well(token: str) -> bool:
    """No letter Vietnamese never uses, and every word a syllable."""
    if suspicious(token):
        return False
    return all(word.isascii() or is_syllable(word) for word in _WORD.findall(token))


def fix_words(text: str, encoding: str) -> str:
    """Convert the legacy words of a text that may mix them with correct Unicode.

    A word that reads as Vietnamese only once converted is legacy; one that reads only as it
    is, is Unicode; one that reads both ways ("toác" is VNI for "tốc", and a word too) takes the
    side of its nearest decided neighbour. So "Công tác: Traùch nhieäm" keeps "Công tác".
    """
    tokens = list(_TOKEN.finditer(text))
    kinds: list[str] = []
    for m in tokens:
        token = m.group()
        converted = to_unicode(token, encoding)
        before, after = _reads_well(token), _reads_well(converted)
        if converted == token:
            kinds.append("unicode" if not token.isascii() and before else "neutral")
        elif after and not before:
            kinds.append("legacy")
        elif before and not after:
            kinds.append("unicode")
        else:
            kinds.append("both" if after else "neutral")
    decided = [i for i, k in enumerate(kinds) if k in ("legacy", "unicode")]
    out, pos = [], 0
    for i, m in enumerate(tokens):
        kind = kinds[i]
        if kind == "both" and decided:
            nearest = min(decided, key=lambda j: (abs(j - i), j > i))
            kind = kinds[nearest]
        out.append(text[pos : m.start()])
        out.append(to_unicode(m.group(), encoding) if kind == "legacy" else m.group())
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


READS_WELL = 0.6  # the share of syllables above which a text is taken for Vietnamese


def detect(text: str) -> str | None:
    """'tcvn3' or 'vni' when `text` reads far better converted; None otherwise."""
    if not suspicious(text):
        return None
    now = score(text)
    best, name = now, None
    for encoding in ("tcvn3", "vni"):
        converted = score(to_unicode(text, encoding))
        if converted > best:
            best, name = converted, encoding
    return name if name and best >= READS_WELL and best - now >= 0.3 else None
