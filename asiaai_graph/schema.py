"""The typed records of the knowledge graph and the value types they share.

Every record kind is a frozen pydantic model that forbids unknown fields. A data
file is a YAML mapping from a *section* name (``organizations``, ``models``, ...)
to a list of records of that kind; :data:`SECTIONS` maps each section to its
model. References to other records are plain ids; each model declares in
``refs`` which of its fields point where and under which relation name, and
the loader checks them and turns them into graph edges.

Examples
--------
>>> from asiaai_graph import Quantity, Money, PartialDate
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
from decimal import Decimal
from collections.abc import Iterator
from typing import Any, ClassVar, Literal, NamedTuple

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    field_validator,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from asiaai_graph._codes import COUNTRY_CODES, CURRENCY_CODES

__all__ = [
    "AIModel",
    "Affiliation",
    "Citation",
    "Country",
    "Entity",
    "Goal",
    "Indicator",
    "InvestorRole",
    "Investment",
    "Money",
    "Organization",
    "PartialDate",
    "Partnership",
    "Person",
    "Place",
    "Policy",
    "Product",
    "Quantity",
    "RECORD_TYPES",
    "Record",
    "Ref",
    "SECTIONS",
    "Source",
]

_SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(~)?$")

Qualifier = Literal["exact", "about", "at_least", "more_than", "at_most", "less_than", "between"]
"""How a stated number relates to the truth: ``about`` for "약", ``at_least`` for
"이상", ``more_than`` for "넘는"/"over", ``between`` for a range ("2~3만")."""

_QUALIFIER_SIGN = {
    "exact": "",
    "about": "≈ ",
    "at_least": "≥ ",
    "more_than": "> ",
    "at_most": "≤ ",
    "less_than": "< ",
}


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


def _repr_args(model: BaseModel) -> Iterator[tuple[str | None, Any]]:
    """Leave fields at their default out of reprs, so records read well in a notebook."""
    fields = type(model).model_fields
    for name, value in model.__repr_args__():
        field = fields.get(name) if name else None
        if field is None or field.is_required() or value != field.get_default(call_default_factory=True):
            yield name, value


class _Value(BaseModel):
    # defer_build: a model's validator is built when first used, so a command that reads a few
    # records from a snapshot does not pay for building all of them at import.
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in _repr_args(self))
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


class Quantity(_Value):
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

    def describe(self) -> str:
        """A short human reading such as ``≥ 100,000,000,000``."""
        if self.qualifier == "between":
            text = f"{_num(self.value)}–{_num(self.upper)}"
        else:
            text = _QUALIFIER_SIGN[self.qualifier] + _num(self.value)
        return f"{text} {self.unit}" if self.unit else text


class Money(_Value):
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

    def describe(self) -> str:
        """A short human reading such as ``≈ 7,760,000,000 USD``, with stated equivalents in brackets."""
        if self.qualifier == "between":
            text = f"{_num(self.amount)}–{_num(self.upper)} {self.currency}"
        else:
            text = f"{_QUALIFIER_SIGN[self.qualifier]}{_num(self.amount)} {self.currency}"
        if self.equivalents:
            text += " (" + ", ".join(e.describe() for e in self.equivalents) + ")"
        return text


class Citation(_Value):
    """A record's pointer to a :class:`Source`, with a short quote as evidence.

    In YAML a bare source id is accepted for a citation without a quote.
    """

    source: str = Field(pattern=_SLUG)
    quote: str | None = Field(default=None, max_length=400)
    note: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _bare_id(cls, data: Any) -> Any:
        return {"source": data} if isinstance(data, str) else data


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


LanguageTag = Literal["en", "ko", "zh", "zh-Hans", "zh-Hant", "ja"]


class Record(BaseModel):
    """Base of every record: an id, and how to find the record in its file."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    record_type: ClassVar[str]
    section: ClassVar[str]
    refs: ClassVar[tuple[Ref, ...]] = ()

    id: str = Field(pattern=_SLUG)

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in _repr_args(self))
        return f"{type(self).__name__}({args})"

    @property
    def label(self) -> str:
        """The English display name."""
        raise NotImplementedError

    def label_in(self, lang: str) -> str:
        """The display name in ``lang`` when the record has one, else the English name."""
        return self.label


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
    url: str | None = Field(default=None, pattern=r"^https?://\S+$")
    series: str | None = None
    note: str | None = None

    @property
    def label(self) -> str:
        return self.title_en or self.title

    def label_in(self, lang: str) -> str:
        return self.title if lang == self.language else self.label


