"""Named groups of countries: Asia and its UN M49 sub-regions, and the Gulf.

"Asia" is the United Nations' geographic region 142 in the *Standard country or
area codes for statistical use* (M49), https://unstats.un.org/unsd/methodology/m49/ ,
with its five sub-regions, given as ISO 3166-1 alpha-2 codes. M49 has no
separate entry for Taiwan (its figures are folded into China); ISO 3166-1 gives
it its own code, ``TW``, counted here in Eastern Asia: the one addition to M49,
stated, not implied. Hong Kong (``HK``) and Macao (``MO``) are M49 areas of
their own; in this graph they are places of China. "The Gulf" is the six member
states of the Gulf Cooperation Council.

:func:`region_codes` reads a region's name as people write it: ``East Asia``,
``east-asia``, M49's ``Eastern Asia``, ``동아시아``.

Examples
--------
>>> sorted(region_codes("the Gulf"))
['AE', 'BH', 'KW', 'OM', 'QA', 'SA']
>>> "KR" in region_codes("동아시아"), "IN" in region_codes("South Asia"), "TW" in region_codes("asia")
(True, True, True)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["ASIA", "ASIA_SUBREGIONS", "REGIONS", "region_codes"]

#: UN M49 sub-regions of Asia (region 142): M49 code -> (English name, ISO 3166-1 alpha-2 codes).
ASIA_SUBREGIONS: Final[Mapping[str, tuple[str, frozenset[str]]]] = {
    "143": ("Central Asia", frozenset({"KZ", "KG", "TJ", "TM", "UZ"})),
    # M49 lists China (with Hong Kong and Macao as separate areas); TW is this module's stated addition.
    "030": ("Eastern Asia", frozenset({"CN", "HK", "MO", "KP", "JP", "MN", "KR", "TW"})),
    "035": (
        "South-eastern Asia",
        frozenset({"BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "TL", "VN"}),
    ),
    "034": ("Southern Asia", frozenset({"AF", "BD", "BT", "IN", "IR", "MV", "NP", "PK", "LK"})),
    "145": (
        "Western Asia",
        frozenset(
            {"AM", "AZ", "BH", "CY", "GE", "IQ", "IL", "JO", "KW", "LB", "OM", "QA", "SA", "PS", "SY", "TR", "AE", "YE"}
        ),
    ),
}

#: Every ISO 3166-1 alpha-2 code in Asia (M49's 50 areas plus TW).
ASIA: Final[frozenset[str]] = frozenset().union(*(codes for _, codes in ASIA_SUBREGIONS.values()))

#: The named regions: slug -> (English name, other names, ISO codes).
REGIONS: Final[Mapping[str, tuple[str, tuple[str, ...], frozenset[str]]]] = {
    "asia": ("Asia", ("all of Asia", "아시아", "亚洲", "アジア"), ASIA),
    "east-asia": ("East Asia", ("Eastern Asia", "동아시아", "东亚", "東アジア"), ASIA_SUBREGIONS["030"][1]),
    "southeast-asia": ("Southeast Asia", ("South-eastern Asia", "South East Asia", "동남아시아", "东南亚", "東南アジア"),
                       ASIA_SUBREGIONS["035"][1]),
    "south-asia": ("South Asia", ("Southern Asia", "남아시아", "南亚", "南アジア"), ASIA_SUBREGIONS["034"][1]),
    "central-asia": ("Central Asia", ("중앙아시아", "中亚", "中央アジア"), ASIA_SUBREGIONS["143"][1]),
    "western-asia": ("Western Asia", ("West Asia", "서아시아", "西亚", "西アジア"), ASIA_SUBREGIONS["145"][1]),
    "gulf": ("the Gulf", ("Gulf", "Gulf states", "GCC", "걸프", "海湾", "湾岸"),
             frozenset({"AE", "BH", "KW", "OM", "QA", "SA"})),
}


def _key(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum()).removeprefix("the")


def region_codes(name: str) -> frozenset[str]:
    """The ISO codes of the countries of a named region; ``ValueError`` lists the names known.

    >>> region_codes("Middle Earth")
    Traceback (most recent call last):
    ...
    ValueError: no region named 'Middle Earth'; regions: Asia, East Asia, Southeast Asia, South Asia, Central Asia, Western Asia, the Gulf
    """
    wanted = _key(name)
    for slug, (english, others, codes) in REGIONS.items():
        if wanted in {_key(slug), _key(english), *(_key(o) for o in others)}:
            return codes
    raise ValueError(f"no region named {name!r}; regions: {', '.join(e for e, _, _ in REGIONS.values())}")
