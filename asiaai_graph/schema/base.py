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
from typing import Any, ClassVar, Literal, NamedTuple, get_args

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, field_validator, model_validator

from asiaai_graph.schema.checks import check_visible
from asiaai_graph.schema.terms import SLUG, LanguageTag
from asiaai_graph.schema.values import Citation, Dispute, HttpIri, PartialDate

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
        """Type, id, name and up to three key fields (every field: ``record.model_dump()`` or ``show``).

        Examples
        --------
        >>> from asiaai_graph.schema import AIModel
        >>> AIModel(id="m", name="M-1", kind="llm", developers=["a", "b", "c", "d"], parameters=7,
        ...         released="2024~", sources=["s"])
        <AIModel m 'M-1' kind=llm developers=[a, b, +2] parameters=7>
        """
        parts = [type(self).__name__, self.id]
        label = self.label
        if label != self.id:
            parts.append(repr(_cut(label)))
        shown = 0
        for name in _KEY_FIELDS:
            value = getattr(self, name, None)
            if value is None or value == () or name not in type(self).model_fields:
                continue
            parts.append(f"{name}={_short(value)}")
            shown += 1
            if shown == 3:
                break
        return "<" + " ".join(parts) + ">"

    __str__ = __repr__

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


#: The fields a record's repr shows (the first three it has), in order.
_KEY_FIELDS = ("kind", "country", "jurisdiction", "region", "developers", "makers", "investee", "subject", "measure",
               "parameters", "amount", "value", "released", "launched", "date", "period", "target_year", "publisher",
               "published")


def _cut(text: str, size: int = 40) -> str:
    return text if len(text) <= size else text[:size - 1] + "…"


def _short(value: Any) -> str:
    """A field's value in a few characters: lists cut to three items, figures as they read."""
    if isinstance(value, tuple):
        items = [_short(v) for v in value[:3]]
        if len(value) > 3:
            items[-1] = f"+{len(value) - 2}"
        return "[" + ", ".join(items) + "]"
    describe = getattr(value, "describe", None)
    if callable(describe):
        return str(describe())
    if isinstance(value, BaseModel):  # a sub-record (an investor): its first field
        return _short(next(iter(value.__dict__.values())))
    return _cut(str(value))


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
_LANGUAGE_ORDER = {tag: i for i, tag in enumerate(get_args(LanguageTag))}


@functools.cache
def _type_adapter(annotation: Any) -> TypeAdapter[Any]:
    return TypeAdapter(annotation)


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

    def stated(self, field: str) -> tuple[Any, Any]:
        """The value the record keeps for ``field`` (``lifecycle.in_force``: that step's date) and its type.

        What a dispute of ``field`` compares its stated values with; the type reads them.

        Examples
        --------
        >>> from asiaai_graph.schema import Policy
        >>> p = Policy(id="p", name="P", kind="law", jurisdiction="KR", sources=["s"],
        ...            lifecycle=[{"event": "in_force", "date": "2026-01-22"}])
        >>> p.stated("lifecycle.in_force")[0], p.stated("kind")
        (PartialDate('2026-01-22'), ('law', ...))
        """
        base, dot, key = field.partition(".")
        if not dot:
            return getattr(self, field), type(self).model_fields[field].annotation
        element = self.element(base, key)
        attr = getattr(element, "disputed_field", None)
        if attr:
            return getattr(element, attr), type(element).model_fields[attr].annotation
        return element, str

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
            if dot and self.element(base, key) is None:
                raise ValueError(f"disputes[{i}]: the record's {base} has no element {key!r}")
            kept, annotation = self.stated(dispute.field)
            adapter = _type_adapter(annotation)
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

    @field_validator("labels")
    @classmethod
    def _labels_in_language_order(cls, labels: dict[str, str]) -> dict[str, str]:
        """Labels in one order whatever the file's (English, Korean, Chinese, Japanese, then the others)."""
        return dict(sorted(labels.items(), key=lambda kv: _LANGUAGE_ORDER.get(kv[0], len(_LANGUAGE_ORDER))))

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
