"""Reading curated and user YAML into validated records, with every problem reported.

The pipeline, for each file in a stable order: check its size, decode it as
UTF-8, refuse alias bombs, parse it with libyaml's safe loader, validate each
section with pydantic, then check ids and references across all files. Any
problem anywhere raises one :class:`~asiaai_graph.errors.DataError` listing all
of them, each with file, line, record id and field; nothing is returned
half-loaded. Line numbers are only computed (by composing the YAML again) for
files that have problems, so valid data is parsed once.

The built graph is kept as a snapshot in the user's cache folder, keyed by the
content of the files and the library's code, so loading the same files again
skips YAML, validation and index building: the snapshot holds the indexes and
each record's validated JSON, which becomes a record object on first access.
It is plain data read by an unpickler that refuses every class, so a tampered
snapshot cannot run code; a broken one is ignored and the YAML is read again.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import os
import pickle
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from pydantic import TypeAdapter, ValidationError

from asiaai_graph.version import __version__
from asiaai_graph.errors import DataError, Problem
from asiaai_graph.schema import SECTIONS, Entity, Record, Ref

if TYPE_CHECKING:
    import yaml

    from asiaai_graph.graph import KnowledgeGraph

__all__ = ["curated_data_dir", "load", "load_records", "check_references"]

#: Files larger than this are refused (override with ``max_file_size``).
MAX_FILE_SIZE = 64 * 1024 * 1024
#: An alias-expanded document may hold at most this many nodes, or 4x its raw node count.
MAX_EXPANDED_NODES = 100_000



@functools.cache
def _loader() -> Any:
    """libyaml's safe loader when PyYAML was built with it, else the pure-Python safe loader."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_ANCHOR_OR_ALIAS = re.compile(r"[&*][^\s\[\]{},]")
_PathPart = str | int
#: Bumped whenever the snapshot's layout changes.
_SNAPSHOT_FORMAT = 2


