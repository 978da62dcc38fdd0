"""Finding records by any of their names, in any language and script.

Names and queries are compared in a *folded* form (:func:`fold`): Unicode
NFKC, case-folded, spaces and punctuation removed (:func:`normalize`), then

- Chinese characters are mapped one by one to their simplified form with
  OpenCC's ``t2s`` tables, so ``台湾`` meets ``臺灣`` and ``台积电`` meets
  ``台積電``;
- hiragana become katakana, and a dash after kana becomes the long-vowel mark
  ``ー`` (full- and half-width forms already meet through NFKC).

A query matches, best first:

1. a whole name exactly; then an organization's acronym or short name (see
   :func:`short_names`: ``TII`` for Technology Innovation Institute, ``G42``
   for Inception G42, ``AIST`` from a name ending ``(AIST)``), which also
   rank first when no name starts with the query (then followed by names that
   hold it, step 3); then the beginning of a name (a prefix); a query in
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
import heapq
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import NamedTuple

from asiaai_graph.utils.errors import NotFound
from asiaai_graph.graph.folding import (
    HAN,
    HAN_CLASS,
    HANGUL,
    HANGUL_CLASS,
    MAX_CHAR,
    fold,
    fold_ascii,
    fold_blob,
    join_lines,
    lines_with,
    normalize,
    pinyin_many,
    pinyin_query,
    short_names,
    split_lines,
    to_pinyin,
)
from asiaai_graph.utils.gcpause import gc_paused

__all__ = ["Matches", "NameIndex", "fold", "normalize", "resolve", "short_names", "to_pinyin"]

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
        return start, bisect.bisect_left(self.keys, key + MAX_CHAR, start, hi)

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
                nxt = bisect_left(keys, p + char + MAX_CHAR, lo, hi)
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
            for c, a, b in children(p, *((lo, bisect_left(keys, p + MAX_CHAR, lo, hi)) if p else root)):
                if c != char:
                    step(i + 1, p + c, a, b, left - 1, 1)  # a wrong character
                step(i, p + c, a, b, left - 1, 1)  # a missing character

        step(0, "", 0, len(keys), edits, 0)
        found: dict[str, tuple[int, int, int]] = {}
        for p, lo, hi, used, other in reached:
            hi = bisect_left(keys, p + MAX_CHAR, lo, hi)
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

    def __init__(self, names: Mapping[str, Sequence[str]],
                 short: Mapping[str, Sequence[str]] | None = None, later: Iterable[str] = ()) -> None:
        """``names`` maps each id to its display name followed by its other names; ``short`` to its
        acronyms and short names (:func:`short_names`), matched whole, after whole names; the ids in
        ``later`` (the sources: a page titled "G7" is not what a search for G7 wants first) rank after
        the others that match as well."""
        self._later = frozenset(later)
        with gc_paused():
            self._build(names)
            table: dict[str, Ids] = {}
            for rid, its in (short or {}).items():
                for key in fold_ascii(list(its)):
                    if key:
                        _add(table, key, rid)
            self._short = table

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
        other_blob = fold_blob(join_lines(other_texts))
        self._has_han = HAN.search(other_blob) is not None
        for keys, ids in ((fold_ascii(ascii_texts), ascii_ids), (split_lines(other_blob, other_texts), other_ids)):
            for key, rid in zip(keys, ids):
                old = first(key, rid)
                if old is not rid:  # rare: a name shared by several records (or met twice)
                    _add(table, key, rid)
        table.pop("", None)
        self._main = _Space(table)
        self._pinyin: _Space | None = None
        self._jamo: _Space | None = None

    # --- ranking ----------------------------------------------------------------------------------

    def _rank(self, rid: str) -> tuple[bool, int, str]:
        shown = self._names.get(rid)
        # shorter display names are closer matches
        return (rid in self._later, len(shown[0]) if shown else len(rid), rid)

    def _ranked(self, hits: Iterable[str], limit: int) -> list[str]:
        return heapq.nsmallest(limit, hits, key=self._rank)

    def _ids_of(self, space: _Space, keys: Iterable[str]) -> set[str]:
        table = space.table
        return {rid for k in keys for rid in _ids(table[k])}

    # --- lazily built key spaces ------------------------------------------------------------------

    def _pinyin_space(self) -> _Space:
        if self._pinyin is None:
            with gc_paused():
                self._pinyin = self._build_pinyin()
        return self._pinyin

    def _build_pinyin(self) -> _Space:
        main = self._main
        han = lines_with(HAN_CLASS, main.keys[bisect.bisect_left(main.keys, "\x80"):])
        table: dict[str, Ids] = {}
        for key, spellings in zip(han, pinyin_many(han)):
            for spelling in spellings:
                for rid in _ids(main.table[key]):
                    _add(table, spelling, rid)
        return _Space(table)

    def _jamo_space(self) -> _Space:
        if self._jamo is None:
            with gc_paused():
                self._jamo = self._build_jamo()
        return self._jamo

    def _build_jamo(self) -> _Space:
        main = self._main
        hangul = lines_with(HANGUL_CLASS, main.keys[bisect.bisect_left(main.keys, "\x80"):])
        table: dict[str, Ids] = {}
        for key, jamo in zip(hangul, split_lines(unicodedata.normalize("NFD", join_lines(hangul)), hangul)):
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

        # 1. exact names, acronyms and short names, then names starting with the query (and as pinyin)
        first = self._ids_of(main, [key] if key in main.table else [])
        spaces = [main]
        pinyin = None if first or not self._has_han else pinyin_query(key)
        if pinyin is not None:
            space = self._pinyin_space()
            spaces.append(space)
            first = self._ids_of(space, [pinyin] if pinyin in space.table else [])
        # a short name of a record the query also names whole (as pinyin: Kunlunxin, 昆仑芯) is that record once
        short = [rid for rid in _ids(self._short.get(key, [])) if rid not in first]
        rest: dict[str, int] = {}  # id -> length of its shortest name starting with the query
        for space, k in zip(spaces, (key, pinyin or "")):
            lo, hi = space.prefix(k)
            for name in space.keys[lo:hi]:
                for rid in _ids(space.table[name]):
                    if len(name) < rest.get(rid, 1 << 30):
                        rest[rid] = len(name)
        for rid in (*first, *short):
            rest.pop(rid, None)
        if first or rest:
            ranked = self._ranked(first, limit)
            ranked += self._ranked(short, limit - len(ranked))
            more = heapq.nsmallest(limit - len(ranked), rest, key=lambda rid: (rest[rid], self._rank(rid)))
            return Matches(ranked + more, len(first) + len(short) + len(rest))

        # 2. a whole name within one edit, or a Chinese name read the same (not when a short name matched)
        pinyin = pinyin_query(key) if self._has_han else None
        close = {} if short else self._close(key, pinyin, 1)
        if any(score[1] == 0 for score in close.values()):
            return self._by_score(close, limit)

        # 3. part of a name, after the short names
        parts = self._ids_of(main, main.substring(key))
        if pinyin is not None and len(pinyin) >= 3:
            space = self._pinyin_space()
            parts |= self._ids_of(space, space.substring(pinyin))
        parts.difference_update(short)  # listed once, as a short name (Henan: 河南大学 read as pinyin too)
        if short or parts:
            ranked = self._ranked(short, limit)
            return Matches(ranked + self._ranked(parts, limit - len(ranked)), len(short) + len(parts))

        # 4. the beginning of a name within one edit, then anything within two for longer queries
        if not close and len(key) >= 8:
            close = self._close(key, pinyin, 2)
        return self._by_score(close, limit)

    def _close(self, key: str, pinyin: str | None, edits: int) -> dict[str, tuple[int, int, int, bool, int, str]]:
        """Records with a name within ``edits`` edits of the query: id -> ranking key."""
        found: dict[str, tuple[int, int, int, bool, int, str]] = {}

        def collect(space: _Space, scores: Mapping[str, tuple[int, int, int]]) -> None:
            for k, score in scores.items():
                for rid in _ids(space.table[k]):
                    ranking = (*score, *self._rank(rid))
                    old = found.get(rid)
                    if old is None or ranking < old:
                        found[rid] = ranking

        if HANGUL.search(key):
            space = self._jamo_space()
            query = unicodedata.normalize("NFD", key)
        else:
            space, query = self._main, key
        if len(query) >= 3:
            collect(space, space.close(query, edits))
        if pinyin is not None and len(pinyin) >= 3 and not any(r[1] == 0 for r in found.values()):
            space = self._pinyin_space()
            collect(space, space.close(pinyin, edits))
        if edits == 1 and HAN.search(key):  # a homophone: the same pinyin, other characters
            space = self._pinyin_space()
            scores: dict[str, tuple[int, int, int]] = {}
            for spelling in pinyin_many([key])[0]:
                if spelling in space.table:
                    scores[spelling] = (1, 0, 0)  # like a swap: more likely than another character
                lo, hi = space.prefix(spelling)
                for k in space.keys[lo:hi] if len(spelling) >= 4 else ():
                    scores.setdefault(k, (1, 1, 0))
            collect(space, scores)
        return found

    def _by_score(self, found: Mapping[str, tuple[int, int, int, bool, int, str]], limit: int) -> Matches:
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
    asiaai_graph.utils.errors.NotFound: 'BAT' names 2 records: a, b
    >>> resolve(index, types, "Deepsek")
    Traceback (most recent call last):
    ...
    asiaai_graph.utils.errors.NotFound: no record named 'Deepsek'; did you mean: deepseek, deepseek-v3?
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
