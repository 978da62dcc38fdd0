"""The value types and record models: what they accept, what they refuse, how they read."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from pydantic import ValidationError

import asiaai_graph as ag
from asiaai_graph.schema import RECORD_TYPES, SECTIONS


@pytest.mark.parametrize(
    ("raw", "text", "precision"),
    [
        (2024, "2024", "year"),
        ("2024-05", "2024-05", "month"),
        (dt.date(2025, 1, 21), "2025-01-21", "day"),
        ("2018~", "2018~", "year"),
        ("2024-09-01~", "2024-09-01~", "day"),
    ],
)
def test_partial_date_keeps_precision(raw: object, text: str, precision: str) -> None:
    d = ag.PartialDate.parse(raw)
    assert str(d) == text
    assert d.precision == precision
    assert d.approximate == text.endswith("~")


@pytest.mark.parametrize("raw", ["2024-13", "2023-02-29", "2024-00", "24", "late 2024", True, 3.5, "2024-5"])
def test_partial_date_refuses(raw: object) -> None:
    with pytest.raises(ValueError):
        ag.PartialDate.parse(raw)


def test_partial_date_orders_and_hashes() -> None:
    a, b = ag.PartialDate.parse(2019), ag.PartialDate.parse("2019-03")
    assert a < b and len({a, ag.PartialDate.parse("2019")}) == 1
    with pytest.raises(AttributeError):
        a.year = 2020  # type: ignore[misc]


def test_quantity_forms() -> None:
    assert ag.Quantity.model_validate(671000000000).qualifier == "exact"
    q = ag.Quantity.model_validate({"value": 100_000_000_000, "qualifier": "at_least"})
    assert (q.value, q.qualifier) == (Decimal(100_000_000_000), "at_least")
    r = ag.Quantity.model_validate({"value": 20000, "upper": 30000, "qualifier": "between"})
    assert r.describe() == "20,000–30,000"
    with pytest.raises(ValidationError, match="needs an 'upper'"):
        ag.Quantity.model_validate({"value": 1, "qualifier": "between"})
    with pytest.raises(ValidationError, match="only allowed with qualifier 'between'"):
        ag.Quantity.model_validate({"value": 1, "upper": 2})
    with pytest.raises(ValidationError):
        ag.Quantity.model_validate({"value": 1, "qualifier": "roughly"})


def test_money_keeps_currency_and_stated_equivalents() -> None:
    m = ag.Money.model_validate(
        {"amount": 600_000_000_000, "currency": "CNY", "qualifier": "about",
         "equivalents": [{"amount": 120_000_000_000_000, "currency": "KRW", "qualifier": "about"}]}
    )
    assert m.currency == "CNY" and m.equivalents[0].currency == "KRW"
    assert isinstance(m.amount, Decimal)
    with pytest.raises(ValidationError, match="ISO 4217"):
        ag.Money.model_validate({"amount": 1, "currency": "RMB"})


def test_records_are_frozen_and_strict() -> None:
    org = ag.Organization(id="naver", name="Naver", kind="company", sources=["src"])
    assert org.sources[0] == ag.Citation(source="src")
    with pytest.raises(ValidationError):
        org.name = "Other"  # type: ignore[misc]
    with pytest.raises(ValidationError, match="extra"):
        ag.Organization.model_validate({"id": "x", "name": "X", "kind": "company", "sources": ["s"], "ceo": "?"})
    with pytest.raises(ValidationError, match="at least 1 item"):
        ag.Organization(id="x", name="X", kind="company", sources=[])


@pytest.mark.parametrize("bad", ["Naver", "naver_corp", "-naver", "네이버", "naver--x"])
def test_ids_are_lowercase_ascii_slugs(bad: str) -> None:
    with pytest.raises(ValidationError):
        ag.Organization(id=bad, name="X", kind="company", sources=["s"])


def test_country_ids_are_iso_codes() -> None:
    assert ag.Country(id="KR", name="South Korea", sources=["s"]).id == "KR"
    for bad in ("kr", "KOR", "XX"):
        with pytest.raises(ValidationError):
            ag.Country(id=bad, name="?", sources=["s"])


def test_indicator_has_exactly_one_figure() -> None:
    base = {"id": "i", "name": "I", "subject": "CN", "measure": "ai_company_count", "sources": ["s"]}
    with pytest.raises(ValidationError, match="exactly one"):
        ag.Indicator.model_validate(base)
    with pytest.raises(ValidationError, match="exactly one"):
        ag.Indicator.model_validate(base | {"value": 1, "amount": {"amount": 1, "currency": "USD"}})


def test_labels_by_language_and_names() -> None:
    org = ag.Organization(id="baidu", name="Baidu", labels={"ko": "바이두", "zh": "百度"},
                          aliases=("Baidu Inc.",), kind="company", sources=["s"])
    assert org.label_in("ko") == "바이두" and org.label_in("ja") == "Baidu"
    assert org.names() == ("Baidu", "바이두", "百度", "Baidu Inc.")
    with pytest.raises(ValidationError):
        ag.Organization(id="x", name="X", labels={"klingon": "X"}, kind="company", sources=["s"])


def test_sections_and_record_types_cover_every_model() -> None:
    assert set(SECTIONS.values()) == set(RECORD_TYPES.values())
    assert len(SECTIONS) == 11
    for model in SECTIONS.values():
        assert model.model_config.get("frozen") and model.model_config.get("extra") == "forbid"
        for ref in model.refs:
            assert ref.field in model.model_fields
            assert set(ref.targets) <= set(RECORD_TYPES)


def test_json_round_trip_of_every_sample_record(sample: ag.KnowledgeGraph) -> None:
    for record in sample.values():
        again = type(record).model_validate_json(record.model_dump_json())
        assert again == record


# --- element citations (issue 18, item 8) and policy lifecycles (issue 19) --------------------------

def _model(**extra: object) -> dict[str, object]:
    return {"id": "m", "name": "M", "kind": "llm", "developers": ["a", "b"], **extra}


def test_a_citation_can_state_one_element_of_a_list() -> None:
    m = ag.AIModel.model_validate(_model(sources=[
        {"source": "s1", "fields": ["developers.a"], "quote": "A built M"},
        {"source": "s2", "fields": ["developers"], "quote": "A and B built M"}]))
    first, second = m.sources
    assert first.supports("developers") and first.supports("developers.a") and not first.supports("developers.b")
    assert second.supports("developers.b")  # the whole list states each element
    assert m.element("developers", "b") == "b" and m.element("developers", "c") is None


def test_a_citation_of_an_element_the_record_does_not_have_is_refused() -> None:
    with pytest.raises(ValidationError, match=r"cites 'developers.c', but the record's developers has no element 'c'"):
        ag.AIModel.model_validate(_model(sources=[{"source": "s", "fields": ["developers.c"], "quote": "q"}]))
    with pytest.raises(ValidationError, match=r"cites 'nothing.a', which is not a field of a model"):
        ag.AIModel.model_validate(_model(sources=[{"source": "s", "fields": ["nothing.a"], "quote": "q"}]))


def _law(**extra: object) -> dict[str, object]:
    return {"id": "kr-ai-basic-act", "name": "AI Basic Act", "kind": "law", "jurisdiction": "KR", **extra}


def test_a_law_keeps_each_step_at_its_own_precision() -> None:
    law = ag.Policy.model_validate(_law(
        lifecycle=[{"event": "passed", "date": "2024-12-26"}, {"event": "promulgated", "date": "2025-01"},
                   {"event": "in_force", "date": 2026}],
        status="in_force", status_as_of="2026-01-22",
        sources=[{"source": "s", "fields": ["lifecycle.passed", "lifecycle.in_force", "status", "status_as_of"],
                  "quote": "q"}, {"source": "t", "fields": ["lifecycle.promulgated"], "quote": "q"}]))
    assert [(e.event, e.date.precision) for e in law.lifecycle] == [
        ("passed", "day"), ("promulgated", "month"), ("in_force", "year")]
    assert law.in_force_on("2026-01-01") and not law.in_force_on("2025-12-31")


def test_an_amended_then_repealed_law_is_in_force_only_between() -> None:
    law = ag.Policy.model_validate(_law(lifecycle=[
        {"event": "in_force", "date": "2020-03-01"}, {"event": "amended", "date": "2021-05"},
        {"event": "repealed", "date": "2023-07-01"}], sources=["s"]))
    assert [law.in_force_on(d) for d in ("2020-02-29", "2021-06-01", "2023-06-30", "2023-07-01")] == [
        False, True, True, False]


def test_a_disputed_step_keeps_both_dates_and_the_kept_one_is_among_them() -> None:
    law = ag.Policy.model_validate(_law(
        lifecycle=[{"event": "in_force", "date": "2025-09-01"}],
        sources=[{"source": "gazette", "fields": ["lifecycle.in_force"], "quote": "q"},
                 {"source": "news", "fields": ["lifecycle.in_force"], "quote": "q"}],
        disputes=[{"field": "lifecycle.in_force", "reason": "the gazette is authoritative",
                   "values": [{"value": "2025-09-01", "sources": ["gazette"]},
                              {"value": "2025-06-04", "sources": ["news"]}]}]))
    assert str(law.date_of("in_force")) == "2025-09-01"
    with pytest.raises(ValidationError, match="is not one of the stated values"):
        ag.Policy.model_validate(_law(
            lifecycle=[{"event": "in_force", "date": "2025-01-01"}],
            sources=[{"source": "a", "fields": ["lifecycle.in_force"], "quote": "q"}],
            disputes=[{"field": "lifecycle.in_force", "reason": "r", "values": [
                {"value": "2025-09-01", "sources": ["a"]}, {"value": "2025-06-04", "sources": ["a"]}]}]))


def test_dates_of_0_1_policies_become_lifecycle_steps() -> None:
    old = ag.Policy.model_validate(_law(in_force="2024-04-24", sources=[
        {"source": "s", "fields": ["in_force"], "quote": "q"}]))
    assert [e.describe() for e in old.lifecycle] == ["in force 2024-04-24"]
    assert old.sources[0].fields == ("lifecycle.in_force",)


def test_an_investment_names_who_or_what_it_funds() -> None:
    with pytest.raises(ValidationError, match="names its investors, its investee or its targets"):
        ag.Investment.model_validate({"id": "i", "name": "I", "kind": "equity_round", "sources": ["s"]})
    round_ = ag.Investment.model_validate({"id": "i", "name": "I", "kind": "equity_round", "investee": "x",
                                           "status": "in_talks", "sources": ["s"]})
    assert round_.investors == () and round_.status == "in_talks"
