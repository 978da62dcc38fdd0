"""The bases of every record: ``Record`` (an id), ``Source`` (what records cite), ``Entity`` (names and sources).

``Ref`` declares, per record type, which fields refer to other records; an
``Entity``'s citations say which of its fields they state, and its ``disputes``
keep the values sources disagree on (checked against the field's own type).

Examples
--------
>>> from asiaai_graph.schema import Source
>>> Source(id="s", title="T", kind="report", language="en").label
'T'
"""

from __future__ import annotations

import functools
from typing import Any, ClassVar, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, field_validator, model_validator

from asiaai_graph.schema.checks import check_visible
from asiaai_graph.schema.terms import SLUG, LanguageTag
from asiaai_graph.schema.values import Citation, Dispute, HttpIri, PartialDate, repr_args

__all__ = ["Entity", "Record", "Ref", "Source", "element_key"]


class Ref(NamedTuple):
    """Declares that a field refers to other records.

    ``field`` holds an id, a tuple of ids, or sub-records whose ``key`` field
    holds the id; ``relation`` names the graph edge (record -> target, or
    target -> record when ``reverse``); ``attrs`` are sub-record fields copied
    onto the edge.
    """

    field: str
    relation: str
    targets: tuple[str, ...]
    key: str | None = None
    reverse: bool = False
    attrs: tuple[str, ...] = ()


class Record(BaseModel):
    """Base of every record: an id, and how to find the record in its file."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    record_type: ClassVar[str]
    section: ClassVar[str]
    refs: ClassVar[tuple[Ref, ...]] = ()

    id: str = Field(pattern=SLUG)

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in repr_args(self))
        return f"{type(self).__name__}({args})"

    @property
    def label(self) -> str:
        """The English display name."""
        raise NotImplementedError

    def label_in(self, lang: str) -> str:
        """The display name in ``lang`` when the record has one, else the English name."""
        return self.label

    def _repr_html_(self) -> str:
        """A card for Jupyter: names, key facts, sources with quotes (built by :mod:`asiaai_graph.views.notebook`)."""
        from asiaai_graph.views.notebook import record_html

        return record_html(self)


class Source(Record):
    """A publication that records cite: an article, a report, a dataset.

    ``published`` keeps its precision; a date the publication does not print
    is written with ``~`` (approximate).
    """

    record_type: ClassVar[str] = "source"
    section: ClassVar[str] = "sources"

    title: str
    title_en: str | None = None
    publisher: str | None = None
    publisher_ko: str | None = None
    kind: Literal[
        "news_article", "blog_post", "newsletter", "report", "dataset", "standard", "website", "paper"
    ]
    author: str | None = None
    published: PartialDate | None = None
    language: str = Field(pattern=r"^[a-z]{2,3}$")
    url: HttpIri | None = None
    series: str | None = None
    note: str | None = None
    version: str | None = None
    """For a dataset, the version the data was taken from: a snapshot date, a release, a commit."""
    license: str | None = None
    """For a dataset, its licence (``CC BY 4.0``, ``Apache-2.0``), whose terms the graph's use follows."""
    credit: str | None = None
    """The attribution the source asks its users to give, in its own words."""

    # issue 10: a title is visible text
    _visible_title = field_validator("title")(check_visible)

    @property
    def label(self) -> str:
        return self.title_en or self.title

    def label_in(self, lang: str) -> str:
        return self.title if lang == self.language else self.label


_NOT_CITABLE = frozenset({"id", "sources", "disputes"})


@functools.cache
def _field_adapter(model: type[BaseModel], field: str) -> TypeAdapter[Any]:
    annotation: Any = model.model_fields[field].annotation
    return TypeAdapter(annotation)


@functools.cache
def _str_adapter() -> TypeAdapter[str]:
    return TypeAdapter(str)


def element_key(item: Any) -> str | None:
    """The key a citation names an element of a list by: an id itself, or a sub-record's ``key_field``.

    Examples
    --------
    >>> from asiaai_graph.schema import InvestorRole
    >>> element_key("baidu"), element_key(InvestorRole(organization="tencent", lead=True))
    ('baidu', 'tencent')
    """
    if isinstance(item, str):
        return item
    key_field = getattr(item, "key_field", None)
    value = getattr(item, key_field, None) if key_field else None
    return value if isinstance(value, str) else None


