"""Finding records by any of their names, in any language and script.

Names are normalised (Unicode NFKC, case-folded, spaces and punctuation
removed) so that ``"딥시크 V3"``, ``"DeepSeek-V3"`` and ``"deepseek v3"`` meet.
The index is built on the first search, not at load time.
"""

from __future__ import annotations

import bisect
import difflib
import unicodedata
from collections.abc import Iterable, Mapping, Sequence

__all__ = ["NameIndex", "normalize"]


def normalize(text: str) -> str:
    """The form names are compared in.

    Examples
    --------
    >>> normalize("DeepSeek-V3"), normalize("딥시크 V3"), normalize("Ｑｗｅｎ 2.5")
    ('deepseekv3', '딥시크v3', 'qwen25')
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if ch.isalnum())


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
        self._names: dict[str, str] = {}
        for rid, its_names in names.items():
            for name in (rid, *its_names):
                key = normalize(name)
                if key:
                    ids = self._exact.setdefault(key, [])
                    if rid not in ids:
                        ids.append(rid)
            self._names[rid] = its_names[0] if its_names else rid
        self._keys = sorted(self._exact)

    def search(self, query: str, limit: int = 10) -> list[str]:
        """Ids of the records best matching ``query``, at most ``limit`` of them."""
        key = normalize(query)
        if not key or limit <= 0:
            return []
        ranked: dict[str, None] = {}

        def take(keys: Iterable[str]) -> None:
            """Add the records behind ``keys``, shorter names (closer matches) first."""
            hits = sorted({i for k in keys for i in self._exact[k]}, key=lambda i: (len(self._names[i]), i))
            for i in hits:
                ranked.setdefault(i, None)

        take([key] if key in self._exact else [])
        start = bisect.bisect_left(self._keys, key)
        prefixed = []
        for k in self._keys[start:]:
            if not k.startswith(key):
                break
            prefixed.append(k)
        take(prefixed)
        if len(ranked) < limit:
            take([k for k in self._keys if key in k and not k.startswith(key)])
        if not ranked:  # close spellings, most similar first
            for close in difflib.get_close_matches(key, self._keys, n=limit, cutoff=0.75):
                take([close])
        return list(ranked)[:limit]
