"""Read LLM-jp's *Overview of Japanese LLMs* (awesome-japanese-llm) Markdown tables into typed rows.

Data: LLM-jp, https://github.com/llm-jp/awesome-japanese-llm , Apache License 2.0 (each
listed model keeps its own licence, given in the tables).

The README (``README.en.md``, ``README.ja.md``, same structure) holds many pipe tables
under headings. Each row keeps its heading path (from the level-2 heading down, e.g.
"Text Generation Models / Models built from scratch / General purpose"), its category
(from the level-2 heading's anchor, which both languages share: see
:data:`SECTION_CATEGORIES`), its table's own columns (they differ per table; the first,
unnamed column is called ``"Name"``), every cell parsed as a
:class:`~asiaai_graph.importers.markdown.Cell` (links split into text and URL), and its line.

Pairing the English and Japanese rows (:func:`pair_llmjp`), which gives the developers'
and models' Japanese names: the two files have the same tables in the same order (checked:
same count, same section anchors, same number of columns), and rows are paired inside
each pair of tables:

1. the row at the same position, when the two rows share an *identifying link* (a URL
   that occurs in exactly one row of each file) or have the same name;
2. otherwise the one row of the other file's table sharing the most identifying links,
   or the one with the same name (the files list some rows in a different order);
3. otherwise, when both tables have the same number of rows, the row at the same
   position (``how="position"``: a weaker pairing, reported as such).

Rows left over are returned unpaired; nothing is paired by guesswork beyond these rules.

Examples
--------
>>> import tempfile, os
>>> md = '''## Text Generation Models
...
... | | Release Year | Developer | License |
... |:--|:--:|:--:|:--:|
... | [Sarashina2](https://www.sbintuitions.co.jp/) | 2024 | SB Intuitions | MIT |
... '''
>>> with tempfile.TemporaryDirectory() as d:
...     path = os.path.join(d, "README.en.md")
...     with open(path, "w", encoding="utf-8") as f:
...         _ = f.write(md)
...     table = read_llmjp(path)
>>> row = table.rows[0]
>>> row.line, row.name, row.release_year, row.developers, row.category
(5, 'Sarashina2', PartialDate('2024'), ('SB Intuitions',), None)
>>> row.get("license").text
'MIT'
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import Final

from asiaai_graph.utils.errors import DataError, Problem
from asiaai_graph.importers.markdown import (
    Cell,
    Heading,
    Link,
    RawTable,
    iter_tables,
    parse_cell,
    split_top_level,
    unclosed_link,
)
from asiaai_graph.importers.table import SourceRow, Table, clip, collapse_spaces
from asiaai_graph.schema import PartialDate

__all__ = [
    "COLUMN_ROLES",
    "SECTION_CATEGORIES",
    "LlmJpPair",
    "LlmJpPairing",
    "LlmJpRow",
    "LlmJpTable",
    "pair_llmjp",
    "read_llmjp",
]

#: Level-2 section anchor -> category of the models listed under it.
SECTION_CATEGORIES: Final[Mapping[str, str]] = {
    "generative": "text-generation",
    "autoencoding": "encoder",
    "embeddings": "embedding",
    "multimodal": "vision-language",
    "speech": "speech",
    "music": "music",
    "benchmark-suites": "benchmark",
}

#: Column role -> the header spellings (English and Japanese) that hold it.
COLUMN_ROLES: Final[Mapping[str, frozenset[str]]] = {
    "name": frozenset({"Name"}),
    "release_year": frozenset({"Release Year", "公開年"}),
    "architecture": frozenset({"Architecture", "アーキテクチャ"}),
    "context_length": frozenset(
        {"Max Context Length", "Max Input Length", "入出力で扱える トークン数", "入力で扱えるトークン数"}
    ),
    "training_data": frozenset({"Training Data", "学習テキスト", "学習画像/テキスト", "学習データ", "学習コーパス"}),
    "developer": frozenset({"Developer", "開発元"}),
    "license": frozenset({"License", "License / Terms of Use", "ライセンス", "ライセンス / 利用規約"}),
    "base_model": frozenset({"Base Model", "ベースのLLM", "ベースのVLM"}),
    "domain": frozenset({"Domain", "ドメイン"}),
    "original_models": frozenset(
        {"Original Models (Japanese LLMs in bold)", "マージ元のLLM（太字は日本語LLM）", "マージ元のLLM・VLM（太字は日本語LLM）"}
    ),
    "platform": frozenset({"Platform", "プラットフォーム"}),
    "huggingface": frozenset({"HuggingFace?", "HuggingFace ですぐ使える？"}),
    "description": frozenset({"Description", "説明"}),
}

_YEAR = re.compile(r"\d{4}")


@dataclass(frozen=True, slots=True)
class LlmJpRow(SourceRow):
    """One row of an LLM-jp table.

    Attributes
    ----------
    language : str
        ``"en"`` or ``"ja"`` (from the file name ``README.<lang>.md``; ``"en"`` otherwise).
    heading_path : tuple of str
        The headings above the table, from level 2 down.
    section : str or None
        The level-2 heading's anchor id (the same in both languages), e.g. ``"generative"``.
    category : str or None
        ``SECTION_CATEGORIES[section]``; ``None`` for a section it does not know.
    table_index, row_index : int
        The table's position in the file and the row's position in its table (0-based).
    columns : tuple of str
        The table's column names (plain text of the header; the blank first one is ``"Name"``).
    values : Mapping[str, Cell]
        Every cell parsed, by column.
    extra : tuple of Cell
        Cells beyond the header's columns (reported in the table's notes).
    """

    language: str
    heading_path: tuple[str, ...]
    section: str | None
    category: str | None
    table_index: int
    row_index: int
    columns: tuple[str, ...]
    values: Mapping[str, Cell] = field(repr=False)
    extra: tuple[Cell, ...] = ()
    release_year: PartialDate | None = None

    @property
    def heading(self) -> str:
        """The heading path joined with " / "."""
        return " / ".join(self.heading_path)

    def column_for(self, role: str) -> str | None:
        """The name of this row's column holding ``role`` (see :data:`COLUMN_ROLES`), or ``None``."""
        spellings = COLUMN_ROLES[role]
        for column in self.columns:
            if column in spellings:
                return column
        return None

    def get(self, role: str) -> Cell | None:
        """The cell holding ``role`` (``"developer"``, ``"license"``, ...); ``None`` if the table has no such column."""
        column = self.column_for(role)
        return None if column is None else self.values[column]

    @property
    def links(self) -> tuple[Link, ...]:
        """Every link in the row, column by column."""
        return tuple(link for cell in self.values.values() for link in cell.links)

    @property
    def name_links(self) -> tuple[Link, ...]:
        """The links of the first (name) column: the model's page, then its variants."""
        return self.values[self.columns[0]].links

    @property
    def developers(self) -> tuple[str, ...]:
        """The developer cell split on top-level ", ", "、" and "，" (one line each).

        A name that itself holds ", " ("The Japan Research Institute, Limited") is split
        too; :meth:`LlmJpPair.developers` checks the split against the other language.
        """
        cell = self.get("developer")
        if cell is None:
            return ()
        return tuple(collapse_spaces(part) for part in split_top_level(cell.text.replace("\n", " ")))


