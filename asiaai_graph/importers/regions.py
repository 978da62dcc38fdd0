"""Which countries are in Asia, and the ISO code of every country spelling the Epoch AI files use.

"Asia" is the United Nations' geographic region 142 in the *Standard country or
area codes for statistical use* (M49), https://unstats.un.org/unsd/methodology/m49/ ,
with its five sub-regions: Central Asia (143), Eastern Asia (030), South-eastern
Asia (035), Southern Asia (034) and Western Asia (145, which includes Israel, the
Gulf states, Türkiye, the Caucasus and Cyprus). The 50 areas M49 lists there are
given here as ISO 3166-1 alpha-2 codes. M49 has no separate entry for Taiwan
(its figures are folded into China); ISO 3166-1 gives Taiwan its own code, ``TW``,
and the Epoch files name it as a country, so ``TW`` is counted in Eastern Asia
here. That is this module's one addition to M49, and it is stated, not implied.

:data:`EPOCH_COUNTRY_CODES` maps each country spelling found in the two Epoch
files to its ISO code, or to :data:`NOT_A_COUNTRY` for values that name no
country (Epoch's ``"Multinational"``). A spelling that is not in the table is an
error for the reader: a new spelling is reported, never guessed.

Examples
--------
>>> country_code("Korea (Republic of)"), country_code("Hong Kong"), country_code("Multinational")
('KR', 'HK', None)
>>> is_asian_code("IL"), is_asian_code("TW"), is_asian_code("US")
(True, True, False)
>>> ASIA_SUBREGIONS["030"][0]
'Eastern Asia'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final

__all__ = [
    "ASIA",
    "ASIA_SUBREGIONS",
    "EPOCH_COUNTRY_CODES",
    "NOT_A_COUNTRY",
    "country_code",
    "is_asian_code",
    "subregion",
    "any_asian",
]

#: The table value for a spelling that names no country (e.g. Epoch's "Multinational").
NOT_A_COUNTRY: Final = None

from asiaai_graph.schema.regions import ASIA, ASIA_SUBREGIONS  # the M49 table, shared with the filters

#: Each country spelling in Epoch AI's files (notable 2026-01 and all 2025-04 snapshots, GPU clusters 2025-12)
#: -> ISO code or NOT_A_COUNTRY.
EPOCH_COUNTRY_CODES: Final[Mapping[str, str | None]] = {
    "Argentina": "AR",
    "Armenia": "AM",
    "Australia": "AU",
    "Austria": "AT",
    "Belgium": "BE",
    "Brazil": "BR",
    "Canada": "CA",
    "China": "CN",
    "Croatia": "HR",
    "Czechia": "CZ",
    "Denmark": "DK",
    "Finland": "FI",
    "France": "FR",
    "Germany": "DE",
    "Greece": "GR",
    "Hong Kong": "HK",
    "Hungary": "HU",
    "Iceland": "IS",
    "India": "IN",
    "Indonesia": "ID",
    "Iran (Islamic Republic of)": "IR",
    "Ireland": "IE",
    "Israel": "IL",
    "Italy": "IT",
    "Japan": "JP",
    "Korea (Republic of)": "KR",
    "Lebanon": "LB",
    "Lithuania": "LT",
    "Luxembourg": "LU",
    "Macao": "MO",
    "Malaysia": "MY",
    "Mexico": "MX",
    "Multinational": NOT_A_COUNTRY,
    "Netherlands": "NL",
    "New Zealand": "NZ",
    "Norway": "NO",
    "Philippines (the)": "PH",
    "Poland": "PL",
    "Portugal": "PT",
    "Russia": "RU",
    "Saudi Arabia": "SA",
    "Singapore": "SG",
    "Slovenia": "SI",
    "Spain": "ES",
    "Sweden": "SE",
    "Switzerland": "CH",
    "Taiwan": "TW",
    "Thailand": "TH",
    "United Arab Emirates": "AE",
    "United Kingdom of Great Britain and Northern Ireland": "GB",
    "United States of America": "US",
    "Vietnam": "VN",
}


def country_code(spelling: str) -> str | None:
    """The ISO 3166-1 alpha-2 code for an Epoch country spelling; ``None`` when it names no country.

    Raises ``KeyError`` for a spelling the table does not know.

    Examples
    --------
    >>> country_code("United States of America")
    'US'
    >>> country_code("Atlantis")
    Traceback (most recent call last):
    ...
    KeyError: "unknown country spelling 'Atlantis'"
    """
    try:
        return EPOCH_COUNTRY_CODES[spelling]
    except KeyError:
        raise KeyError(f"unknown country spelling {spelling!r}") from None


def is_asian_code(code: str | None) -> bool:
    """Whether an ISO 3166-1 alpha-2 code is in Asia (``None``, "not a country", is not).

    Examples
    --------
    >>> is_asian_code("SA"), is_asian_code("RU"), is_asian_code(None)
    (True, False, False)
    """
    return code in ASIA


def any_asian(codes: Iterable[str | None]) -> bool:
    """Whether any of the codes is in Asia: a row is Asian when any of its organizations' countries is.

    Examples
    --------
    >>> any_asian(["US", "CN"]), any_asian(["US", None]), any_asian([])
    (True, False, False)
    """
    return any(code in ASIA for code in codes)


def subregion(code: str) -> str | None:
    """The M49 sub-region name of an Asian ISO code, or ``None`` outside Asia.

    Examples
    --------
    >>> subregion("IL"), subregion("SG"), subregion("FR")
    ('Western Asia', 'South-eastern Asia', None)
    """
    for name, codes in ASIA_SUBREGIONS.values():
        if code in codes:
            return name
    return None
