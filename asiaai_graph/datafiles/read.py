"""Reading YAML data files into validated records, with every problem located.

For each file in turn: read its bytes once (bounded by the size limit; their
digest keys the snapshot), decode and check the text, build the document
(:mod:`asiaai_graph.datafiles.parse`: duplicate keys, bounded aliases, plain tags
only), validate each section with pydantic; then check ids and references
across all files (:mod:`asiaai_graph.graph.references`). Any problem anywhere raises
one :class:`~asiaai_graph.utils.errors.DataError` listing all of them, each with
file, line (as an editor shows it), record id and field; nothing is returned
half-loaded. Schema problems and reference problems are reported together,
and a record that failed validation still counts as existing, so references
to it are not reported as unknown.

A file an importer wrote starts with an ``import:`` header (its dataset and
version): its records may share ids with curated records or other imports,
and :func:`asiaai_graph.datafiles.merge.merge_records` folds each such group into one
record before references are checked. When two files import the same dataset,
only the newest version is read (a user's fresh import replaces the shipped one).

:class:`Reader` keeps either the records themselves (:func:`read_files`) or,
for a graph, each record's JSON plus a slim copy holding only what references
and indexes need (:func:`read_graph`), so that a large first load does not
hold every validated object at once.

Examples
--------
>>> from asiaai_graph.loading.loader import curated_data_dir
>>> from asiaai_graph.datafiles.files import curated_files
>>> records, edges = read_files(curated_files(curated_data_dir()), unknown_ok=True)
>>> any(r.id == "deepseek" for r in records)
True
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from pydantic import ValidationError

from asiaai_graph.utils.errors import DataError, Problem
from asiaai_graph.utils.limits import MAX_FILE_SIZE
from asiaai_graph.datafiles.layers import (OVERLAY_KEY, REFERENCE_KEY, apply_overlay, file_limit, layer_of,
                                           overlay_problems, used_references)
from asiaai_graph.datafiles.merge import CURATED, Layer, header_layer, merge_records
from asiaai_graph.graph.references import EdgeTuple, PathPart, field_path, scan_references, written_problems
from asiaai_graph.schema import SECTIONS, Entity, Place, Record, section_adapter
from asiaai_graph.datafiles.files import FileDigest, decode, display_path, read_bytes
from asiaai_graph.datafiles.moved import Moved, redirect_warned
from asiaai_graph.datafiles.parse import error_message, field_in, is_placeholder, locate, parse_yaml, record_id

if TYPE_CHECKING:
    from asiaai_graph.graph.index import GraphState

__all__ = ["IMPORT_KEY", "FileDigest", "Reader", "display_path", "read_bytes", "read_files", "read_graph"]

IMPORT_KEY = "import"
"""The header of a file an importer wrote: which dataset (source id), version and importer."""


class _Origin(NamedTuple):
    file: int
    section: str
    position: int


@dataclass
class _Pending:
    """A problem whose line is found later (by parsing its file again)."""

    origin: _Origin
    path: tuple[PathPart, ...]
    record: str | None
    field: str | None
    message: str


class _Cite:
    """A citation reduced to the id it points at (what reference checking reads)."""

    __slots__ = ("source",)

    def __init__(self, source: str) -> None:
        self.source = source


#: Fields the graph's indexes read besides references (asiaai_graph.graph.index: facets and names).
#: A slim record keeps these, its reference fields and its citations' ids; reading any other
#: field of a slim record raises AttributeError, so a new facet cannot silently see nothing.
INDEX_FIELDS = frozenset({"id", "name", "labels", "aliases", "title", "title_en", "kind", "date", "measure", "status"})


class Reader:
    """Reads data files one at a time; :meth:`finish` checks references across them.

    ``keep="records"`` keeps every validated record; ``keep="slim"`` hands each
    record's JSON to ``sink`` (``(id, json)`` pairs, a file at a time) and keeps
    only a slim copy of it for reference checking and indexing.
    """

    def __init__(self, max_file_size: int = MAX_FILE_SIZE, keep: str = "records",
                 sink: Callable[[list[tuple[str, bytes]]], None] | None = None, unknown_ok: bool = False,
                 moved: Moved | None = None) -> None:
        self.max_file_size = max_file_size
        self.unknown_ok = unknown_ok
        self.moved = moved or {}
        """Ids that changed (``moved.tsv``): a reference to an old id is read as the new one."""
        self.keep = keep
        self.sink = sink
        self.problems: list[Problem] = []
        self.pending: list[_Pending] = []
        self.files: list[FileDigest] = []
        self.layers: list[Layer] = []  # per file, in the order of self.files
        self.found: list[tuple[Record, _Origin]] = []
        self.known: dict[str, str] = {}  # ids of records that failed validation -> record type
        self.failed: list[tuple[_Origin, str | None, type[Record], dict[str, Any]]] = []  # their references
        self.overlays: list[tuple[_Origin, type[Record], dict[str, Any]]] = []  # records as an overlay writes them
        self.held: list[tuple[str, bytes]] = []  # reference tables' records' JSON, until finish knows which are used
        self.merged: dict[str, Record] = {}  # full records folded from several files (slim copies are in found)
        self._cites: dict[str, _Cite] = {}
        self._slim_fields: dict[type[Record], tuple[str, ...]] = {}

    # --- one file ------------------------------------------------------------------------------

    def add_file(self, path: Path) -> None:
        """Read, parse and validate one file; its problems are kept for :meth:`finish`."""
        shown = display_path(path)
        try:
            data = read_bytes(path, file_limit(path, self.max_file_size))
        except DataError as exc:
            self.problems.extend(exc.problems)
            return
        index = len(self.files)
        self.files.append(FileDigest(path, hashlib.sha256(data).digest()))
        self.layers.append(CURATED)
        text, bad = decode(data)
        if bad is not None:
            self.problems.append(Problem(shown, bad.line, None, None, bad.message))
            return
        del text
        parsed = parse_yaml(data)
        del data
        doc, lines = parsed.doc, parsed.lines
        bad_records: set[tuple[str, int]] = set()
        for p in parsed.problems:
            rid = field_name = None
            if len(p.path) >= 2 and isinstance(p.path[1], int) and doc is not None:
                bad_records.add((p.path[0], p.path[1]))
                rid = record_id(doc, p.path[0], p.path[1])
                field_name = field_in(doc, p.path) or None
            self.problems.append(Problem(shown, p.line, rid, field_name, p.message))
        if doc is None:
            return
        for key in (IMPORT_KEY, REFERENCE_KEY, OVERLAY_KEY):
            if isinstance(doc, dict) and key in doc:
                try:
                    value = doc.pop(key)
                    self.layers[index] = header_layer(value) if key == IMPORT_KEY else layer_of(key, value, shown)
                except ValueError as exc:
                    self.problems.append(Problem(shown, locate(doc, lines, (), 1), None, key, str(exc)))
                    return
                break
        out: list[tuple[Record, _Origin]] = []
        located: list[tuple[tuple[PathPart, ...], str | None, str | None, str]] = []
        if self.layers[index].role == OVERLAY_KEY:  # its sources are new records, the rest corrections
            if isinstance(doc, dict) and "sources" in doc:
                self._validate({"sources": doc["sources"]}, index, bad_records, located, out)
            self._read_overlay({k: v for k, v in doc.items() if k != "sources"} if isinstance(doc, dict) else doc,
                               index, located)
        else:
            self._validate(doc, index, bad_records, located, out)
        if self.moved:
            out = [(redirect_warned(record, self.moved, shown), origin) for record, origin in out]
        for where, rid, field_name, message in located:
            self.problems.append(Problem(shown, locate(doc, lines, where, 1), rid, field_name, message))
        del doc, lines, parsed
        if self.keep == "records":
            self.found.extend(out)
            return
        chunk: list[tuple[str, bytes]] = []
        for record, origin in out:
            # defaults left out (a third smaller): decoding fills them in again, so the record is equal
            chunk.append((record.id, type(record).__pydantic_serializer__.to_json(record, exclude_defaults=True)))
            self.found.append((self._slim(record), origin))
        if self.layers[index].role == REFERENCE_KEY:
            self.held.extend(chunk)  # only the records some other record names go to the sink (finish)
        elif self.sink is not None and not self.problems:
            self.sink(chunk)

    def _read_overlay(self, doc: Any, index: int,
                      located: list[tuple[tuple[PathPart, ...], str | None, str | None, str]]) -> None:
        """Keep an overlay's records as written, for :meth:`_apply_overlays`; report what is wrong with them."""
        for section, items in doc.items() if isinstance(doc, dict) else ():
            if section not in SECTIONS or not isinstance(items, list):
                located.append(((section,), None, None, f"an overlay holds lists of records by section ({', '.join(SECTIONS)})"))
                continue
            for position, item in enumerate(items):
                if not isinstance(item, dict):
                    located.append(((section, position), None, None, "a record must be a mapping"))
                    continue
                rid = item.get("id") if isinstance(item.get("id"), str) else None
                problems = overlay_problems(SECTIONS[section], item)
                for path, message in problems:
                    located.append(((section, position, *path), rid, field_path(path) or None, message))
                if not problems:
                    self.overlays.append((_Origin(index, section, position), SECTIONS[section], item))

    def _validate(self, doc: Any, index: int, bad_records: set[tuple[str, int]],
                  located: list[tuple[tuple[PathPart, ...], str | None, str | None, str]],
                  out: list[tuple[Record, _Origin]]) -> None:
        if not isinstance(doc, dict):
            located.append(((), None, None, "a data file is a mapping from section names to lists of records"))
            return
        for section, items in doc.items():
            if not (isinstance(section, str) and section in SECTIONS):
                known = ", ".join(SECTIONS)
                located.append(((section,), None, None, f"unknown section {section!r} (known: {known})"))
                continue
            if items is None:
                continue
            if not isinstance(items, list):
                located.append(((section,), None, None, f"section {section!r} must be a list of records"))
                continue
            model = SECTIONS[section]
            if not any(s == section for s, _ in bad_records):
                try:  # the common case: the whole section is valid, validated in one call
                    valid = section_adapter(section).validate_python(items)
                    out.extend((record, _Origin(index, section, i)) for i, record in enumerate(valid))
                    continue
                except ValidationError:
                    pass
            for position, item in enumerate(items):  # find which records are bad, keep the good ones
                if not isinstance(item, dict):
                    located.append(((section, position), None, None, "a record must be a mapping"))
                    continue
                rid = item.get("id")
                rid = rid if isinstance(rid, str) else None
                origin = _Origin(index, section, position)
                if (section, position) in bad_records:
                    if rid is not None:
                        self.known.setdefault(rid, model.record_type)
                    self.failed.append((origin, rid, model, item))
                    continue
                try:
                    out.append((model.model_validate(item), origin))
                except ValidationError as exc:
                    if rid is not None:
                        self.known.setdefault(rid, model.record_type)
                    self.failed.append((origin, rid, model, item))
                    for err in exc.errors():
                        loc = tuple(err["loc"])
                        located.append(((section, position, *loc), rid, field_path(loc) or None, error_message(err)))

    def _slim(self, record: Record) -> Record:
        """A copy of ``record`` with only the fields references and indexes read (see :data:`INDEX_FIELDS`)."""
        cls = type(record)
        names = self._slim_fields.get(cls)
        if names is None:
            refs = {ref.field for ref in cls.refs}
            names = tuple(n for n in cls.model_fields if n in INDEX_FIELDS or n in refs)
            self._slim_fields[cls] = names
        values = record.__dict__
        slim = cls.__new__(cls)
        state = {n: values[n] for n in names}
        if isinstance(record, Entity):
            cites = self._cites
            state["sources"] = tuple(cites.get(c.source) or cites.setdefault(c.source, _Cite(c.source))
                                     for c in record.sources)
        object.__setattr__(slim, "__dict__", state)
        object.__setattr__(slim, "__pydantic_fields_set__", set())
        object.__setattr__(slim, "__pydantic_extra__", None)
        object.__setattr__(slim, "__pydantic_private__", None)
        return slim

    # --- all files -----------------------------------------------------------------------------

    def finish(self) -> tuple[list[Record], list[EdgeTuple]]:
        """The records sorted by id and their edges, or a :class:`DataError` listing every problem."""
        self._drop_older_imports()
        self._keep_used_references()
        self._merge()
        self._apply_overlays()
        found = self.found
        found.sort(key=lambda pair: pair[0].id)
        records = [record for record, _ in found]
        edges, bad = scan_references(records, self.known, unknown_ok=self.unknown_ok)
        if bad:
            origins = {id(record): origin for record, origin in found}
            for record, path_in_record, message in bad:
                origin = origins[id(record)]
                self.pending.append(_Pending(origin, (origin.section, origin.position, *path_in_record), record.id,
                                             field_path(path_in_record), message))
        self._check_failed(records)
        self.problems.extend(self._resolve_lines())
        if self.problems:
            problems = sorted(self.problems, key=lambda p: (p.file or "", p.line or 0))
            raise DataError(problems)
        return records, edges

    def _check_failed(self, records: list[Record]) -> None:
        """References, citations and ids of records that failed validation: reported in the same run."""
        types = {**self.known, **{r.id: r.record_type for r in records}}
        plain = {r.id for r, o in self.found if not self.layers[o.file].source}
        seen: set[str] = set()
        for origin, rid, model, item in self.failed:
            problems = written_problems(model, item, types, self.unknown_ok)
            if rid is not None and not self.layers[origin.file].source and not self.layers[origin.file].role:
                if rid in plain or rid in seen:
                    problems.append((("id",), f"duplicate id {rid!r}"))
                seen.add(rid)
            for path, message in problems:
                self.pending.append(_Pending(origin, (origin.section, origin.position, *path), rid,
                                             field_path(path), message))

    def _keep_used_references(self) -> None:
        """Of the reference tables' records, keep those another record names (:func:`used_references`)."""
        is_ref = [self.layers[o.file].role == REFERENCE_KEY for _, o in self.found]
        if any(is_ref):
            raw = [(m, item) for _, _, m, item in self.failed] + [(m, item) for _, m, item in self.overlays]
            keep = used_references([r for r, _ in self.found], is_ref, raw)
            self.found = [pair for pair, k in zip(self.found, keep) if k]
        if self.held:
            kept = {r.id for r, o in self.found if self.layers[o.file].role == REFERENCE_KEY}
            if self.sink is not None and not self.problems:
                self.sink([(rid, j) for rid, j in self.held if rid in kept])
            self.held = []

    def _apply_overlays(self) -> None:
        """Apply each overlay record over the record of its id (:func:`apply_overlay`), in file order."""
        at = {r.id: n for n, (r, _) in enumerate(self.found)}
        chunk: list[tuple[str, bytes]] = []
        for origin, model, item in self.overlays:
            rid, where = item["id"], (origin.section, origin.position)
            n = at.get(rid)
            base = None if n is None else self.merged.get(rid) or self._full([n])[n]
            if base is None and self.unknown_ok:  # records compared, not loaded: the record is in another file
                continue
            if base is None or type(base) is not model:
                what = "no record has this id" if base is None else f"{rid!r} is a {base.record_type}"
                self.pending.append(_Pending(origin, (*where, "id"), rid, "id", f"{what}: an overlay corrects "
                                             "an existing record of its section (a new record goes in a plain data file)"))
                continue
            try:
                record = apply_overlay(base, item, self.layers[origin.file])
            except ValidationError as exc:
                for err in exc.errors():
                    loc = tuple(err["loc"])
                    self.pending.append(_Pending(origin, (*where, *loc), rid, field_path(loc) or None, error_message(err)))
                continue
            except ValueError as exc:
                self.pending.append(_Pending(origin, where, rid, None, str(exc)))
                continue
            self.merged[rid] = record
            self.found[n] = (record if self.keep == "records" else self._slim(record), origin)  # type: ignore[index]
            chunk.append((rid, type(record).__pydantic_serializer__.to_json(record, exclude_defaults=True)))
        if chunk and self.sink is not None and not self.problems:
            self.sink(chunk)

    def _drop_older_imports(self) -> None:
        """Keep, of several files importing one dataset, only those of its newest version."""
        newest: dict[str, str] = {}
        for layer in self.layers:
            if layer.source and layer.version >= newest.get(layer.source, ""):
                newest[layer.source] = layer.version
        stale = {i for i, layer in enumerate(self.layers) if layer.source and layer.version != newest[layer.source]}
        if stale:
            self.found = [(r, o) for r, o in self.found if o.file not in stale]

    def _merge(self) -> None:
        """Fold records of one id from the curated files and imports into one (:mod:`asiaai_graph.datafiles.merge`)."""
        groups: dict[str, list[int]] = {}
        for n, (record, _) in enumerate(self.found):
            groups.setdefault(record.id, []).append(n)
        todo = [ns for ns in groups.values() if len(ns) > 1 and any(self.layers[self.found[n][1].file].source
                                                                    for n in ns)]
        if not todo:
            return
        full = self._full([n for ns in todo for n in ns])
        within = {r.id: r.part_of for r, _ in self.found if isinstance(r, Place) and r.part_of}
        merged, unmergeable = merge_records(
            [(full[n], self.layers[self.found[n][1].file]) for ns in todo for n in ns], within)
        origin_of = {id(full[n]): self.found[n][1] for ns in todo for n in ns}
        for record, message in unmergeable:
            origin = origin_of[id(record)]
            self.pending.append(_Pending(origin, (origin.section, origin.position), record.id, None, message))
        drop = {n for ns in todo for n in ns}
        kept = [pair for n, pair in enumerate(self.found) if n not in drop]
        chunk: list[tuple[str, bytes]] = []
        for record, first in merged:
            origin = origin_of[id(first)]
            if self.overlays:
                self.merged[record.id] = record
            if self.keep == "records":
                kept.append((record, origin))
            else:
                chunk.append((record.id, type(record).__pydantic_serializer__.to_json(record, exclude_defaults=True)))
                kept.append((self._slim(record), origin))
        self.found = kept
        if chunk and self.sink is not None and not self.problems:
            self.sink(chunk)  # later chunks replace earlier JSON of the same id

    def _full(self, positions: list[int]) -> dict[int, Record]:
        """The full records at ``positions`` of :attr:`found` (slim copies are read again from their files)."""
        if self.keep == "records":
            return {n: self.found[n][0] for n in positions}
        out: dict[int, Record] = {}
        by_file: dict[int, list[int]] = {}
        for n in positions:
            by_file.setdefault(self.found[n][1].file, []).append(n)
        for index, ns in by_file.items():
            where = self.files[index]
            data = where.path.read_bytes()
            if hashlib.sha256(data).digest() != where.digest:
                raise DataError([Problem(display_path(where.path), None, None, None,
                                         "the file changed while it was read; load again")])
            doc = parse_yaml(data).doc
            for n in ns:
                origin = self.found[n][1]
                item = doc[origin.section][origin.position]
                out[n] = SECTIONS[origin.section].model_validate(item)
        return out

    def _resolve_lines(self) -> list[Problem]:
        """Locate pending problems, parsing again the files that have some (only if unchanged)."""
        parsed: dict[int, tuple[Any, Any, str]] = {}
        out = []
        for p in self.pending:
            where = self.files[p.origin.file]
            if p.origin.file not in parsed:
                note = ""
                try:
                    data = where.path.read_bytes()
                    if hashlib.sha256(data).digest() == where.digest:
                        again = parse_yaml(data)
                        parsed[p.origin.file] = (again.doc, again.lines, "")
                    else:
                        note = " (line unknown: the file changed while it was read)"
                except OSError:
                    note = " (line unknown: the file can no longer be read)"
                parsed.setdefault(p.origin.file, (None, {}, note))
            doc, lines, note = parsed[p.origin.file]
            line = locate(doc, lines, p.path, 1) if doc is not None else None
            out.append(Problem(display_path(where.path), line, p.record, p.field, p.message + note))
        return out