@dataclass(frozen=True, slots=True)
class LlmJpTable(Table[LlmJpRow]):
    """The rows of one LLM-jp README (``columns`` is empty: each table has its own, see ``tables``).

    Attributes
    ----------
    footnotes : Mapping[str, str]
        Footnote definitions (``[^22]: text``) by id.
    tables : tuple
        One (header line, section anchor, column names) per table, in file order.
    """

    footnotes: Mapping[str, str] = field(default_factory=dict)
    tables: tuple[tuple[int, str | None, tuple[str, ...]], ...] = ()


def _language(path: Path) -> str:
    parts = path.name.split(".")
    return parts[-2] if len(parts) >= 3 else "en"


def _column_names(header: Sequence[str]) -> tuple[str, ...]:
    names = []
    for i, raw in enumerate(header):
        name = collapse_spaces(parse_cell(raw).text) or ("Name" if i == 0 else f"Column {i + 1}")
        names.append(name)
    return tuple(names)


_FOOTNOTE_DEF = re.compile(r"\[\^([^\]\s]+)\]:\s*(.*)")


def read_llmjp(path: str | PathLike[str], *, skip_bad_rows: bool = False) -> LlmJpTable:
    """Read every table row of an awesome-japanese-llm README.

    Raises
    ------
    DataError
        For a file that cannot be read, or (unless ``skip_bad_rows``) broken rows: fewer
        cells than the header, an unclosed link, or a release year that is not a year.

    Examples
    --------
    >>> import tempfile, os
    >>> with tempfile.TemporaryDirectory() as d:
    ...     path = os.path.join(d, "README.en.md")
    ...     with open(path, "w", encoding="utf-8") as f:
    ...         _ = f.write("| | Release Year | Developer |\\n|--|--|--|\\n| [X](https://x) | 2024 |\\n")
    ...     read_llmjp(path)
    Traceback (most recent call last):
    ...
    asiaai_graph.utils.errors.DataError: 1 problem in the data:
      ...README.en.md:3: record X: the row has 2 cells, the header 3
    """
    file = str(path)
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError([Problem(file, None, None, None, f"cannot read the file: {exc}")]) from None
    lines = text.split("\n")
    language = _language(p)
    rows: list[LlmJpRow] = []
    problems: list[Problem] = []
    notes: list[Problem] = []
    tables: list[tuple[int, str | None, tuple[str, ...]]] = []
    for raw_table in iter_tables(lines):
        headings = [h for h in raw_table.headings if h.level >= 2]
        section = headings[0].anchor if headings else None
        category = SECTION_CATEGORIES.get(section) if section else None
        columns = _column_names(raw_table.header)
        tables.append((raw_table.header_line, section, columns))
        if raw_table.ended_by is not None:
            line, content = raw_table.ended_by
            notes.append(Problem(file, line, None, None, f"text right after a table (no blank line): {content[:60]!r}"))
        for row_index, (line, raw_cells) in enumerate(raw_table.rows):
            row = _read_row(file, language, raw_table, headings, section, category, columns, row_index, line, raw_cells)
            if isinstance(row, list):
                problems.extend(row)
                continue
            if row.extra:
                notes.append(row.problem(None, f"{len(row.extra)} cell(s) after the last column: "
                                         + " | ".join(c.markdown for c in row.extra)))
            rows.append(row)
    footnotes = {m.group(1): m.group(2).strip() for m in map(_FOOTNOTE_DEF.match, lines) if m}
    if problems and not skip_bad_rows:
        raise DataError(problems)
    layout = f"awesome-japanese-llm-{language}"
    return LlmJpTable(
        "awesome-japanese-llm", file, layout, (), tuple(rows), tuple(problems), tuple(notes),
        footnotes=footnotes, tables=tuple(tables),
    )