class Entity(Record):
    """Fields every described thing shares: names in several languages and its sources."""

    name: str = Field(min_length=1)
    labels: dict[LanguageTag, str] = Field(default_factory=dict)
    aliases: tuple[str, ...] = ()
    description: str | None = None
    wikidata: str | None = Field(default=None, pattern=r"^Q[1-9]\d*$")
    sources: tuple[Citation, ...] = Field(min_length=1)

    @property
    def label(self) -> str:
        return self.name

    def label_in(self, lang: str) -> str:
        return self.labels.get(lang) or self.name  # type: ignore[call-overload]

    def names(self) -> tuple[str, ...]:
        """Every name the entity goes by: the English name, labels and aliases."""
        return (self.name, *self.labels.values(), *self.aliases)


Region = Literal[
    "Eastern Asia",
    "South-eastern Asia",
    "Southern Asia",
    "Central Asia",
    "Western Asia",
    "Northern America",
    "Latin America and the Caribbean",
    "Northern Africa",
    "Sub-Saharan Africa",
    "Northern Europe",
    "Western Europe",
    "Southern Europe",
    "Eastern Europe",
    "Australia and New Zealand",
    "Melanesia",
    "Micronesia",
    "Polynesia",
]
"""UN M49 sub-regions."""


class Country(Entity):
    """A country, identified by its ISO 3166-1 alpha-2 code (``CN``, ``KR``)."""

    record_type: ClassVar[str] = "country"
    section: ClassVar[str] = "countries"

    id: str = Field(pattern=r"^[A-Z]{2}$")
    region: Region | None = None

    @field_validator("id")
    @classmethod
    def _iso3166(cls, v: str) -> str:
        if v not in COUNTRY_CODES:
            raise ValueError(f"unknown ISO 3166-1 alpha-2 code {v!r}")
        return v


class Place(Entity):
    """A city, province or region; ``country`` is empty for regions spanning countries."""

    record_type: ClassVar[str] = "place"
    section: ClassVar[str] = "places"
    refs: ClassVar[tuple[Ref, ...]] = (
        Ref("country", "in_country", ("country",)),
        Ref("part_of", "part_of", ("place",)),
    )

    kind: Literal[
        "city", "province", "special_administrative_region", "economic_zone", "world_region", "world"
    ]
    country: str | None = None
    part_of: str | None = None


OrganizationKind = Literal[
    "company",
    "startup",
    "university",
    "research_lab",
    "government_body",
    "standards_body",
    "media",
    "research_firm",
    "consultancy",
    "nonprofit",
    "consortium",
]


class Organization(Entity):
    """A company, startup, university, lab, government or standards body."""

    record_type: ClassVar[str] = "organization"
    section: ClassVar[str] = "organizations"
    refs: ClassVar[tuple[Ref, ...]] = (
        Ref("country", "in_country", ("country",)),
        Ref("headquarters", "headquartered_in", ("place",)),
        Ref("offices", "has_office_in", ("place", "country")),
        Ref("parent", "subsidiary_of", ("organization",)),
        Ref("members", "has_member", ("organization",)),
    )

    kind: OrganizationKind
    country: str | None = None
    headquarters: str | None = None
    offices: tuple[str, ...] = ()
    founded: PartialDate | None = None
    parent: str | None = None
    members: tuple[str, ...] = ()
    focus_areas: tuple[str, ...] = ()
    website: str | None = Field(default=None, pattern=r"^https?://\S+$")


