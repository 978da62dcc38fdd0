"""Read Epoch AI's model CSVs (*Notable AI Models*, *All AI Models*) into typed rows.

Data: Epoch AI (epoch.ai), CC BY 4.0 — https://epoch.ai/data/notable-ai-models and
https://epoch.ai/data/ai-models.

Two column layouts are recognised from the header, whatever the file is called:

``"notable-2026-01"``
    the *Notable AI Models* export (snapshot of 2026-01): ``Country (of organization)``,
    ``Training dataset size (gradients)``, ``Task``, ``Frontier model``,
    ``Training compute cost (2023 USD)``, code accessibility columns.
``"all-2025-04"``
    the older *All AI Models* export (snapshot of 2025-04): ``Country (from Organization)``,
    ``Last modified``, ``Training compute lower bound`` / ``upper bound``,
    ``Training dataset size (datapoints)``, ``Approach``, ``Foundation model``; no ``Task``.

A header that is neither raises a :class:`~asiaai_graph.utils.errors.DataError` naming the
missing columns. Extra, unknown columns are kept as text.

How cells are read (every rule below was checked against both files):

* Several values in one cell (organizations, countries, categorizations, domains,
  tasks, notability criteria, hardware, base models, training datasets) are separated
  by a comma **with no space after it**. A comma followed by a space belongs to a
  name: "NERSC, Lawrence Berkeley National Laboratory", "SambaNova Systems, Inc",
  "Booz Allen Hamilton, McLean" are one organization each.
* Names are made one line: outer whitespace is stripped and inner runs of whitespace
  (line breaks, tabs, no-break spaces) become one space ("Solar Open 100B\\n" ->
  "Solar Open 100B"; "Indraprastha Institute of Information Technology\\nDelhi" -> one
  name). Free-text notes keep their inner line breaks and are only stripped.
* Numbers are written as floats ("102000000000.0", "9.504e+22"); they are read from the
  text into an exact :class:`~decimal.Decimal`, never through ``float``. Some values
  carry Epoch's own float noise ("200000000000.9997"); it is kept as written.
* ``Training dataset size`` can hold several numbers ("2260275840,2290000001"), so it is
  a tuple; its unit comes from the column name (``gradients`` or ``datapoints``).
* ``Publication date`` becomes a :class:`~asiaai_graph.schema.PartialDate` at the precision
  the file really states: the files write full dates, with the first of a month (1 January)
  where only the month (the year) is known, so those read as a month (a year);
  ``Last modified`` a timezone-aware datetime.
* ``Link`` can hold several URLs separated by line breaks, spaces, commas, semicolons
  or " or ", sometimes with words ("(LINK BROKEN)", "training code:"); the URLs are
  kept as written (two without ``https://``), the words are dropped from ``links`` but
  stay in ``cells``. One cell glues two URLs ("...previehttps://..."); a URL scheme
  right after a letter or digit starts a new URL (not after ``/`` or ``=``, as in
  web.archive.org or ``?ref=`` links).
* The country cell lists each organization's countries in turn (a Hong Kong organization
  gives "Hong Kong,China", Google DeepMind two countries), so countries are paired with
  organizations by what the file gives each organization alone, and "Hong Kong" or "Macao"
  followed by "China" counts as one organization's; see :meth:`EpochRow.organization_countries`.
* ``Confidence`` (Confident, Likely, Speculative, Unknown, and in the older file
  Unverified, Wrong) is kept as written beside the figures it qualifies.

A row without a model name, a cell that cannot be parsed or a country spelling that
:mod:`asiaai_graph.importers.regions` does not know makes the row unreadable: reading
raises one DataError listing every such row, unless ``skip_bad_rows=True``, in which
case they are in the table's ``problems`` and the other rows are read. A CSV that
cannot be parsed at all (unterminated quote, bad encoding) always raises.

Examples
--------
>>> import csv, tempfile, os
>>> columns = sorted(set(LAYOUTS["notable-2026-01"].values()))  # the columns this layout needs
>>> cells = {"Model": "Solar Open 100B\\n", "Organization": "Upstage", "Publication date": "2025-12-31",
...          "Task": "Language modeling/generation,Chat", "Parameters": "102000000000.0",
...          "Training dataset size (gradients)": "19700000000000", "Confidence": "Confident",
...          "Country (of organization)": "Korea (Republic of)", "Model accessibility": "API access"}
>>> with tempfile.TemporaryDirectory() as d:
...     path = os.path.join(d, "notable.csv")
...     with open(path, "w", encoding="utf-8", newline="") as f:
...         writer = csv.DictWriter(f, columns)
...         _ = writer.writeheader()
...         _ = writer.writerow(cells)
...     table = read_epoch(path)
>>> table.layout
'notable-2026-01'
>>> row = table.rows[0]
>>> row.line, row.model, row.organizations, row.country_codes, row.is_asian, row.tasks
(2, 'Solar Open 100B', ('Upstage',), ('KR',), True, ('Language modeling/generation', 'Chat'))
>>> next(r for r in table.rows if r.line == 2).cells["Model"]  # the raw cell, as written
'Solar Open 100B\\n'
>>> row.parameters, row.training_dataset_size, row.training_dataset_size_unit
(Decimal('102000000000.0'), (Decimal('19700000000000'),), 'gradients')
>>> row.publication_date, row.publication_date.precision, row.confidence, row.model_accessibility
(PartialDate('2025-12-31'), 'day', 'Confident', 'API access')
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from os import PathLike
from pathlib import Path

from asiaai_graph.utils.errors import DataError, Problem
from asiaai_graph.importers.regions import any_asian, country_code
from asiaai_graph.importers.epoch_cells import (
    COLUMN_KINDS,
    DATASETS,
    LAYOUTS,
    PARSERS,
    EpochValue,
    country_runs,
    pair_countries,
    split_links,
    split_list,
)
from asiaai_graph.importers.table import SourceRow, Table, collapse_spaces, csv_records
from asiaai_graph.schema import PartialDate

__all__ = [
    "COLUMN_KINDS",
    "LAYOUTS",
    "EpochRow",
    "EpochTable",
    "EpochValue",
    "read_epoch",
    "split_links",
    "split_list",
]

@dataclass(frozen=True, slots=True)
class EpochRow(SourceRow):
    """One model row of an Epoch AI CSV, with its cells parsed.

    The typed attributes cover the columns an importer needs; ``values`` holds every
    column parsed by its kind (see :data:`COLUMN_KINDS`), ``cells`` the raw text.
    A column the file's layout lacks reads as ``None`` or ``()`` (e.g. ``tasks`` in the
    ``all-2025-04`` layout, which has no Task column).

    Examples
    --------
    >>> row = EpochRow("epoch-all-ai-models", "all.csv", 5, {}, "QwQ-32B", values={},
    ...     model="QwQ-32B", organizations=("Alibaba",), countries=("China",), country_codes=("CN",))
    >>> row.is_asian, row.organization_countries()
    (True, (('Alibaba', 'China'),))
    """

    values: Mapping[str, EpochValue] = field(repr=False)
    model: str
    organizations: tuple[str, ...] = ()
    organization_categories: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    country_codes: tuple[str | None, ...] = ()
    publication_date: PartialDate | None = None
    domains: tuple[str, ...] = ()
    tasks: tuple[str, ...] = ()
    parameters: Decimal | None = None
    parameters_notes: str | None = None
    training_compute_flop: Decimal | None = None
    training_compute_lower_flop: Decimal | None = None
    training_compute_upper_flop: Decimal | None = None
    training_compute_notes: str | None = None
    training_dataset: tuple[str, ...] = ()
    training_dataset_size: tuple[Decimal, ...] = ()
    training_dataset_size_unit: str | None = None
    dataset_size_notes: str | None = None
    confidence: str | None = None
    links: tuple[str, ...] = ()
    reference: str | None = None
    notability_criteria: tuple[str, ...] = ()
    training_hardware: tuple[str, ...] = ()
    hardware_quantity: Decimal | None = None
    training_compute_cost_2023_usd: Decimal | None = None
    base_models: tuple[str, ...] = ()
    finetune_compute_flop: Decimal | None = None
    model_accessibility: str | None = None
    frontier_model: bool | None = None
    foundation_model: bool | None = None
    last_modified: _dt.datetime | None = None

    @property
    def is_asian(self) -> bool:
        """Whether any of the row's countries is in Asia (UN M49, see :mod:`~asiaai_graph.importers.regions`)."""
        return any_asian(self.country_codes)

    def organization_countries(self, runs: Mapping[str, tuple[str, ...]] | None = None
                               ) -> tuple[tuple[str, str], ...] | None:
        """(organization, country) pairs of the row, or ``None`` when they cannot be paired.

        Epoch's country cell concatenates each organization's countries; ``runs`` gives the
        countries the file gives an organization alone (:meth:`EpochTable.country_runs`), and
        :func:`~asiaai_graph.importers.epoch_cells.pair_countries` says how the cells are read.

        Examples
        --------
        >>> row = EpochRow("d", "f", 2, {}, "Goku-8B", values={}, model="Goku-8B",
        ...     organizations=("The University of Hong Kong", "ByteDance"), countries=("Hong Kong", "China", "China"))
        >>> row.organization_countries()
        (('The University of Hong Kong', 'Hong Kong'), ('ByteDance', 'China'))
        """
        return pair_countries(self.organizations, self.countries, runs)


