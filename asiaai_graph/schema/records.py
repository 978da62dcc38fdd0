"""The record types of the knowledge graph: one frozen pydantic model per kind of thing.

Every record kind forbids unknown fields. A data file is a YAML mapping from a
*section* name (``organizations``, ``models``, ...) to a list of records of that
kind; :data:`SECTIONS` maps each section to its model. References to other
records are plain ids; each model declares in ``refs`` which of its fields
point where and under which relation name, and the loader checks them
(:mod:`asiaai_graph.graph.references`) and the graph turns them into edges.

Examples
--------
>>> from asiaai_graph.schema import Organization
>>> Organization(id="naver", name="Naver", kind="company", country="KR", sources=["s"]).country
'KR'
>>> [r.field for r in Organization.refs][:2]
['country', 'headquarters']
"""

from __future__ import annotations

import functools
from typing import Any, ClassVar, Literal

from pydantic import (
    Field,
    TypeAdapter,
    field_validator,
    model_validator,
)

from asiaai_graph.schema.codes import COUNTRY_CODES
from asiaai_graph.schema.terms import (
    RECORD_TYPE_NAMES,
    ROR_ID,
    Accessibility,
    InvestmentKind,
    InvestmentStatus,
    LanguageTag,
    PolicyKind,
    PolicyStatus,
    Measure,
    ModelKind,
    OrganizationCategory,
    OrganizationKind,
    Region,
)
from asiaai_graph.schema.base import Entity, Record, Ref, Source
from asiaai_graph.schema.compute import Accelerator, ComputeCluster
from asiaai_graph.schema.values import (
    Affiliation,
    Goal,
    HttpIri,
    InvestorRole,
    LifecycleEvent,
    Money,
    PartialDate,
    Period,
    Quantity,
)

__all__ = [
    "AIModel",
    "Accelerator",
    "ComputeCluster",
    "Country",
    "Entity",
    "Indicator",
    "Investment",
    "Organization",
    "Partnership",
    "Person",
    "Place",
    "Policy",
    "Product",
    "RECORD_TYPES",
    "Record",
    "Ref",
    "SECTIONS",
    "Source",
    "section_adapter",
]


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


class Organization(Entity):
    """A company, startup, university, lab, government or standards body."""

    record_type: ClassVar[str] = "organization"
    section: ClassVar[str] = "organizations"
    refs: ClassVar[tuple[Ref, ...]] = (
        Ref("country", "in_country", ("country",)),
        Ref("headquarters", "headquartered_in", ("place",)),
        Ref("offices", "has_office_in", ("place", "country")),
        Ref("parent", "subsidiary_of", ("organization",)),
        Ref("members", "has_member", ("organization", "country")),
        Ref("successor", "succeeded_by", ("organization",)),
    )

    kind: OrganizationKind
    country: str | None = None
    headquarters: str | None = None
    offices: tuple[str, ...] = ()
    founded: PartialDate | None = None
    parent: str | None = None
    members: tuple[str, ...] = ()
    """Member organizations of a consortium; of a body of states (the G7), its member countries."""
    focus_areas: tuple[str, ...] = ()
    website: HttpIri | None = None
    category: OrganizationCategory | None = None
    """The sector as a dataset classifies it (Epoch AI: industry, academia, research collective, government)."""
    ror: str | None = Field(default=None, pattern=ROR_ID)
    """The organization's Research Organization Registry id (``04mkzax54``), as https://ror.org/ writes it."""
    successor: str | None = None
    """The organization that took over from this one (LINE Corporation -> LY Corp.): a relation, not a merge."""


class Person(Entity):
    """A person the sources name with a role."""

    record_type: ClassVar[str] = "person"
    section: ClassVar[str] = "people"
    refs: ClassVar[tuple[Ref, ...]] = (
        Ref("affiliations", "affiliated_with", ("organization",), key="organization", attrs=("role", "as_of", "former")),
        Ref("country", "citizen_of", ("country",)),
    )

    affiliations: tuple[Affiliation, ...] = ()
    country: str | None = None


