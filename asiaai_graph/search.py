"""Finding records by any of their names, in any language and script.

Names and queries are compared in a *folded* form (:func:`fold`): Unicode
NFKC, case-folded, spaces and punctuation removed (:func:`normalize`), then

- Chinese characters are mapped one by one to their simplified form with
  OpenCC's ``t2s`` tables, so ``台湾`` meets ``臺灣`` and ``台积电`` meets
  ``台積電``;
- hiragana become katakana, and a dash after kana becomes the long-vowel mark
  ``ー`` (full- and half-width forms already meet through NFKC).

A query matches, best first:

1. a whole name exactly, or the beginning of a name (a prefix); a query in
   Latin letters that matches no name exactly is also read as toneless pinyin,
   with or without spaces (``tongyi qianwen``, ``Shenzhen``, ``tōngyì``), and
   matched against the pinyin of every Chinese name;
2. a whole name within one edit (a missing, extra, wrong or swapped character;
   in Hangul, a missing, extra or wrong *jamo*, so ``맥킨지`` finds ``매킨지``
   and ``스탠퍼드`` finds ``스탠포드``); a Chinese query also matches names that
   read the same in pinyin (a homophone typed by mistake);
3. a part of a name (substring);
4. the beginning of a name within one edit, then, for longer queries, a whole
   name or its beginning within two edits.

Within a step, names closer to the query come first (for a prefix, the
shortest name; for close spellings, the fewest edits, swapped letters before
other edits), then records with shorter display names.

Cost: building the index normalises every name in a few bulk string
operations, folds Chinese characters through a per-character cache and sorts
the keys. Exact and prefix lookups are a dictionary lookup and a binary search.
Close spellings walk the sorted keys as a trie (one binary search per branch),
so no separate fuzzy index is built. Pinyin keys (which import ``pypinyin``),
Hangul jamo keys and the substring scan are built on the first query that needs
them; ``import asiaai_graph`` imports none of ``opencc`` and ``pypinyin``.
"""

from __future__ import annotations

import bisect
import contextlib
import gc
import heapq
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple

from asiaai_graph.errors import NotFound

if TYPE_CHECKING:
    import opencc

__all__ = ["Matches", "NameIndex", "fold", "normalize", "resolve", "to_pinyin"]

_NOT_ALNUM = re.compile(r"[\W_]+")
_NOT_ALNUM_OR_NEWLINE = re.compile(r"(?:[^\w\n]|_)+")
# ASCII punctuation and spaces, deleted with str.translate (much faster than the regex on ASCII text)
_ASCII_DROP = str.maketrans("", "", "".join(chr(i) for i in range(128) if not chr(i).isalnum() and i != 10))
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]")
_HANGUL = re.compile("[\uac00-\ud7a3]")  # precomposed syllables (keys are NFKC)
_KANA = re.compile("[\u3041-\u309f]")
# a dash-like character right after kana stands for the long-vowel mark (ソニ- for ソニー)
_KANA_DASH = re.compile("(?<=[\u3041-\u30ff\uff66-\uff9f])[-~\u2010-\u2015\u2212\u301c\uff0d\uff5e\uff70]")
_HIRAGANA_TO_KATAKANA = {c: c + 0x60 for c in range(0x3041, 0x3097)} | {0x309D: 0x30FD, 0x309E: 0x30FE}
_HAN_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f"
_HANGUL_CLASS = "\uac00-\ud7a3"
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
_PINYIN_SYLLABLES = re.compile("(?:" + "|".join(
    f"(?:{'|'.join(initials.split())})(?:{'|'.join(sorted(finals.split(), key=len, reverse=True))})"
    for initials, finals in _PINYIN_FINALS.items()) + ")+")
_MAX = "\U0010ffff"

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
    return (_fold_ascii if text.isascii() else _fold_other)([text])[0]


def to_pinyin(text: str) -> str:
    """Toneless pinyin of the Chinese characters in ``text`` (folded), other characters kept.

    Words found in pypinyin's phrase dictionary take their reading in context
    (``重庆`` is *chongqing*, not *zhongqing*); ``ü`` is written ``v``.

    Examples
    --------
    >>> to_pinyin("通义千问"), to_pinyin("深圳"), to_pinyin("重慶"), to_pinyin("Qwen 2.5")
    ('tongyiqianwen', 'shenzhen', 'chongqing', 'qwen25')
    """
    return _pinyin_many([fold(text)])[0][0]


# --- bulk folding ---------------------------------------------------------------------------------


def _split(blob: str, texts: Sequence[str]) -> list[str]:
    return blob.split("\n") if texts else []


