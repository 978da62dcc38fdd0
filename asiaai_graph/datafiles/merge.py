"""One record per real-world entity: what the curated files and the dataset imports say, merged.

A data file written by an importer (``asiaai-graph import ...``) starts with an
``import:`` header naming the dataset's :class:`~asiaai_graph.schema.Source` and
its version. Its records may share an id with a curated record or with a record
of another import: such records are one entity, and :func:`merge_records`
folds them into one, field by field, in order of precedence:

1. the curated files (written and reviewed by hand from their sources);
2. dataset imports, by importer (:data:`IMPORTER_PRIORITY`: Epoch AI's database, curated by a
   research organisation with a source for each row, before the volunteer-kept lists; Epoch AI's
   clusters and hardware files next, since they name organizations without their country or sector,
   which the model files give; ROR, a registry of organizations, last: the datasets name
   organizations as the AI world does, ROR adds identifiers, places and the names the others lack),
   and for one importer the newest version first (a newer snapshot corrects an older one). A
   registry's ``kind`` comes right after the curated one (ROR states an organization's type; a
   dataset's is read from its name).

For each field:

* several values (``developers``, ``aliases``, ``domains``...): the union, in
  precedence order (an organization one layer names a developer and another a contributor
  is a developer);
* ``labels``: per language, the first; a different label in the same language
  becomes an alias;
* one value, stated the same by every layer (a quantity's confidence aside): that value;
* dates where one refines another (``2024-12`` and ``2024-12-26``), and a headquarters within
  another (Shenzhen in Guangdong, by the places' ``part_of``): the most precise;
* names, kinds and descriptions: the first (others' names become aliases);
* any other disagreement (a parameter count, a date, an amount): the first, and a
  :class:`~asiaai_graph.schema.Dispute` keeps every stated value with the sources
  that state it and says why the first is preferred.

Citations are kept from every layer, so each field stays traceable to the
sources that state it.

Examples
--------
>>> from asiaai_graph.schema import AIModel
>>> curated = AIModel(id="m", name="M", kind="llm", developers=["a"], released="2024-12",
...                   sources=[{"source": "article", "fields": ["released"]}])
>>> epoch = AIModel(id="m", name="M-1", kind="llm", developers=["a"], released="2024-12-26",
...                 parameters=7, sources=[{"source": "epoch", "fields": ["released", "parameters"]}])
>>> [(merged, _)], problems = merge_records([(curated, CURATED), (epoch, Layer("epoch", "Epoch AI", "2025-12-31"))])
>>> str(merged.released), merged.parameters.describe(), merged.aliases, [c.source for c in merged.sources]
('2024-12-26', '7', ('M-1',), ['article', 'epoch'])
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from pydantic import BaseModel

from asiaai_graph.datafiles.statements import refines as _refines, same as _same

if TYPE_CHECKING:
    from asiaai_graph.schema import Record

__all__ = ["CURATED", "IMPORTER_PRIORITY", "REGISTRIES", "Layer", "header_layer", "merge_records", "yaml_value"]

T = TypeVar("T")


class Layer(NamedTuple):
    """Where a record comes from: the curated files, or one dataset import."""

    source: str
    """The dataset's source id, or ``""`` for the curated files."""
    label: str
    """How a reason names it: ``the curated data``, ``Epoch AI, Notable AI Models (2025-12-31)``."""
    version: str = ""
    """The dataset's version (an ISO date sorts newest first)."""
    importer: str = ""
    """The importer that wrote it (``epoch``, ``llm-jp``, ``china-llms``)."""
    role: str = ""
    """``"reference"`` for a reference table, ``"overlay"`` for a user's corrections (:mod:`asiaai_graph.datafiles.layers`)."""


#: Importer -> precedence among datasets (lower first); an unknown importer comes last.
IMPORTER_PRIORITY: dict[str, int] = {"epoch": 1, "llm-jp": 2, "china-llms": 3, "epoch-clusters": 4, "epoch-hardware": 4,
                                     "ror": 5}


CURATED = Layer("", "the curated data")
"""The hand-written files: they take precedence over every dataset."""