def _read_row(
    file: str,
    language: str,
    raw_table: RawTable,
    headings: Sequence[Heading],
    section: str | None,
    category: str | None,
    columns: tuple[str, ...],
    row_index: int,
    line: int,
    raw_cells: Sequence[str],
) -> LlmJpRow | list[Problem]:
    cells = [parse_cell(c) for c in raw_cells]
    name = collapse_spaces(cells[0].links[0].text if cells and cells[0].links and cells[0].markdown.startswith("[")
                           else (cells[0].first_line if cells else "")) or None
    problems: list[Problem] = []
    if len(cells) < len(columns):
        problems.append(Problem(file, line, name, None, f"the row has {len(cells)} cells, the header {len(columns)}"))
        return problems
    raw = dict(zip(columns, raw_cells))
    values = dict(zip(columns, cells[: len(columns)]))
    extra = tuple(c for c in cells[len(columns):] if c)
    for column, cell in values.items():
        if unclosed_link(cell.markdown):
            problems.append(Problem(file, line, name, column, "a Markdown link is not closed"))
    year: PartialDate | None = None
    for column in columns:
        if column in COLUMN_ROLES["release_year"]:
            text = values[column].text
            if text:
                try:
                    if not _YEAR.fullmatch(text):
                        raise ValueError(f"not a year: {clip(text)!r}")
                    year = PartialDate(int(text))
                except ValueError as exc:  # also year 0000, which PartialDate refuses
                    problems.append(Problem(file, line, name, column, str(exc)))
    if name is None:
        problems.append(Problem(file, line, None, columns[0], "the row has no name"))
    if problems:
        return problems
    return LlmJpRow(
        "awesome-japanese-llm",
        file,
        line,
        raw,
        name,
        language=language,
        heading_path=tuple(h.text for h in headings),
        section=section,
        category=category,
        table_index=raw_table.index,
        row_index=row_index,
        columns=columns,
        values=values,
        extra=extra,
        release_year=year,
    )


