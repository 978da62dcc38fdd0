"""Reading YAML data files into validated records, with every problem located.

For each file in turn: check its size, decode it as UTF-8, refuse alias bombs,
parse it with libyaml's safe loader, validate each section with pydantic; then
check ids and references across all files (:mod:`asiaai_graph.references`).
Any problem anywhere raises one :class:`~asiaai_graph.errors.DataError`
listing all of them, each with file, line, record id and field; nothing is
returned half-loaded. Line numbers are only computed (by composing the YAML
again) for files that have problems, so valid data is parsed once.

Examples
--------
>>> from asiaai_graph.loading import curated_data_dir
>>> records, edges = read_files(sorted(curated_data_dir().glob("*.yaml")))
>>> any(r.id == "deepseek" for r in records)
True
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from pydantic import ValidationError

from asiaai_graph.errors import DataError, Problem
from asiaai_graph.limits import MAX_EXPANDED_NODES, MAX_FILE_SIZE
from asiaai_graph.merging import CURATED, Layer, header_layer, merge_records
from asiaai_graph.references import EdgeTuple, PathPart, field_path, scan_references
from asiaai_graph.schema import SECTIONS, Record, section_adapter

if TYPE_CHECKING:
    import yaml

__all__ = ["IMPORT_KEY", "display_path", "read_files"]


IMPORT_KEY = "import"
"""The header of a file an importer wrote: which dataset (source id), version and importer."""

_ANCHOR_OR_ALIAS = re.compile(r"[&*][^\s\[\]{},]")


@functools.cache
def _loader() -> Any:
    """libyaml's safe loader when PyYAML was built with it, else the pure-Python safe loader."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)

def display_path(path: Path) -> str:
    """The path as the user will recognise it: relative below the working directory, else absolute.

    Examples
    --------
    >>> from pathlib import Path
    >>> display_path(Path.cwd() / "my_records" / "models.yaml")
    'my_records/models.yaml'
    """
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


class _Origin(NamedTuple):
    file: str
    section: str
    position: int


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


@dataclass
class _Pending:
    """A problem found before line numbers are known."""

    file: str
    path: tuple[PathPart, ...]
    record: str | None
    field: str | None
    message: str


def _validate_file(doc: Any, shown: str, pending: list[_Pending], out: list[tuple[Record, _Origin, Layer]]) -> None:
    """Validate one parsed file, appending its records (with their origin and layer) to ``out``."""
    if doc is None:
        return
    if not isinstance(doc, dict):
        pending.append(
            _Pending(shown, (), None, None, "a data file is a mapping from section names to lists of records")
        )
        return
    layer = CURATED
    if IMPORT_KEY in doc:
        try:
            layer = header_layer(doc[IMPORT_KEY])
        except ValueError as exc:
            pending.append(_Pending(shown, (IMPORT_KEY,), None, IMPORT_KEY, str(exc)))
            return
    for section, items in doc.items():
        if section == IMPORT_KEY:
            continue
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
            valid = section_adapter(section).validate_python(items)
            out.extend((record, _Origin(shown, section, i), layer) for i, record in enumerate(valid))
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
                out.append((model.model_validate(item), _Origin(shown, section, index), layer))
            except ValidationError as exc:
                for err in exc.errors():
                    loc = tuple(err["loc"])
                    pending.append(_Pending(shown, (section, index, *loc), rid, field_path(loc) or None, _message(err)))


def _locate(node: yaml.Node | None, path: Sequence[PathPart]) -> int | None:
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


def read_files(files: Sequence[Path], max_file_size: int = MAX_FILE_SIZE) -> tuple[list[Record], list[EdgeTuple]]:
    """Parse and validate ``files``; the records sorted by id and their edges, or a :class:`DataError`.

    Raises :class:`~asiaai_graph.errors.DataError` listing every problem in every file.
    """
    problems: list[Problem] = []
    pending: list[_Pending] = []
    readable: dict[str, Path] = {}
    found: list[tuple[Record, _Origin, Layer]] = []
    for path in files:
        shown = display_path(path)
        text = _read_text(path, shown, max_file_size, problems)
        if text is None:
            continue
        doc = _parse(text, shown, problems)
        del text  # large files: keep only one text in memory at a time
        readable[shown] = path
        _validate_file(doc, shown, pending, found)
        del doc
    origins = {id(record): origin for record, origin, _ in found}
    merged, unmergeable = merge_records([(record, layer) for record, _, layer in found])
    for record, message in unmergeable:
        origin = origins[id(record)]
        pending.append(_Pending(origin.file, (origin.section, origin.position), record.id, None, message))
    merged.sort(key=lambda pair: pair[0].id)
    records = [record for record, _ in merged]
    edges, bad = scan_references(records)
    if bad:
        origins.update((id(record), origins[id(first)]) for record, first in merged)
        for record, path_in_record, message in bad:
            origin = origins[id(record)]
            pending.append(
                _Pending(origin.file, (origin.section, origin.position, *path_in_record), record.id,
                         field_path(path_in_record), message)
            )
    problems.extend(_resolve_lines(pending, readable))
    if problems:
        problems.sort(key=lambda p: (p.file or "", p.line or 0))
        raise DataError(problems)
    return records, edges
