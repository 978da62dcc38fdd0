"""Read Epoch AI's *Data on GPU Clusters* (AI supercomputers) into typed rows.

Data: Epoch AI, "Data on GPU Clusters", CC BY 4.0 — https://epoch.ai/data/gpu-clusters

One row is one cluster, supercomputer or planned facility (or a phase of one). How cells are read:

* ``Owner``, ``Users``, ``Builds Upon``, ``Superseded by`` and ``Possible Duplicate Of`` list
  several values separated by a comma with no space after it, as in the model files
  (:func:`~asiaai_graph.importers.epoch_cells.split_list`): "Microsoft,G42" is two owners.
* A name holding a comma is written in double quotes *inside* the cell
  (``"Jupiter, Jülich"``); the quotes are dropped from the name (other rows refer to it without them).
* Numbers are read from their text into exact decimals (``30000.000000000004`` stays as written
  here; the converter rounds float noise away).
* ``First Operational Date`` is a day (``2024-11-15``); ``First Operational Date Note`` says how
  precise it really is (``2024-11-15``, ``2025-06``, ``2016``, ``Q4 2024``) or, for a planned
  cluster, when it is planned (``Planned 2026``, ``Planned H2 2026``); both are kept.
* ``Country`` is mapped to an ISO code (:func:`~asiaai_graph.importers.regions.country_code`); an
  unknown spelling makes the row unreadable, never a guess. An empty country is ``None``: Epoch
  anonymises many Chinese systems ("Anonymized Chinese System", no owner) but keeps their country.
* ``Single cluster?`` is ``Yes``, ``No`` or ``Unclear`` (``True``, ``False``, ``None``);
  ``Possible Duplicate`` is ``True`` or empty.
* ``Source 1`` to ``Source 5`` are the row's own sources (URLs, kept as written); ``Quote`` its evidence.

Examples
--------
>>> import csv, tempfile, os
>>> cells = {"Name": '"Center for Advanced Intelligence Project, RIKEN, RAIDEN"', "Status": "Existing",
...          "Certainty": "Confirmed", "Country": "Japan", "Owner": "RIKEN", "Single cluster?": "Yes",
...          "First Operational Date": "2017-04-15", "First Operational Date Note": "2017-04",
...          "Chip type (primary)": "NVIDIA Tesla V100 SXM2", "Chip quantity (primary)": "54.0",
...          "Source 1": "https://example.org/raiden"}
>>> with tempfile.TemporaryDirectory() as d:
...     path = os.path.join(d, "gpu_clusters.csv")
...     with open(path, "w", encoding="utf-8", newline="") as f:
...         writer = csv.DictWriter(f, COLUMNS)
...         _ = writer.writeheader()
...         _ = writer.writerow(cells)
...     table = read_clusters(path)
>>> row = table.rows[0]
>>> row.cluster, row.country_code, row.owners, row.single_cluster, row.chips
('Center for Advanced Intelligence Project, RIKEN, RAIDEN', 'JP', ('RIKEN',), True, (('NVIDIA Tesla V100 SXM2', Decimal('54.0')),))
>>> row.first_operational, row.first_operational_note, row.sources
(PartialDate('2017-04-15'), '2017-04', ('https://example.org/raiden',))
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from os import PathLike

from asiaai_graph.importers.epoch_cells import EpochValue
from asiaai_graph.importers.epoch_sheet import SheetRow, read_sheet
from asiaai_graph.importers.regions import country_code
from asiaai_graph.importers.table import SourceRow, Table, clip
from asiaai_graph.schema.values import PartialDate
from asiaai_graph.utils.errors import DataError, Problem

__all__ = ["COLUMNS", "DATASET", "KINDS", "ClusterRow", "ClusterTable", "read_clusters", "unquoted"]

DATASET = "epoch-gpu-clusters"

#: How each column the importer uses is read (other columns are kept as text in ``cells``).
KINDS: Mapping[str, str] = {
    "Name": "name", "Status": "name", "Certainty": "name", "Single cluster?": "name",
    "H100 equivalents": "number", "Chip type (primary)": "name", "Chip quantity (primary)": "number",
    "Chip type (secondary)": "name", "Chip quantity (secondary)": "number", "Country": "name", "Owner": "list",
    "First Operational Date": "day", "First Operational Date Note": "name", "Note": "text", "Sector": "name",
    "Power Capacity (MW)": "number", "Hardware Cost": "number", "Location": "text", "Users": "list",
    "Hardware note": "text", "Quote": "text", "Certainty Note": "text", "Builds Upon": "list",
    "Superseded by": "list", "Possible Duplicate": "flag", "Possible Duplicate Of": "list",
    "Total number of AI chips": "number", "Decommissioned Date (if applicable)": "day",
    **{f"Source {n}": "name" for n in range(1, 6)},
}
#: The columns a file must have (every column of :data:`KINDS`).
COLUMNS: tuple[str, ...] = tuple(KINDS)

_SINGLE = {"Yes": True, "No": False, "Unclear": None}


def unquoted(name: str) -> str:
    """A name without the double quotes Epoch puts around a name that holds a comma.

    Examples
    --------
    >>> unquoted('"Jupiter, Jülich"'), unquoted('xAI Colossus'), unquoted('"Odd')
    ('Jupiter, Jülich', 'xAI Colossus', '"Odd')
    """
    return name[1:-1].strip() if len(name) > 1 and name[0] == name[-1] == '"' else name


@dataclass(frozen=True, slots=True)
class ClusterRow(SourceRow):
    """One cluster row, its cells parsed (``values``) and the fields an importer needs typed."""

    values: Mapping[str, EpochValue] = field(repr=False)
    cluster: str
    status: str
    certainty: str | None = None
    single_cluster: bool | None = None
    country: str | None = None
    country_code: str | None = None
    location: str | None = None
    owners: tuple[str, ...] = ()
    users: tuple[str, ...] = ()
    first_operational: PartialDate | None = None
    first_operational_note: str | None = None
    decommissioned: PartialDate | None = None
    chips: tuple[tuple[str, Decimal | None], ...] = ()
    """(chip type, quantity) for the primary and the secondary chip type the row names."""
    chip_count: Decimal | None = None
    h100_equivalents: Decimal | None = None
    power_mw: Decimal | None = None
    hardware_cost: Decimal | None = None
    sector: str | None = None
    builds_upon: tuple[str, ...] = ()
    superseded_by: tuple[str, ...] = ()
    possible_duplicate: bool = False
    possible_duplicate_of: tuple[str, ...] = ()
    quote: str | None = None
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ClusterTable(Table[ClusterRow]):
    """The rows of a GPU clusters file (see :class:`~asiaai_graph.importers.table.Table`)."""

    def names(self) -> dict[str, int]:
        """How many rows carry each name (Epoch anonymises hundreds under one name).

        Examples
        --------
        >>> ClusterTable(DATASET, "f.csv", "gpu-clusters", ("Name",), ()).names()
        {}
        """
        out: dict[str, int] = {}
        for row in self.rows:
            out[row.cluster] = out.get(row.cluster, 0) + 1
        return out


def _text(values: Mapping[str, EpochValue], column: str) -> str | None:
    value = values.get(column)
    return value if isinstance(value, str) else None


def _number(values: Mapping[str, EpochValue], column: str) -> Decimal | None:
    value = values.get(column)
    return value if isinstance(value, Decimal) else None


def _names(values: Mapping[str, EpochValue], column: str) -> tuple[str, ...]:
    value = values.get(column)
    return tuple(unquoted(v) for v in value if isinstance(v, str)) if isinstance(value, tuple) else ()


def _date(values: Mapping[str, EpochValue], column: str) -> PartialDate | None:
    value = values.get(column)
    return value if isinstance(value, PartialDate) else None


def _row(file: str, r: SheetRow, problems: list[Problem]) -> ClusterRow | None:
    v = r.values
    name = unquoted(r.name)
    found: list[Problem] = []
    country = _text(v, "Country")
    code = None
    if country:
        try:
            code = country_code(country)
        except KeyError as exc:
            found.append(Problem(file, r.line, name, "Country", str(exc.args[0])))
    single = _text(v, "Single cluster?")
    if single is not None and single not in _SINGLE:
        found.append(Problem(file, r.line, name, "Single cluster?", f"expected Yes, No or Unclear, got {clip(single)!r}"))
    status = _text(v, "Status")
    if status is None:
        found.append(Problem(file, r.line, name, "Status", "the row has no status"))
    if found or status is None:
        problems.extend(found)
        return None
    chips = tuple((chip, _number(v, f"Chip quantity ({which})")) for which in ("primary", "secondary")
                  if (chip := _text(v, f"Chip type ({which})")))
    return ClusterRow(
        DATASET, file, r.line, r.cells, name, values=v, cluster=name, status=status,
        certainty=_text(v, "Certainty"), single_cluster=_SINGLE.get(single or "Unclear"),
        country=country, country_code=code, location=_text(v, "Location"),
        owners=_names(v, "Owner"), users=_names(v, "Users"),
        first_operational=_date(v, "First Operational Date"),
        first_operational_note=_text(v, "First Operational Date Note"),
        decommissioned=_date(v, "Decommissioned Date (if applicable)"),
        chips=chips, chip_count=_number(v, "Total number of AI chips"),
        h100_equivalents=_number(v, "H100 equivalents"), power_mw=_number(v, "Power Capacity (MW)"),
        hardware_cost=_number(v, "Hardware Cost"), sector=_text(v, "Sector"),
        builds_upon=_names(v, "Builds Upon"), superseded_by=_names(v, "Superseded by"),
        possible_duplicate=v.get("Possible Duplicate") is True,
        possible_duplicate_of=_names(v, "Possible Duplicate Of"),
        quote=_text(v, "Quote"),
        sources=tuple(s for n in range(1, 6) if (s := _text(v, f"Source {n}"))),
    )


def read_clusters(path: str | PathLike[str], *, skip_bad_rows: bool = False) -> ClusterTable:
    """Read Epoch AI's GPU clusters CSV into a :class:`ClusterTable`.

    Raises :class:`~asiaai_graph.utils.errors.DataError` for a file that is not this dataset's CSV (a
    missing column), and, unless ``skip_bad_rows``, for every row that cannot be read (a cell that is
    not a number or date where one is due, an unknown country spelling, a row without a name or status);
    each problem names the file, line, cluster and column.

    Examples
    --------
    >>> import tempfile, os
    >>> from asiaai_graph.utils.errors import DataError
    >>> with tempfile.TemporaryDirectory() as d:
    ...     path = os.path.join(d, "x.csv")
    ...     with open(path, "w", encoding="utf-8") as f:
    ...         _ = f.write("Name,Status\\nA,Existing\\n")
    ...     try:
    ...         read_clusters(path)
    ...     except DataError as exc:
    ...         print(len(exc.problems), exc.problems[0].field, exc.problems[0].message)
    31 Certainty the header lacks this column
    """
    file = str(path)
    sheet = read_sheet(path, KINDS, COLUMNS, "Name", skip_bad_rows=True)
    problems = list(sheet.problems)
    rows = [row for r in sheet.rows if (row := _row(file, r, problems)) is not None]
    problems.sort(key=lambda p: p.line or 0)
    if problems and not skip_bad_rows:
        raise DataError(problems)
    return ClusterTable(DATASET, file, "gpu-clusters", sheet.columns, tuple(rows), tuple(problems))