def curated_data_dir() -> Path:
    """The folder holding the curated YAML (inside the wheel, or ``data/`` in a checkout).

    Examples
    --------
    >>> (curated_data_dir() / "sources.yaml").is_file()
    True
    """
    here = Path(__file__).resolve().parent
    for candidate in (here / "data", here.parent / "data"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("the curated data folder is missing from this installation")


class _Origin(NamedTuple):
    file: str
    section: str
    position: int


def _data_files(paths: Iterable[str | os.PathLike[str]], problems: list[Problem]) -> list[Path]:
    """Expand files and folders into a sorted, de-duplicated list of YAML files."""
    seen: dict[Path, None] = {}
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = sorted(q for q in path.rglob("*") if q.suffix in (".yaml", ".yml") and q.is_file())
            for q in found:
                seen.setdefault(q.resolve(), None)
        elif path.is_file():
            seen.setdefault(path.resolve(), None)
        else:
            problems.append(Problem(str(path), None, None, None, "no such file or folder"))
    return list(seen)


def _display(path: Path) -> str:
    """The path as the user will recognise it: relative below the working directory, else absolute."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _read_text(path: Path, shown: str, max_size: int, problems: list[Problem]) -> str | None:
    size = path.stat().st_size
    if size > max_size:
        problems.append(
            Problem(shown, None, None, None, f"file is {size} bytes, over the limit of {max_size} bytes")
        )
        return None
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.append(
            Problem(shown, line, None, None, f"not UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start}")
        )
        return None


def _check_aliases(text: str) -> str | None:
    """Return a message when aliases would expand the document beyond the limits."""
    # cheap pre-check: an anchor or alias token starts a line or follows a space, '[', '{' or ','
    if not any(m.start() == 0 or text[m.start() - 1] in " \t\r\n[{," for m in _ANCHOR_OR_ALIAS.finditer(text)):
        return None
    sizes: dict[str, int] = {}
    stack: list[int] = [0]
    anchors: list[str | None] = []
    raw = 0
    import yaml

    for event in yaml.parse(text, Loader=_loader()):
        if isinstance(event, yaml.ScalarEvent):
            raw += 1
            stack[-1] += 1
            if event.anchor:
                sizes[event.anchor] = 1
        elif isinstance(event, yaml.AliasEvent):
            stack[-1] += sizes.get(event.anchor or "", 1)
            if sum(stack) > MAX_EXPANDED_NODES and sum(stack) > 4 * raw:
                return (
                    f"aliases expand this document beyond {MAX_EXPANDED_NODES} nodes "
                    "(an alias bomb?); write the records out instead"
                )
        elif isinstance(event, yaml.CollectionStartEvent):
            raw += 1
            stack.append(1)
            anchors.append(event.anchor)
        elif isinstance(event, yaml.CollectionEndEvent):
            n = stack.pop()
            anchor = anchors.pop()
            if anchor:
                sizes[anchor] = n
            stack[-1] += n
    return None


def _parse(text: str, shown: str, problems: list[Problem]) -> Any:
    import yaml

    try:
        message = _check_aliases(text)
        if message:
            problems.append(Problem(shown, None, None, None, message))
            return None
        return yaml.load(text, Loader=_loader())  # noqa: S506 - a safe loader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        what = " ".join(x for x in (exc.context, exc.problem) if x)
        if exc.context_mark is not None and mark is not None and exc.context_mark.line != mark.line:
            what += f" (the construct began at line {exc.context_mark.line + 1})"
        problems.append(Problem(shown, line, None, None, f"YAML syntax error: {what}"))
    except yaml.YAMLError as exc:
        problems.append(Problem(shown, None, None, None, f"YAML error: {exc}"))
    except RecursionError:
        problems.append(Problem(shown, None, None, None, "YAML nesting is too deep"))
    return None


def _message(err: Any) -> str:
    kind = err["type"]
    loc = err["loc"]
    if loc and loc[-1] == "sources" and kind in ("missing", "too_short"):
        return "no source: every record cites at least one source"
    if kind == "extra_forbidden":
        return f"unknown field {loc[-1]!r}" if loc else "unknown field"
    if kind == "missing":
        return "missing required field"
    msg: str = err["msg"]
    return msg.removeprefix("Value error, ")


def _field_path(loc: Sequence[_PathPart]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part.startswith("function-") or part == "[key]":
            continue
        else:
            out += ("." if out else "") + part
    return out


@dataclass
class _Pending:
    """A problem found before line numbers are known."""

    file: str
    path: tuple[_PathPart, ...]
    record: str | None
    field: str | None
    message: str


def _validate_file(doc: Any, shown: str, pending: list[_Pending], out: list[tuple[Record, _Origin]]) -> None:
    """Validate one parsed file, appending its records (with their origin) to ``out``."""
    if doc is None:
        return
    if not isinstance(doc, dict):
        pending.append(
            _Pending(shown, (), None, None, "a data file is a mapping from section names to lists of records")
        )
        return
    for section, items in doc.items():
        if not (isinstance(section, str) and section in SECTIONS):
            known = ", ".join(SECTIONS)
            pending.append(_Pending(shown, (str(section),), None, None, f"unknown section {section!r} (known: {known})"))
            continue
        if items is None:
            continue
        if not isinstance(items, list):
            pending.append(_Pending(shown, (section,), None, None, f"section {section!r} must be a list of records"))
            continue
        try:  # the common case: the whole section is valid, validated in one call
            valid = _section_adapter(section).validate_python(items)
            out.extend((record, _Origin(shown, section, i)) for i, record in enumerate(valid))
            continue
        except ValidationError:
            pass
        model = SECTIONS[section]
        for index, item in enumerate(items):  # find which records are bad, keep the good ones
            if not isinstance(item, dict):
                pending.append(_Pending(shown, (section, index), None, None, "a record must be a mapping"))
                continue
            rid = item.get("id")
            rid = rid if isinstance(rid, str) else None
            try:
                out.append((model.model_validate(item), _Origin(shown, section, index)))
            except ValidationError as exc:
                for err in exc.errors():
                    loc = tuple(err["loc"])
                    pending.append(_Pending(shown, (section, index, *loc), rid, _field_path(loc) or None, _message(err)))


@functools.cache
def _section_adapter(section: str) -> TypeAdapter[list[Record]]:
    model: Any = SECTIONS[section]
    return TypeAdapter(list[model])


def _ref_values(record: Record) -> Iterator[tuple[Ref, str, tuple[_PathPart, ...], Any]]:
    """Yield (ref spec, target id, field path, sub-record) for each reference of a record."""
    for ref in type(record).refs:
        value = getattr(record, ref.field)
        if value is None:
            continue
        items = value if isinstance(value, tuple) else (value,)
        for i, item in enumerate(items):
            path: tuple[_PathPart, ...] = (ref.field, i) if isinstance(value, tuple) else (ref.field,)
            if ref.key is not None:
                yield ref, getattr(item, ref.key), (*path, ref.key), item
            else:
                yield ref, item, path, None


EdgeTuple = tuple[str, str, str, tuple[tuple[str, Any], ...]]
ProblemTuple = tuple[Record, tuple[_PathPart, ...], str]


def _scan(records: Sequence[Record]) -> tuple[list[EdgeTuple], list[ProblemTuple]]:
    """One pass over the records: their edges, and every duplicate id or bad reference."""
    problems: list[ProblemTuple] = []
    types: dict[str, str] = {}
    for record in records:
        if record.id in types:
            problems.append((record, ("id",), f"duplicate id {record.id!r} (also a {types[record.id]})"))
        else:
            types[record.id] = record.record_type
    edges: list[EdgeTuple] = []
    for record in records:
        if isinstance(record, Entity):
            for i, citation in enumerate(record.sources):
                found = types.get(citation.source)
                if found is None:
                    problems.append((record, ("sources", i, "source"), f"unknown source id {citation.source!r}"))
                elif found != "source":
                    problems.append((record, ("sources", i, "source"), f"{citation.source!r} is a {found}, not a source"))
        for ref, target, path, sub in _ref_values(record):
            found = types.get(target)
            if found is None:
                problems.append((record, path, f"unknown id {target!r}"))
                continue
            if found not in ref.targets:
                problems.append((record, path, f"{target!r} is a {found}, expected a {' or '.join(ref.targets)}"))
                continue
            attrs = tuple((a, v) for a in ref.attrs if (v := getattr(sub, a)) is not None)
            if ref.reverse:
                edges.append((target, ref.relation, record.id, attrs))
            else:
                edges.append((record.id, ref.relation, target, attrs))
    return edges, problems


def check_references(records: Sequence[Record]) -> list[ProblemTuple]:
    """Find duplicate ids and references to unknown ids or records of the wrong type.

    Returns ``(record, field path, message)`` for each problem.

    Examples
    --------
    >>> from asiaai_graph import Country, Organization
    >>> cn = Country(id="CN", name="China", sources=["s"])
    >>> org = Organization(id="x", name="X", kind="company", country="KR", sources=["s"])
    >>> for record, path, message in check_references([cn, org]):
    ...     print(record.id, path, message)
    CN ('sources', 0, 'source') unknown source id 's'
    x ('sources', 0, 'source') unknown source id 's'
    x ('country',) unknown id 'KR'
    """
    return _scan(records)[1]


def _locate(node: yaml.Node | None, path: Sequence[_PathPart]) -> int | None:
    """The line of the deepest YAML node along ``path`` (1-based)."""
    import yaml

    if node is None:
        return None
    line = node.start_mark.line + 1
    for part in path:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.value == str(part):
                    line = key.start_mark.line + 1
                    node = value
                    break
            else:
                return line
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            return line
    return line


def _resolve_lines(pending: list[_Pending], paths: dict[str, Path]) -> list[Problem]:
    """Turn pending problems into located ones, composing (again) only the files that have some."""
    import yaml

    trees: dict[str, yaml.Node | None] = {}
    out = []
    for p in pending:
        if p.file not in trees:
            try:
                text = paths[p.file].read_text(encoding="utf-8-sig") if p.file in paths else None
                trees[p.file] = yaml.compose(text, Loader=_loader()) if text is not None else None
            except (yaml.YAMLError, OSError, UnicodeDecodeError):
                trees[p.file] = None
        out.append(Problem(p.file, _locate(trees[p.file], p.path), p.record, p.field, p.message))
    return out


# --- snapshot cache -----------------------------------------------------------------------------


class _PlainUnpickler(pickle.Unpickler):
    """Reads only plain data (dicts, lists, tuples, strings, bytes, numbers); never imports or runs code."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"a snapshot holds plain data only, not {module}.{name}")


def _cache_dir() -> Path | None:
    if os.environ.get("ASIAAI_GRAPH_NO_CACHE"):
        return None
    configured = os.environ.get("ASIAAI_GRAPH_CACHE_DIR")
    if configured:
        return Path(configured)
    import platformdirs

    return Path(platformdirs.user_cache_dir("asiaai_graph", appauthor=False))


def _snapshot_key(files: Sequence[Path]) -> str:
    """A digest of the library's version and code that shape a snapshot, and of every file's path and bytes."""
    digest = hashlib.sha256(f"{__version__}/{_SNAPSHOT_FORMAT}".encode())
    here = Path(__file__).parent
    for module in ("schema.py", "loading.py", "graph.py"):
        digest.update((here / module).read_bytes())
    for path in files:
        digest.update(str(path).encode("utf-8", "surrogateescape") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _read_snapshot(directory: Path, key: str) -> KnowledgeGraph | None:
    from asiaai_graph.graph import KnowledgeGraph

    try:
        with (directory / f"{key}.pickle").open("rb") as fh:
            reader = _PlainUnpickler(fh)
            state = reader.load()
            raw: dict[str, bytes] = {}
            while (chunk := reader.load()) is not None:
                raw.update(chunk)
        return KnowledgeGraph._from_state(state, raw)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, KeyError, TypeError):
        return None  # missing, unreadable or from another layout: parse the YAML instead


def _write_snapshot(directory: Path, key: str, kg: KnowledgeGraph, keep: int = 8) -> None:
    try:
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = directory / f".{key}.{os.getpid()}.tmp"
        with tmp.open("wb") as fh:  # the state, then the records' JSON in chunks, then None
            pickle.dump(kg._state(), fh, protocol=pickle.HIGHEST_PROTOCOL)
            for chunk in kg._raw_chunks():
                pickle.dump(chunk, fh, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(None, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, directory / f"{key}.pickle")
        olds = sorted(directory.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in olds[keep:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only or full cache folder only costs speed


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many objects that are all kept.

    Parsing and validating creates millions of objects and no cycles to free;
    left on, the collector rescans the growing heap again and again.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# --- entry points ---------------------------------------------------------------------------------


def _read_files(files: Sequence[Path], max_file_size: int) -> tuple[list[Record], list[EdgeTuple]]:
    """Parse and validate ``files``; return the records sorted by id and their edges, or raise."""
    problems: list[Problem] = []
    pending: list[_Pending] = []
    readable: dict[str, Path] = {}
    found: list[tuple[Record, _Origin]] = []
    for path in files:
        shown = _display(path)
        text = _read_text(path, shown, max_file_size, problems)
        if text is None:
            continue
        doc = _parse(text, shown, problems)
        del text  # large files: keep only one text in memory at a time
        readable[shown] = path
        _validate_file(doc, shown, pending, found)
        del doc
    found.sort(key=lambda pair: pair[0].id)
    records = [record for record, _ in found]
    edges, bad = _scan(records)
    if bad:
        origins = {id(record): origin for record, origin in found}
        for record, path_in_record, message in bad:
            origin = origins[id(record)]
            pending.append(
                _Pending(origin.file, (origin.section, origin.position, *path_in_record), record.id,
                         _field_path(path_in_record), message)
            )
    problems.extend(_resolve_lines(pending, readable))
    if problems:
        problems.sort(key=lambda p: (p.file or "", p.line or 0))
        raise DataError(problems)
    return records, edges


def _files(paths: Sequence[str | os.PathLike[str]]) -> list[Path]:
    problems: list[Problem] = []
    files = _data_files(paths, problems)
    if problems:
        raise DataError(problems)
    return files


def load_records(
    paths: Sequence[str | os.PathLike[str]], *, max_file_size: int = MAX_FILE_SIZE
) -> list[Record]:
    """Read, validate and cross-check the YAML files and folders in ``paths``; the records sorted by id.

    Raises :class:`~asiaai_graph.errors.DataError` listing every problem.

    Examples
    --------
    >>> records = load_records([curated_data_dir()])
    >>> any(r.id == "deepseek" for r in records)
    True
    """
    with _gc_paused():
        return _read_files(_files(paths), max_file_size)[0]


def load(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None = None,
    *,
    curated: bool = True,
    cache: bool = True,
    max_file_size: int = MAX_FILE_SIZE,
) -> KnowledgeGraph:
    """Load the curated knowledge graph, plus your own YAML files or folders.

    Parameters
    ----------
    paths
        Extra data files or folders in the same format as ``data/``; references
        may point at curated records and across files.
    curated
        Include the curated data shipped with the library (default ``True``).
    cache
        Keep and reuse a validated snapshot in the user's cache folder
        (``ASIAAI_GRAPH_CACHE_DIR`` moves it, ``ASIAAI_GRAPH_NO_CACHE=1`` turns it off).
    max_file_size
        Refuse files larger than this many bytes.

    Raises
    ------
    DataError
        Listing every problem, each with file, line, record id and field.

    Examples
    --------
    >>> import asiaai_graph as ag
    >>> kg = ag.load()
    >>> kg["deepseek-v3"].active_parameters.describe()
    '≈ 37,000,000,000'
    """
    from asiaai_graph.graph import KnowledgeGraph

    if paths is None:
        extra: list[str | os.PathLike[str]] = []
    elif isinstance(paths, (str, os.PathLike)):
        extra = [paths]
    else:
        extra = list(paths)
    files = _files(([curated_data_dir()] if curated else []) + extra)
    with _gc_paused():
        directory = _cache_dir() if cache else None
        key = _snapshot_key(files) if directory is not None else ""
        if directory is not None:
            kg = _read_snapshot(directory, key)
            if kg is not None:
                return kg
        records, edges = _read_files(files, max_file_size)
        kg = KnowledgeGraph._trusted(records, edges)
        if directory is not None:
            _write_snapshot(directory, key, kg)
    return kg