@dataclass(frozen=True, slots=True)
class EpochTable(Table[EpochRow]):
    """The rows of one Epoch AI CSV (see :class:`~asiaai_graph.importers.table.Table`).

    Examples
    --------
    >>> EpochTable("epoch-notable-ai-models", "n.csv", "notable-2026-01", ("Model",), ()).asian_rows()
    ()
    """

    def country_runs(self) -> dict[str, tuple[str, ...]]:
        """Organization -> the countries this file gives it in rows where it is alone (see
        :func:`~asiaai_graph.importers.epoch_cells.country_runs`)."""
        return country_runs((row.organizations, row.countries) for row in self.rows)

    def asian_rows(self) -> tuple[EpochRow, ...]:
        """The rows with at least one organization in an Asian country, in file order."""
        return tuple(row for row in self.rows if row.is_asian)


def _detect_layout(header: tuple[str, ...], file: str) -> str:
    present = set(header)
    missing = {name: [c for c in cols.values() if c not in present] for name, cols in LAYOUTS.items()}
    for name, cols in missing.items():
        if not cols:
            return name
    closest = min(missing, key=lambda name: (len(missing[name]), name))
    others = "; ".join(f"{name} would also need {', '.join(cols)}" for name, cols in missing.items() if name != closest)
    raise DataError(
        [
            Problem(
                file,
                1,
                None,
                None,
                f"the header is not an Epoch AI layout: closest is {closest}, missing columns "
                f"{', '.join(repr(c) for c in missing[closest])}" + (f" ({others})" if others else ""),
            )
        ]
    )


