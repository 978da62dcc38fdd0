"""The row and table types every dataset reader returns, and the checks they share.

A reader turns one file into a :class:`Table` of rows. Every row knows the
dataset it came from, the file, the 1-based line where it starts (as an editor
shows it; a CSV row whose cells hold line breaks spans several lines), its raw
cells by column name exactly as written, and its parsed values. Readers invent
nothing: an empty cell is ``None`` (or an empty tuple for a list column), and a
cell that cannot be parsed is a :class:`~asiaai_graph.utils.errors.Problem` naming the
file, line, row (its model name when known) and column.

Examples
--------
>>> row = SourceRow("demo", "demo.csv", 7, {"Model": "K-EXAONE"}, "K-EXAONE")
>>> print(row.problem("Parameters", "not a number: 'many'"))
demo.csv:7: record K-EXAONE, field Parameters: not a number: 'many'
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Generic, TypeVar

from asiaai_graph.datafiles.files import FORBIDDEN_CHARACTERS
from asiaai_graph.utils.errors import DataError, Problem, clip
from asiaai_graph.utils.limits import MAX_DECIMAL_EXPONENT

__all__ = ["SourceRow", "Table", "clip", "collapse_spaces", "csv_records", "parse_decimal"]

# A plain decimal or scientific number as text: no sign-less dots, no NaN/Infinity (which Decimal accepts).
# ASCII digits only: Python's \\d and Decimal() also read Arabic-Indic or full-width digits, which a dataset
# never means as figures (a date's year would be read while its month is not).
_NUMBER_RE = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
# Runs of whitespace, including line breaks, tabs and no-break spaces.
_SPACES_RE = re.compile(r"\s+")


def parse_decimal(text: str) -> Decimal:
    """Read a number written as text into an exact :class:`~decimal.Decimal`, never through float.

    Raises ``ValueError`` for anything that is not a plain decimal or scientific number.

    Examples
    --------
    >>> parse_decimal("102000000000.0")
    Decimal('102000000000.0')
    >>> parse_decimal("9.504e+22") == Decimal(95040) * 10**18
    True
    >>> parse_decimal("200000000000.9997")
    Decimal('200000000000.9997')
    >>> parse_decimal("NaN")
    Traceback (most recent call last):
    ...
    ValueError: not a number: 'NaN'
    >>> parse_decimal("\u0661\u0662")
    Traceback (most recent call last):
    ...
    ValueError: not a number: '١٢'
    >>> parse_decimal("1e999")
    Traceback (most recent call last):
    ...
    ValueError: not a figure the graph holds: '1e999' (beyond 10^40)
    """
    text = text.strip()
    if len(text) > 100 or not _NUMBER_RE.fullmatch(text):
        raise ValueError(f"not a number: {clip(text)!r}")
    try:
        value = Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern only lets numbers through
        raise ValueError(f"not a number: {text!r}") from None
    # the bounds YAML holds figures to (asiaai_graph.utils.limits): past them, rounding and writing fail
    if value and not -MAX_DECIMAL_EXPONENT <= value.adjusted() < MAX_DECIMAL_EXPONENT:
        raise ValueError(f"not a figure the graph holds: {text!r} (beyond 10^{MAX_DECIMAL_EXPONENT})")
    return value


def visible(text: str) -> str:
    """``text`` with each character the loader refuses (controls, bidi overrides...) written as its HTML reference.

    A dataset may hold them raw or as entities (``&#x1b;``, decoded by the
    Markdown reader); written raw into an import, the loader would refuse the
    file. Shown as ``&#x1b;``, the value keeps what the source wrote, visibly.

    Examples
    --------
    >>> visible("Evil\x1b]0;pwn\x07 LM"), visible("\u202eLM")
    ('Evil&#x1b;]0;pwn&#x7; LM', '&#x202e;LM')
    """
    return FORBIDDEN_CHARACTERS.sub(lambda m: f"&#x{ord(m.group()):x};", text)


def collapse_spaces(text: str) -> str:
    """A name as one line: strip it and turn every run of whitespace (line breaks, tabs, NBSP) into one space.

    Examples
    --------
    >>> collapse_spaces("Indraprastha Institute of Information Technology\\nDelhi")
    'Indraprastha Institute of Information Technology Delhi'
    >>> collapse_spaces("Solar Open 100B\\n")
    'Solar Open 100B'
    """
    return visible(_SPACES_RE.sub(" ", text).strip())


def csv_records(path: str, file: str) -> Iterator[tuple[int, list[str]]]:
    """(the line where it starts, its cells) for each record of a CSV file (UTF-8, a BOM allowed), empty ones skipped.

    A cell may hold line breaks, so a record may span lines; the line is where it starts. A file that
    cannot be read, is not UTF-8 or is not valid CSV raises a :class:`~asiaai_graph.utils.errors.DataError`
    naming ``file`` and the line.

    Examples
    --------
    >>> import tempfile, os
    >>> with tempfile.TemporaryDirectory() as d:
    ...     path = os.path.join(d, "x.csv")
    ...     with open(path, "w", encoding="utf-8") as f:
    ...         _ = f.write('Name,Note\\nA,"two\\nlines"\\n\\nB,x\\n')
    ...     list(csv_records(path, "x.csv"))
    [(1, ['Name', 'Note']), (2, ['A', 'two\\nlines']), (5, ['B', 'x'])]
    """
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            reader = csv.reader(handle, strict=True)
            end = 0
            try:
                for cells in reader:
                    start, end = end + 1, reader.line_num
                    if cells:
                        yield start, cells
            except csv.Error as exc:
                raise DataError([Problem(file, end + 1, None, None, f"not valid CSV: {exc}")]) from None
            except UnicodeDecodeError as exc:
                raise DataError([Problem(file, end + 1, None, None, f"not UTF-8 text: {exc.reason}")]) from None
    except OSError as exc:
        raise DataError([Problem(file, None, None, None, f"cannot read the file: {exc.strerror or exc}")]) from None


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One row of a dataset file, where it is, and its cells exactly as written.

    Attributes
    ----------
    dataset : str
        The dataset's short name, e.g. ``"epoch-notable-ai-models"``.
    file : str
        The path the file was read from, as given to the reader.
    line : int
        The 1-based line where the row starts in the file.
    cells : Mapping[str, str]
        The raw text of each cell by column name (unstripped, as in the file).
    name : str or None
        The row's model name (or other subject) when it has one; used as the
        ``record`` of problems.

    Examples
    --------
    >>> row = SourceRow("demo", "demo.md", 3, {"Name": " Sarashina2 "}, "Sarashina2")
    >>> (row.line, row.cells["Name"], row.name)
    (3, ' Sarashina2 ', 'Sarashina2')
    """

    dataset: str
    file: str
    line: int
    cells: Mapping[str, str] = field(repr=False)
    name: str | None

    def problem(self, column: str | None, message: str) -> Problem:
        """A :class:`~asiaai_graph.utils.errors.Problem` located at this row.

        Examples
        --------
        >>> SourceRow("demo", "d.csv", 2, {}, None).problem("Model", "empty").line
        2
        """
        return Problem(self.file, self.line, self.name, column, message)