@dataclass(frozen=True, slots=True)
class LlmJpPair:
    """An English row and its Japanese counterpart, and which rule paired them.

    ``how`` is ``"position+link"``, ``"position+name"``, ``"link"``, ``"name"`` or ``"position"``
    (see the module docstring).
    """

    en: LlmJpRow
    ja: LlmJpRow
    how: str

    @property
    def developers(self) -> tuple[tuple[str, str], ...]:
        """(English, Japanese) developer names: one pair per developer when both cells split into as
        many names, else one pair of the whole cells (the split is then not trusted).

        For "The Japan Research Institute, Limited" / "日本総合研究所" this gives one developer, not two
        (see :func:`pair_llmjp` for an example).
        """
        en, ja = self.en.developers, self.ja.developers
        if len(en) == len(ja):
            return tuple(zip(en, ja))
        whole_en = collapse_spaces((self.en.get("developer") or parse_cell("")).text)
        whole_ja = collapse_spaces((self.ja.get("developer") or parse_cell("")).text)
        return ((whole_en, whole_ja),)


@dataclass(frozen=True, slots=True)
class LlmJpPairing:
    """The result of :func:`pair_llmjp`: pairs in English file order, and rows left unpaired."""

    pairs: tuple[LlmJpPair, ...]
    unpaired_en: tuple[LlmJpRow, ...]
    unpaired_ja: tuple[LlmJpRow, ...]


def _identifying_links(table: LlmJpTable) -> dict[tuple[int, int], frozenset[str]]:
    per_row = {(r.table_index, r.row_index): frozenset(link.url for link in r.links) for r in table.rows}
    counts = Counter(url for urls in per_row.values() for url in urls)
    return {key: frozenset(u for u in urls if counts[u] == 1) for key, urls in per_row.items()}


