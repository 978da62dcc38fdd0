"""Files that are not plain records: reference tables, and overlays that correct or extend records.

A data file may start with one of two headers besides an importer's ``import:``
(:mod:`asiaai_graph.datafiles.merge`):

``reference: <what the table is>``
    A reference table (``data/reference/countries.yaml``: every ISO 3166-1
    country, with its names in four languages and its UN M49 region). Its
    records enter a graph only when a record there names them (a ``country:
    KR``, a citation of ``iso-codes``) and no other file holds that id, so a
    user's own graph (``ag.load(files, curated=False)``) has the countries its
    records name, and the curated graph is not filled with countries nobody names.

``overlay: <what the file corrects>``
    An overlay: each of its records names an existing record by ``id`` and
    gives only the fields it adds or changes, with its own ``sources`` naming
    each changed field in ``fields`` (``fields: []`` for names, labels, aliases
    and the description). It is applied over the record as the other files
    give it (:func:`apply_overlay`): lists and labels are extended, other fields
    replaced; where a value contradicts what the record's sources state, the
    overlay's value is kept and a ``disputes`` entry keeps both, with their
    sources. Overlays apply in the order the files are given.

Examples
--------
>>> from asiaai_graph.schema import Organization
>>> from asiaai_graph.datafiles.merge import Layer
>>> naver = Organization(id="naver", name="Naver", kind="company", country="KR",
...                      sources=[{"source": "article", "fields": ["country"]}])
>>> fixed = apply_overlay(naver, {"id": "naver", "labels": {"ko": "네이버"}, "kind": "startup",
...                               "sources": [{"source": "my-notes", "fields": ["kind"]}]},
...                       Layer("", "the overlay fixes.yaml", role="overlay"))
>>> fixed.labels, fixed.kind, [c.source for c in fixed.sources]
({'ko': '네이버'}, 'startup', ['my-notes', 'article'])
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from asiaai_graph.graph.references import raw_cited_sources, raw_ref_values, ref_values

if TYPE_CHECKING:
    from asiaai_graph.datafiles.merge import Layer
    from asiaai_graph.schema import Record

__all__ = ["OVERLAY_KEY", "REFERENCE_KEY", "apply_overlay", "file_limit", "layer_of", "overlay_problems",
           "reference_data_dir", "used_references"]

def reference_data_dir() -> Path:
    """The reference tables every graph may draw on (``data/reference/``: ISO 3166-1 countries).

    In the wheel ``asiaai_graph/data/reference``, in a checkout ``data/reference``.
    They are the library's own files: the size limit a caller sets for its
    files (``max_file_size``) does not apply to them (:func:`file_limit`).

    Examples
    --------
    >>> (reference_data_dir() / "countries.yaml").is_file()
    True
    """
    package = Path(__file__).resolve().parents[1]
    for candidate in (package / "data", package.parent / "data"):
        if candidate.is_dir():
            return candidate / "reference"
    raise FileNotFoundError("the curated data folder is missing from this installation")


def file_limit(path: Path, max_file_size: int) -> int:
    """The size limit for ``path``: the caller's, or the default one for the library's own reference tables."""
    from asiaai_graph.utils.limits import MAX_FILE_SIZE

    return max(max_file_size, MAX_FILE_SIZE) if path.resolve().is_relative_to(reference_data_dir()) else max_file_size


REFERENCE_KEY = "reference"
"""The header of a reference table: what it is (text)."""
OVERLAY_KEY = "overlay"
"""The header of an overlay: what it corrects or adds (text)."""

#: Fields that ``fields: []`` (the record itself) backs: names and words about the record.
_ITSELF = frozenset({"name", "labels", "aliases", "kind", "description"})


def layer_of(key: str, value: Any, shown: str) -> Layer:
    """The layer a ``reference:`` or ``overlay:`` header declares; ``ValueError`` says what is wrong.

    >>> layer_of("overlay", "Korean labels", "mine.yaml").label
    'the overlay mine.yaml (Korean labels)'
    """
    from asiaai_graph.datafiles.merge import Layer

    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"'{key}' says in a few words what the file is (text), e.g. {key}: my corrections")
    what = "the reference table" if key == REFERENCE_KEY else "the overlay"
    return Layer("", f"{what} {shown} ({value.strip()})", role=key)


def _wants(record: Record) -> Iterator[str]:
    """The ids a record needs: its references and the sources it cites."""
    for _, target, _, _ in ref_values(record):
        yield target
    for citation in getattr(record, "sources", ()):
        yield citation.source


def used_references(records: Sequence[Record], is_reference: Sequence[bool],
                    raw: Iterable[tuple[type[Record], Mapping[str, Any]]] = ()) -> list[bool]:
    """Which records to keep: every record not from a reference table, and the reference records needed.

    A reference record is needed when a kept record names it (or a needed
    reference record does), and no record outside the reference tables has
    its id; of several reference records with one id, the first. ``raw`` are
    records that failed validation, as written: what they name counts too.

    >>> from asiaai_graph.schema import Country, Organization, Source
    >>> kr, jp = Country(id="KR", name="Korea", sources=["iso"]), Country(id="JP", name="Japan", sources=["iso"])
    >>> iso = Source(id="iso", title="ISO", kind="standard", language="en")
    >>> naver = Organization(id="naver", name="Naver", kind="company", country="KR", sources=["iso"])
    >>> used_references([naver, kr, jp, iso], [False, True, True, True])
    [True, True, False, True]
    """
    defined = {r.id for r, ref in zip(records, is_reference) if not ref}
    table: dict[str, int] = {}
    for n, (record, ref) in enumerate(zip(records, is_reference)):
        if ref and record.id not in defined:
            table.setdefault(record.id, n)
    todo = [t for r, ref in zip(records, is_reference) if not ref for t in _wants(r)]
    for model, item in raw:
        todo.extend(t for _, t, _ in raw_ref_values(model, item))
        todo.extend(s for s, _ in raw_cited_sources(item))
    needed: set[int] = set()
    while todo:
        n = table.get(todo.pop(), -1)
        if n >= 0 and n not in needed:
            needed.add(n)
            todo.extend(_wants(records[n]))
    return [not ref or n in needed for n, ref in enumerate(is_reference)]


def overlay_problems(model: type[Record], item: Mapping[str, Any]) -> list[tuple[tuple[Any, ...], str]]:
    """What is wrong with an overlay record before it is applied: ``(path, message)`` pairs."""
    from asiaai_graph.schema import Entity

    problems: list[tuple[tuple[Any, ...], str]] = []
    if not isinstance(item.get("id"), str):
        return [(("id",), "an overlay record names the record it changes by its id")]
    if not issubclass(model, Entity):
        return [((), f"an overlay corrects described records, not {model.record_type}s")]
    cited: set[str] = set()
    itself = False
    for citation in item.get("sources") or ():
        fields = citation.get("fields", ()) if isinstance(citation, dict) else ()
        cited.update(f for f in fields if isinstance(f, str))
        itself = itself or (isinstance(citation, dict) and fields == [])
    if not item.get("sources"):
        problems.append((("sources",), "an overlay cites its own source for each field it changes"))
        return problems
    for field in item:
        if field in ("id", "sources", "disputes") or field not in model.model_fields:
            continue  # unknown fields are the schema's to report
        if field not in cited and not (field in _ITSELF and itself):
            hint = "fields: [] (the record itself)" if field in _ITSELF else f"fields: [{field}]"
            problems.append(((field,), f"the overlay changes {field!r} but none of its citations states it "
                                       f"(name it in a citation's {hint})"))
    return problems


def apply_overlay(base: Record, item: Mapping[str, Any], layer: Layer) -> Record:
    """``base`` with an overlay record's fields: lists and labels extended, other fields replaced.

    The overlay's values come first; a value that contradicts the base's becomes
    a dispute (:func:`~asiaai_graph.datafiles.merge.merge_records`, the overlay
    taking precedence). Raises pydantic's ``ValidationError`` for values that do
    not fit the record, located in ``item``.
    """
    from asiaai_graph.datafiles.merge import merge_records

    model = type(base)
    kept = base.model_dump(exclude={"sources", "disputes"}, exclude_defaults=True)
    whole = model.model_validate({**kept, **{k: v for k, v in item.items() if k != "disputes"}})
    [(merged, _)], problems = merge_records([(whole, layer), (base, _base_layer())])
    if problems:
        raise ValueError(problems[0][1])
    return _keep_disputes(merged, base, item, layer)


def _base_layer() -> Layer:
    from asiaai_graph.datafiles.merge import CURATED

    return CURATED


def _keep_disputes(merged: Record, base: Record, item: Mapping[str, Any], layer: Layer) -> Record:
    """The base's own disputes kept: a field the overlay changed gets the overlay's value among its values."""
    from asiaai_graph.datafiles.merge import yaml_value
    from asiaai_graph.schema import Dispute, StatedValue

    have = {d.field for d in getattr(merged, "disputes", ())}
    extra = []
    ours = tuple(dict.fromkeys(c.source for c in getattr(merged, "sources", ())
                               if c.source not in {b.source for b in getattr(base, "sources", ())}))
    for dispute in getattr(base, "disputes", ()):
        if dispute.field in have:
            continue
        if dispute.field not in item:
            extra.append(dispute)
            continue
        value = yaml_value(getattr(merged, dispute.field))
        extra.append(Dispute(field=dispute.field, values=(StatedValue(value=value, sources=ours), *dispute.values),
                             reason=f"{layer.label} takes precedence over the data it corrects; before it: "
                                    f"{dispute.reason}"))
    if not extra:
        return merged
    return type(merged).model_validate({**merged.model_dump(exclude={"disputes"}),
                                        "disputes": (*getattr(merged, "disputes", ()), *extra)})
