"""Importing a dataset file: read it (:mod:`asiaai_graph.importers`), turn its rows into records, write them as one YAML file.

``asiaai-graph import epoch FILE.csv -o DIR`` (or :func:`import_dataset` and
:func:`write_import` from Python) writes ``DIR/<source id>.yaml``: an ``import:``
header (importer, dataset, version, the file's SHA-256), the dataset's
:class:`~asiaai_graph.schema.Source` record, then its organizations, places and
models, sorted by id. The same file always gives the same bytes, so importing a
newer snapshot and running ``asiaai-graph diff`` shows exactly what changed.

Names are matched to records through the tables in the curated data folder
(``matching.tsv``, ``distinct.tsv``, ``exclusions.tsv``; see
:mod:`~asiaai_graph.importers.matching`) and the hand-written curated records,
never through other imports, so the result does not depend on what else has
been imported. ROR is the exception: a registry of organizations, it is matched
against every organization the data folder holds (without its own import), and
brings in only those (:mod:`~asiaai_graph.importers.ror_records`).
``ag.load(DIR)`` then merges the records with the curated data
(:mod:`asiaai_graph.datafiles.merge`); a newer version of a dataset the curated data
already imports replaces it.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from asiaai_graph.utils.errors import DataError, Problem

if TYPE_CHECKING:
    from asiaai_graph.importers.build import Builder
    from asiaai_graph.importers.hardware_records import GraphUse
    from asiaai_graph.importers.matching import Matcher, MatchingTables
    from asiaai_graph.importers.table import Table
    from asiaai_graph.schema import Record, Source

__all__ = ["IMPORTERS", "ImportResult", "curated_tables_dir", "graph_use", "import_dataset", "write_import"]


@dataclass
class ImportResult:
    """What an import gives: the records, the dataset's source, and what was skipped or noted."""

    importer: str
    file: Path
    sha256: str
    source: Source
    records: list[Record]
    skipped: list[Problem] = field(default_factory=list)
    """Rows that could not be read, left out because ``skip_bad_rows`` was asked for."""
    notes: list[str] = field(default_factory=list)
    """What was read but not used (a base model that is no record, a row without an organization)."""
    table_entries_used: frozenset[tuple[str, str, str]] = frozenset()
    """The ``matching.tsv`` entries the import's names met, as (kind, dataset, name key): a row no import uses is stale."""
    version_from: str = "file"
    """Where the dataset's version comes from: ``"file"`` (read from it) or ``"given"`` (the caller's ``version``)."""

    def counts(self) -> dict[str, int]:
        """Records per type."""
        out: dict[str, int] = {}
        for r in self.records:
            out[r.record_type] = out.get(r.record_type, 0) + 1
        return out


def curated_tables_dir() -> Path:
    """The folder of ``matching.tsv``, ``distinct.tsv`` and ``exclusions.tsv``: the curated data folder."""
    from asiaai_graph.loading.loader import curated_data_dir

    return curated_data_dir()


def _curated_records() -> list[Record]:
    """The hand-written curated records (not the imports under ``datasets/``, which they may refer to), for matching names."""
    from asiaai_graph.datafiles.files import curated_files
    from asiaai_graph.datafiles.read import read_files

    return read_files(curated_files(curated_tables_dir()), unknown_ok=True)[0]


def placed_countries() -> dict[str, str]:
    """Organization id -> ISO country code, as the data folder states them (curated and imported, merged).

    An Epoch file that gives an organization no country in any row leaves the question to these:
    Epoch's *All AI Models* places Moonshot nowhere, its *Notable AI Models* in China.
    """
    from asiaai_graph.loading.loader import load

    kg = load()
    return {o.id: o.country for o in kg.organizations() if o.country}


@contextmanager
def located(*tables: Table[Any]) -> Iterator[None]:
    """Turn a name that gives no id (:class:`~asiaai_graph.importers.matching.NameProblem`) into a
    :class:`DataError` naming the file, line and column whose cell holds it."""
    from asiaai_graph.importers.matching import NameProblem

    try:
        yield
    except NameProblem as exc:
        for table in tables:
            for row in table.rows:
                column = next((c for c, cell in row.cells.items() if exc.name in cell), None)
                if column is None and getattr(row, "city", None) == exc.name:
                    column = "city"  # a ROR record's (its cells are not kept)
                if column is not None or row.name == exc.name:
                    raise DataError([row.problem(column, str(exc))]) from None
        raise DataError([Problem(tables[0].file, None, None, None, str(exc))]) from None


def _epoch(path: Path, matcher_for: Callable[[str], Matcher], skip: bool,
           version: str | None) -> tuple[Builder, list[str], list[Problem]]:
    from asiaai_graph.importers.epoch import read_epoch
    from asiaai_graph.importers.epoch_records import epoch_records, epoch_source

    table = read_epoch(path, skip_bad_rows=skip)
    with located(table):
        builder, notes = epoch_records(table, matcher_for(epoch_source(table).id), placed_countries)
    return builder, notes, list(table.problems)