class Affiliation(_Value):
    """A person's role at an organization."""

    organization: str
    role: str | None = None
    current: bool = True


class Person(Entity):
    """A person the sources name with a role."""

    record_type: ClassVar[str] = "person"
    section: ClassVar[str] = "people"
    refs: ClassVar[tuple[Ref, ...]] = (
        Ref("affiliations", "affiliated_with", ("organization",), key="organization", attrs=("role", "current")),
        Ref("country", "citizen_of", ("country",)),
    )

    affiliations: tuple[Affiliation, ...] = ()
    country: str | None = None


ModelKind = Literal["llm", "vision", "speech", "multimodal", "recommendation", "driving", "other"]


class AIModel(Entity):
    """An AI model or model family, with the figures its developers state."""

    record_type: ClassVar[str] = "model"
    section: ClassVar[str] = "models"
    refs: ClassVar[tuple[Ref, ...]] = (
        Ref("developers", "developed_by", ("organization",)),
        Ref("family", "in_family", ("model",)),
        Ref("base_model", "based_on", ("model",)),
        Ref("predecessor", "succeeds", ("model",)),
    )

    kind: ModelKind
    developers: tuple[str, ...] = Field(min_length=1)
    released: PartialDate | None = None
    parameters: Quantity | None = None
    active_parameters: Quantity | None = None
    architecture: str | None = None
    open_weights: bool | None = None
    family: str | None = None
    base_model: str | None = None
    predecessor: str | None = None
    version: str | None = None
    variant_count: Quantity | None = None
    training_cost: Money | None = None
    training_duration: Quantity | None = None


class Product(Entity):
    """A product or service: an assistant, an app, a platform, a device, a framework.

    ``makers`` may be empty when no source names who makes it.
    """

    record_type: ClassVar[str] = "product"
    section: ClassVar[str] = "products"
    refs: ClassVar[tuple[Ref, ...]] = (
        Ref("makers", "made_by", ("organization",)),
        Ref("models", "uses_model", ("model",)),
        Ref("markets", "offered_in", ("country", "place")),
        Ref("edition_of", "edition_of", ("product",)),
    )

    kind: Literal[
        "assistant", "app", "platform", "cloud_service", "device", "autonomous_driving", "service", "chip",
        "framework"
    ]
    makers: tuple[str, ...] = ()
    announced: PartialDate | None = None
    launched: PartialDate | None = None
    models: tuple[str, ...] = ()
    markets: tuple[str, ...] = ()
    edition_of: str | None = None


class Goal(_Value):
    """A stated goal: what, how much, by when."""

    text: str
    value: Quantity | None = None
    amount: Money | None = None
    year: int | None = Field(default=None, ge=1900, le=2200)
    within: Quantity | None = None


class Policy(Entity):
    """A national or city strategy, law, regulation, programme or funding scheme.

    ``concerns`` names the organizations, products or models a measure is aimed at.
    """

    record_type: ClassVar[str] = "policy"
    section: ClassVar[str] = "policies"
    refs: ClassVar[tuple[Ref, ...]] = (
        Ref("jurisdiction", "jurisdiction", ("country", "place")),
        Ref("issuing_bodies", "issued_by", ("organization", "person")),
        Ref("modifies", "modifies", ("policy",)),
        Ref("part_of", "part_of", ("policy",)),
        Ref("concerns", "concerns", ("organization", "product", "model")),
    )

    kind: Literal[
        "strategy",
        "plan",
        "law",
        "regulation",
        "programme",
        "funding_scheme",
        "export_control",
        "executive_order",
        "standards_body",
    ]
    jurisdiction: str
    issuing_bodies: tuple[str, ...] = ()
    announced: PartialDate | None = None
    in_force: PartialDate | None = None
    target_year: int | None = Field(default=None, ge=1900, le=2200)
    goals: tuple[Goal, ...] = ()
    provisions: tuple[str, ...] = ()
    budget: Money | None = None
    annual_budget: Money | None = None
    modifies: tuple[str, ...] = ()
    part_of: str | None = None
    concerns: tuple[str, ...] = ()