def pair_llmjp(en: LlmJpTable, ja: LlmJpTable) -> LlmJpPairing:
    """Pair the rows of the English and Japanese READMEs (rules in the module docstring).

    Raises
    ------
    DataError
        When the two files do not have the same tables (count, section anchors, column counts).

    Examples
    --------
    The Japanese file lists the two rows in the other order; their links pair them:

    >>> import tempfile, os
    >>> head = "| | Developer |\\n|--|--|\\n"
    >>> karamaru_en = "| [Karamaru](https://sakana.ai/karamaru/) | Sakana AI |\\n"
    >>> karamaru_ja = "| [からまる](https://sakana.ai/karamaru/) | Sakana AI |\\n"
    >>> en_md = head + karamaru_en + "| [Future Code](https://h.co/f) | Future Corp. |\\n"
    >>> ja_md = head + "| [Future Code](https://h.co/f) | フューチャー |\\n" + karamaru_ja
    >>> with tempfile.TemporaryDirectory() as d:
    ...     for name, text in (("README.en.md", en_md), ("README.ja.md", ja_md)):
    ...         with open(os.path.join(d, name), "w", encoding="utf-8") as f:
    ...             _ = f.write(text)
    ...     en, ja = (read_llmjp(os.path.join(d, f"README.{lang}.md")) for lang in ("en", "ja"))
    ...     pairing = pair_llmjp(en, ja)
    >>> [(p.en.name, p.ja.name, p.how) for p in pairing.pairs]
    [('Karamaru', 'からまる', 'link'), ('Future Code', 'Future Code', 'link')]
    >>> pairing.pairs[1].developers
    (('Future Corp.', 'フューチャー'),)
    """
    if len(en.tables) != len(ja.tables) or any(
        a[1] != b[1] or len(a[2]) != len(b[2]) for a, b in zip(en.tables, ja.tables)
    ):
        mismatch = next(
            (a[0] for a, b in zip(en.tables, ja.tables) if a[1] != b[1] or len(a[2]) != len(b[2])),
            min(len(en.tables), len(ja.tables)),
        )
        raise DataError([Problem(en.file, mismatch, None, None, f"the tables differ from those of {ja.file}")])
    en_ids, ja_ids = _identifying_links(en), _identifying_links(ja)

    def links_shared(e: LlmJpRow, j: LlmJpRow) -> int:
        return len(en_ids[(e.table_index, e.row_index)] & ja_ids[(j.table_index, j.row_index)])

    by_table_en: dict[int, list[LlmJpRow]] = {}
    by_table_ja: dict[int, list[LlmJpRow]] = {}
    for r in en.rows:
        by_table_en.setdefault(r.table_index, []).append(r)
    for r in ja.rows:
        by_table_ja.setdefault(r.table_index, []).append(r)
    pairs: list[LlmJpPair] = []
    unpaired_en: list[LlmJpRow] = []
    used_ja: set[tuple[int, int]] = set()
    for index, en_rows in sorted(by_table_en.items()):
        ja_rows = by_table_ja.get(index, [])
        found = _pair_table(en_rows, ja_rows, links_shared)
        for i, e in enumerate(en_rows):
            if i in found:
                k, how = found[i]
                pairs.append(LlmJpPair(e, ja_rows[k], how))
                used_ja.add((index, ja_rows[k].row_index))
            else:
                unpaired_en.append(e)
    unpaired_ja = [r for r in ja.rows if (r.table_index, r.row_index) not in used_ja]
    return LlmJpPairing(tuple(pairs), tuple(unpaired_en), tuple(unpaired_ja))


def _pair_table(
    en_rows: list[LlmJpRow], ja_rows: list[LlmJpRow], links_shared: Callable[[LlmJpRow, LlmJpRow], int]
) -> dict[int, tuple[int, str]]:
    """The rows of one table paired: English position -> (Japanese position, how), by the module's rules."""
    found: dict[int, tuple[int, str]] = {}
    # 1. same position, confirmed by a shared identifying link or the same name
    for i, e in enumerate(en_rows[: len(ja_rows)]):
        if links_shared(e, ja_rows[i]):
            found[i] = (i, "position+link")
        elif e.name == ja_rows[i].name:
            found[i] = (i, "position+name")
    # 2. elsewhere in the table: the unique best link match, or the unique same name
    for i, e in enumerate(en_rows):
        if i in found:
            continue
        taken = {k for k, _ in found.values()}
        free = [k for k in range(len(ja_rows)) if k not in taken]
        scored = sorted(((links_shared(e, ja_rows[k]), k) for k in free), reverse=True)
        if scored and scored[0][0] > 0 and (len(scored) == 1 or scored[1][0] < scored[0][0]):
            found[i] = (scored[0][1], "link")
            continue
        same = [k for k in free if ja_rows[k].name == e.name]
        if len(same) == 1:
            found[i] = (same[0], "name")
    # 3. tables of the same size: an English row still alone and the Japanese row at its position
    if len(en_rows) == len(ja_rows):
        taken = {k for k, _ in found.values()}
        for i in range(len(en_rows)):
            if i not in found and i not in taken:
                found[i] = (i, "position")
    return found