class _Typed:
    """Typed access to a row's parsed values through its layout's attribute -> column table."""

    __slots__ = ("values", "layout")

    def __init__(self, values: Mapping[str, EpochValue], layout: Mapping[str, str]) -> None:
        self.values = values
        self.layout = layout

    def _get(self, attr: str) -> EpochValue:
        column = self.layout.get(attr)
        return None if column is None else self.values.get(column)

    def text(self, attr: str) -> str | None:
        value = self._get(attr)
        if value is None or isinstance(value, str):
            return value
        raise TypeError(f"{attr} is not text: {value!r}")

    def names(self, attr: str) -> tuple[str, ...]:
        value = self._get(attr)
        if value is None:
            return ()
        if isinstance(value, tuple):
            return tuple(v for v in value if isinstance(v, str))
        raise TypeError(f"{attr} is not a list of names: {value!r}")

    def number(self, attr: str) -> Decimal | None:
        value = self._get(attr)
        if value is None or isinstance(value, Decimal):
            return value
        raise TypeError(f"{attr} is not a number: {value!r}")

    def numbers(self, attr: str) -> tuple[Decimal, ...]:
        value = self._get(attr)
        if value is None:
            return ()
        if isinstance(value, tuple):
            return tuple(v for v in value if isinstance(v, Decimal))
        raise TypeError(f"{attr} is not a list of numbers: {value!r}")

    def date(self, attr: str) -> PartialDate | None:
        value = self._get(attr)
        if value is None or isinstance(value, PartialDate):
            return value
        raise TypeError(f"{attr} is not a date: {value!r}")

    def timestamp(self, attr: str) -> _dt.datetime | None:
        value = self._get(attr)
        if value is None or isinstance(value, _dt.datetime):
            return value
        raise TypeError(f"{attr} is not a date and time: {value!r}")

    def flag(self, attr: str) -> bool | None:
        value = self._get(attr)
        if value is None or isinstance(value, bool):
            return value
        raise TypeError(f"{attr} is not a flag: {value!r}")