class AIModel(Entity):
    """An AI model or model family, with the figures its developers state."""

    record_type: ClassVar[str] = "model"
    section: ClassVar[str] = "models"
    refs: ClassVar[tuple[Ref, ...]] = (
        Ref("developers", "developed_by", ("organization",)),
        Ref("contributors", "has_contributor", ("organization",)),
        Ref("family", "in_family", ("model",)),
        Ref("base_model", "based_on", ("model",)),
        Ref("predecessor", "succeeds", ("model",)),
        Ref("training_hardware", "trained_on", ("accelerator",)),
    )

    kind: ModelKind
    developers: tuple[str, ...] = Field(min_length=1)
    """The organizations that built the model: trained it and released it (see the README, "Who builds an LLM")."""
    contributors: tuple[str, ...] = ()
    """Other organizations a source names on the model, such as the affiliations of a paper's other authors."""
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
    """What training cost as its developer or a report states it, in that source's currency and year."""
    training_compute_cost: Money | None = None
    """An estimate of the training compute's cost at a year's prices (Epoch AI: 2023 USD), not a stated cost."""
    training_duration: Quantity | None = None
    training_compute: Quantity | None = None
    """Floating-point operations used in training (``unit: FLOP``), with the source's confidence."""
    training_dataset_size: Quantity | None = None
    """How large the training data is, in the source's unit (``datapoints``, ``words``...)."""
    training_tokens: Quantity | None = None
    """How many tokens training saw, where the source counts tokens (LLM-jp: "2.1T tokens")."""
    training_gradients: Quantity | None = None
    """Epoch AI's "Training dataset size (gradients)": datapoints processed, epochs counted (not the data's size)."""
    training_hardware: tuple[str, ...] = ()
    """The accelerators (chips) the model was trained on."""
    hardware_quantity: Quantity | None = None
    """How many of the training hardware's chips were used."""
    domains: tuple[str, ...] = ()
    """The source's domains (Epoch AI: ``Language``, ``Vision``, ``Multimodal``...)."""
    tasks: tuple[str, ...] = ()
    """The source's tasks (Epoch AI: ``Language modeling/generation``, ``Chat``...)."""
    accessibility: Accessibility | None = None
    license: str | None = None
    """The licence the weights are published under, as the source names it."""
    notability_criteria: tuple[str, ...] = ()
    """Why Epoch AI counts the model as notable (``SOTA improvement``, ``Training cost``...)."""
    variant_parameters: tuple[Quantity, ...] = ()
    """For a family, the sizes of its variants as the source lists them (``7B, 13B, 70B``)."""

    @model_validator(mode="after")
    def _open_weights_agree(self) -> AIModel:
        if self.open_weights is not None and self.accessibility is not None:
            if self.open_weights != self.accessibility.startswith("open_weights"):
                raise ValueError(f"open_weights={self.open_weights} contradicts accessibility={self.accessibility!r}")
        return self

    # issue 10: counts and durations are not negative
    _counts = field_validator("parameters", "active_parameters", "variant_count", "training_duration")(
        lambda v: _not_negative(v))


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


