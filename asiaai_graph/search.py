"""Finding records by any of their names, in any language and script.

Names are normalised (Unicode NFKC, case-folded, spaces and punctuation
removed) so that ``"딥시크 V3"``, ``"DeepSeek-V3"`` and ``"deepseek v3"`` meet.
The index is built on the first search, not at load time.

Cost: an exact name is a dictionary lookup and a prefix a binary search, both
independent of the graph's size. Only when neither finds anything does the
search fall back to substrings (one scan of all names, in C) and then to close
spellings among names that start with the same character and have about the
same length.
"""

from __future__ import annotations

import bisect
import difflib
import heapq
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence

__all__ = ["NameIndex", "normalize"]

_NOT_ALNUM = re.compile(r"[\W_]+")


def normalize(text: str) -> str:
    """The form names are compared in.

    Examples
    --------
    >>> normalize("DeepSeek-V3"), normalize("딥시크 V3"), normalize("Ｑｗｅｎ 2.5")
    ('deepseekv3', '딥시크v3', 'qwen25')
    """
    return _NOT_ALNUM.sub("", unicodedata.normalize("NFKC", text).casefold())


class NameIndex:
    """Exact, prefix, substring and fuzzy lookup over every name of every record.

    Examples
    --------
    >>> index = NameIndex({"baidu": ("Baidu", "바이두", "百度"), "baidu-apollo": ("Apollo", "아폴로")})
    >>> index.search("百度"), index.search("바이"), index.search("Biadu")
    (['baidu'], ['baidu'], ['baidu'])
    """

    def __init__(self, names: Mapping[str, Sequence[str]]) -> None:
        """``names`` maps each id to its display name followed by its other names."""
        self._exact: dict[str, list[str]] = {}
        self._rank: dict[str, tuple[int, str]] = {}
        for rid, its_names in names.items():
            for name in (rid, *its_names):
                key = normalize(name)
                if key:
                    ids = self._exact.setdefault(key, [])
                    if rid not in ids:
                        ids.append(rid)
            shown = its_names[0] if its_names else rid
            self._rank[rid] = (len(shown), rid)  # shorter display names are closer matches
        self._keys = sorted(self._exact)
        self._blob: str | None = None
        self._starts: list[int] = []

    def _best(self, keys: Iterable[str], limit: int, skip: set[str]) -> list[str]:
        hits = {i for k in keys for i in self._exact[k] if i not in skip}
        return heapq.nsmallest(limit, hits, key=self._rank.__getitem__)

    def _substring_keys(self, key: str) -> list[str]:
        if self._blob is None:
            self._blob = "\n".join(self._keys)
            pos = 0
            for k in self._keys:
                self._starts.append(pos)
                pos += len(k) + 1
        found: dict[str, None] = {}
        for m in re.finditer(re.escape(key), self._blob):
            found[self._keys[bisect.bisect_right(self._starts, m.start()) - 1]] = None
        return list(found)

    def _close_keys(self, key: str, limit: int) -> list[str]:
        lo = bisect.bisect_left(self._keys, key[0])
        hi = bisect.bisect_left(self._keys, key[0] + "\U0010ffff")
        near = [k for k in self._keys[lo:hi] if abs(len(k) - len(key)) <= 3]
        return difflib.get_close_matches(key, near, n=limit, cutoff=0.75)

    def search(self, query: str, limit: int = 10) -> list[str]:
        """Ids of the records best matching ``query``, at most ``limit`` of them."""
        key = normalize(query)
        if not key or limit <= 0:
            return []
        ranked: list[str] = []
        if key in self._exact:
            ranked += self._best([key], limit, set())
        lo = bisect.bisect_left(self._keys, key)
        hi = bisect.bisect_left(self._keys, key + "\U0010ffff", lo)
        ranked += self._best(self._keys[lo:hi], limit - len(ranked), set(ranked))
        if not ranked:
            ranked = self._best(self._substring_keys(key), limit, set())
        if not ranked:  # close spellings, most similar first
            for close in self._close_keys(key, limit):
                ranked += self._best([close], limit - len(ranked), set(ranked))
        return ranked[:limit]