def _join(texts: Sequence[str]) -> str:
    blob = "\n".join(texts)
    if blob.count("\n") != len(texts) - 1:  # a name with a line break in it
        blob = "\n".join(t.replace("\n", " ") for t in texts)
    return blob


def _fold_ascii(texts: Sequence[str]) -> list[str]:
    """:func:`fold` of ASCII texts: lower case, punctuation and spaces dropped, in one pass."""
    return _split(_join(texts).lower().translate(_ASCII_DROP), texts)


def _fold_other(texts: Sequence[str]) -> list[str]:
    """:func:`fold` of any texts, each step done once on all of them joined by line breaks."""
    return _split(_fold_blob(_join(texts)), texts)


def _fold_blob(blob: str) -> str:
    blob = _KANA_DASH.sub("ー", blob)
    blob = _NOT_ALNUM_OR_NEWLINE.sub("", unicodedata.normalize("NFKC", blob).casefold())
    if _KANA.search(blob):
        blob = blob.translate(_HIRAGANA_TO_KATAKANA)
    han = set(_HAN.findall(blob))
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


def _pinyin_many(keys: Sequence[str]) -> list[tuple[str, ...]]:
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
    blob = _join(marked)
    with_v = _split(_toneless(blob, "v"), marked)
    if not any(c in blob for c in _U_UMLAUT):
        return [(p,) for p in with_v]
    with_u = _split(_toneless(blob, "u"), marked)
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


def _pinyin_query(key: str) -> str | None:
    """The query as pinyin (tone marks dropped, ü as v), or None unless it is spelled in pinyin syllables."""
    key = _toneless(key, "v")
    letters = key.rstrip("0123456789")
    return key if key.isascii() and _PINYIN_SYLLABLES.fullmatch(letters) else None


def _lines_with(pattern: str, keys: Sequence[str]) -> list[str]:
    """The keys holding a character of the class ``pattern`` (one regex scan over all of them)."""
    return re.findall(f"(?m)^[^\\n{pattern}]*[{pattern}][^\\n]*", "\n".join(keys))


# --- key spaces -----------------------------------------------------------------------------------


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building: its full passes over a large graph's
    records would otherwise cost more than the building itself (nothing built here holds cycles)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


Ids = str | list[str]


def _ids(value: Ids) -> list[str]:
    return [value] if isinstance(value, str) else value


def _add(table: dict[str, Ids], key: str, rid: str) -> None:
    old = table.get(key)
    if old is None:
        table[key] = rid
    elif isinstance(old, str):
        if old != rid:
            table[key] = [old, rid]
    elif rid not in old:
        old.append(rid)


