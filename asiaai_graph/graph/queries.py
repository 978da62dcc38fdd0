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

    def id_of(self, value: EntityOrId, record_type: str | tuple[str, ...] | None = None,
              param: str = "entity") -> str:
        raise NotImplementedError

    def organizations(self, country: EntityOrId | None = None, kind: str | None = None) -> list[Organization]:
        """Organizations, optionally of one country and/or one kind (``company``, ``university``, ...).

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> kg = ag.load()
        >>> "kaist" in [o.id for o in kg.organizations(country="KR", kind="university")]
        True
        """
        c = self.id_of(country, "country", "country") if country is not None else None
        k = _check_choice(kind, "organization", "kind") if kind is not None else None
        return self.select("organization", country=c, kind=k)

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
        the curated data); what is left to place, and where it came from.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> missing = ag.load().without_country()
        >>> all(ids == sorted(ids) for ids in missing.values())
        True
        """
        out: dict[str, list[str]] = {}
        for org in self.select("organization"):
            if org.country is None:
                for source in dict.fromkeys(c.source for c in org.sources):
                    out.setdefault(source, []).append(org.id)
        return dict(sorted(out.items()))

    def llm_builders(self, country: EntityOrId | None = None) -> list[Organization]:
        """Organizations that develop at least one large language model.

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
        """
        c = self.id_of(country, "country", "country") if country is not None else None
        return self.select("organization", country=c, llm=True)

    def models(
        self,
        developer: EntityOrId | None = None,
        kind: str | None = None,
        country: EntityOrId | None = None,
    ) -> list[AIModel]:
        """AI models, optionally by developer, kind (``llm``, ``vision``, ...) and developer's country.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> "deepseek-v3" in [m.id for m in ag.load().models(developer="deepseek", kind="llm")]
        True
        """
        d = self.id_of(developer, "organization", "developer") if developer is not None else None
        k = _check_choice(kind, "model", "kind") if kind is not None else None
        c = self.id_of(country, "country", "country") if country is not None else None
        return self.select("model", developer=d, kind=k, country=c)

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
    ) -> list[Policy]:
        """Policies; ``country`` includes those of the country's cities and provinces.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> kg = ag.load()
        >>> "shanghai" in {p.jurisdiction for p in kg.policies(country="CN")}
        True
        >>> [p.id for p in kg.policies(country="KR")]
        ['korea-national-ai-strategy']
        """
        c = self.id_of(country, "country", "country") if country is not None else None
        k = _check_choice(kind, "policy", "kind") if kind is not None else None
        j = self.id_of(jurisdiction, ("country", "place"), "jurisdiction") if jurisdiction is not None else None
        return self.select("policy", country=c, kind=k, jurisdiction=j)

    def investments(
        self,
        investor: EntityOrId | None = None,
        investee: EntityOrId | None = None,
        country: EntityOrId | None = None,
        year: int | None = None,
    ) -> list[Investment]:
        """Investments, by investor, investee, the country the money goes to, or year.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> [(i.amount.describe(), i.post_money_valuation.describe()) for i in ag.load().investments(investee="sensetime")]
        [('600,000,000 USD', '4,500,000,000 USD')]
        """
        i = self.id_of(investor, "organization", "investor") if investor is not None else None
        e = self.id_of(investee, "organization", "investee") if investee is not None else None
        c = self.id_of(country, "country", "country") if country is not None else None
        return self.select("investment", investor=i, investee=e, country=c, year=year)

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