class InvestorRole(_Value):
    """One investor in an investment, and whether it led."""

    organization: str
    lead: bool = False


class Investment(Entity):
    """Money committed: an equity round, an infrastructure build-out, a programme, a grant."""

    record_type: ClassVar[str] = "investment"
    section: ClassVar[str] = "investments"
    refs: ClassVar[tuple[Ref, ...]] = (
        Ref("investors", "invested_in", ("organization",), key="organization", reverse=True, attrs=("lead",)),
        Ref("investee", "investee", ("organization",)),
        Ref("targets", "targets", ("country", "place", "organization", "product")),
    )

    kind: Literal["equity_round", "infrastructure", "programme", "grant", "acquisition"]
    investors: tuple[InvestorRole, ...] = Field(min_length=1)
    investee: str | None = None
    targets: tuple[str, ...] = ()
    round: str | None = None
    amount: Money | None = None
    date: PartialDate | None = None
    duration: Quantity | None = None
    post_money_valuation: Money | None = None


class Partnership(Entity):
    """An agreement between organizations: who, when, what, where."""

    record_type: ClassVar[str] = "partnership"
    section: ClassVar[str] = "partnerships"
    refs: ClassVar[tuple[Ref, ...]] = (
        Ref("parties", "partner_in", ("organization",), reverse=True),
        Ref("places", "located_in", ("country", "place")),
        Ref("supports", "supports", ("policy",)),
        Ref("products", "concerns", ("product", "model")),
    )

    kind: Literal["strategic", "joint_research", "commercial", "programme", "supply"]
    parties: tuple[str, ...] = Field(min_length=2)
    started: PartialDate | None = None
    purpose: str | None = None
    places: tuple[str, ...] = ()
    supports: tuple[str, ...] = ()
    products: tuple[str, ...] = ()


Measure = Literal[
    "ai_industry_size",
    "ai_core_industry_size",
    "ai_company_count",
    "ai_company_count_abroad",
    "llm_count",
    "private_ai_investment",
    "ai_investment_received",
    "share_of_global_ai_investment",
    "ai_patent_count",
    "genai_patent_filings",
    "share_of_genai_patent_filings",
    "mobile_internet_users",
    "monthly_active_users",
    "cumulative_revenue",
    "valuation",
    "exhibitor_count",
    "apps_launched",
    "cloud_market_rank",
    "benchmark_rank",
    "competition_wins",
    "portrait_database_size",
    "open_model_size_rank",
    "ai_city_competitiveness_rank",
    "national_ai_indicator_rank",
]


class Indicator(Entity):
    """A figure about a country, place, organization or product in a period."""

    record_type: ClassVar[str] = "indicator"
    section: ClassVar[str] = "indicators"
    refs: ClassVar[tuple[Ref, ...]] = (
        Ref("subject", "describes", ("country", "place", "organization", "product", "model")),
        Ref("reported_by", "reported_by", ("organization", "person")),
    )

    subject: str
    measure: Measure
    value: Quantity | None = None
    amount: Money | None = None
    period: PartialDate | None = None
    period_end: PartialDate | None = None
    rank: int | None = Field(default=None, ge=1)
    scope: str | None = None
    reported_by: str | None = None

    @model_validator(mode="after")
    def _one_figure(self) -> Indicator:
        if (self.value is None) == (self.amount is None):
            raise ValueError("an indicator has exactly one of 'value' (a count or ratio) or 'amount' (money)")
        return self


#: Section name in a data file -> record model.
SECTIONS: dict[str, type[Record]] = {
    m.section: m
    for m in (
        Source,
        Country,
        Place,
        Organization,
        Person,
        AIModel,
        Product,
        Policy,
        Investment,
        Partnership,
        Indicator,
    )
}

#: Record type (``"organization"``, ``"model"``, ...) -> record model.
RECORD_TYPES: dict[str, type[Record]] = {m.record_type: m for m in SECTIONS.values()}