#: Fields whose values are our reading of the source (names, classifications, prose), not figures:
#: the first layer's is kept without a dispute.
_FIRST_WINS = frozenset({"name", "kind", "description", "architecture", "version", "category", "wikidata",
                         "purpose", "scope", "round", "title", "title_en", "note", "license"})
_NOT_MERGED = frozenset({"id", "sources", "disputes"})
#: Fields that hold a place, where a place within the other is the more precise statement, not a dispute.
_PLACES = frozenset({"headquarters"})
#: Fields a registry states and the datasets only infer (a dataset's kind is read from a name by our rules;
#: ROR's types are the registry's statement): the registry's value comes right after the curated one.
_REGISTRY_FIELDS = frozenset({"kind"})
#: Importers of registries of organizations (identity, names, places), not of models.
REGISTRIES = frozenset({"ror"})
#: (field, stronger field): a value of the stronger field leaves the other (a model's developers and contributors).
_DISJOINT = (("contributors", "developers"),)


def header_layer(header: Any) -> Layer:
    """The layer an ``import:`` header declares; ``ValueError`` says what is wrong with it.

    Examples
    --------
    >>> header_layer({"source": "epoch-notable-ai-models", "title": "Epoch AI, Notable AI Models",
    ...               "version": "2025-12-31", "importer": "epoch"}).label
    'Epoch AI, Notable AI Models (2025-12-31)'
    >>> header_layer({"version": "2025"})
    Traceback (most recent call last):
    ...
    ValueError: an import header needs 'source' (the dataset's source id)
    """
    if not isinstance(header, dict):
        raise ValueError("'import' is a mapping: source, title, version, importer, file, sha256")
    source, version = header.get("source"), header.get("version", "")
    if not isinstance(source, str) or not source:
        raise ValueError("an import header needs 'source' (the dataset's source id)")
    title = header.get("title") or source
    return Layer(source, f"{title} ({version})" if version else str(title), str(version),
                 str(header.get("importer", "")))


def _rank(layer: Layer) -> tuple[int, int, str, str]:
    # curated first; then by importer; then newer versions first (ISO dates sort as text), then by id
    inverted = "".join(chr(0x10FFFF - ord(c)) for c in layer.version)
    curated = -1 if layer.role == "overlay" else 0 if layer.source == "" else 1
    return (curated, IMPORTER_PRIORITY.get(layer.importer, 99), inverted, layer.source)


def _empty(value: Any) -> bool:
    return value is None or value == () or value == {}


def _union(groups: Sequence[Sequence[T]]) -> tuple[T, ...]:
    out: list[T] = []
    for group in groups:
        out.extend(v for v in group if not any(_same(v, seen) for seen in out))
    return tuple(out)


def _stated_sources(record: Record, field: str) -> tuple[str, ...]:
    """The sources of ``record`` that state ``field``: its citations naming it, else all of them."""
    cited = getattr(record, "sources", ())
    naming = [c.source for c in cited if c.supports(field)]
    return tuple(dict.fromkeys(naming or [c.source for c in cited]))


def yaml_value(value: Any) -> Any:
    """A field value as it would be written in YAML (plain JSON), for a dispute's stated value."""
    from pydantic import TypeAdapter

    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", exclude_defaults=True)
    return TypeAdapter(type(value)).dump_python(value, mode="json") if not isinstance(value, str) else value


def _merge_list(values: list[Any]) -> tuple[Any, ...]:
    return _union(values)


def _merge_labels(values: list[dict[str, str]], aliases: list[str]) -> dict[str, str]:
    labels: dict[str, str] = {}
    for v in values:
        for lang, text in v.items():
            if lang not in labels:
                labels[lang] = text
            elif labels[lang] != text:
                aliases.append(text)
    return labels