class Policy(Entity):
    """A national or city strategy, law, regulation, guideline, programme or funding scheme.

    ``official_title`` is the title in its own language and script
    (``official_language``); ``name`` is the English title a government or a
    major translation uses. ``lifecycle`` holds the dated steps (proposed, passed,
    promulgated, in force, amended...), each at its own precision; ``status`` is
    where the policy stood on ``status_as_of``. ``concerns`` names the
    organizations, products or models a measure is aimed at; ``modifies``,
    ``implements``, ``supersedes`` and ``part_of`` relate it to other policies.

    Examples
    --------
    >>> p = Policy.model_validate({"id": "kr-ai-basic-act", "name": "AI Basic Act", "kind": "law",
    ...     "jurisdiction": "KR", "lifecycle": [{"event": "passed", "date": "2024-12-26"},
    ...     {"event": "in_force", "date": "2026-01-22"}], "sources": ["s"]})
    >>> str(p.date_of("passed")), p.in_force_on("2025-06-01"), p.in_force_on("2026-02-01")
    ('2024-12-26', False, True)
    """

    record_type: ClassVar[str] = "policy"
    section: ClassVar[str] = "policies"
    refs: ClassVar[tuple[Ref, ...]] = (
        Ref("jurisdiction", "jurisdiction", ("country", "place")),
        Ref("issuing_bodies", "issued_by", ("organization", "person")),
        Ref("implementing_bodies", "implemented_by", ("organization",)),
        Ref("modifies", "modifies", ("policy",)),
        Ref("implements", "implements", ("policy",)),
        Ref("supersedes", "supersedes", ("policy",)),
        Ref("part_of", "part_of", ("policy",)),
        Ref("concerns", "concerns", ("organization", "product", "model")),
    )

    kind: PolicyKind
    official_title: str | None = None
    official_language: LanguageTag | None = None
    jurisdiction: str
    issuing_bodies: tuple[str, ...] = ()
    implementing_bodies: tuple[str, ...] = ()
    lifecycle: tuple[LifecycleEvent, ...] = ()
    status: PolicyStatus | None = None
    status_as_of: PartialDate | None = None
    target_year: int | None = Field(default=None, ge=1900, le=2200)
    goals: tuple[Goal, ...] = ()
    provisions: tuple[str, ...] = ()
    budget: Money | None = None
    annual_budget: Money | None = None
    budget_period: Period | None = None
    modifies: tuple[str, ...] = ()
    implements: tuple[str, ...] = ()
    supersedes: tuple[str, ...] = ()
    part_of: str | None = None
    concerns: tuple[str, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _dates_of_0_1(cls, data: Any) -> Any:
        """0.1's ``announced`` and ``in_force`` dates are lifecycle events (and their citations name them so)."""
        if not isinstance(data, dict) or not ({"announced", "in_force"} & data.keys()):
            return data
        data = dict(data)
        events = [{"event": k, "date": data.pop(k)} for k in ("announced", "in_force") if k in data]
        data["lifecycle"] = [*events, *(data.get("lifecycle") or ())]
        renamed = {"announced": "lifecycle.announced", "in_force": "lifecycle.in_force"}
        data["sources"] = [
            {**c, "fields": [renamed.get(f, f) for f in c.get("fields", ())]} if isinstance(c, dict) else c
            for c in data.get("sources") or ()
        ]
        return data

    @model_validator(mode="after")
    def _status_dated(self) -> Policy:
        if self.status_as_of is not None and self.status is None:
            raise ValueError("status_as_of without a status")
        if self.official_language is not None and self.official_title is None:
            raise ValueError("official_language without an official_title")
        return self

    def date_of(self, event: str) -> PartialDate | None:
        """The date of the policy's first step of kind ``event`` (``passed``, ``in_force``...), or ``None``."""
        dates = [e.date for e in self.lifecycle if e.event == event]
        return min(dates) if dates else None

    def in_force_on(self, date: PartialDate | str | int) -> bool:
        """Whether the policy was in force (whole or in part) on ``date``, by its lifecycle.

        In force from its first ``in_force`` or ``partially_in_force`` step on or before
        ``date``, until a ``repealed``, ``superseded`` or ``expired`` step on or before
        ``date``. A step known to the month or year counts as on its first day
        (a law in force "2026-01" is in force on 2026-01-15).
        """
        day = _first_day(PartialDate.parse(date))
        started = [e for e in self.lifecycle if e.event in ("in_force", "partially_in_force")
                   and _first_day(e.date) <= day]
        ended = [e for e in self.lifecycle if e.event in ("repealed", "superseded", "expired")
                 and _first_day(e.date) <= day]
        return bool(started) and not ended


def _first_day(date: PartialDate) -> tuple[int, int, int]:
    return (date.year, date.month or 1, date.day or 1)


class Investment(Entity):
    """Money committed: an equity round, a listing, an infrastructure build-out, a fund or programme, a grant.

    ``investors`` may be empty when no source names them (a round whose investee
    says only how much it raised). ``status`` says how far the deal had gone when
    the source reported it (``in_talks`` and ``reported`` are not confirmed).
    """

    record_type: ClassVar[str] = "investment"
    section: ClassVar[str] = "investments"
    refs: ClassVar[tuple[Ref, ...]] = (
        Ref("investors", "invested_in", ("organization",), key="organization", reverse=True, attrs=("lead",)),
        Ref("investee", "investee", ("organization",)),
        Ref("targets", "targets", ("country", "place", "organization", "product")),
    )

    kind: InvestmentKind
    status: InvestmentStatus | None = None
    investors: tuple[InvestorRole, ...] = ()
    investee: str | None = None
    targets: tuple[str, ...] = ()
    round: str | None = None
    amount: Money | None = None
    date: PartialDate | None = None
    duration: Quantity | None = None
    post_money_valuation: Money | None = None

    # issue 10: a duration is not negative
    _duration = field_validator("duration")(lambda v: _not_negative(v))

    @model_validator(mode="after")
    def _someone(self) -> Investment:
        if not (self.investors or self.investee or self.targets):
            raise ValueError("an investment names its investors, its investee or its targets")
        return self


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

    # issue 10: a share is a percentage between 0 and 100
    @model_validator(mode="after")
    def _share(self) -> Indicator:
        if self.measure.startswith("share_of") and self.value is not None:
            v = self.value
            if v.unit not in (None, "percent") or not all(0 <= x <= 100 for x in (v.value, v.upper) if x is not None):
                raise ValueError(f"a share is a percentage between 0 and 100 (unit 'percent'), got {v.describe()}")
        return self


def _not_negative(value: Quantity | None) -> Quantity | None:
    """Issue 10: a count or a duration is zero or more."""
    if value is not None and any(x is not None and x < 0 for x in (value.value, value.upper)):
        raise ValueError(f"a count or duration is not negative, got {value.describe()}")
    return value


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
        Accelerator,
        ComputeCluster,
    )
}

#: Record type (``"organization"``, ``"model"``, ...) -> record model.
RECORD_TYPES: dict[str, type[Record]] = {m.record_type: m for m in SECTIONS.values()}
assert tuple(RECORD_TYPES) == RECORD_TYPE_NAMES, "schema.terms.RECORD_TYPE_NAMES is out of date"


@functools.cache
def section_adapter(section: str) -> TypeAdapter[list[Record]]:
    """A validator for a whole section (a list of records of one kind), built once per section.

    Examples
    --------
    >>> [r.id for r in section_adapter("countries").validate_python([{"id": "KR", "name": "South Korea", "sources": ["s"]}])]
    ['KR']
    """
    model: Any = SECTIONS[section]
    return TypeAdapter(list[model])