class Entity(Record):
    """Fields every described thing shares: names in several languages and its sources."""

    name: str = Field(min_length=1)
    labels: dict[LanguageTag, str] = Field(default_factory=dict)
    aliases: tuple[str, ...] = ()
    description: str | None = None
    wikidata: str | None = Field(default=None, pattern=r"^Q[1-9]\d*$")
    sources: tuple[Citation, ...] = Field(min_length=1)
    disputes: tuple[Dispute, ...] = ()
    """Fields on which sources disagree: every stated value with its sources, and why the record's is preferred."""

    @classmethod
    def citable_fields(cls) -> tuple[str, ...]:
        """The fields a citation may say it supports: every field but ``id``, ``sources`` and ``disputes``."""
        return tuple(f for f in cls.model_fields if f not in _NOT_CITABLE)

    @field_validator("sources")
    @classmethod
    def _cited_fields_exist(cls, sources: tuple[Citation, ...]) -> tuple[Citation, ...]:
        known = cls.citable_fields()
        for i, citation in enumerate(sources):
            for name in citation.fields:
                if name.partition(".")[0] not in known:
                    raise ValueError(f"sources[{i}] cites {name!r}, which is not a field of a {cls.record_type}")
        return sources

    def element(self, field: str, key: str) -> Any:
        """The element of the list ``field`` that a citation names ``field.key``, or ``None``.

        An element's key is the id itself in a list of ids, or the sub-record's key
        (an investor's organization, a policy event's kind: ``Value.key_field``).
        """
        for item in getattr(self, field, None) or ():
            if element_key(item) == key:
                return item
        return None

    @model_validator(mode="after")
    def _cited_elements_exist(self) -> Entity:
        for i, citation in enumerate(self.sources):
            for name in citation.fields:
                base, dot, key = name.partition(".")
                if dot and self.element(base, key) is None:
                    raise ValueError(f"sources[{i}] cites {name!r}, but the record's {base} has no element {key!r}")
        return self

    @model_validator(mode="after")
    def _disputes_hold(self) -> Entity:
        cited = {c.source for c in self.sources}
        for i, dispute in enumerate(self.disputes):
            base, dot, key = dispute.field.partition(".")
            if base not in self.citable_fields():
                raise ValueError(f"disputes[{i}]: {dispute.field!r} is not a field of a {self.record_type}")
            if dot:
                element = self.element(base, key)
                if element is None:
                    raise ValueError(f"disputes[{i}]: the record's {base} has no element {key!r}")
                attr = getattr(element, "disputed_field", None)
                kept = getattr(element, attr) if attr else element
                model: type[BaseModel] = type(element)
                adapter = _field_adapter(model, attr) if attr else _str_adapter()
            else:
                kept, adapter = getattr(self, dispute.field), _field_adapter(type(self), dispute.field)
            values = []
            for j, stated in enumerate(dispute.values):
                try:
                    values.append(adapter.validate_python(stated.value))
                except ValueError as exc:
                    raise ValueError(f"disputes[{i}].values[{j}]: not a valid {dispute.field}: {exc}") from None
                for sid in stated.sources:
                    if sid not in cited:
                        raise ValueError(f"disputes[{i}].values[{j}]: source {sid!r} is not among the record's sources")
            if kept not in values:
                raise ValueError(f"disputes[{i}]: the record's {dispute.field} is not one of the stated values")
        return self

    # issue 10: every name is visible text (not only spaces or invisible characters)
    @field_validator("name", "aliases", "labels")
    @classmethod
    def _visible(cls, v: Any) -> Any:
        for name in v.values() if isinstance(v, dict) else v if isinstance(v, tuple) else (v,):
            check_visible(name)
        return v

    @property
    def label(self) -> str:
        return self.name

    def label_in(self, lang: str) -> str:
        return self.labels.get(lang) or self.name  # type: ignore[call-overload]

    def names(self) -> tuple[str, ...]:
        """Every name the entity goes by: the English name, labels and aliases."""
        return (self.name, *self.labels.values(), *self.aliases)
