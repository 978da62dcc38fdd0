"""Epoch AI's GPU clusters as records: every cluster located in Asia, and what its row states.

**Scope.** A row is imported when its country is in Asia (UN M49's Asia, West Asia included, and
Taiwan; :mod:`~asiaai_graph.importers.regions`), anonymised rows included ("Anonymized Chinese
System": no owner, no chips, but a country, a date and H100 equivalents, facts about that country).
A row without a country is imported when one of its owners is an organization the data folder
places in Asia (``placed``, as for the Epoch model files): Zhipu AI's "Paper on GLM-130B"; it gets
no country. Rows listed in ``data/exclusions.tsv`` are left out.

**Names and ids.** A name Epoch writes in quotes because it holds a comma loses the quotes. The
row's locator is ``Name=<name>``, or ``Name=<name>, line <n>`` for a name several rows share (the
257 "Anonymized Chinese System" rows), whose id is then the slug of ``<name> line <n>``.

**What each record holds**, from which column: ``status``, ``certainty``, ``sector`` (lower case,
``Public/Private`` -> ``public_private``); ``owners`` (Owner) and ``users`` (Users) as organizations
matched through :class:`~asiaai_graph.importers.matching.Matcher`, except the users that name no
organization (:data:`USER_GROUPS`: "Cloud", "Academia"...), kept as ``user_groups``; ``country``
(Hong Kong and Macao: CN, with the place ``hong-kong`` or ``macao``); ``location`` (as written, on one line);
``first_operational`` (see below); ``planned_operational`` (the note "Planned 2026", "Planned H2
2026": the year, or "Planned 2029-02": the month); ``decommissioned``; ``single_cluster``;
``chips`` (Chip type and quantity, primary then secondary, each chip an accelerator record);
``chip_count`` (Total number of AI chips); ``h100_equivalents``; ``power`` (Power Capacity (MW));
``hardware_cost`` (Hardware Cost, USD); ``builds_upon``, ``superseded_by``,
``possible_duplicate_of`` (rows of the file by name, when imported too); ``possible_duplicate``
(only when the row flags it). Counts are whole numbers (``30000.000000000004`` chips are 30,000);
H100 equivalents, power and cost, which Epoch computes, keep 10 significant digits, which removes
the float noise of that arithmetic (``6128.0000000902255`` H100 equivalents are 6,128). Every figure of
an anonymised row is ``about`` (:data:`ROUNDED_NOTE`: Epoch rounds them to one significant figure).

**Dates.** ``First Operational Date`` is always a day; the row's ``First Operational Date Note``
says how precise it is, and the record keeps that precision: a note equal to the date gives the
day, ``2025-06`` the month, ``2016`` the year, ``Q4 2024`` the year (a quarter is no precision the
schema has; the citation's note keeps it). Without a note, a 15th is kept to its month: every row
whose note gives a month writes it as the 15th (and a year as 1 July), so a 15th without a note is
no evidence of the day; the citation's note says so. Any other day without a note is kept.

**Evidence.** Each record cites the dataset with the row's locator, its ``Source 1`` to ``Source 5``
as ``links`` and its ``Quote`` as the citation's quote (a quote over 400 characters continues in
further citations); the row's Note, Certainty Note and Hardware note go in the citation's note.

Examples
--------
>>> operational(PartialDate.parse("2024-11-15"), "Q4 2024")
(PartialDate('2024'), 'first operational: the row says Q4 2024')
>>> operational(PartialDate.parse("2025-06-15"), "2025-06"), planned("Planned H2 2026"), planned("Planned 2029-02")
((PartialDate('2025-06'), None), PartialDate('2026'), PartialDate('2029-02'))
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from asiaai_graph.importers.build import Builder
from asiaai_graph.importers.epoch_records import SAR_PLACES, significant
from asiaai_graph.importers.regions import is_asian_code
from asiaai_graph.importers.table import collapse_spaces
from asiaai_graph.schema.values import PartialDate

if TYPE_CHECKING:
    from asiaai_graph.importers.epoch_clusters import ClusterRow, ClusterTable
    from asiaai_graph.importers.matching import Matcher
    from asiaai_graph.schema import Source

__all__ = ["SECTORS", "USER_GROUPS", "clusters_records", "clusters_source", "count", "locator", "operational",
           "planned", "rows_in_scope"]

#: Epoch's Sector -> :data:`~asiaai_graph.schema.ClusterSector`.
SECTORS = {"Private": "private", "Public": "public", "Public/Private": "public_private"}

#: Values of the Users column that name no organization: kinds of users (and the cloud service Azure),
#: kept as a cluster's ``user_groups``. "industry,academia,and government in Japan" is one phrase the
#: comma rule splits in three.
USER_GROUPS = frozenset({
    "Cloud", "Academia", "academia", "industry", "and government in Japan", "Researchers", "Scientific Research",
    "Scientific research and cloud", "Biomedical research", "US Companies", "Taiwan Cloud", "Azure",
    "Aerospace, Defense, and Security",
})

_PLANNED = re.compile(r"Planned (?:for end of |[HQ][1-4] )?(\d{4})(?:-(\d{2}))?")


def operational(date: PartialDate | None, note: str | None) -> tuple[PartialDate | None, str | None]:
    """The first operational date at the precision the row's note gives it, and a citation note if one is due.

    Examples
    --------
    >>> operational(PartialDate.parse("2016-07-01"), "2016"), operational(PartialDate.parse("2024-08-28"), None)
    ((PartialDate('2016'), None), (PartialDate('2024-08-28'), None))
    >>> operational(PartialDate.parse("2019-11-15"), None)[0]
    PartialDate('2019-11')
    """
    if date is not None and not note and date.day == 15:
        return PartialDate(date.year, date.month), f"first operational: the row writes {date} with no note on its " \
            "precision; Epoch writes a date it knows to the month as the 15th, so the month is kept"
    if date is None or not note or note == date.isoformat():
        return date, None
    if re.fullmatch(rf"{date.year}-{date.month:02d}", note):
        return PartialDate(date.year, date.month), None
    if note == str(date.year):
        return PartialDate(date.year), None
    m = re.fullmatch(r"Q([1-4]) (\d{4})", note)
    if m and int(m.group(2)) == date.year and (int(m.group(1)) - 1) * 3 < (date.month or 0) <= int(m.group(1)) * 3:
        return PartialDate(date.year), f"first operational: the row says {note}"
    return date, f"first operational: the row's note says {note!r}"


def planned(note: str | None) -> PartialDate | None:
    """When a cluster is planned to run, from a note like ``Planned 2026`` or ``Planned Q4 2025``.

    >>> planned("Planned"), planned("completion unclear"), planned("Planned for end of 2023")
    (None, None, PartialDate('2023'))
    """
    m = _PLANNED.fullmatch(note or "")
    if m is None:
        return None
    return PartialDate(int(m.group(1)), int(m.group(2)) if m.group(2) else None)


def count(value: Decimal | None) -> dict[str, Any] | None:
    """A count as a quantity: whole (Epoch's ``30000.000000000004`` is 30,000); nothing for none or zero.

    >>> count(Decimal("30000.000000000004")), count(Decimal("0")), count(None)
    ({'value': Decimal('30000')}, None, None)
    """
    return {"value": value.quantize(Decimal(1))} if value is not None and value >= 1 else None


def _figure(value: Decimal | None, unit: str | None = None) -> dict[str, Any] | None:
    if value is None or value <= 0:
        return None
    return {"value": significant(value, 10), **({"unit": unit} if unit else {})}


def locator(row: ClusterRow, names: Mapping[str, int]) -> str:
    """The row's locator: ``Name=<name>``, with ``line <n>`` when several rows share the name.

    >>> from asiaai_graph.importers.epoch_clusters import ClusterRow
    >>> row = ClusterRow("d", "f.csv", 9, {}, "A", values={}, cluster="A", status="Existing")
    >>> locator(row, {"A": 1}), locator(row, {"A": 2})
    ('Name=A', 'Name=A, line 9')
    """
    return f"Name={row.cluster}" if names.get(row.cluster, 0) <= 1 else f"Name={row.cluster}, line {row.line}"


def clusters_source(version: str | None) -> Source:
    """The :class:`~asiaai_graph.schema.Source` record of the GPU clusters dataset, at ``version``."""
    from asiaai_graph.schema import Source

    return Source(
        id="epoch-gpu-clusters", title="Data on GPU Clusters", publisher="Epoch AI", kind="dataset", language="en",
        url="https://epoch.ai/data/gpu-clusters", version=version, license="CC BY 4.0",
        credit="Epoch AI, 'Data on GPU Clusters'",
        note="The CSV file of AI supercomputers and GPU clusters; Epoch AI's figures carry its Certainty label, "
             "and each row cites up to five sources of its own.",
    )


def rows_in_scope(table: ClusterTable, placed_in_asia: Callable[[str], bool]) -> list[ClusterRow]:
    """The rows located in Asia, then the rows without a country owned by an organization placed in Asia."""
    return [r for r in table.rows if is_asian_code(r.country_code)
            or (r.country_code is None and not r.country and any(placed_in_asia(o) for o in r.owners))]


def _evidence_note(row: ClusterRow, extra: list[str]) -> str | None:
    parts = [*extra]
    for column in ("Note", "Certainty Note", "Hardware note"):
        text = row.values.get(column)
        if isinstance(text, str) and text:
            parts.append(f"{column}: {text}")
    return "; ".join(parts) or None


#: The name Epoch gives the Chinese rows it anonymises, whose every number it rounds to one significant figure.
ANONYMISED = "Anonymized Chinese System"

#: Why an anonymised row's figures are ``about`` (the citation's note), in Epoch's words.
ROUNDED_NOTE = ("every figure is about: Epoch's documentation (https://epoch.ai/data/gpu-clusters-documentation/"
                "records, \"Chinese data\") says \"We anonymized the data of Chinese systems by concealing names and "
                "rounding values of numerical fields to one significant figure\"")


def _about(value: dict[str, Any] | None) -> dict[str, Any] | None:
    """A figure of an anonymised row: Epoch rounded it, so it is approximate."""
    return {**value, "qualifier": "about"} if value is not None else None


def _data(row: ClusterRow, matcher: Matcher, builder: Builder, ids: Mapping[str, str]) -> tuple[dict[str, Any], list[str]]:
    """The record's fields from the row, the organizations and chips it names noted in ``builder``."""
    rounded = _about if row.cluster == ANONYMISED else (lambda value: value)
    notes: list[str] = [ROUNDED_NOTE] if row.cluster == ANONYMISED else []
    owners = []
    for name in row.owners:
        owners.append(rid := matcher.id("organization", name))
        builder.organization(rid, name, locator=f"Owner={name}", english_name=matcher.tables.display.get(rid))
    users, groups = [], []
    for name in row.users:
        if name in USER_GROUPS:
            groups.append(name)
            continue
        users.append(rid := matcher.id("organization", name))
        builder.organization(rid, name, locator=f"Users={name}", english_name=matcher.tables.display.get(rid))
    chips = []
    for chip, quantity in row.chips:
        builder.stub("accelerator", cid := matcher.id("accelerator", chip), chip, locator=f"Chip type={chip}")
        chips.append({"chip": cid, **({"quantity": rounded(q)} if (q := count(quantity)) else {})})
    first, note = operational(row.first_operational, row.first_operational_note)
    notes += [note] if note else []
    place = SAR_PLACES.get(row.country_code or "")
    related = {}
    for field, names in (("builds_upon", row.builds_upon), ("superseded_by", row.superseded_by),
                         ("possible_duplicate_of", row.possible_duplicate_of)):
        related[field] = [ids[n] for n in names if n in ids]
        notes += [f"{field}: {n} is not imported" for n in names if n not in ids]
    cost = row.hardware_cost
    return {
        "name": row.cluster, "status": row.status.lower(), "certainty": (row.certainty or "").lower() or None,
        "owners": list(dict.fromkeys(owners)), "users": list(dict.fromkeys(users)), "user_groups": groups,
        "country": "CN" if place else row.country_code, "place": place,
        "location": collapse_spaces(row.location) if row.location else None,
        "first_operational": first, "planned_operational": planned(row.first_operational_note) if first is None else None,
        "decommissioned": row.decommissioned, "single_cluster": row.single_cluster, "chips": chips,
        "chip_count": rounded(count(row.chip_count)), "h100_equivalents": rounded(_figure(row.h100_equivalents)),
        "power": rounded(_figure(row.power_mw, "MW")),
        "hardware_cost": rounded({"amount": significant(cost, 10), "currency": "USD"}) if cost is not None and cost > 0
        else None,
        "sector": SECTORS.get(row.sector or ""), **related,
        "possible_duplicate": True if row.possible_duplicate else None,
    }, notes


def clusters_records(table: ClusterTable, matcher: Matcher, source: Source,
                     placed: Callable[[], Mapping[str, str]] | None = None) -> tuple[Builder, list[str]]:
    """The records the GPU clusters file states about clusters in Asia; also notes on what was not linked.

    ``placed`` gives, when called, organization id -> ISO country code as the data folder states them; it
    decides only the rows without a country.
    """
    builder = Builder(source, table.file)
    countries: dict[str, str] | None = None

    def placed_in_asia(owner: str) -> bool:
        nonlocal countries
        if countries is None:
            countries = dict(placed()) if placed is not None else {}
        return is_asian_code(countries.get(matcher.id("organization", owner)))

    names = table.names()
    rows = [r for r in rows_in_scope(table, placed_in_asia)
            if not (matcher.tables.excluded(source.id, locator(r, names))
                    or matcher.tables.excluded(source.id, f"line {r.line}"))]
    ids = {r.cluster: matcher.id("cluster", r.cluster, locator(r, names)) for r in rows if names[r.cluster] == 1}
    notes: list[str] = []
    for row in rows:
        where = locator(row, names)
        rid = ids.get(row.cluster) or matcher.id("cluster", f"{row.cluster} line {row.line}", where)
        data, row_notes = _data(row, matcher, builder, ids)
        notes += [f"{table.file}:{row.line}: {row.cluster}: {n}" for n in row_notes if "is not imported" in n]
        builder.record("cluster", rid, data, locator=where, links=row.sources, line=row.line, quote=row.quote,
                       note=_evidence_note(row, [n for n in row_notes if "is not imported" not in n]))
    return builder, notes