class _Space:
    """One set of keys (folded names, their pinyin or their jamo), each mapped to record ids.

    ``keys`` is sorted: a prefix is a range found by binary search, and the
    list is walked as a trie for close spellings.
    """

    def __init__(self, table: dict[str, Ids]) -> None:
        self.table = table
        self.keys = sorted(table)
        self._blobs: list[tuple[str, list[int], list[str]]] | None = None

    def prefix(self, key: str, lo: int = 0, hi: int | None = None) -> tuple[int, int]:
        hi = len(self.keys) if hi is None else hi
        start = bisect.bisect_left(self.keys, key, lo, hi)
        return start, bisect.bisect_left(self.keys, key + _MAX, start, hi)

    def substring(self, key: str) -> list[str]:
        """Keys containing ``key``: a scan of the keys joined in one string (built on first use)."""
        if self._blobs is None:
            self._blobs = []
            for part in ([k for k in self.keys if k.isascii()], [k for k in self.keys if not k.isascii()]):
                starts, pos = [], 0
                for k in part:
                    starts.append(pos)
                    pos += len(k) + 1
                self._blobs.append(("\n".join(part), starts, part))
        found: dict[str, None] = {}
        for blob, starts, part in self._blobs if key.isascii() else self._blobs[1:]:
            at = blob.find(key)
            while at >= 0:
                j = bisect.bisect_right(starts, at) - 1
                found[part[j]] = None
                at = blob.find(key, starts[j] + len(part[j]) + 1)
        return list(found)

    def close(self, query: str, edits: int) -> dict[str, tuple[int, int, int]]:
        """Keys within ``edits`` edits of ``query`` (whole) or of their first letters (prefix).

        Returns key -> (edits used, 0 for a whole key / 1 for a prefix, 0 if
        only swaps were used / 1 otherwise). The sorted keys are walked as a
        trie: each branch is a binary search, and only branches that an edit
        can still reach are visited. The first character is only replaced or
        inserted from its own 256-code-point block (a Latin letter by a Latin
        letter, a jamo by a jamo).
        """
        keys, n = self.keys, len(query)
        if not n or not keys:
            return {}
        reached: list[tuple[str, int, int, int, int]] = []
        seen: set[tuple[int, str, int, int]] = set()
        page = ord(query[0]) & ~0xFF
        root = (bisect.bisect_left(keys, chr(page)),
                bisect.bisect_left(keys, chr(page + 0x100)) if page + 0x100 <= 0x10FFFF else len(keys))

        bisect_left = bisect.bisect_left

        def children(p: str, lo: int, hi: int) -> Iterator[tuple[str, int, int]]:
            depth = len(p)
            if lo < hi and len(keys[lo]) == depth:
                lo += 1
            while lo < hi:
                char = keys[lo][depth]
                nxt = bisect_left(keys, p + char + _MAX, lo, hi)
                yield char, lo, nxt
                lo = nxt

        def step(i: int, p: str, lo: int, hi: int, left: int, other: int) -> None:
            # keys[lo] starts with p, and every key starting with p is in keys[lo:hi]
            state = (i, p, left, other)
            if state in seen:
                return
            seen.add(state)
            if i == n:
                reached.append((p, lo, hi, edits - left, other))
                return
            char = query[i]
            exact = p + char
            a = bisect_left(keys, exact, lo, hi)
            if a < hi and keys[a].startswith(exact):
                step(i + 1, exact, a, hi, left, other)
            if not left:
                return
            step(i + 1, p, lo, hi, left - 1, 1)  # the query has an extra character
            if i + 1 < n and query[i + 1] != char:  # two characters swapped
                swapped = p + query[i + 1] + char
                a = bisect_left(keys, swapped, lo, hi)
                if a < hi and keys[a].startswith(swapped):
                    step(i + 2, swapped, a, hi, left - 1, other)
            for c, a, b in children(p, *((lo, bisect_left(keys, p + _MAX, lo, hi)) if p else root)):
                if c != char:
                    step(i + 1, p + c, a, b, left - 1, 1)  # a wrong character
                step(i, p + c, a, b, left - 1, 1)  # a missing character

        step(0, "", 0, len(keys), edits, 0)
        found: dict[str, tuple[int, int, int]] = {}
        for p, lo, hi, used, other in reached:
            hi = bisect_left(keys, p + _MAX, lo, hi)
            if keys[lo] == p:
                score = (used, 0, other)
                if score < found.get(p, (99, 0, 0)):
                    found[p] = score
                lo += 1
            if len(p) >= 4:  # a close beginning of a longer name; too loose for shorter queries
                score = (used, 1, other)
                for k in keys[lo:hi]:
                    if score < found.get(k, (99, 0, 0)):
                        found[k] = score
        return found


class Matches(NamedTuple):
    """What a search found: the best ``ids`` (at most the limit asked for) and the ``total`` matched."""

    ids: list[str]
    total: int