R = TypeVar("R", bound=SourceRow)


@dataclass(frozen=True, slots=True)
class Table(Generic[R]):
    """The rows read from one file, in file order, and the problems met on the way.

    Attributes
    ----------
    dataset : str
        The dataset's short name.
    file : str
        The path read.
    layout : str
        Which column layout (or file format version) the reader recognised.
    columns : tuple of str
        The column names, in file order.
    rows : tuple
        The rows that were read.
    problems : tuple of Problem
        Rows that could not be read and were skipped (only with ``skip_bad_rows=True``;
        otherwise the first such row raises), in file order.
    notes : tuple of Problem
        Oddities in rows that were read anyway (e.g. text after a Markdown row's last
        column), so that nothing in the file is dropped silently.

    Examples
    --------
    >>> t = Table("demo", "d.csv", "v1", ("Model",), (SourceRow("demo", "d.csv", 2, {"Model": "A"}, "A"),))
    >>> len(t), [r.name for r in t]
    (1, ['A'])
    """

    dataset: str
    file: str
    layout: str
    columns: tuple[str, ...]
    rows: tuple[R, ...]
    problems: tuple[Problem, ...] = ()
    notes: tuple[Problem, ...] = ()

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[R]:
        return iter(self.rows)

    def at_line(self, line: int) -> R:
        """The row that starts at ``line``; ``KeyError`` when none does.

        Examples
        --------
        >>> t = Table("demo", "d.csv", "v1", ("Model",), (SourceRow("demo", "d.csv", 2, {}, "A"),))
        >>> t.at_line(2).name
        'A'
        """
        for row in self.rows:
            if row.line == line:
                return row
        raise KeyError(f"no row of {self.file} starts at line {line}")

