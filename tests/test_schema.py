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
    assert len(SECTIONS) == 13
    for model in SECTIONS.values():
        assert model.model_config.get("frozen") and model.model_config.get("extra") == "forbid"
        for ref in model.refs:
            assert ref.field in model.model_fields
            assert set(ref.targets) <= set(RECORD_TYPES)


def test_json_round_trip_of_every_sample_record(sample: ag.KnowledgeGraph) -> None:
    for record in sample.values():
        again = type(record).model_validate_json(record.model_dump_json())
        assert again == record