class NameIndex:
    """Exact, prefix, close-spelling and substring lookup over every name of every record.

    Examples
    --------
    >>> index = NameIndex({"baidu": ("Baidu", "바이두", "百度"), "baidu-apollo": ("Apollo", "아폴로")})
    >>> index.search("百度"), index.search("바이"), index.search("Biadu"), index.search("아폴로")
    (['baidu'], ['baidu'], ['baidu', 'baidu-apollo'], ['baidu-apollo'])
    >>> index.lookup("bai")
    Matches(ids=['baidu', 'baidu-apollo'], total=2)
    """

    def __init__(self, names: Mapping[str, Sequence[str]]) -> None:
        """``names`` maps each id to its display name followed by its other names."""
        with _gc_paused():
            self._build(names)

    def _build(self, names: Mapping[str, Sequence[str]]) -> None:
        self._names = names
        ascii_texts: list[str] = []
        ascii_ids: list[str] = []
        other_texts: list[str] = []
        other_ids: list[str] = []
        for rid, its_names in names.items():
            ascii_texts.append(rid)
            ascii_ids.append(rid)
            last = None
            for name in its_names:
                if name == last:  # the display name is usually the English name again
                    continue
                last = name
                if name.isascii():
                    ascii_texts.append(name)
                    ascii_ids.append(rid)
                else:
                    other_texts.append(name)
                    other_ids.append(rid)
        table: dict[str, Ids] = {}
        first = table.setdefault
        other_blob = _fold_blob(_join(other_texts))
        self._has_han = _HAN.search(other_blob) is not None
        for keys, ids in ((_fold_ascii(ascii_texts), ascii_ids), (_split(other_blob, other_texts), other_ids)):
            for key, rid in zip(keys, ids):
                old = first(key, rid)
                if old is not rid:  # rare: a name shared by several records (or met twice)
                    _add(table, key, rid)
        table.pop("", None)
        self._main = _Space(table)
        self._pinyin: _Space | None = None
        self._jamo: _Space | None = None

    # --- ranking ----------------------------------------------------------------------------------

    def _rank(self, rid: str) -> tuple[int, str]:
        shown = self._names.get(rid)
        return (len(shown[0]) if shown else len(rid), rid)  # shorter display names are closer matches

    def _ranked(self, hits: Iterable[str], limit: int) -> list[str]:
        return heapq.nsmallest(limit, hits, key=self._rank)

    def _ids_of(self, space: _Space, keys: Iterable[str]) -> set[str]:
        table = space.table
        return {rid for k in keys for rid in _ids(table[k])}

    # --- lazily built key spaces ------------------------------------------------------------------

    def _pinyin_space(self) -> _Space:
        if self._pinyin is None:
            with _gc_paused():
                self._pinyin = self._build_pinyin()
        return self._pinyin

    def _build_pinyin(self) -> _Space:
        main = self._main
        han = _lines_with(_HAN_CLASS, main.keys[bisect.bisect_left(main.keys, "\x80"):])
        table: dict[str, Ids] = {}
        for key, spellings in zip(han, _pinyin_many(han)):
            for spelling in spellings:
                for rid in _ids(main.table[key]):
                    _add(table, spelling, rid)
        return _Space(table)

    def _jamo_space(self) -> _Space:
        if self._jamo is None:
            with _gc_paused():
                self._jamo = self._build_jamo()
        return self._jamo

    def _build_jamo(self) -> _Space:
        main = self._main
        hangul = _lines_with(_HANGUL_CLASS, main.keys[bisect.bisect_left(main.keys, "\x80"):])
        table: dict[str, Ids] = {}
        for key, jamo in zip(hangul, _split(unicodedata.normalize("NFD", _join(hangul)), hangul)):
            for rid in _ids(main.table[key]):
                _add(table, jamo, rid)
        return _Space(table)

    # --- lookups ----------------------------------------------------------------------------------

    def exact(self, text: str) -> list[str]:
        """Ids of the records with an id, name, label or alias equal to ``text`` once folded, best first.

        Examples
        --------
        >>> NameIndex({"tsmc": ("TSMC", "台積電"), "TW": ("Taiwan", "臺灣")}).exact("台积电")
        ['tsmc']
        """
        value = self._main.table.get(fold(text))
        return self._ranked(_ids(value), len(_ids(value))) if value is not None else []

    def search(self, query: str, limit: int = 10) -> list[str]:
        """Ids of the records best matching ``query``, at most ``limit`` of them."""
        return self.lookup(query, limit).ids

    def lookup(self, query: str, limit: int = 10) -> Matches:
        """The records best matching ``query`` (at most ``limit``) and how many match in all.

        ``total`` counts every record matched at the step that answered (see
        the module's description), so a caller can say "10 of 13 shown".
        """
        key = fold(query)
        if not key:
            return Matches([], 0)
        limit = max(limit, 0)
        main = self._main

        # 1. exact names, then names starting with the query (and the same read as pinyin)
        first = self._ids_of(main, [key] if key in main.table else [])
        spaces = [main]
        pinyin = None if first or not self._has_han else _pinyin_query(key)
        if pinyin is not None:
            space = self._pinyin_space()
            spaces.append(space)
            first = self._ids_of(space, [pinyin] if pinyin in space.table else [])
        rest: dict[str, int] = {}  # id -> length of its shortest name starting with the query
        for space, k in zip(spaces, (key, pinyin or "")):
            lo, hi = space.prefix(k)
            for name in space.keys[lo:hi]:
                for rid in _ids(space.table[name]):
                    if len(name) < rest.get(rid, 1 << 30):
                        rest[rid] = len(name)
        for rid in first:
            rest.pop(rid, None)
        if first or rest:
            ranked = self._ranked(first, limit)
            more = heapq.nsmallest(limit - len(ranked), rest, key=lambda rid: (rest[rid], self._rank(rid)))
            return Matches(ranked + more, len(first) + len(rest))

        # 2. a whole name within one edit, or a Chinese name read the same
        pinyin = _pinyin_query(key) if self._has_han else None
        close = self._close(key, pinyin, 1)
        if any(score[1] == 0 for score in close.values()):
            return self._by_score(close, limit)

        # 3. part of a name
        parts = self._ids_of(main, main.substring(key))
        if pinyin is not None and len(pinyin) >= 3:
            space = self._pinyin_space()
            parts |= self._ids_of(space, space.substring(pinyin))
        if parts:
            return Matches(self._ranked(parts, limit), len(parts))

        # 4. the beginning of a name within one edit, then anything within two for longer queries
        if not close and len(key) >= 8:
            close = self._close(key, pinyin, 2)
        return self._by_score(close, limit)

    def _close(self, key: str, pinyin: str | None, edits: int) -> dict[str, tuple[int, int, int, int, str]]:
        """Records with a name within ``edits`` edits of the query: id -> ranking key."""
        found: dict[str, tuple[int, int, int, int, str]] = {}

        def collect(space: _Space, scores: Mapping[str, tuple[int, int, int]]) -> None:
            for k, score in scores.items():
                for rid in _ids(space.table[k]):
                    ranking = (*score, *self._rank(rid))
                    old = found.get(rid)
                    if old is None or ranking < old:
                        found[rid] = ranking

        if _HANGUL.search(key):
            space = self._jamo_space()
            query = unicodedata.normalize("NFD", key)
        else:
            space, query = self._main, key
        if len(query) >= 3:
            collect(space, space.close(query, edits))
        if pinyin is not None and len(pinyin) >= 3 and not any(r[1] == 0 for r in found.values()):
            space = self._pinyin_space()
            collect(space, space.close(pinyin, edits))
        if edits == 1 and _HAN.search(key):  # a homophone: the same pinyin, other characters
            space = self._pinyin_space()
            scores: dict[str, tuple[int, int, int]] = {}
            for spelling in _pinyin_many([key])[0]:
                if spelling in space.table:
                    scores[spelling] = (1, 0, 0)  # like a swap: more likely than another character
                lo, hi = space.prefix(spelling)
                for k in space.keys[lo:hi] if len(spelling) >= 4 else ():
                    scores.setdefault(k, (1, 1, 0))
            collect(space, scores)
        return found

    def _by_score(self, found: Mapping[str, tuple[int, int, int, int, str]], limit: int) -> Matches:
        return Matches(heapq.nsmallest(limit, found, key=found.__getitem__), len(found))