def _llmjp(path: Path, matcher_for: Callable[[str], Matcher], skip: bool,
           version: str | None) -> tuple[Builder, list[str], list[Problem]]:
    from asiaai_graph.importers.llmjp import pair_llmjp, read_llmjp
    from asiaai_graph.importers.llmjp_records import llmjp_records, llmjp_source

    ja_path = path.with_name(path.name.replace(".en.", ".ja."))
    if ja_path == path or not ja_path.is_file():
        raise DataError([Problem(str(path), None, None, None,
                                 f"LLM-jp's English README needs its Japanese twin beside it ({ja_path.name})")])
    en, ja = read_llmjp(path, skip_bad_rows=skip), read_llmjp(ja_path, skip_bad_rows=skip)
    source = llmjp_source(version)
    with located(en, ja):
        builder, notes = llmjp_records(pair_llmjp(en, ja), matcher_for(source.id), source)
    return builder, notes, [*en.problems, *ja.problems]


def _china(path: Path, matcher_for: Callable[[str], Matcher], skip: bool,
           version: str | None) -> tuple[Builder, list[str], list[Problem]]:
    from asiaai_graph.importers.china_llms import read_china_llms
    from asiaai_graph.importers.china_records import china_records, china_source

    table = read_china_llms(path, skip_bad_rows=skip)
    attribution = table.attribution[1] if table.attribution else None
    source = china_source(attribution, version)
    with located(table):
        return china_records(table, matcher_for(source.id), source), [], list(table.problems)


def graph_use() -> GraphUse:
    """What the data folder holds that the ML hardware import needs (:class:`~asiaai_graph.importers.hardware_records.GraphUse`):
    organizations' countries, the chips its models and clusters name, and its models by their Epoch row."""
    from asiaai_graph.importers.hardware_records import GraphUse
    from asiaai_graph.loading.loader import load

    kg = load()
    models: dict[str, str] = {}
    for model in kg.models():
        for c in model.sources:
            if c.source in _EPOCH_MODEL_FILES and c.locator and c.locator.startswith("Model="):
                models.setdefault(c.locator[len("Model="):], model.id)
    chips = {chip for m in kg.models() for chip in m.training_hardware}
    chips |= {c.chip for cluster in kg.clusters() for c in cluster.chips}
    return GraphUse({o.id: o.country for o in kg.organizations() if o.country}, frozenset(chips), models)


_EPOCH_MODEL_FILES = ("epoch-notable-ai-models", "epoch-all-ai-models")


def _clusters(path: Path, matcher_for: Callable[[str], Matcher], skip: bool,
              version: str | None) -> tuple[Builder, list[str], list[Problem]]:
    from asiaai_graph.importers.clusters_records import clusters_records, clusters_source
    from asiaai_graph.importers.epoch_clusters import read_clusters

    table = read_clusters(path, skip_bad_rows=skip)
    source = clusters_source(version)
    with located(table):
        builder, notes = clusters_records(table, matcher_for(source.id), source, placed_countries)
    return builder, notes, list(table.problems)


def _hardware(path: Path, matcher_for: Callable[[str], Matcher], skip: bool,
              version: str | None) -> tuple[Builder, list[str], list[Problem]]:
    from asiaai_graph.importers.epoch_hardware import read_hardware
    from asiaai_graph.importers.hardware_records import hardware_records, hardware_source

    table = read_hardware(path, skip_bad_rows=skip)
    if version is None:  # the file's own date: the last time a row changed
        changed = [r.last_modified for r in table.rows if r.last_modified is not None]
        version = max(changed).date().isoformat() if changed else None
    source = hardware_source(version)
    with located(table):
        builder, notes = hardware_records(table, matcher_for(source.id), source, graph_use())
    return builder, notes, list(table.problems)


def data_folder_records(leave_out: str) -> list[Record]:
    """The data folder's records, curated and imported, merged, without the import of dataset ``leave_out``.

    ROR matches the organizations the other files hold; its own earlier import must not decide what it matches.
    """
    from asiaai_graph.datafiles.files import curated_files
    from asiaai_graph.datafiles.read import read_files

    folder = curated_tables_dir()
    files = curated_files(folder) + sorted(p for p in (folder / "datasets").glob("*.yaml")
                                           if p.name != f"{leave_out}.yaml")
    return read_files(files, unknown_ok=True)[0]


def _ror(path: Path, matcher_for: Callable[[str], Matcher], skip: bool,
         version: str | None) -> tuple[Builder, list[str], list[Problem]]:
    from asiaai_graph.importers.ror import read_ror
    from asiaai_graph.importers.ror_records import ror_records, ror_source
    from asiaai_graph.schema import Organization, Place

    table = read_ror(path, skip_bad_rows=skip)
    source = ror_source(version)
    held = data_folder_records(source.id)
    organizations = [r for r in held if isinstance(r, Organization)]
    places = [r for r in held if isinstance(r, Place)]
    with located(table):
        builder, notes = ror_records(table, organizations, places, matcher_for(source.id), source)
    return builder, notes, list(table.problems)