class _Merge:
    """What merging one group collects besides the fields: other names, disputes, notes for citations."""

    def __init__(self, first: Record, within: Mapping[str, str] | None) -> None:
        self.aliases: list[str] = []
        self.disputes = list(getattr(first, "disputes", ()))
        self.explicit = {d.field for d in self.disputes}
        self.within = within
        self.notes: dict[int, list[str]] = {}
        """id of a contributing record -> notes for its citations of a field (a qualifier it states otherwise)."""

    def one(self, field: str, stated: list[tuple[Record, Layer, Any]]) -> Any:
        """The value of a one-value field: the agreed or most precise one, else the first and a dispute."""
        from asiaai_graph.schema import Dispute, StatedValue

        distinct: list[tuple[Any, list[tuple[Record, Layer]]]] = []
        for r, layer, v in stated:
            for known, who in distinct:
                if _same(known, v):
                    who.append((r, layer))
                    break
            else:
                distinct.append((v, [(r, layer)]))
        within = self.within if field in _PLACES else None
        finest = [v for v, _ in distinct if all(_same(v, o) or _refines(v, o, within) for o, _ in distinct)]
        chosen = finest[0] if finest else distinct[0][0]
        self._qualifiers(field, chosen, stated)
        if len(distinct) == 1 or finest:
            return chosen
        if field in _FIRST_WINS:
            if field == "name":
                self.aliases.extend(str(v) for v, _ in distinct[1:])
        elif field not in self.explicit:
            winner, other = distinct[0][1][0][1], distinct[1][1][0][1]
            self.disputes.append(Dispute(
                field=field,
                values=tuple(StatedValue(value=yaml_value(v), sources=tuple(dict.fromkeys(
                    s for r, _ in who for s in _stated_sources(r, field)))) for v, who in distinct),
                reason=f"{winner.label} takes precedence over {other.label}: {_rule(winner, other)}"))
        return chosen

    def _qualifiers(self, field: str, chosen: Any, stated: list[tuple[Record, Layer, Any]]) -> None:
        """A source that gives the kept figure another confidence keeps its own, in its citation's note."""
        mine = getattr(chosen, "confidence", None)
        for r, layer, v in stated:
            theirs = getattr(v, "confidence", None)
            if _same(v, chosen) and theirs != mine:
                said = f"Confidence {theirs}" if theirs else "no confidence"
                self.notes.setdefault(id(r), []).append(
                    f"{field}: {layer.label} gives the same figure with {said}; the record's confidence is "
                    f"{mine or 'none'}, from another source")


def _rule(winner: Layer, other: Layer) -> str:
    """The precedence rule that kept ``winner``'s value over ``other``'s, in a dispute's reason."""
    if winner.role == "overlay":
        return "a user's overlay corrects the data it is laid over"
    if winner.source == "":
        return "curated records, written from their sources by hand, over datasets"
    if winner.importer == other.importer:
        return "a newer version of a dataset over an older one (a newer snapshot corrects an older one)"
    if other.importer in REGISTRIES:
        return ("the datasets over ROR, a registry of organizations whose location is where it lists one (a company's "
                "Chinese entity, a campus), not always its headquarters")
    if winner.importer in REGISTRIES:
        return "ROR, a registry that states an organization's type, over a dataset's reading of its name"
    return "Epoch AI, a research organisation's database with a source for each row, over the volunteer-kept lists"


def _merge_group(group: list[tuple[Record, Layer]], within: Mapping[str, str] | None = None) -> Record:
    first, _ = group[0]
    model = type(first)
    data: dict[str, Any] = {"id": first.id}
    merge = _Merge(first, within)
    for field in model.model_fields:
        if field in _NOT_MERGED:
            continue
        stated = [(r, layer, getattr(r, field)) for r, layer in group if not _empty(getattr(r, field))]
        if field in _REGISTRY_FIELDS:
            stated.sort(key=lambda t: 0 if t[1].source == "" else 1 if t[1].importer in REGISTRIES else 2)
        if not stated:
            continue
        values = [v for _, _, v in stated]
        if isinstance(values[0], tuple):
            data[field] = _merge_list(values)
        elif isinstance(values[0], dict):
            data[field] = _merge_labels(values, merge.aliases)
        else:
            data[field] = merge.one(field, stated)
    for lesser, greater in _DISJOINT:  # a developer one source names is no mere contributor because another lists it so
        if lesser in data and greater in data:
            data[lesser] = tuple(v for v in data[lesser] if v not in data[greater])
    names = {data.get("name"), *data.get("labels", {}).values()}
    if "aliases" in model.model_fields:
        data["aliases"] = tuple(a for a in _union([data.get("aliases", ()), merge.aliases]) if a not in names)
    sources = _union([_credited(r, data, merge.notes.get(id(r), [])) for r, _ in group])
    if sources:
        data["sources"] = sources
    if merge.disputes:
        data["disputes"] = tuple(merge.disputes)
    return model.model_validate(data)