def read_files(files: Sequence[Path], max_file_size: int = MAX_FILE_SIZE, *, unknown_ok: bool = False,
               moved: Moved | None = None) -> tuple[list[Record], list[EdgeTuple]]:
    """Parse and validate ``files``; the records sorted by id and their edges, or a :class:`DataError`.

    Raises :class:`~asiaai_graph.utils.errors.DataError` listing every problem in every file
    (with ``unknown_ok``, references to ids no file holds are not problems, nor overlays of records no file
    holds); ``moved`` maps old ids to
    new ones (``data/moved.tsv``): references to old ids are read as the new.
    """
    reader = Reader(max_file_size, unknown_ok=unknown_ok, moved=moved)
    for path in files:
        reader.add_file(path)
    return reader.finish()


@dataclass
class GraphParts:
    """What :func:`read_graph` gives: the graph's state, its records' JSON (unless sunk), the files read."""

    state: GraphState
    files: list[FileDigest]
    records_json: dict[str, bytes] = field(default_factory=dict)


def read_graph(files: Sequence[Path], max_file_size: int = MAX_FILE_SIZE,
               sink: Callable[[list[tuple[str, bytes]]], None] | None = None,
               moved: Moved | None = None) -> GraphParts:
    """Read ``files`` into what a graph is made of: its state and every record's JSON.

    Each file's records go to ``sink`` as ``(id, json)`` pairs once the file
    is valid (into ``records_json`` when there is no sink); only slim copies of
    the records are held until the indexes are built. Raises
    :class:`~asiaai_graph.utils.errors.DataError` like :func:`read_files`.

    Examples
    --------
    >>> from asiaai_graph.loading.loader import curated_data_dir
    >>> parts = read_graph(sorted(curated_data_dir().rglob("*.yaml")))
    >>> parts.state["types"]["deepseek"], parts.records_json["deepseek"][:15]
    ('organization', b'{"id":"deepseek')
    """
    from asiaai_graph.graph.index import build_state

    kept: dict[str, bytes] = {}
    reader = Reader(max_file_size, keep="slim", sink=sink or (lambda chunk: kept.update(chunk)), moved=moved)
    for path in files:
        reader.add_file(path)
    records, edges = reader.finish()
    reader.found.clear()
    state = build_state(records, edges)
    return GraphParts(state, reader.files, kept)
