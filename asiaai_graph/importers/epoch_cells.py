"""How Epoch AI's CSV cells are read: the columns of both layouts, lists, links, numbers and dates.

:data:`COLUMN_KINDS` says how each known column is read, :data:`LAYOUTS` which
columns each file layout holds, and :data:`PARSERS` turns a cell into its value
(:mod:`asiaai_graph.importers.epoch` reads the rows with them).

Examples
--------
>>> split_list("Alibaba,Peking University"), split_list("NERSC, Lawrence Berkeley National Laboratory")
(('Alibaba', 'Peking University'), ('NERSC, Lawrence Berkeley National Laboratory',))
>>> PARSERS["number"]("102000000000.0")
Decimal('102000000000.0')
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Final, TypeAlias

from asiaai_graph.importers.table import clip, collapse_spaces, parse_decimal, visible
from asiaai_graph.schema import PartialDate

__all__ = ["COLUMN_KINDS", "DATASETS", "LAYOUTS", "PARSERS", "EpochValue", "pair_countries", "split_links",
           "split_list"]


#: A parsed cell: text, a list of names, a number (or several), a date, a timestamp, a flag, or nothing.
EpochValue: TypeAlias = (
    str | tuple[str, ...] | Decimal | tuple[Decimal, ...] | PartialDate | _dt.datetime | bool | None
)

#: How each known column is read: "text" (stripped, line breaks kept), "name" (one line), "list",
#: "number", "numbers", "date", "day", "datetime", "flag" or "urls". Unknown columns are read as "text".
COLUMN_KINDS: Final[Mapping[str, str]] = {
    "Model": "name",
    "Organization": "list",
    "Publication date": "date",
    "Domain": "list",
    "Task": "list",
    "Parameters": "number",
    "Parameters notes": "text",
    "Training compute (FLOP)": "number",
    "Training compute lower bound": "number",
    "Training compute upper bound": "number",
    "Training compute notes": "text",
    "Training dataset": "list",
    "Training dataset notes": "text",
    "Training dataset size (gradients)": "numbers",
    "Training dataset size (datapoints)": "numbers",
    "Dataset size notes": "text",
    "Confidence": "name",
    "Link": "urls",
    "Reference": "text",
    "Citations": "number",
    "Authors": "text",
    "Abstract": "text",
    "Organization categorization": "list",
    "Country (of organization)": "list",
    "Country (from Organization)": "list",
    "Notability criteria": "list",
    "Notability criteria notes": "text",
    "Epochs": "number",
    "Training time (hours)": "number",
    "Training time notes": "text",
    "Training hardware": "list",
    "Hardware quantity": "number",
    "Hardware utilization (MFU)": "number",
    "Hardware utilization (HFU)": "number",
    "Hardware utilization": "number",
    "Training compute cost (2023 USD)": "number",
    "Training compute cost (cloud)": "number",
    "Training compute cost (upfront)": "number",
    "Hardware acquisition cost": "number",
    "Compute cost notes": "text",
    "Training power draw (W)": "number",
    "Base model": "list",
    "Finetune compute (FLOP)": "number",
    "Finetune compute notes": "text",
    "Batch size": "number",
    "Batch size notes": "text",
    "Model accessibility": "name",
    "Training code accessibility": "name",
    "Inference code accessibility": "name",
    "Accessibility notes": "text",
    "Numerical format": "name",
    "Frontier model": "flag",
    "Foundation model": "flag",
    "Approach": "name",
    "Benchmark data": "text",
    "Last modified": "datetime",
    "Training cloud compute vendor": "name",
    "Training data center": "text",
    "Archived links": "text",
}

# The typed attributes of EpochRow and the column each layout reads them from.
_SHARED: Final[dict[str, str]] = {
    "model": "Model",
    "organizations": "Organization",
    "organization_categories": "Organization categorization",
    "publication_date": "Publication date",
    "domains": "Domain",
    "parameters": "Parameters",
    "parameters_notes": "Parameters notes",
    "training_compute_flop": "Training compute (FLOP)",
    "training_compute_notes": "Training compute notes",
    "training_dataset": "Training dataset",
    "dataset_size_notes": "Dataset size notes",
    "confidence": "Confidence",
    "links": "Link",
    "reference": "Reference",
    "notability_criteria": "Notability criteria",
    "training_hardware": "Training hardware",
    "hardware_quantity": "Hardware quantity",
    "base_models": "Base model",
    "finetune_compute_flop": "Finetune compute (FLOP)",
    "model_accessibility": "Model accessibility",
}

#: Layout name -> {EpochRow attribute: column}. Every column named here must be in the header.
LAYOUTS: Final[Mapping[str, Mapping[str, str]]] = {
    "notable-2026-01": {
        **_SHARED,
        "countries": "Country (of organization)",
        "tasks": "Task",
        "training_dataset_size": "Training dataset size (gradients)",
        "training_compute_cost_2023_usd": "Training compute cost (2023 USD)",
        "frontier_model": "Frontier model",
    },
    "all-2025-04": {
        **_SHARED,
        "countries": "Country (from Organization)",
        "training_dataset_size": "Training dataset size (datapoints)",
        "training_compute_lower_flop": "Training compute lower bound",
        "training_compute_upper_flop": "Training compute upper bound",
        "foundation_model": "Foundation model",
        "last_modified": "Last modified",
    },
}

DATASETS: Final[Mapping[str, str]] = {
    "notable-2026-01": "epoch-notable-ai-models",
    "all-2025-04": "epoch-all-ai-models",
}

# A comma that separates values: one not followed by whitespace ("NERSC, Lawrence Berkeley ..." is one name).
_LIST_SEP = re.compile(r",(?!\s)")
# A URL as written in the Link column: with a scheme, or a bare host with a path ("arxiv.org/abs/2501.14818").
_URL_TOKEN = re.compile(r"(?:https?://|www\.)\S+|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/\S*", re.IGNORECASE)
# A scheme glued to the end of another URL ("...previehttps://..."),
# but not one inside a URL (".../https://", "?ref=https://").
_GLUED_URL = re.compile(r"(?<=[A-Za-z0-9])(?=https?://)")


def split_list(cell: str) -> tuple[str, ...]:
    """The values of a multi-value Epoch cell: split on commas not followed by a space, one line each.

    Examples
    --------
    >>> split_list("Alibaba,Peking University")
    ('Alibaba', 'Peking University')
    >>> split_list("Stanford University,SambaNova Systems, Inc,Peking University")
    ('Stanford University', 'SambaNova Systems, Inc', 'Peking University')
    >>> split_list("Indraprastha Institute of Information Technology\\nDelhi,Stability AI")
    ('Indraprastha Institute of Information Technology Delhi', 'Stability AI')
    >>> split_list("")
    ()
    """
    return tuple(item for item in (collapse_spaces(part) for part in _LIST_SEP.split(cell)) if item)


def split_links(cell: str) -> tuple[str, ...]:
    """The URLs in an Epoch ``Link`` cell, as written, in order; words around them are left out.

    Examples
    --------
    >>> split_links("https://arxiv.org/abs/2310.04793; https://github.com/AI4Finance-Foundation/FinGPT")
    ('https://arxiv.org/abs/2310.04793', 'https://github.com/AI4Finance-Foundation/FinGPT')
    >>> split_links("https://arxiv.org/abs/2310.03744,\\n")
    ('https://arxiv.org/abs/2310.03744',)
    >>> split_links("https://pixeldance.io/ (LINK BROKEN)")
    ('https://pixeldance.io/',)
    >>> split_links("https://huggingface.co/ALLaM-AI/ALLaM-7B-Instruct-previehttps://www.middleeastainews.com/p/x")
    ('https://huggingface.co/ALLaM-AI/ALLaM-7B-Instruct-previe', 'https://www.middleeastainews.com/p/x')
    >>> split_links("https://web.archive.org/web/2025/https://www.globaltimes.cn/page/1.shtml")
    ('https://web.archive.org/web/2025/https://www.globaltimes.cn/page/1.shtml',)
    >>> split_links("arxiv.org/abs/2501.14818")
    ('arxiv.org/abs/2501.14818',)
    """
    urls: list[str] = []
    for token in cell.split():
        for piece in _GLUED_URL.split(token):
            piece = piece.rstrip(",;")
            if _URL_TOKEN.fullmatch(piece):
                urls.append(piece)
    return tuple(urls)


def _text(cell: str) -> str | None:
    return visible(cell.strip()) or None


def _name(cell: str) -> str | None:
    return collapse_spaces(cell) or None


def _figure(text: str) -> Decimal:
    """A number of an Epoch column: every one is a count, a size, an amount or a share, none below zero.

    >>> _figure("-5")
    Traceback (most recent call last):
    ...
    ValueError: a negative figure: '-5' (every figure of the file is a count, size, amount or share)
    """
    value = parse_decimal(text)
    if value < 0:
        raise ValueError(f"a negative figure: {clip(text.strip())!r} (every figure of the file is a count, size, "
                         "amount or share)")
    return value


def _number(cell: str) -> Decimal | None:
    return _figure(cell) if cell.strip() else None


def _numbers(cell: str) -> tuple[Decimal, ...]:
    return tuple(_figure(part) for part in cell.split(",") if part.strip())


def _date(cell: str) -> PartialDate | None:
    """A ``Publication date`` cell at the precision the file really states.

    The files write every date in full, and use the first of a month, or
    1 January, where only the month or the year is known: day 01 is three times
    as frequent as any other day, and a 1 January row is often a paper of that
    year or a release whose own link dates it later ("Kimi Explorer",
    2024-01-01, linked to a 2024-10 article). So a first of the month reads as
    the month, 1 January as the year: what the cell states for certain.

    >>> _date("2024-12-26"), _date("2024-12-01"), _date("2024-01-01"), _date("")
    (PartialDate('2024-12-26'), PartialDate('2024-12'), PartialDate('2024'), None)
    """
    if not cell.strip():
        return None
    date = _ascii_date(cell)
    if date.day == 1:
        return PartialDate.parse(f"{date.year:04d}" if date.month == 1 else f"{date.year:04d}-{date.month:02d}")
    return date


def _day(cell: str) -> PartialDate | None:
    """A date cell read as written, day and all: for a file whose rows say the precision elsewhere (the GPU
    clusters' ``First Operational Date Note``), which the importer then applies.

    >>> _day("2024-04-01"), _day("")
    (PartialDate('2024-04-01'), None)
    """
    return _ascii_date(cell) if cell.strip() else None


def _ascii_date(cell: str) -> PartialDate:
    """A date written with the digits 0-9 (``PartialDate`` alone would also read ``٢٠٢٥-٠١-٠١``).

    >>> _ascii_date("\u0662\u0660\u0662\u0665-\u0660\u0661-\u0660\u0663")
    Traceback (most recent call last):
    ...
    ValueError: not a date written with the digits 0-9: '٢٠٢٥-٠١-٠٣'
    """
    text = cell.strip()
    if not text.isascii():
        raise ValueError(f"not a date written with the digits 0-9: {clip(text)!r}")
    return PartialDate.parse(text)


def _datetime(cell: str) -> _dt.datetime | None:
    if not cell.strip():
        return None
    try:
        return _dt.datetime.fromisoformat(cell.strip())
    except ValueError:
        raise ValueError(f"not a date and time: {clip(cell.strip())!r}") from None


def _flag(cell: str) -> bool | None:
    text = cell.strip()
    if not text:
        return None
    if text in ("True", "False"):
        return text == "True"
    raise ValueError(f"expected True, False or nothing, got {clip(text)!r}")


PARSERS: Final[Mapping[str, Callable[[str], EpochValue]]] = {
    "text": _text,
    "name": _name,
    "list": split_list,
    "number": _number,
    "numbers": _numbers,
    "date": _date,
    "day": _day,
    "datetime": _datetime,
    "flag": _flag,
    "urls": split_links,
}


#: Areas Epoch writes followed by the country they belong to: "Hong Kong,China" is one organization's place.
_WITH_COUNTRY = {"Hong Kong": "China", "Macao": "China"}


def pair_countries(organizations: Sequence[str], countries: Sequence[str],
                   runs: Mapping[str, tuple[str, ...]] | None = None) -> tuple[tuple[str, str], ...] | None:
    """(organization, country) pairs read from a row's two cells, or ``None`` when they cannot be paired.

    Epoch's country cell is the concatenation of each organization's countries, in the order of
    the organizations; most have one, but a Hong Kong or Macao organization has two ("Hong
    Kong,China"), and some have several ("Microsoft Research AI for Science": five). The cells
    are read in order: an organization takes the countries the same file gives it when it is a
    row's only organization (``runs``), when the cell continues with them; otherwise "Hong Kong"
    or "Macao" followed by "China" when the cell holds more countries than organizations left;
    otherwise one country. Each organization keeps the first country of its part that names a
    country ("Hong Kong" for "Hong Kong,China", the United States for "Multinational,United States
    of America"). When the parts do not use up the cell exactly, the pairing is unknown.

    Examples
    --------
    >>> pair_countries(("The University of Hong Kong", "ByteDance"), ("Hong Kong", "China", "China"))
    (('The University of Hong Kong', 'Hong Kong'), ('ByteDance', 'China'))
    >>> pair_countries(("Microsoft Research", "Tsinghua University"),
    ...                ("United States of America", "United Kingdom of Great Britain and Northern Ireland", "China"),
    ...                {"Microsoft Research": ("United States of America", "United Kingdom of Great Britain and Northern Ireland")})
    (('Microsoft Research', 'United States of America'), ('Tsinghua University', 'China'))
    >>> pair_countries(("A", "B"), ("China", "China", "Japan")) is None
    True
    """
    if not organizations or not countries:
        return None
    if len(organizations) == len(countries):
        return tuple(zip(organizations, countries))
    known = runs or {}
    pairs: list[tuple[str, str]] = []
    i, n = 0, len(countries)
    for k, org in enumerate(organizations):
        left = len(organizations) - k - 1  # organizations after this one, each needing a country
        if i >= n:
            return None
        run = known.get(org, ())
        if len(run) > 1 and tuple(countries[i:i + len(run)]) == run and n - i - len(run) >= left:
            take = len(run)
        elif countries[i] in _WITH_COUNTRY and i + 1 < n and countries[i + 1] == _WITH_COUNTRY[countries[i]] \
                and n - i - 2 >= left:
            take = 2
        else:
            take = 1
        part = countries[i:i + take]
        if len(part) < take or not part:
            return None
        named = [c for c in part if c != "Multinational"]
        pairs.append((org, named[0] if named else part[0]))
        i += take
    return tuple(pairs) if i == n else None


def country_runs(rows: Iterable[tuple[Sequence[str], Sequence[str]]]) -> dict[str, tuple[str, ...]]:
    """Organization -> its countries, as a file gives them in the rows where it is the only organization.

    ``rows`` are (organizations, countries) cells; an organization given different countries in
    such rows keeps the most frequent (then the first in sorted order).

    Examples
    --------
    >>> country_runs([(("SenseTime",), ("Hong Kong", "China")), (("A", "B"), ("China", "China"))])
    {'SenseTime': ('Hong Kong', 'China')}
    """
    seen: dict[str, dict[tuple[str, ...], int]] = {}
    for organizations, countries in rows:
        if len(organizations) == 1 and countries:
            counts = seen.setdefault(organizations[0], {})
            counts[tuple(countries)] = counts.get(tuple(countries), 0) + 1
    return {org: sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for org, counts in seen.items()}