def _credited(record: Record, merged: Mapping[str, Any], notes: list[str]) -> tuple[Any, ...]:
    """``record``'s citations, each crediting only what the record states of a merged list.

    A list merged from several sources (developers, domains) is no longer what one of them
    states: a citation that named the whole field names each element the record gives instead
    (``developers.baidu``), so that each element is credited to the sources that state it.
    Elements the merged record no longer holds (a contributor another source names a developer)
    are left out; ``notes`` (a qualifier the record states otherwise) go on the citations of
    their field.
    """
    from asiaai_graph.schema.base import element_key

    out = []
    for citation in getattr(record, "sources", ()):
        fields: list[str] = []
        for name in citation.fields:
            base, dot, key = name.partition(".")
            mine, theirs = getattr(record, base, None), merged.get(base)
            if not isinstance(theirs, tuple) or mine == theirs or (dot and not isinstance(mine, tuple)):
                fields.append(name)
                continue
            keys = [key] if dot else [element_key(item) for item in mine or ()]
            held = {element_key(item) for item in theirs}
            if None in keys:  # elements without a key (a family's sizes): credited whole
                fields.append(name)
                continue
            fields.extend(f"{base}.{k}" for k in keys if k in held)
        said = [n for n in notes if n.split(":", 1)[0] in citation.fields]
        update: dict[str, Any] = {}
        if tuple(fields) != citation.fields:
            update["fields"] = tuple(dict.fromkeys(fields))
        if said:
            update["note"] = "; ".join([citation.note, *said] if citation.note else said)
        out.append(citation.model_copy(update=update) if update else citation)
    return tuple(out)


def merge_records(
    found: Sequence[tuple[Record, Layer]], within: Mapping[str, str] | None = None,
) -> tuple[list[tuple[Record, Record]], list[tuple[Record, str]]]:
    """Fold records that share an id into one per id, where they may be merged.

    Records of one id are merged when they are all of one type, at most one
    comes from the curated files and at most one from each dataset; anything
    else (two curated records with one id, a model and an organization with
    one id) is left as it is, for :func:`~asiaai_graph.graph.references.scan_references`
    to report as a duplicate. Returns ``(record, first contributor)`` pairs in
    the order of first appearance (a record that was not merged is its own
    first contributor), and ``(first contributor, message)`` for merges whose
    result is not a valid record. ``within`` maps place ids to the places they are
    part of, beyond the places among ``found`` (a headquarters within another is
    the more precise of the two).
    """
    from pydantic import ValidationError

    from asiaai_graph.schema import Place

    groups: dict[str, list[tuple[Record, Layer]]] = {}
    places: dict[str, str] = dict(within or {})
    for record, layer in found:
        groups.setdefault(record.id, []).append((record, layer))
        if isinstance(record, Place) and record.part_of:
            places.setdefault(record.id, record.part_of)
    within = places
    out: list[tuple[Record, Record]] = []
    problems: list[tuple[Record, str]] = []
    for group in groups.values():
        curated = sum(1 for _, layer in group if layer.source == "" and layer.role != "overlay")
        imports = [layer.source for _, layer in group if layer.source]
        if len(group) == 1 or curated > 1 or len(imports) != len(set(imports)) \
                or len({type(r) for r, _ in group}) > 1:
            out.extend((r, r) for r, _ in group)
            continue
        ordered = sorted(group, key=lambda pair: _rank(pair[1]))
        try:
            out.append((_merge_group(ordered, within), ordered[0][0]))
        except (ValidationError, ValueError) as exc:
            layers = ", ".join(layer.label for _, layer in ordered)
            problems.append((ordered[0][0], f"what {layers} say does not merge into one record: {exc}"))
    return out, problems
