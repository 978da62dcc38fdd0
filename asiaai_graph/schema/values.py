"""The value types records share: dates of known precision, stated numbers, money, citations.

Each is small and immutable; none refers to another record except through an id
(``Citation.source``, ``Affiliation.organization``, ``InvestorRole.organization``).

Examples
--------
>>> from asiaai_graph.schema import Quantity, Money, PartialDate
>>> Quantity.model_validate({"value": 100_000_000_000, "qualifier": "at_least"}).describe()
'≥ 100,000,000,000'
>>> Money.model_validate({"amount": 600_000_000, "currency": "USD"}).describe()
'600,000,000 USD'
>>> PartialDate.parse("2024-05").precision
'month'
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    JsonValue,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    field_validator,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from asiaai_graph.schema.checks import check_decimal, check_iri
from asiaai_graph.schema.codes import CURRENCY_CODES
from asiaai_graph.schema.terms import SLUG, LifecycleEventKind, Qualifier

__all__ = [
    "Affiliation",
    "Citation",
    "Dispute",
    "Goal",
    "HttpIri",
    "InvestorRole",
    "LifecycleEvent",
    "Money",
    "PartialDate",
    "Period",
    "Quantity",
    "StatedValue",
    "Value",
    "repr_args",
]

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(~)?$")

_QUALIFIER_SIGN = {
    "exact": "",
    "about": "≈ ",
    "at_least": "≥ ",
    "more_than": "> ",
    "at_most": "≤ ",
    "less_than": "< ",
}


HttpIri = Annotated[str, Field(pattern=r"^https?://\S+$"), AfterValidator(check_iri)]
"""A field holding a web address: an absolute ``http``/``https`` IRI (RFC 3987). Use it for every URL field."""


class PartialDate:
    """A calendar date known to a year, a month or a day, possibly approximate.

    Written in YAML as ``2024``, ``"2024-05"`` or ``2024-05-21`` (the subset of
    ISO 8601 / EDTF level 0), with a trailing ``~`` when the date itself is an
    inference (EDTF's "approximate"), e.g. ``"2018~"``.

    Examples
    --------
    >>> d = PartialDate.parse("2024-09")
    >>> (d.year, d.month, d.day, d.precision)
    (2024, 9, None, 'month')
    >>> str(PartialDate.parse(2018)), str(PartialDate.parse("2018~"))
    ('2018', '2018~')
    >>> PartialDate.parse("2024-02-30")
    Traceback (most recent call last):
    ...
    ValueError: impossible date '2024-02-30': day is out of range for month
    """

    __slots__ = ("year", "month", "day", "approximate")

    year: int
    month: int | None
    day: int | None
    approximate: bool

    def __init__(
        self, year: int, month: int | None = None, day: int | None = None, approximate: bool = False
    ) -> None:
        if day is not None and month is None:
            raise ValueError("a day needs a month")
        if not 1 <= year <= 9999:
            raise ValueError(f"impossible year {year}")
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"impossible month {month}")
        if day is not None:
            assert month is not None
            _dt.date(year, month, day)  # raises ValueError on 2024-02-30
        object.__setattr__(self, "year", year)
        object.__setattr__(self, "month", month)
        object.__setattr__(self, "day", day)
        object.__setattr__(self, "approximate", approximate)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("PartialDate is immutable")

    def __reduce__(self) -> tuple[type[PartialDate], tuple[int, int | None, int | None, bool]]:
        return (PartialDate, (self.year, self.month, self.day, self.approximate))

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        """Read a YAML value (``int``, ``str`` or ``datetime.date``) as a date."""
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, _dt.datetime):
            raise ValueError("a date, not a date and time, is expected")
        if isinstance(value, _dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, bool):
            raise ValueError(f"expected a date like 2024, '2024-05' or 2024-05-21, got {value!r}")
        if isinstance(value, int):
            return cls(value)
        if isinstance(value, str):
            m = _DATE_RE.match(value.strip())
            if m:
                y, mo, d, approx = m.groups()
                try:
                    return cls(int(y), int(mo) if mo else None, int(d) if d else None, bool(approx))
                except ValueError as exc:
                    raise ValueError(f"impossible date {value!r}: {exc}") from None
        raise ValueError(f"expected a date like 2024, '2024-05' or 2024-05-21, got {value!r}")

    @property
    def precision(self) -> Literal["year", "month", "day"]:
        """``"year"``, ``"month"`` or ``"day"``."""
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def isoformat(self) -> str:
        """The date without the approximate marker: ``2024``, ``2024-05``, ``2024-05-21``."""
        s = f"{self.year:04d}"
        if self.month is not None:
            s += f"-{self.month:02d}"
        if self.day is not None:
            s += f"-{self.day:02d}"
        return s

    def _key(self) -> tuple[int, int, int, bool]:
        return (self.year, self.month or 0, self.day or 0, self.approximate)

    def __str__(self) -> str:
        return self.isoformat() + ("~" if self.approximate else "")

    def __repr__(self) -> str:
        return f"PartialDate({str(self)!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PartialDate) and self._key() == other._key()

    def __lt__(self, other: PartialDate) -> bool:
        return self._key() < other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        def validate(value: object) -> PartialDate:
            try:
                return cls.parse(value)
            except ValueError as exc:
                raise PydanticCustomError("partial_date", str(exc)) from None

        return core_schema.no_info_plain_validator_function(
            validate, serialization=core_schema.plain_serializer_function_ser_schema(str)
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "anyOf": [
                {"type": "integer", "minimum": 1, "maximum": 9999},
                {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?~?$"},
            ],
            "description": "A date to year, month or day precision; '~' marks an approximate date.",
        }


def repr_args(model: BaseModel) -> Iterator[tuple[str | None, Any]]:
    """The fields of ``model`` that are not at their default: short reprs that read well in a notebook."""
    fields = type(model).model_fields
    for name, value in model.__repr_args__():
        field = fields.get(name) if name else None
        if field is None or field.is_required() or value != field.get_default(call_default_factory=True):
            yield name, value


class Value(BaseModel):
    # defer_build: a model's validator is built when first used, so a command that reads a few
    # records from a snapshot does not pay for building all of them at import.
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    key_field: ClassVar[str | None] = None
    """In a list, the field whose value names this element in a citation (``investors.tencent``)."""
    disputed_field: ClassVar[str | None] = None
    """The field two sources may disagree on for this element (a policy event's ``date``)."""

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in repr_args(self))
        return f"{type(self).__name__}({args})"


def _num(value: Decimal | None) -> str:
    """A number with thousands separators, as people read it."""
    return f"{value:,}"


def _check_bounds(qualifier: str, value: Decimal, upper: Decimal | None) -> None:
    if qualifier == "between":
        if upper is None:
            raise ValueError("qualifier 'between' needs an 'upper' value")
        if upper <= value:
            raise ValueError("'upper' must be greater than the lower value")
    elif upper is not None:
        raise ValueError("'upper' is only allowed with qualifier 'between'")


class Quantity(Value):
    """A stated number with its precision: exact, approximate, a bound or a range.

    A bare number in YAML means an exact value. ``unit`` names what is counted
    when it is not obvious from the field (``percent``, ``month``, ``person``).

    Examples
    --------
    >>> Quantity.model_validate(671_000_000_000).describe()
    '671,000,000,000'
    >>> Quantity.model_validate({"value": 20000, "upper": 30000, "qualifier": "between", "unit": "person"}).describe()
    '20,000–30,000 person'
    """

    value: Decimal
    qualifier: Qualifier = "exact"
    upper: Decimal | None = None
    unit: str | None = None
    confidence: str | None = None
    """The source's own confidence in an estimate, in its words (Epoch AI: ``Confident``, ``Likely``, ``Speculative``)."""

    @model_validator(mode="before")
    @classmethod
    def _bare_number(cls, data: Any) -> Any:
        if isinstance(data, (int, float, Decimal)) and not isinstance(data, bool):
            return {"value": data}
        return data

    @model_validator(mode="after")
    def _bounds(self) -> Quantity:
        _check_bounds(self.qualifier, self.value, self.upper)
        return self

    @field_validator("value", "upper")
    @classmethod
    def _finite(cls, v: Decimal | None) -> Decimal | None:
        return None if v is None else check_decimal(v)

    def describe(self) -> str:
        """A short human reading such as ``≥ 100,000,000,000``."""
        if self.qualifier == "between":
            text = f"{_num(self.value)}–{_num(self.upper)}"
        else:
            text = _QUALIFIER_SIGN[self.qualifier] + _num(self.value)
        text = f"{text} {self.unit}" if self.unit else text
        return f"{text} ({self.confidence})" if self.confidence else text


class Money(Value):
    """An amount of money in its original ISO 4217 currency.

    ``equivalents`` keeps conversions that the source itself states
    ("6,000억 위안(약 120조 원)"); nothing is converted by the library.

    Examples
    --------
    >>> m = Money.model_validate({"amount": 600_000_000_000, "currency": "CNY", "qualifier": "about",
    ...     "equivalents": [{"amount": 120_000_000_000_000, "currency": "KRW", "qualifier": "about"}]})
    >>> m.describe()
    '≈ 600,000,000,000 CNY (≈ 120,000,000,000,000 KRW)'
    >>> from pydantic import ValidationError
    >>> try:
    ...     Money.model_validate({"amount": 1, "currency": "XYZ"})
    ... except ValidationError as exc:
    ...     print(exc.errors()[0]["msg"])
    Value error, unknown ISO 4217 currency code 'XYZ'
    """

    amount: Decimal
    currency: str
    qualifier: Qualifier = "exact"
    upper: Decimal | None = None
    equivalents: tuple[Money, ...] = ()
    price_year: int | None = Field(default=None, ge=1900, le=2200)
    """For an inflation-adjusted figure, the year whose prices it is in ("2023 USD")."""

    @field_validator("currency")
    @classmethod
    def _iso4217(cls, v: str) -> str:
        if v not in CURRENCY_CODES:
            raise ValueError(f"unknown ISO 4217 currency code {v!r}")
        return v

    @model_validator(mode="after")
    def _bounds(self) -> Money:
        _check_bounds(self.qualifier, self.amount, self.upper)
        return self

    @field_validator("amount", "upper")
    @classmethod
    def _finite(cls, v: Decimal | None) -> Decimal | None:
        if v is not None and v < 0:
            raise ValueError(f"an amount of money is not negative, got {v}")
        return None if v is None else check_decimal(v)

    def describe(self) -> str:
        """A short human reading such as ``≈ 7,760,000,000 USD``, with stated equivalents in brackets."""
        if self.qualifier == "between":
            text = f"{_num(self.amount)}–{_num(self.upper)} {self.currency}"
        else:
            text = f"{_QUALIFIER_SIGN[self.qualifier]}{_num(self.amount)} {self.currency}"
        if self.price_year is not None:
            text += f" ({self.price_year} prices)"
        if self.equivalents:
            text += " (" + ", ".join(e.describe() for e in self.equivalents) + ")"
        return text


class Citation(Value):
    """A record's pointer to a :class:`Source`: which of the record's fields it states, and where.

    ``fields`` names the fields the citation supports (``parameters``,
    ``released``, ``developers``...); an empty tuple means the record itself
    (that it exists, its name and kind). A name ``field.key`` states one element
    of a list: ``developers.baidu`` (one id of a list of ids, or the sub-record
    of a list whose key is that id, as ``investors.tencent``), or
    ``lifecycle.in_force`` (a policy's event of that kind), so that a source
    credited with a merged list is credited with what it states. Evidence is a short verbatim
    ``quote`` for an article, a ``locator`` for a dataset (the row, as the
    dataset's own key: ``Model=DeepSeek-V3``) and the ``links`` the row gives.
    In YAML a bare source id is accepted for a citation without a quote.

    Examples
    --------
    >>> c = Citation.model_validate({"source": "epoch-notable", "fields": ["parameters"],
    ...                              "locator": "Model=DeepSeek-V3"})
    >>> c.supports("parameters"), c.supports("released")
    (True, False)
    >>> d = Citation.model_validate({"source": "s", "fields": ["developers.baidu"], "quote": "..."})
    >>> d.supports("developers"), d.supports("developers.baidu"), d.supports("developers.tencent"), d.elements("developers")
    (True, True, False, ('baidu',))
    """

    source: str = Field(pattern=SLUG)
    quote: str | None = Field(default=None, max_length=400)
    note: str | None = None
    fields: tuple[str, ...] = ()
    locator: str | None = Field(default=None, max_length=400)
    links: tuple[str, ...] = ()

    def supports(self, field: str) -> bool:
        """Whether this citation states ``field`` of the record, whole or in part (``field.key``).

        ``field.key`` itself is supported by a citation of that element or of the whole field.
        """
        if field in self.fields:
            return True
        base, dot, _ = field.partition(".")
        if dot:
            return base in self.fields
        prefix = field + "."
        return any(f.startswith(prefix) for f in self.fields)

    def elements(self, field: str) -> tuple[str, ...]:
        """The keys of the elements of ``field`` this citation names one by one (``developers.baidu`` -> ``baidu``)."""
        prefix = field + "."
        return tuple(f[len(prefix):] for f in self.fields if f.startswith(prefix))

    @model_validator(mode="before")
    @classmethod
    def _bare_id(cls, data: Any) -> Any:
        return {"source": data} if isinstance(data, str) else data


class Affiliation(Value):
    """A person's role at an organization, as of the date the source states it.

    Cited one by one as ``affiliations.<organization id>``.

    ``as_of`` is when the source says the person held the role (an article of
    2018 cannot say who works where today); ``former`` marks a role the source
    describes as already over at that date.
    """

    key_field: ClassVar[str | None] = "organization"

    organization: str
    role: str | None = None
    as_of: PartialDate | None = None
    former: bool = False


class StatedValue(Value):
    """One value of a field as one or more sources state it, written as the field would be in YAML.

    Dates are kept as ISO text, so the value is plain JSON (and round-trips through RDF as ``rdf:JSON``).
    """

    value: JsonValue
    sources: tuple[str, ...] = Field(min_length=1)
    note: str | None = None

    @field_validator("value", mode="before")
    @classmethod
    def _canonical(cls, value: Any) -> Any:
        """Dates as ISO text, mappings with their keys sorted: one value, one form (and one repr)."""
        if isinstance(value, _dt.date):
            return value.isoformat()
        if isinstance(value, dict):
            return {k: cls._canonical(value[k]) for k in sorted(value, key=str)}
        if isinstance(value, (list, tuple)):
            return [cls._canonical(v) for v in value]
        return value


class Dispute(Value):
    """Sources that disagree on a field: every stated value with its sources, and why the record's value is preferred.

    The record's own field holds the preferred value, which must be one of ``values``.
    """

    field: str
    values: tuple[StatedValue, ...] = Field(min_length=2)
    reason: str = Field(min_length=1)


class Goal(Value):
    """A stated goal: what, how much, by when."""

    text: str
    value: Quantity | None = None
    amount: Money | None = None
    year: int | None = Field(default=None, ge=1900, le=2200)
    within: Quantity | None = None


class LifecycleEvent(Value):
    """A dated step of a policy's life (passed, promulgated, in force...), at the date's own precision.

    Cited one by one as ``lifecycle.<event>``; two sources that give the step different dates are kept as a
    dispute of ``lifecycle.<event>``.

    Examples
    --------
    >>> e = LifecycleEvent.model_validate({"event": "in_force", "date": "2026-01-22"})
    >>> e.describe(), e.date.precision
    ('in force 2026-01-22', 'day')
    """

    key_field: ClassVar[str | None] = "event"
    disputed_field: ClassVar[str | None] = "date"

    event: LifecycleEventKind
    date: PartialDate
    note: str | None = None
    """What the step was, in the source's words, when the kind alone does not say it (which chamber, which part)."""

    def describe(self) -> str:
        """``in force 2026-01-22``: the step and its date as the source gives it."""
        return f"{self.event.replace('_', ' ')} {self.date}"


class Period(Value):
    """A span of time a budget or plan covers, each end at its own precision (``2021``–``2025``).

    Examples
    --------
    >>> Period.model_validate({"start": 2024, "end": "2028-03"}).describe()
    '2024–2028-03'
    """

    start: PartialDate | None = None
    end: PartialDate | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.start is None and self.end is None:
            raise ValueError("a period has a start, an end or both")
        if self.start is not None and self.end is not None and self.end.year < self.start.year:
            raise ValueError(f"the period ends ({self.end}) before it starts ({self.start})")
        return self

    def describe(self) -> str:
        return f"{self.start or '…'}–{self.end or '…'}"


class InvestorRole(Value):
    """One investor in an investment, and whether it led; cited one by one as ``investors.<organization id>``."""

    key_field: ClassVar[str | None] = "organization"

    organization: str
    lead: bool = False
