"""Reading one of Epoch AI's other CSV files (GPU clusters, ML hardware): the header checked, every cell parsed.

:func:`read_sheet` streams the file once (:func:`~asiaai_graph.importers.table.csv_records`),
checks that the header names every column the reader needs, and parses each cell by its
column's kind with the parsers the model files use (:data:`~asiaai_graph.importers.epoch_cells.PARSERS`:
``text``, ``name``, ``list``, ``number``, ``date``, ``datetime``, ``flag``, ``urls``; unknown
columns are ``text``). A row with a cell that cannot be parsed, or without a name, is a located
:class:`~asiaai_graph.utils.errors.Problem`: reading raises them all, or with ``skip_bad_rows``
keeps them apart and reads the other rows.

Examples
--------
>>> import tempfile, os
>>> with tempfile.TemporaryDirectory() as d:
...     path = os.path.join(d, "chips.csv")
...     with open(path, "w", encoding="utf-8") as f:
...         _ = f.write("Hardware name,TDP (W)\\nAscend 910,310.0\\nBad,hot\\n")
...     sheet = read_sheet(path, {"TDP (W)": "number"}, ("Hardware name", "TDP (W)"), "Hardware name",
...                        skip_bad_rows=True)
>>> [(r.line, r.name, r.values["TDP (W)"]) for r in sheet.rows]
[(2, 'Ascend 910', Decimal('310.0'))]
>>> str(sheet.problems[0]).endswith("chips.csv:3: record Bad, field TDP (W): not a number: 'hot'")
True
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from os import PathLike

from asiaai_graph.importers.epoch_cells import PARSERS, EpochValue
from asiaai_graph.importers.table import collapse_spaces, csv_records
from asiaai_graph.utils.errors import DataError, Problem

__all__ = ["Sheet", "SheetRow", "read_sheet"]


@dataclass(frozen=True, slots=True)
class SheetRow:
    """One row: where it starts, its cells as written, its values parsed by column, and its name."""

    line: int
    cells: Mapping[str, str]
    values: Mapping[str, EpochValue]
    name: str


@dataclass(frozen=True, slots=True)
class Sheet:
    """The rows of one file that could be read, its header, and the rows that could not (with ``skip_bad_rows``)."""

    file: str
    columns: tuple[str, ...]
    rows: tuple[SheetRow, ...]
    problems: tuple[Problem, ...]


def _empty(kind: str) -> EpochValue:
    return () if kind in ("list", "numbers", "urls") else None


def read_sheet(path: str | PathLike[str], kinds: Mapping[str, str], required: Sequence[str], name_column: str,
               *, skip_bad_rows: bool = False) -> Sheet:
    """Read a CSV file whose header holds every column of ``required``, each cell parsed by ``kinds``.

    Raises :class:`~asiaai_graph.utils.errors.DataError` for an empty file, a header that names a column
    twice or lacks a required one, a file that is not CSV, and (unless ``skip_bad_rows``) every row that
    cannot be read: a cell its column's parser refuses, a row of the wrong length, a row without a name.
    """
    file = str(path)
    records = csv_records(file, file)
    first = next(records, None)
    if first is None:
        raise DataError([Problem(file, 1, None, None, "the file is empty: no header row")])
    header = tuple(first[1])
    missing = [c for c in required if c not in header]
    twice = sorted({c for c in header if header.count(c) > 1})
    if missing or twice:
        raise DataError([Problem(file, first[0], None, c, "the header names this column twice") for c in twice]
                        + [Problem(file, first[0], None, c, "the header lacks this column") for c in missing])
    columns = [(c, kinds.get(c, "text")) for c in header]
    at = header.index(name_column)
    rows: list[SheetRow] = []
    problems: list[Problem] = []
    for line, cells in records:
        name = collapse_spaces(cells[at]) if at < len(cells) else ""
        if len(cells) != len(header):
            problems.append(Problem(file, line, name or None, None,
                                    f"the row has {len(cells)} cells, the header {len(header)}"))
            continue
        found: list[Problem] = []
        values: dict[str, EpochValue] = {}
        for (column, kind), cell in zip(columns, cells):
            try:
                values[column] = PARSERS[kind](cell) if cell.strip() else _empty(kind)
            except ValueError as exc:
                found.append(Problem(file, line, name or None, column, str(exc)))
        if not name:
            found.append(Problem(file, line, None, name_column, "the row has no name"))
        if found:
            problems.extend(found)
            continue
        rows.append(SheetRow(line, dict(zip(header, cells)), values, name))
    if problems and not skip_bad_rows:
        raise DataError(problems)
    return Sheet(file, header, tuple(rows), tuple(problems))