def resolve(
    index: NameIndex,
    types: Mapping[str, str],
    text: str,
    record_type: str | tuple[str, ...] | None = None,
) -> str:
    """The id of the one record ``text`` names: its id, or a name, label or alias in any language.

    ``types`` maps each id to its record type; ``record_type`` (one or a tuple)
    keeps only records of that type. Names are compared folded (case, width,
    spacing, simplified/traditional Chinese, kana), but never guessed: a close
    spelling does not resolve.

    Raises
    ------
    NotFound
        When nothing has that exact name (``suggestions`` holds close matches),
        or when several records do (``suggestions`` holds all of them).

    Examples
    --------
    >>> index = NameIndex({"CN": ("China", "중국", "中国"), "deepseek": ("DeepSeek", "딥시크"),
    ...                    "deepseek-v3": ("DeepSeek-V3",), "a": ("BAT",), "b": ("BAT",)})
    >>> types = {"CN": "country", "deepseek": "organization", "deepseek-v3": "model", "a": "organization",
    ...          "b": "organization"}
    >>> resolve(index, types, "cn"), resolve(index, types, "중국"), resolve(index, types, "딥시크")
    ('CN', 'CN', 'deepseek')
    >>> resolve(index, types, "Deepseek V3", "model")
    'deepseek-v3'
    >>> resolve(index, types, "BAT")
    Traceback (most recent call last):
    ...
    asiaai_graph.errors.NotFound: 'BAT' names 2 records: a, b
    >>> resolve(index, types, "Deepsek")
    Traceback (most recent call last):
    ...
    asiaai_graph.errors.NotFound: no record named 'Deepsek'; did you mean: deepseek, deepseek-v3?
    """
    allowed = (record_type,) if isinstance(record_type, str) else record_type
    what = " or ".join(allowed) if allowed else "record"
    if text in types and (allowed is None or types[text] in allowed):
        return text
    ids = [i for i in index.exact(text) if allowed is None or types[i] in allowed]
    if len(ids) == 1:
        return ids[0]
    if ids:
        raise NotFound(text, message=f"{text!r} names {len(ids)} {what}s: {', '.join(ids)}")
    close = [i for i in index.search(text, limit=50) if allowed is None or types[i] in allowed][:5]
    raise NotFound(text, close, message=f"no {what} named {text!r}")
