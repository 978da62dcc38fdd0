"""Folding names so that spellings meet: case, width, punctuation, Chinese scripts, kana, pinyin.

:func:`normalize` is what every name and query goes through (NFKC, case-folded,
letters and digits only); :func:`fold` also maps Chinese characters to their
simplified form (OpenCC's ``t2s`` tables, one character at a time) and hiragana
to katakana; :func:`to_pinyin` reads Chinese names in toneless pinyin. The
bulk helpers (``fold_ascii``, ``fold_blob``, ``pinyin_many``...) do the same for
many names at once, for :class:`asiaai_graph.graph.search.NameIndex`.

Examples
--------
>>> normalize("DeepSeek-V3"), fold("臺灣"), fold("そにー"), to_pinyin("通义千问")
('deepseekv3', '台湾', 'ソニー', 'tongyiqianwen')
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import opencc

__all__ = [
    "HAN", "HANGUL", "HANGUL_CLASS", "HAN_CLASS", "MAX_CHAR", "fold", "fold_ascii", "fold_blob", "join_lines",
    "RARE_WORD", "is_pinyin", "lines_with", "normalize", "pinyin_many", "pinyin_query", "short_names", "split_lines",
    "to_pinyin",
]

_NOT_ALNUM = re.compile(r"[\W_]+")
_NOT_ALNUM_OR_NEWLINE = re.compile(r"(?:[^\w\n]|_)+")
# ASCII punctuation and spaces, deleted with str.translate (much faster than the regex on ASCII text)
_ASCII_DROP = str.maketrans("", "", "".join(chr(i) for i in range(128) if not chr(i).isalnum() and i != 10))
HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]")
HANGUL = re.compile("[\uac00-\ud7a3]")  # precomposed syllables (keys are NFKC)
_KANA = re.compile("[\u3041-\u309f]")
# a dash-like character right after kana stands for the long-vowel mark (ソニ- for ソニー)
_KANA_DASH = re.compile("(?<=[\u3041-\u30ff\uff66-\uff9f])[-~\u2010-\u2015\u2212\u301c\uff0d\uff5e\uff70]")
_HIRAGANA_TO_KATAKANA = {c: c + 0x60 for c in range(0x3041, 0x3097)} | {0x309D: 0x30FD, 0x309E: 0x30FE}
HAN_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f"
HANGUL_CLASS = "\uac00-\ud7a3"
_TONE_MARK = re.compile("[\u0300-\u036f]")
_U_UMLAUT = "üǖǘǚǜ"
# Toneless pinyin syllables (ü written v): each group of initials with the finals it takes. Only a
# query spelled in such syllables is read as pinyin, so that "Tence" or "Alib" never load pypinyin;
# a test checks that every reading in pypinyin's dictionary (interjections such as "hm" aside) passes.
_PINYIN_FINALS = {
    "": "a o e ai ei ao ou an en ang eng er",
    "zh ch sh": "a e ai ei ao ou an en ang eng ong i u ua uo uai ui uan un uang",
    "z c s r": "a e ai ei ao ou an en ang eng ong i u ua uo ui uan un",
    "j q x": "i ia ie iao iu ian in iang ing iong u ue uan un",
    "b p": "a o ai ei ao ou an en ang eng i ie iao ian in ing u",
    "m": "a o e ai ei ao ou an en ang eng i ie iao iu ian in ing u",
    "f": "a o ei ou an en ang eng iao u",
    "d": "a e ai ei ao ou an en ang eng ong i ia ie iao iu ian ing u uo ui uan un",
    "t": "a e ai ei ao ou an ang eng ong i ie iao ian ing u uo ui uan un",
    "n l": "a o e ai ei ao ou an en ang eng ong i ia ie iao iu ian in iang ing u uo uan un v ve",
    "g k h": "a e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang",
    "y": "a o e ai ao ou an in ang ing ong i u ue uan un",
    "w": "a o ai ei an en ang eng u",
}
#: Every toneless syllable. A query is split into them by dynamic programming (linear in its length):
#: the regular expression ``(?:syllable)+`` it replaces backtracked exponentially on a long query that
#: almost splits ("xianxianxian...x").
_SYLLABLES = frozenset(i + f for initials, finals in _PINYIN_FINALS.items()
                       for i in (initials.split() or [""]) for f in finals.split())
_LONGEST_SYLLABLE = max(map(len, _SYLLABLES))


def is_pinyin(letters: str) -> bool:
    """Whether ``letters`` (lower case, toneless, ü as v) is one or more pinyin syllables.

    Examples
    --------
    >>> is_pinyin("baidu"), is_pinyin("xian"), is_pinyin("xianx"), is_pinyin(""), is_pinyin("xian" * 10000 + "q")
    (True, True, False, False, False)
    """
    if not letters:
        return False
    ends = [False] * (len(letters) + 1)
    ends[0] = True
    for start in range(len(letters)):
        if ends[start]:
            for end in range(start + 1, min(len(letters), start + _LONGEST_SYLLABLE) + 1):
                if letters[start:end] in _SYLLABLES:
                    ends[end] = True
    return ends[-1]
MAX_CHAR = "\U0010ffff"

# Per-character caches shared by every index: Chinese character -> simplified form (OpenCC t2s).
_T2S_SEEN: set[str] = set()
_T2S_TABLE: dict[int, str] = {}
_OPENCC: list[opencc.OpenCC] = []


def normalize(text: str) -> str:
    """The form names are compared in, before script folding (see :func:`fold`).

    Examples
    --------
    >>> normalize("DeepSeek-V3"), normalize("딥시크 V3"), normalize("Ｑｗｅｎ 2.5")
    ('deepseekv3', '딥시크v3', 'qwen25')
    """
    return _NOT_ALNUM.sub("", unicodedata.normalize("NFKC", text).casefold())


def fold(text: str) -> str:
    """The form names and queries are matched in: :func:`normalize`, then scripts folded.

    Chinese characters become simplified (OpenCC ``t2s``, one character at a
    time), hiragana become katakana and a dash after kana the long-vowel mark.

    Examples
    --------
    >>> fold("臺灣"), fold("台灣積體電路製造"), fold("Tongyi Qianwen")
    ('台湾', '台湾积体电路制造', 'tongyiqianwen')
    >>> fold("そにー"), fold("ｿﾆｰ"), fold("ソニ-")
    ('ソニー', 'ソニー', 'ソニー')
    """
    return (fold_ascii if text.isascii() else _fold_other)([text])[0]


def to_pinyin(text: str) -> str:
    """Toneless pinyin of the Chinese characters in ``text`` (folded), other characters kept.

    Words found in pypinyin's phrase dictionary take their reading in context
    (``重庆`` is *chongqing*, not *zhongqing*); ``ü`` is written ``v``.

    Examples
    --------
    >>> to_pinyin("通义千问"), to_pinyin("深圳"), to_pinyin("重慶"), to_pinyin("Qwen 2.5")
    ('tongyiqianwen', 'shenzhen', 'chongqing', 'qwen25')
    """
    return pinyin_many([fold(text)])[0][0]


# --- bulk folding ---------------------------------------------------------------------------------


def split_lines(blob: str, texts: Sequence[str]) -> list[str]:
    return blob.split("\n") if texts else []


def join_lines(texts: Sequence[str]) -> str:
    blob = "\n".join(texts)
    if blob.count("\n") != len(texts) - 1:  # a name with a line break in it
        blob = "\n".join(t.replace("\n", " ") for t in texts)
    return blob


def fold_ascii(texts: Sequence[str]) -> list[str]:
    """:func:`fold` of ASCII texts: lower case, punctuation and spaces dropped, in one pass."""
    return split_lines(join_lines(texts).lower().translate(_ASCII_DROP), texts)


def _fold_other(texts: Sequence[str]) -> list[str]:
    """:func:`fold` of any texts, each step done once on all of them joined by line breaks."""
    return split_lines(fold_blob(join_lines(texts)), texts)


def fold_blob(blob: str) -> str:
    blob = _KANA_DASH.sub("ー", blob)
    blob = _NOT_ALNUM_OR_NEWLINE.sub("", unicodedata.normalize("NFKC", blob).casefold())
    if _KANA.search(blob):
        blob = blob.translate(_HIRAGANA_TO_KATAKANA)
    han = set(HAN.findall(blob))
    if han:
        blob = blob.translate(_simplified(han))
    return blob


def _simplified(chars: Iterable[str]) -> dict[int, str]:
    """A str.translate table taking each of ``chars`` (and any seen before) to its simplified form."""
    missing = sorted(c for c in chars if c not in _T2S_SEEN)
    if missing:
        if not _OPENCC:
            import opencc

            _OPENCC.append(opencc.OpenCC("t2s"))
        converter = _OPENCC[0]
        converted = converter.convert("\n".join(missing)).split("\n")
        if len(converted) != len(missing):  # never seen; convert one at a time to stay aligned
            converted = [converter.convert(c) for c in missing]
        for char, simple in zip(missing, converted):
            _T2S_SEEN.add(char)
            if simple != char:
                _T2S_TABLE[ord(char)] = simple
    return _T2S_TABLE


_PHRASE_LENGTH: list[int] = []


def pinyin_many(keys: Sequence[str]) -> list[tuple[str, ...]]:
    """Toneless pinyin of folded keys: for each key its pinyin, and a second spelling with u for ü."""
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT

    if not _PHRASE_LENGTH:
        _PHRASE_LENGTH.append(max(map(len, PHRASES_DICT), default=1))
    longest = _PHRASE_LENGTH[0]
    phrases, readings = PHRASES_DICT.get, PINYIN_DICT.get
    marked: list[str] = []
    for key in keys:  # forward longest match against the phrase dictionary, like pypinyin's own
        parts: list[str] = []
        i, n = 0, len(key)
        while i < n:
            for j in range(min(n, i + longest), i + 1, -1):
                phrase = phrases(key[i:j])
                if phrase:
                    parts += [p[0] for p in phrase]
                    i = j
                    break
            else:
                reading = readings(ord(key[i]))
                parts.append(reading.split(",", 1)[0] if reading else key[i])
                i += 1
        marked.append("".join(parts))
    if not marked:
        return []
    blob = join_lines(marked)
    with_v = split_lines(_toneless(blob, "v"), marked)
    if not any(c in blob for c in _U_UMLAUT):
        return [(p,) for p in with_v]
    with_u = split_lines(_toneless(blob, "u"), marked)
    return [(v,) if v == u else (v, u) for v, u in zip(with_v, with_u)]


def _toneless(text: str, umlaut: str) -> str:
    """``text`` with tone marks dropped from Latin letters and ü (with or without a tone) as ``umlaut``."""
    table: dict[int, str] = {}
    for char in set(text):
        if not char.isascii():
            base = _TONE_MARK.sub("", unicodedata.normalize("NFD", char))
            if char in _U_UMLAUT:
                table[ord(char)] = umlaut
            elif base.isascii():
                table[ord(char)] = base
    return text.translate(table) if table else text


def pinyin_query(key: str) -> str | None:
    """The query as pinyin (tone marks dropped, ü as v), or None unless it is spelled in pinyin syllables."""
    key = _toneless(key, "v")
    letters = key.rstrip("0123456789")
    return key if key.isascii() and is_pinyin(letters) else None


def lines_with(pattern: str, keys: Sequence[str]) -> list[str]:
    """The keys holding a character of the class ``pattern`` (one regex scan over all of them)."""
    return re.findall(f"(?m)^[^\\n{pattern}]*[{pattern}][^\\n]*", "\n".join(keys))


# --- key spaces -----------------------------------------------------------------------------------


#: Words an acronym skips (``Korea Advanced Institute of Science and Technology`` -> ``KAIST``).
_MINOR_WORDS = frozenset({"of", "and", "for", "the", "de", "in", "on", "at", "&"})
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_PARENTHESIS = re.compile(r"\(([^()]+)\)")
#: A word of an organization's name is a short name of it when at most this many organizations' names hold it.
RARE_WORD = 3


def _acronyms(name: str) -> list[str]:
    """Acronyms a name is known by: one in parentheses, and the initials of three or more words."""
    found = [m.strip() for m in _PARENTHESIS.findall(name) if " " not in m.strip()]
    words = [w for w in _WORD.findall(_PARENTHESIS.sub(" ", name)) if w.casefold() not in _MINOR_WORDS]
    if len(words) >= 3 and all(w[0].isascii() and w[0].isalpha() for w in words):
        found.append("".join(w[0] for w in words))
    return found


def short_names(names: Mapping[str, Sequence[str]], types: Mapping[str, str],
                record_type: str = "organization") -> dict[str, tuple[str, ...]]:
    """The acronyms and short names of the records of ``record_type``: id -> names.

    An acronym is one written in parentheses in a name (``... (AIST)``) or
    the initials of a Latin name of three or more words, small words left out
    (``Technology Innovation Institute`` -> ``TII``). A short name is a word of
    an English name that at most :data:`RARE_WORD` organizations' names hold
    (``G42`` of ``Inception G42``), so that ``AI`` or ``University`` is none.

    Examples
    --------
    >>> names = {"tii": ("Technology Innovation Institute",), "g42": ("Inception G42",),
    ...          "aist": ("National Institute of Advanced Industrial Science and Technology (AIST)",)}
    >>> short = short_names(names, dict.fromkeys(names, "organization"))
    >>> short["tii"], short["g42"], short["aist"][:2]
    (('TII', 'Technology', 'Innovation', 'Institute'), ('Inception', 'G42'), ('AIST', 'NIAIST'))
    """
    ids = [rid for rid, t in types.items() if t == record_type and rid in names]
    words: dict[str, tuple[str, ...]] = {}
    holders: dict[str, int] = {}
    for rid in ids:
        english = [n for n in dict.fromkeys(names[rid]) if n.isascii()]
        its = tuple(dict.fromkeys(w for n in english for w in _WORD.findall(n)
                                  if len(w) >= 2 and w.casefold() not in _MINOR_WORDS))
        words[rid] = its
        for w in {w.casefold() for w in its}:
            holders[w] = holders.get(w, 0) + 1
    out: dict[str, tuple[str, ...]] = {}
    for rid in ids:
        english = [n for n in dict.fromkeys(names[rid]) if n.isascii()]
        found = [a for n in english for a in _acronyms(n)]
        found += [w for w in words[rid] if holders[w.casefold()] <= RARE_WORD]
        if found:
            out[rid] = tuple(dict.fromkeys(found))
    return out
