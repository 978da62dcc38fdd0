"""The questions the graph answers: organizations, LLM builders, models, policies, investments...

:class:`Queries` is a part of :class:`~asiaai_graph.KnowledgeGraph`: each helper
checks its filters (ids or records, of the right type; kinds and measures from
the schema's vocabularies) and answers from the graph's indexes through
:meth:`~asiaai_graph.KnowledgeGraph.select`, at a cost proportional to the answer.

Examples
--------
>>> import asiaai_graph as ag
>>> {"alibaba-cloud", "baidu", "deepseek"} <= {o.id for o in ag.load().llm_builders(country="CN")}
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Union, get_args

if TYPE_CHECKING:
    from asiaai_graph.schema.values import PartialDate
    from asiaai_graph.schema import (
        AIModel,
        Indicator,
        Investment,
        Organization,
        Partnership,
        Policy,
        Product,
        Record,
    )

__all__ = ["EntityOrId", "Queries"]

# the models are only imported when a record is decoded: a query answered from a snapshot needs no pydantic
EntityOrId = Union[str, "Record"]
"""A record, or its id."""


#: The steps by which a policy is passed: by a legislature, or adopted or approved by a government.
_PASSING = frozenset({"passed", "adopted", "approved"})


def _check_term(value: str, vocabulary: str, param: str) -> str:
    from asiaai_graph.schema import terms

    choices = get_args(getattr(terms, vocabulary))
    if value not in choices:
        raise ValueError(f"{param}={value!r} is not one of: {', '.join(choices)}")
    return value


def _check_choice(value: str, record_type: str, param: str) -> str:
    from asiaai_graph.schema import RECORD_TYPES

    model = RECORD_TYPES[record_type]
    choices = get_args(model.model_fields["kind"].annotation)
    if value not in choices:
        raise ValueError(f"{param}={value!r} is not one of: {', '.join(choices)}")
    return value


class Queries:
    """Domain queries over :meth:`select` and :meth:`id_of`, which the graph provides."""

    def select(self, record_type: str, **filters: Any) -> list[Any]:
        raise NotImplementedError

    def ids(self, record_type: str, **filters: Any) -> list[str]:
        raise NotImplementedError

    def __contains__(self, rid: object) -> bool:
        raise NotImplementedError

    def _in_region(self, records: list[Any], record_type: str, region: str | None) -> list[Any]:
        """``records`` whose country (their own, their developers', their jurisdiction's) is in ``region``."""
        if region is None:
            return records
        from asiaai_graph.schema.regions import region_codes

        inside = {i for c in region_codes(region) if c in self for i in self.ids(record_type, country=c)}
        return [r for r in records if r.id in inside]

    def id_of(self, value: EntityOrId, record_type: str | tuple[str, ...] | None = None,
              param: str = "entity") -> str:
        raise NotImplementedError

    def organizations(self, country: EntityOrId | None = None, kind: str | None = None,
                      region: str | None = None) -> list[Organization]:
        """Organizations, optionally of one country or region and/or one kind (``company``, ``university``, ...).

        ``region`` names a group of countries (:mod:`asiaai_graph.schema.regions`: ``"East Asia"``,
        ``"Southeast Asia"``, ``"South Asia"``, ``"Central Asia"``, ``"Western Asia"``, ``"the Gulf"``, ``"Asia"``).

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> kg = ag.load()
        >>> "kaist" in [o.id for o in kg.organizations(country="KR", kind="university")]
        True
        """
        c = self.id_of(country, "country", "country") if country is not None else None
        k = _check_choice(kind, "organization", "kind") if kind is not None else None
        return self._in_region(self.select("organization", country=c, kind=k), "organization", region)

    def companies(self, country: EntityOrId | None = None) -> list[Organization]:
        """Companies and startups, optionally of one country.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> "sensetime" in [o.id for o in ag.load().companies(country="CN")]
        True
        """
        c = self.id_of(country, "country", "country") if country is not None else None
        return self.select("organization", country=c, company=True)

    def without_country(self) -> dict[str, list[str]]:
        """Organizations no source places in a country, by the source that brings each in: source id -> ids.

        An organization counts under every source that cites it (its datasets, or the articles of
        the curated data); what is left to place, and where it came from. A body of states (its
        members are countries: the G7) is placed by its members, not missing (:meth:`bodies_of_states`).

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> missing = ag.load().without_country()
        >>> all(ids == sorted(ids) for ids in missing.values())
        True
        >>> "g7" in {oid for ids in missing.values() for oid in ids}
        False
        """
        states = set(self.bodies_of_states())
        out: dict[str, list[str]] = {}
        for org in self.select("organization"):
            if org.country is None and org.id not in states:
                for source in dict.fromkeys(c.source for c in org.sources):
                    out.setdefault(source, []).append(org.id)
        return dict(sorted(out.items()))

    def bodies_of_states(self) -> dict[str, list[str]]:
        """Organizations whose members are countries (the G7, an ASEAN ministers' meeting): id -> member countries.

        They have no country of their own; their members say where they are.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> ag.load().bodies_of_states()["g7"]
        ['CA', 'DE', 'FR', 'GB', 'IT', 'JP', 'US']
        """
        countries = set(self.ids("country"))
        out: dict[str, list[str]] = {}
        for org in self.select("organization"):
            if org.country is None and org.members and countries.issuperset(org.members):
                out[org.id] = sorted(org.members)
        return dict(sorted(out.items()))

    def llm_builders(self, country: EntityOrId | None = None, region: str | None = None) -> list[Organization]:
        """Organizations that develop at least one large language model (of every continent, unless filtered).

        A model of kind ``llm`` or ``multimodal`` counts
        (:data:`~asiaai_graph.graph.index.LANGUAGE_MODEL_KINDS`): a multimodal model
        here is a language model that also reads or makes images or sound, like
        GPT-4. Models of kind ``vision`` or ``speech`` do not count.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> kg = ag.load()
        >>> {"naver", "lg-ai-research", "upstage"} <= {o.id for o in kg.llm_builders(country="KR")}
        True
        >>> "openai" in [o.id for o in kg.llm_builders()]   # GPT-4 is multimodal
        True
        >>> {"inception-g42", "mbzuai"} <= {o.id for o in kg.llm_builders(region="the Gulf")}
        True
        """
        c = self.id_of(country, "country", "country") if country is not None else None
        return self._in_region(self.select("organization", country=c, llm=True), "organization", region)

    def models(
        self,
        developer: EntityOrId | None = None,
        kind: str | None = None,
        country: EntityOrId | None = None,
        region: str | None = None,
    ) -> list[AIModel]:
        """AI models, optionally by developer, kind (``llm``, ``vision``, ...) and developer's country or region.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> "deepseek-v3" in [m.id for m in ag.load().models(developer="deepseek", kind="llm")]
        True
        """
        d = self.id_of(developer, "organization", "developer") if developer is not None else None
        k = _check_choice(kind, "model", "kind") if kind is not None else None
        c = self.id_of(country, "country", "country") if country is not None else None
        return self._in_region(self.select("model", developer=d, kind=k, country=c), "model", region)

    def products(
        self, maker: EntityOrId | None = None, kind: str | None = None, model: EntityOrId | None = None
    ) -> list[Product]:
        """Products and services, optionally by maker, kind or the model they use.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> [p.id for p in ag.load().products(model="ernie")]
        ['xiaodu-ai-glasses']
        """
        m = self.id_of(maker, "organization", "maker") if maker is not None else None
        k = _check_choice(kind, "product", "kind") if kind is not None else None
        mo = self.id_of(model, "model", "model") if model is not None else None
        return self.select("product", maker=m, kind=k, model=mo)

    def policies(
        self,
        country: EntityOrId | None = None,
        kind: str | None = None,
        jurisdiction: EntityOrId | None = None,
        *,
        in_force_on: str | int | PartialDate | None = None,
        passed_in: int | None = None,
        issued_by: EntityOrId | None = None,
        status: str | None = None,
    ) -> list[Policy]:
        """Policies; ``country`` includes those of the country's cities and provinces.

        ``in_force_on`` keeps those in force (whole or in part) on a date, by their lifecycle
        (:meth:`~asiaai_graph.Policy.in_force_on`); ``passed_in`` those passed, adopted or
        approved in a year; ``issued_by`` those a body issued; ``status`` those whose stated
        status is that word (``in_force``, ``pending``...).

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> kg = ag.load()
        >>> "shanghai" in {p.jurisdiction for p in kg.policies(country="CN")}
        True
        >>> "kr-ai-basic-act" in [p.id for p in kg.policies(country="KR", kind="law", in_force_on="2026-02-01")]
        True
        >>> "kr-ai-basic-act" in [p.id for p in kg.policies(country="KR", in_force_on="2025-12-31")]
        False
        >>> [p.id for p in kg.policies(country="KR", passed_in=2024, kind="law")]
        ['kr-ai-basic-act']
        """
        from asiaai_graph.schema.values import PartialDate

        c = self.id_of(country, "country", "country") if country is not None else None
        k = _check_choice(kind, "policy", "kind") if kind is not None else None
        j = self.id_of(jurisdiction, ("country", "place"), "jurisdiction") if jurisdiction is not None else None
        found: list[Policy] = self.select("policy", country=c, kind=k, jurisdiction=j)
        if issued_by is not None:
            body = self.id_of(issued_by, ("organization", "person"), "issued_by")
            found = [p for p in found if body in p.issuing_bodies]
        if status is not None:
            found = [p for p in found if p.status == _check_term(status, "PolicyStatus", "status")]
        if passed_in is not None:
            found = [p for p in found if any(e.event in _PASSING and e.date.year == passed_in for e in p.lifecycle)]
        if in_force_on is not None:
            day = PartialDate.parse(in_force_on)
            found = [p for p in found if p.in_force_on(day)]
        return found

    def investments(
        self,
        investor: EntityOrId | None = None,
        investee: EntityOrId | None = None,
        country: EntityOrId | None = None,
        year: int | None = None,
        *,
        kind: str | None = None,
        status: str | None = None,
    ) -> list[Investment]:
        """Investments, by investor, investee, the country the money goes to, year, kind or status.

        ``country`` is the investee's country or a target's (a data centre in Japan is an
        investment in JP whoever makes it).

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> kg = ag.load()
        >>> [(i.amount.describe(), i.post_money_valuation.describe()) for i in kg.investments(investee="sensetime", year=2018)]
        [('600,000,000 USD', '4,500,000,000 USD')]
        >>> len(kg.investments(country="KR", kind="government_fund")) >= 3
        True
        """
        i = self.id_of(investor, "organization", "investor") if investor is not None else None
        e = self.id_of(investee, "organization", "investee") if investee is not None else None
        c = self.id_of(country, "country", "country") if country is not None else None
        found: list[Investment] = self.select("investment", investor=i, investee=e, country=c, year=year)
        if kind is not None:
            k = _check_choice(kind, "investment", "kind")
            found = [x for x in found if x.kind == k]
        if status is not None:
            found = [x for x in found if x.status == _check_term(status, "InvestmentStatus", "status")]
        return found

    def partnerships(
        self, organization: EntityOrId | None = None, country: EntityOrId | None = None
    ) -> list[Partnership]:
        """Partnerships, by a party and/or the country where they take place.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> [p.parties for p in ag.load().partnerships(country="SA")]
        [('tencent-cloud', 'mobily')]
        """
        o = self.id_of(organization, "organization", "organization") if organization is not None else None
        c = self.id_of(country, "country", "country") if country is not None else None
        return self.select("partnership", organization=o, country=c)

    def indicators(
        self,
        subject: EntityOrId | None = None,
        measure: str | None = None,
        country: EntityOrId | None = None,
    ) -> list[Indicator]:
        """Figures, by subject, measure (``private_ai_investment``, ...) or the subject's country.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> kg = ag.load()
        >>> for i in kg.indicators(measure="private_ai_investment"):
        ...     print(i.subject, i.period, i.amount.describe())
        CN 2023 ≈ 7,760,000,000 USD (≈ 11,000,000,000,000 KRW)
        KR 2023 1,400,000,000 USD
        US 2023 67,200,000,000 USD (≈ 97,500,000,000,000 KRW)
        """
        s = self.id_of(subject, ("country", "place", "organization", "product", "model"), "subject") if subject is not None else None
        c = self.id_of(country, "country", "country") if country is not None else None
        from asiaai_graph.schema.terms import Measure

        if measure is not None and measure not in get_args(Measure):
            raise ValueError(f"measure={measure!r} is not a known measure")
        return self.select("indicator", subject=s, measure=measure, country=c)
