"""Which source states which field: ``kg.sources_of(entity)`` and ``kg.sources_of(entity, field=...)``.

:class:`Provenance` is a part of :class:`~asiaai_graph.KnowledgeGraph`. A
record's citations say which of its fields they state (``Citation.fields``);
where sources disagree, the record's ``disputes`` keep each source's value.
:meth:`Provenance.sources_of` answers, for a field, which sources state it, how
(a quote, or a dataset row's locator and links), with which value, and whether
the record keeps that value.

Examples
--------
>>> import asiaai_graph as ag
>>> [(e.source.id, e.kept) for e in ag.load().sources_of("deepseek-v3", field="parameters")][:2]
[('bespick-2025', True), ('deepseek-v3-technical-report', True)]
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple, cast, overload

from asiaai_graph.schema.terms import RECORD_TYPE_NAMES

if TYPE_CHECKING:
    from pydantic import BaseModel

    from asiaai_graph.graph.queries import EntityOrId
    from asiaai_graph.schema import Citation, Entity, Record, Source
    from asiaai_graph.schema.values import Dispute

__all__ = ["Evidence", "Provenance"]


class Evidence(NamedTuple):
    """What one source says about one field of a record (:meth:`KnowledgeGraph.sources_of`)."""

    source: Source
    """The source record (publisher, title, date, URL, licence)."""
    citation: Citation
    """How the record cites it: the quote, or the dataset row's locator and links."""
    value: Any
    """The value this source states (as the record holds it, or as written in a dispute)."""
    kept: bool
    """Whether it is the value the record keeps."""


def _typed(model: type[BaseModel], field: str, stated: Any) -> Any:
    """A disputed value as written (plain JSON) in the field's own type."""
    from pydantic import TypeAdapter

    annotation: Any = model.model_fields[field].annotation
    return TypeAdapter(annotation).validate_python(stated)


class Provenance:
    """``sources_of`` over :meth:`id_of` and item access, which the graph provides."""

    def id_of(self, value: EntityOrId, record_type: str | tuple[str, ...] | None = None,
              param: str = "entity") -> str:
        raise NotImplementedError

    def __getitem__(self, key: str) -> Record:
        raise NotImplementedError

    def iter_records(self, chunk: int = 1000) -> Iterator[Record]:
        raise NotImplementedError

    def disputes(self, record_type: str | None = None) -> list[tuple[str, Dispute]]:
        """Every disagreement left between sources: ``(record id, dispute)`` pairs, in id order.

        A dispute holds the field, every value stated with the sources that state it, and the
        reason the record keeps its value (the rule that chose). Only real disagreements are
        left: values are compared as statements first (a date of the same day, a city within a
        province, an exact count within a bound are no dispute; see
        :mod:`asiaai_graph.datafiles.statements`), and different measures are different fields.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> found = dict(ag.load().disputes("organization"))
        >>> d = found["inception-g42"]
        >>> d.field, [(v.value, v.sources) for v in d.values]
        ('country', [('AE', ('epoch-notable-ai-models',)), ('US', ('epoch-all-ai-models',))])
        >>> "newer version" in d.reason
        True
        """
        from asiaai_graph.schema import Entity

        if record_type is not None and record_type not in RECORD_TYPE_NAMES:
            raise ValueError(f"unknown record type {record_type!r}; one of: {', '.join(RECORD_TYPE_NAMES)}")
        return [(r.id, d) for r in self.iter_records() if isinstance(r, Entity)
                and (record_type is None or r.record_type == record_type) for d in r.disputes]

    @overload
    def sources_of(self, entity: EntityOrId, field: None = None) -> list[Source]: ...

    @overload
    def sources_of(self, entity: EntityOrId, field: str) -> list[Evidence]: ...

    def sources_of(self, entity: EntityOrId, field: str | None = None) -> list[Source] | list[Evidence]:
        """The sources an entity cites; with ``field``, the evidence for that one field.

        Without ``field``: the :class:`~asiaai_graph.Source` records, in citation
        order. With ``field``: one :class:`Evidence` per citation that states the
        field (its ``fields`` name it), with the value that source states (where
        sources disagree, each source's own value; see the record's ``disputes``)
        and whether it is the value the record keeps.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> kg = ag.load()
        >>> [s.publisher for s in kg.sources_of("deepseek-v3")][:2]
        ['Bespin Global', 'DeepSeek-AI']
        >>> kg.sources_of("deepseek-v3", field="no_such_field")
        Traceback (most recent call last):
        ...
        ValueError: a model has no field 'no_such_field'
        """
        from asiaai_graph.schema import Entity, Source

        rid = self.id_of(entity, tuple(RECORD_TYPE_NAMES), "entity")
        record = self[rid]
        if not isinstance(record, Entity):
            if field is not None:
                raise ValueError(f"a {record.record_type} cites no sources")
            return []
        if field is None:
            ids = dict.fromkeys(c.source for c in record.sources)
            return [cast(Source, self[i]) for i in ids]
        base, dot, key = field.partition(".")
        if base not in type(record).citable_fields():
            raise ValueError(f"a {record.record_type} has no field {base!r}")
        if dot:
            return self._element_evidence(record, base, key)
        kept = getattr(record, field)
        stated: dict[str, Any] = {}
        for dispute in record.disputes:
            if dispute.field == field:
                for value in dispute.values:
                    stated.update(dict.fromkeys(value.sources, _typed(type(record), field, value.value)))
        out = []
        for citation in record.sources:
            if citation.supports(field):
                source = self[citation.source]
                assert isinstance(source, Source)
                if field not in citation.fields:  # the citation states some elements of the list, not all
                    elements = [record.element(field, k) for k in citation.elements(field)]
                    out.append(Evidence(source, citation, tuple(elements), True))
                    continue
                value = stated.get(citation.source, kept)
                out.append(Evidence(source, citation, value, value == kept))
        return out

    def _element_evidence(self, record: Entity, field: str, key: str) -> list[Evidence]:
        """The evidence for one element of a list (``developers.baidu``, ``lifecycle.in_force``)."""
        from asiaai_graph.schema import Source

        element = record.element(field, key)
        if element is None:
            raise ValueError(f"the {record.record_type}'s {field} has no element {key!r}")
        attr = getattr(element, "disputed_field", None)
        kept = getattr(element, attr) if attr else element
        stated: dict[str, Any] = {}
        for dispute in record.disputes:
            if dispute.field == f"{field}.{key}":
                for value in dispute.values:
                    typed = _typed(type(element), attr, value.value) if attr else value.value
                    stated.update(dict.fromkeys(value.sources, typed))
        out = []
        for citation in record.sources:
            if citation.supports(f"{field}.{key}"):
                source = self[citation.source]
                assert isinstance(source, Source)
                value = stated.get(citation.source, kept)
                out.append(Evidence(source, citation, value, value == kept))
        return out
