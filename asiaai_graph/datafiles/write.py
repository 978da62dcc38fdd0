"""Write records as YAML in the curated format of ``data/``: one file per section, sorted by id.

What :func:`asiaai_graph.load` reads, this module writes: ``write_yaml(records,
folder)`` gives ``folder/<section>.yaml`` files (``organizations.yaml``,
``models.yaml``…) such that ``ag.load(folder, curated=False)`` gives the same
records back, equal field for field. The layout follows the curated files:
records sorted by id, fields in the schema's order with ``sources`` (then ``disputes``) last,
defaults left out, an exact quantity as a bare number, a citation without
quote or note as a bare source id, dates as quoted strings (``"2024-12"``,
``"2024~"``), short values in flow style (``{value: 2, unit: month}``), long
descriptions and notes folded (``>-``), quotes double-quoted. The same records
always give the same bytes.

Importers can use it to write what they import for curation.

Examples
--------
>>> import asiaai_graph as ag
>>> print(dumps([ag.load()["deepseek"]]).split("\\n  sources:")[0])
# Organizations: 1 record, written by asiaai_graph.datafiles.write (sorted by id).
organizations:
- id: deepseek
  name: DeepSeek
  labels: {ko: 딥시크, zh: 深度求索}
...
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from asiaai_graph.schema import SECTIONS, Citation, PartialDate, Quantity, Record
from asiaai_graph.datafiles.files import FORBIDDEN_CHARACTERS

__all__ = ["dumps", "dumps_document", "to_yaml_data", "write_yaml"]

#: String fields written folded (``>-``) when longer than this.
_FOLD_FIELDS = frozenset({"description", "note"})
_FOLD_OVER = 100


class _Flow(dict[str, Any]):
    """A mapping written in flow style: ``{a: 1, b: 2}``."""


class _FlowList(list[Any]):
    """A list written in flow style: ``[a, b]``."""


class _Folded(str):
    """A long text written as a folded block (``>-``)."""


class _Quoted(str):
    """A text written double-quoted."""


class _Dumper(yaml.SafeDumper):
    """The safe dumper, without anchors, and without wrapping plain or quoted scalars."""

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def write_plain(self, text: str, split: bool = True) -> None:
        super().write_plain(text, split=False)

    def choose_scalar_style(self) -> str:
        # text the loader refuses raw (bidirectional overrides, U+2028...) is written double-quoted and escaped
        value = getattr(self.event, "value", None)
        if isinstance(value, str) and FORBIDDEN_CHARACTERS.search(value):
            return '"'
        return str(super().choose_scalar_style())

    def write_double_quoted(self, text: str, split: bool = True) -> None:
        if FORBIDDEN_CHARACTERS.search(text):  # escaped as \uXXXX: PyYAML writes U+202E raw as printable
            self.allow_unicode = False
            try:
                super().write_double_quoted(text, split=False)
            finally:
                self.allow_unicode = True
            return
        super().write_double_quoted(text, split=False)

    def write_single_quoted(self, text: str, split: bool = True) -> None:
        super().write_single_quoted(text, split=False)


_Dumper.add_representer(_Flow, lambda d, v: d.represent_mapping("tag:yaml.org,2002:map", v.items(), flow_style=True))
_Dumper.add_representer(_FlowList, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True))
_Dumper.add_representer(_Folded, lambda d, v: d.represent_scalar("tag:yaml.org,2002:str", str(v), style=">"))
_Dumper.add_representer(_Quoted, lambda d, v: d.represent_scalar("tag:yaml.org,2002:str", str(v), style='"'))


def _number(value: Decimal) -> int | float | str:
    """An int when whole, a float when the float says the same number, else its text."""
    if value == value.to_integral_value():
        return int(value)
    as_float = float(value)
    return as_float if Decimal(repr(as_float)) == value else str(value)


def _is_flat(value: Any) -> bool:
    return value is None or isinstance(value, (str, int, float, bool)) or (
        isinstance(value, list) and all(v is None or isinstance(v, (str, int, float, bool)) for v in value)
    )


def _value(value: Any, name: str) -> Any:
    if isinstance(value, BaseModel):
        return _model(value)
    if isinstance(value, PartialDate):
        return _Quoted(str(value))
    if isinstance(value, Decimal):
        return _number(value)
    if value is None or isinstance(value, (bool, int, float)):  # also inside a dispute's JSON values
        return value
    if isinstance(value, str):
        if name == "quote":
            return _Quoted(value)
        if name in _FOLD_FIELDS and len(value) > _FOLD_OVER and "\n" not in value and value == value.strip():
            return _Folded(value)
        return value
    if isinstance(value, dict):
        return _Flow({str(k): _value(v, str(k)) for k, v in value.items()})
    if isinstance(value, (tuple, list)):
        items = [_value(v, name) for v in value]
        return _FlowList(items) if all(_is_flat(i) and not isinstance(i, list) for i in items) else items
    raise TypeError(f"cannot write a {type(value).__name__} as YAML")  # pragma: no cover - schema types only


def _model(obj: BaseModel) -> Any:
    fields = type(obj).model_fields
    data: dict[str, Any] = {}
    for name, info in fields.items():
        value = getattr(obj, name)
        if not info.is_required() and value == info.get_default(call_default_factory=True):
            continue
        data[name] = _value(value, name)
    if isinstance(obj, Quantity) and list(data) == ["value"] and not isinstance(data["value"], str):
        return data["value"]
    if isinstance(obj, Citation) and list(data) == ["source"]:
        return data["source"]
    if all(_is_flat(v) for v in data.values()) and not any(isinstance(v, (_Folded, _Quoted)) for v in data.values()):
        return _Flow(data)
    return data


def to_yaml_data(record: Record) -> dict[str, Any]:
    """``record`` as the plain data of its entry in a curated YAML file (``sources``, ``disputes`` last).

    Examples
    --------
    >>> import asiaai_graph as ag
    >>> data = to_yaml_data(ag.load()["deepseek-v3"])
    >>> data["parameters"], dict(data["active_parameters"])
    (671000000000, {'value': 37000000000, 'qualifier': 'about'})
    >>> [k for k in data if k in ("sources", "disputes")] == list(data)[-len(data.keys() & {"sources", "disputes"}):]
    True
    """
    model = _model(record)
    data = dict(model)
    for last in ("sources", "disputes"):
        if last in data:
            data[last] = data.pop(last)
    return data


def dumps(records: Iterable[Record]) -> str:
    """The YAML text of one section's file holding ``records`` (all of one type), sorted by id.

    Examples
    --------
    >>> import asiaai_graph as ag
    >>> kg = ag.load()
    >>> print(dumps([kg["KR"], kg["CN"]]).splitlines()[2])
    - id: CN
    >>> dumps([kg["KR"], kg["deepseek"]])
    Traceback (most recent call last):
    ...
    ValueError: records of one section per file, got countries and organizations
    """
    ordered = sorted(records, key=lambda r: r.id)
    sections = sorted({r.section for r in ordered})
    if len(sections) != 1:
        raise ValueError(f"records of one section per file, got {' and '.join(sections) or 'none'}")
    section = sections[0]
    n = len(ordered)
    head = (f"# {section.capitalize()}: {n} record{'s' if n != 1 else ''}, "
            "written by asiaai_graph.datafiles.write (sorted by id).\n")
    body = yaml.dump({section: [to_yaml_data(r) for r in ordered]}, Dumper=_Dumper, allow_unicode=True,
                     sort_keys=False, width=110, indent=2)
    return head + body


def dumps_document(records: Iterable[Record], header: Mapping[str, Any] | None = None,
                   comment: str | None = None) -> str:
    """One YAML file holding several sections (in the schema's section order), each sorted by id.

    ``header`` keys come first (an importer's ``import:`` header); ``comment``
    lines open the file. The same records always give the same bytes.

    Examples
    --------
    >>> import asiaai_graph as ag
    >>> kg = ag.load()
    >>> text = dumps_document([kg["deepseek"], kg["CN"]], header={"import": {"source": "x"}}, comment="Example.")
    >>> text.splitlines()[:4]
    ['# Example.', 'import:', '  source: x', 'countries:']
    """
    by_section: dict[str, list[Record]] = {section: [] for section in SECTIONS}
    for record in records:
        by_section[record.section].append(record)
    document: dict[str, Any] = dict(header or {})
    for section, group in by_section.items():
        if group:
            document[section] = [to_yaml_data(r) for r in sorted(group, key=lambda r: r.id)]
    head = "".join(f"# {line}\n" if line else "#\n" for line in (comment or "").splitlines())
    body = yaml.dump(document, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=110, indent=2)
    return head + body


def write_yaml(records: Iterable[Record] | Mapping[str, Record], folder: str | os.PathLike[str]) -> list[Path]:
    """Write ``records`` (or a knowledge graph) into ``folder``, one ``<section>.yaml`` per section.

    The folder is created if needed. A section file of an earlier write whose
    section is now empty is removed; any other YAML file in the folder is an
    error, since ``ag.load(folder)`` would read it too. Each file is written to
    a temporary name and then renamed, so a reader never sees half a file.
    Returns the files written, in section order.

    Examples
    --------
    >>> import asiaai_graph as ag, tempfile
    >>> kg = ag.load()
    >>> folder = tempfile.mkdtemp()
    >>> [p.name for p in write_yaml(kg, folder)][:3]
    ['sources.yaml', 'countries.yaml', 'places.yaml']
    >>> ag.load(folder, curated=False) == kg
    True
    """
    items = records.values() if isinstance(records, Mapping) else records
    by_section: dict[str, list[Record]] = {section: [] for section in SECTIONS}
    for record in items:
        by_section[record.section].append(record)
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    ours = {f"{section}.yaml" for section in SECTIONS}
    strangers = sorted(p.name for p in out.iterdir() if p.suffix in (".yaml", ".yml") and p.name not in ours)
    if strangers:
        raise ValueError(f"{out} holds other YAML files ({', '.join(strangers)}); write into an empty folder")
    written: list[Path] = []
    for section, group in by_section.items():
        path = out / f"{section}.yaml"
        if not group:
            path.unlink(missing_ok=True)
            continue
        fd, tmp = tempfile.mkstemp(prefix=f".{section}-", suffix=".tmp", dir=out)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(dumps(group))
        os.replace(tmp, path)
        written.append(path)
    return written
