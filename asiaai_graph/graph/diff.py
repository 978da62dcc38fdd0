"""What changed between two versions of the data: records added, removed, and changed field by field.

:func:`diff_records` compares two mappings from id to record (two
:class:`~asiaai_graph.KnowledgeGraph` objects, or the records of two imports);
``kg.diff(other)`` and ``asiaai-graph diff OLD NEW`` use it. A field that
differs is shown with its old and new value as people read them
(``≈ 37,000,000,000``, ``2024-12``); citations are compared by what they say
(source, fields, quote, locator, links), so a newer snapshot of a dataset shows
only the rows it really changed.

Examples
--------
>>> from asiaai_graph.schema import Organization
>>> old = {"x": Organization(id="x", name="X", kind="company", country="KR", sources=["s"])}
>>> new = {"x": Organization(id="x", name="X", kind="company", country="JP", sources=["s"]),
...        "y": Organization(id="y", name="Y", kind="startup", sources=["s"])}
>>> print(diff_records(old, new))
1 added, 0 removed, 1 changed
+ organization y  Y
~ organization x  X
    country: KR -> JP
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from asiaai_graph.schema import Record

__all__ = ["Change", "Diff", "diff_records"]


@dataclass(frozen=True)
class Change:
    """One field of one record: its value before and after (``None`` when absent)."""

    field: str
    old: Any
    new: Any

    def __str__(self) -> str:
        return f"{self.field}: {_show(self.old)} -> {_show(self.new)}"


@dataclass
class Diff:
    """Records added, removed and changed (each with its field changes), in id order."""

    added: list[Record] = field(default_factory=list)
    removed: list[Record] = field(default_factory=list)
    changed: list[tuple[Record, list[Change]]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)

    def lines(self) -> Iterator[str]:
        """The change list, one line per record and one per changed field."""
        yield f"{len(self.added)} added, {len(self.removed)} removed, {len(self.changed)} changed"
        for r in self.added:
            yield f"+ {r.record_type} {r.id}  {r.label}"
        for r in self.removed:
            yield f"- {r.record_type} {r.id}  {r.label}"
        for r, changes in self.changed:
            yield f"~ {r.record_type} {r.id}  {r.label}"
            for change in changes:
                yield f"    {change}"

    def __str__(self) -> str:
        return "\n".join(self.lines())


def _show(value: Any) -> str:
    if value in (None, (), {}):
        return "(none)"
    if hasattr(value, "describe"):
        return str(value.describe())
    if isinstance(value, tuple):
        return "; ".join(_show(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    if hasattr(value, "model_dump"):
        return ", ".join(f"{k}={v}" for k, v in value.model_dump(exclude_defaults=True).items())
    return str(value)


def _comparable(value: Any) -> Any:
    """A value in a form that compares what it says (a quantity's Decimal 7 equals 7.0)."""
    from pydantic import BaseModel

    if isinstance(value, BaseModel):
        return tuple((k, _comparable(v)) for k, v in value.model_dump(exclude_defaults=True).items())
    if isinstance(value, (tuple, list)):
        return tuple(_comparable(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _comparable(v)) for k, v in value.items()))
    return value


def _changes(old: Record, new: Record, sources: bool) -> list[Change]:
    if type(old) is not type(new):
        return [Change("record_type", old.record_type, new.record_type)]
    out = []
    for name in type(old).model_fields:
        if name == "sources" and not sources:
            continue
        a, b = getattr(old, name), getattr(new, name)
        if _comparable(a) != _comparable(b):
            out.append(Change(name, a, b))
    return out


def diff_records(old: Mapping[str, Record], new: Mapping[str, Record], *, sources: bool = True) -> Diff:
    """What changed from ``old`` to ``new`` (mappings from id to record).

    With ``sources=False``, changes to citations alone are left out: two
    versions of a dataset cite different versions, and only changed facts matter.
    """
    out = Diff()
    for rid in sorted(set(old) | set(new)):
        if rid not in old:
            out.added.append(new[rid])
        elif rid not in new:
            out.removed.append(old[rid])
        else:
            changes = _changes(old[rid], new[rid], sources)
            if changes:
                out.changed.append((new[rid], changes))
    return out