def read_epoch(path: str | PathLike[str], *, skip_bad_rows: bool = False) -> EpochTable:
    """Read an Epoch AI CSV (either layout) into an :class:`EpochTable`.

    Parameters
    ----------
    path
        The CSV file (``notable-ai-models.csv`` or ``all_ai_models.csv``, any name).
    skip_bad_rows
        When true, unreadable rows are listed in the table's ``problems`` and skipped;
        when false (the default), any unreadable row raises.

    Raises
    ------
    DataError
        For a header of neither layout, a file that is not CSV, or (unless
        ``skip_bad_rows``) rows that cannot be read; every problem names the file,
        the line where the row starts, the model and the column.

    Examples
    --------
    >>> import tempfile, os
    >>> with tempfile.TemporaryDirectory() as d:
    ...     path = os.path.join(d, "x.csv")
    ...     with open(path, "w", encoding="utf-8") as f:
    ...         _ = f.write("Model,Organization\\nA,B\\n")
    ...     read_epoch(path)
    Traceback (most recent call last):
    ...
    asiaai_graph.utils.errors.DataError: 1 problem in the data:
      ...x.csv:1: the header is not an Epoch AI layout: closest is ...
    """
    file = str(path)
    records = csv_records(str(Path(path)), file)
    header, layout_name = _header(records, file)
    reader = _RowReader(file, header, layout_name)
    rows: list[EpochRow] = []
    problems: list[Problem] = []
    for line, cells in records:
        row = reader.row(line, cells, problems)
        if row is not None:
            rows.append(row)
    if problems and not skip_bad_rows:
        raise DataError(problems)
    return EpochTable(DATASETS[layout_name], file, layout_name, header, tuple(rows), tuple(problems))


def _header(records: Iterator[tuple[int, list[str]]], file: str) -> tuple[tuple[str, ...], str]:
    """The header row, each column named once, and the layout it is."""
    first = next(records, None)
    if first is None:
        raise DataError([Problem(file, 1, None, None, "the file is empty: no header row")])
    header = tuple(first[1])
    seen: set[str] = set()
    for column in header:
        if column in seen:
            raise DataError([Problem(file, first[0], None, column, "the header names this column twice")])
        seen.add(column)
    return header, _detect_layout(header, file)