#: Importer name -> function (path, matcher for a dataset id, skip bad rows, version) -> (builder, notes, skipped).
IMPORTERS: dict[str, Callable[[Path, Callable[[str], Matcher], bool, str | None],
                              tuple[Builder, list[str], list[Problem]]]] = {
    "epoch": _epoch,
    "llm-jp": _llmjp,
    "china-llms": _china,
    "epoch-clusters": _clusters,
    "epoch-hardware": _hardware,
    "ror": _ror,
}


def import_dataset(
    importer: str,
    path: str | os.PathLike[str],
    *,
    skip_bad_rows: bool = False,
    version: str | None = None,
    tables: MatchingTables | None = None,
    curated: list[Record] | None = None,
) -> ImportResult:
    """Read a dataset file with ``importer`` (``epoch``, ``llm-jp``, ``china-llms``, ``epoch-clusters``,
    ``epoch-hardware``, ``ror``) into records.

    ``version`` names the dataset's version where the file does not say it
    (LLM-jp and the Chinese list: ``"2026-08-22 (commit 903d9db)"``, the date
    first so versions sort; Epoch's files are versioned by their last publication date, read from
    the file). Raises :class:`ValueError` when the version is neither in the file nor given (or
    given and different from the file's), :class:`~asiaai_graph.utils.errors.DataError` for a file that cannot be read, for
    unreadable rows unless ``skip_bad_rows``, and for rows whose records clash.
    """
    from asiaai_graph.importers.matching import Matcher, read_tables

    if importer not in IMPORTERS:
        raise ValueError(f"unknown importer {importer!r}; one of: {', '.join(IMPORTERS)}")
    file = Path(path)
    if not file.is_file():
        raise DataError([Problem(str(file), None, None, None, "no such file")])
    digest = hashlib.sha256(file.read_bytes()).hexdigest()
    tables = tables if tables is not None else read_tables(curated_tables_dir())
    known = curated if curated is not None else _curated_records()
    matchers: list[Matcher] = []

    def matcher_for(dataset: str) -> Matcher:
        matchers.append(Matcher(known, tables, dataset))
        return matchers[-1]

    builder, notes, skipped = IMPORTERS[importer](file, matcher_for, skip_bad_rows, version)
    stated = builder.source.version
    if not stated:
        raise ValueError(f"{file.name} does not say which version of the dataset it is: give the version "
                         f"(--version), date first, e.g. '2026-08-22 (commit 903d9db)'")
    if version and stated != version:
        raise ValueError(f"{file.name} says its version is {stated!r}; leave out --version {version!r}")
    records = builder.records()
    used = frozenset(entry for m in matchers for entry in m.used)
    return ImportResult(importer, file, digest, builder.source, records, skipped, notes, used,
                        "given" if version else "file")


def dumps_import(result: ImportResult) -> str:
    """The YAML text of an import (see the module docstring)."""
    from asiaai_graph.datafiles.write import dumps_document

    header: dict[str, Any] = {
        "importer": result.importer,
        "source": result.source.id,
        "title": f"{result.source.publisher}, {result.source.title_en or result.source.title}",
        "version": result.source.version or "",
        "file": result.file.name,
        "sha256": result.sha256,
    }
    comment = (f"Written by `asiaai-graph import {result.importer} {result.file.name}`: do not edit by hand, "
               "import the dataset again.\nNames are matched through matching.tsv; rows left out are in exclusions.tsv.")
    return dumps_document(result.records, header={"import": header}, comment=comment)


def _check_writable(result: ImportResult, target: Path) -> None:
    """A :class:`DataError` for text the loader would refuse in the file (the readers make it visible first)."""
    from asiaai_graph.datafiles.files import FORBIDDEN_CHARACTERS

    problems = []
    for record in result.records:
        stack: list[tuple[str, Any]] = [("", record.model_dump(mode="json", exclude_none=True))]
        while stack:
            where, value = stack.pop()
            if isinstance(value, dict):
                stack.extend((f"{where}.{k}".lstrip("."), v) for k, v in value.items())
            elif isinstance(value, list):
                stack.extend((f"{where}.{i}", v) for i, v in enumerate(value))
            elif isinstance(value, str) and (bad := FORBIDDEN_CHARACTERS.search(value)):
                problems.append(Problem(str(target), None, record.id, where or None,
                                        f"character U+{ord(bad.group()):04X} would make the loader refuse the file"))
    if problems:
        raise DataError(problems)


def write_import(result: ImportResult, folder: str | os.PathLike[str]) -> Path:
    """Write ``result`` as ``folder/<source id>.yaml`` (atomically); the path written."""
    out = Path(folder)
    target = out / f"{result.source.id}.yaml"
    _check_writable(result, target)
    out.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_text(dumps_import(result), encoding="utf-8")
    os.replace(tmp, target)
    return target