class _RowReader:
    """Reads the rows of one file: every cell by its column's kind, the countries to ISO codes."""

    def __init__(self, file: str, header: tuple[str, ...], layout_name: str) -> None:
        self.file, self.header = file, header
        self.layout = LAYOUTS[layout_name]
        self.dataset = DATASETS[layout_name]
        kinds = [COLUMN_KINDS.get(column, "text") for column in header]
        # (column, parser, value of an empty cell): most cells are empty, and skip the parser.
        self.parsers = [
            (column, PARSERS[kind], () if kind in ("list", "numbers", "urls") else None)
            for column, kind in zip(header, kinds)
        ]
        size_column = self.layout["training_dataset_size"]
        self.size_unit = size_column[size_column.index("(") + 1 : -1]
        self.country_column = self.layout["countries"]
        self.model_index = header.index("Model")

    def row(self, line: int, cells: list[str], problems: list[Problem]) -> EpochRow | None:
        """The row at ``line``, or ``None`` with its problems added to ``problems``."""
        file, header = self.file, self.header
        name = (collapse_spaces(cells[self.model_index]) or None) if self.model_index < len(cells) else None
        if len(cells) != len(header):
            problems.append(Problem(file, line, name, None, f"the row has {len(cells)} cells, the header {len(header)}"))
            return None
        row_problems: list[Problem] = []
        values = self.values(line, name, cells, row_problems)
        codes: list[str | None] = []
        countries = values[self.country_column]
        if isinstance(countries, tuple):
            for spelling in countries:
                try:
                    codes.append(country_code(str(spelling)))
                except KeyError as exc:
                    row_problems.append(Problem(file, line, name, self.country_column, str(exc.args[0])))
        if name is None:
            row_problems.append(Problem(file, line, None, "Model", "the row has no model name"))
        if row_problems or name is None:
            problems.extend(row_problems)
            return None
        return self.build(line, dict(zip(header, cells)), name, values, tuple(codes))

    def values(self, line: int, name: str | None, cells: list[str], problems: list[Problem]) -> dict[str, EpochValue]:
        """Every cell of a row read by its column's parser; an unreadable cell is ``None`` and a problem."""
        values: dict[str, EpochValue] = {}
        for (column, parse, empty), cell in zip(self.parsers, cells):
            if not cell:
                values[column] = empty
                continue
            try:
                values[column] = parse(cell)
            except ValueError as exc:
                problems.append(Problem(self.file, line, name, column, str(exc)))
                values[column] = None
        return values

    def build(self, line: int, raw: dict[str, str], name: str, values: dict[str, EpochValue],
              codes: tuple[str | None, ...]) -> EpochRow:
        t = _Typed(values, self.layout)
        return EpochRow(
            self.dataset, self.file, line, raw, name,
            values=values,
            model=name,
            organizations=t.names("organizations"),
            organization_categories=t.names("organization_categories"),
            countries=t.names("countries"),
            country_codes=codes,
            publication_date=t.date("publication_date"),
            domains=t.names("domains"),
            tasks=t.names("tasks"),
            parameters=t.number("parameters"),
            parameters_notes=t.text("parameters_notes"),
            training_compute_flop=t.number("training_compute_flop"),
            training_compute_lower_flop=t.number("training_compute_lower_flop"),
            training_compute_upper_flop=t.number("training_compute_upper_flop"),
            training_compute_notes=t.text("training_compute_notes"),
            training_dataset=t.names("training_dataset"),
            training_dataset_size=t.numbers("training_dataset_size"),
            training_dataset_size_unit=self.size_unit,
            dataset_size_notes=t.text("dataset_size_notes"),
            confidence=t.text("confidence"),
            links=t.names("links"),
            reference=t.text("reference"),
            notability_criteria=t.names("notability_criteria"),
            training_hardware=t.names("training_hardware"),
            hardware_quantity=t.number("hardware_quantity"),
            training_compute_cost_2023_usd=t.number("training_compute_cost_2023_usd"),
            base_models=t.names("base_models"),
            finetune_compute_flop=t.number("finetune_compute_flop"),
            model_accessibility=t.text("model_accessibility"),
            frontier_model=t.flag("frontier_model"),
            foundation_model=t.flag("foundation_model"),
            last_modified=t.timestamp("last_modified"),
        )
