"""Issue 19: policies and investments across Asia, asked as a policy analyst or an investor would."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from typing import Any

import pytest

import asiaai_graph as ag
from asiaai_graph.cli import main
from asiaai_graph.graph.histories import date_key


@pytest.fixture(scope="module")
def kg() -> ag.KnowledgeGraph:
    return ag.load()


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def _json(*argv: str) -> Any:
    code, text = run(*argv, "--json")
    assert code == 0
    return json.loads(text)


# --- coverage: the goals of the issue ------------------------------------------------------------------

def test_at_least_150_policies_over_20_jurisdictions_and_150_investments(kg: ag.KnowledgeGraph) -> None:
    policies = kg.policies()
    assert len(policies) >= 150
    assert len({p.jurisdiction for p in policies}) >= 20
    assert len(kg.investments()) >= 150


@pytest.mark.parametrize("country", ["KR", "JP", "CN", "IN", "SG", "VN", "TW", "AE", "SA", "QA", "ID", "TH", "MY"])
def test_every_major_economy_has_policies_with_dated_steps(kg: ag.KnowledgeGraph, country: str) -> None:
    policies = kg.policies(country=country)
    assert policies, country
    assert any(p.lifecycle for p in policies), country


# --- a law's life: Korea's AI Basic Act, as the CLI shows it ------------------------------------------

def test_koreas_ai_basic_act_has_its_passed_promulgated_and_in_force_dates(kg: ag.KnowledgeGraph) -> None:
    act = kg["kr-ai-basic-act"]
    assert isinstance(act, ag.Policy) and act.kind == "law" and act.official_language == "ko"
    assert (str(act.date_of("passed")), str(act.date_of("promulgated")), str(act.date_of("in_force"))) == (
        "2024-12-26", "2025-01-21", "2026-01-22")
    assert act.in_force_on("2026-01-22") and not act.in_force_on("2026-01-21")
    decree = kg["kr-ai-basic-act-enforcement-decree"]
    assert isinstance(decree, ag.Policy) and "kr-ai-basic-act" in decree.implements
    code, text = run("policies", "--country", "KR", "--kind", "law")
    line = next(line for line in text.splitlines() if line.startswith("kr-ai-basic-act "))
    assert ["2024-12-26", "2025-01-21", "2026-01-22"] == [w for w in line.split() if w[:4].isdigit()][:3]


@pytest.mark.parametrize(("country", "policy", "dates"), [
    ("JP", "jp-ai-promotion-act", {"passed": "2025-05-28", "promulgated": "2025-06-04", "in_force": "2025-09-01"}),
    ("CN", "cn-generative-ai-interim-measures", {"promulgated": "2023-07-13", "in_force": "2023-08-15"}),
    ("IN", "in-it-rules-amendment-2026-synthetic", {"promulgated": "2026-02-10", "in_force": "2026-02-20"}),
    ("VN", "vn-ai-law", {"passed": "2025-12-10", "in_force": "2026-03-01"}),
    ("TW", "tw-ai-basic-act", {"passed": "2025-12-23", "promulgated": "2026-01-14"}),
    ("SG", "sg-model-ai-governance-framework", {"published": "2019-01-23"}),
    ("AE", "abu-dhabi-aiatc-law", {"promulgated": "2024-01-22"}),
])
def test_the_same_answer_for_other_countries(country: str, policy: str, dates: dict[str, str]) -> None:
    rows = {p["id"]: p for p in _json("policies", "--country", country)}
    assert policy in rows
    stated = {e["event"]: e["date"] for e in rows[policy]["lifecycle"]}
    assert {k: stated.get(k) for k in dates} == dates


def test_japans_in_force_date_is_disputed_and_both_values_are_kept(kg: ag.KnowledgeGraph) -> None:
    act = kg["jp-ai-promotion-act"]
    assert isinstance(act, ag.Policy)
    (dispute,) = [d for d in act.disputes if d.field == "lifecycle.in_force"]
    assert {v.value for v in dispute.values} >= {"2025-09-01", "2025-06-04"}
    evidence = kg.sources_of(act, field="lifecycle.in_force")
    assert {str(e.value) for e in evidence} >= {"2025-09-01", "2025-06-04"}
    assert any(e.kept for e in evidence) and not all(e.kept for e in evidence)


# --- the questions of a policy analyst ------------------------------------------------------------------

def test_policies_in_force_on_a_date_passed_in_a_year_and_by_issuing_body(kg: ag.KnowledgeGraph) -> None:
    in_force = {p.id for p in kg.policies(country="KR", in_force_on="2026-06-01")}
    assert "kr-ai-basic-act" in in_force
    assert "kr-ai-basic-act" not in {p.id for p in kg.policies(country="KR", in_force_on="2025-06-01")}
    assert "kr-ai-basic-act" in {p.id for p in kg.policies(passed_in=2024)}
    by_assembly = kg.policies(issued_by="kr-national-assembly")
    assert by_assembly and all("kr-national-assembly" in p.issuing_bodies for p in by_assembly)
    with pytest.raises(ValueError, match="status='enforced' is not one of"):
        kg.policies(status="enforced")


def test_a_citys_policies_and_a_countrys_include_its_cities(kg: ag.KnowledgeGraph) -> None:
    seoul = {p.id for p in kg.policies(jurisdiction="seoul")}
    assert seoul and seoul <= {p.id for p in kg.policies(country="KR")}
    assert {"shanghai", "shenzhen", "beijing"} <= {p.jurisdiction for p in kg.policies(country="CN")}


def test_a_timeline_orders_steps_of_every_precision(kg: ag.KnowledgeGraph) -> None:
    steps = kg.timeline("kr-ai-basic-act")
    keys = [date_key(s.date) for s in steps]
    assert keys == sorted(keys)
    assert {"kr-ai-basic-act", "kr-ai-basic-act-enforcement-decree"} <= {s.policy.id for s in steps}
    code, text = run("timeline", "kr-ai-basic-act", "--lang", "ko")
    assert code == 0 and text.splitlines()[0].split()[:2] == ["날짜", "단계"]
    assert "공포" in text and "시행" in text


# --- money ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("company", ["zhipu-ai", "moonshot", "minimax"])
def test_a_chinese_llm_startups_rounds_in_order_with_investors_and_valuations(kg: ag.KnowledgeGraph,
                                                                           company: str) -> None:
    rounds = kg.funding_rounds(company)
    assert len(rounds) >= 4
    assert [date_key(r.date) for r in rounds] == sorted(date_key(r.date) for r in rounds)
    assert any(r.post_money_valuation for r in rounds) and any(r.investors for r in rounds)
    assert all(r.amount is None or r.amount.currency in {"CNY", "USD", "HKD"} for r in rounds)
    rows = _json("investments", "--investee", company)
    assert [r["id"] for r in rows] == [r.id for r in rounds]


def test_investments_table_marks_lead_investors_and_totals_by_currency() -> None:
    code, text = run("investments", "--investee", "sensetime", "--totals")
    assert code == 0
    assert "Alibaba Group*" in text  # the lead of the 2018 round
    totals = _json("investments", "--investee", "sensetime", "--totals")["totals"]
    assert {t["currency"] for t in totals} >= {"USD"}
    assert all(set(t) == {"currency", "amount", "records", "approximate"} for t in totals)


def test_totals_never_add_currencies_and_say_when_a_bound_is_summed(kg: ag.KnowledgeGraph) -> None:
    found = kg.investments(investee="moonshot")
    totals = {t.currency: t for t in kg.totals(found)}
    usd = [i.amount for i in found if i.amount and i.amount.currency == "USD"]
    assert totals["USD"].amount == sum((a.amount for a in usd), Decimal(0))
    assert totals["USD"].approximate == any(a.qualifier != "exact" for a in usd)


def test_investments_by_country_kind_and_status(kg: ag.KnowledgeGraph) -> None:
    korean = kg.investments(country="KR")
    assert len(korean) >= 20
    funds = kg.investments(country="KR", kind="government_fund")
    assert funds and all(i.kind == "government_fund" for i in funds)
    talks = kg.investments(status="in_talks")
    assert talks and all(i.status == "in_talks" for i in talks)


def test_the_data_report_counts_policies_investments_and_builders() -> None:
    data = _json("report")
    assert sum(sum(k.values()) for k in data["policies"].values()) >= 150
    assert len(data["policies"]) >= 20
    assert data["llm_builders"]["KR"] >= 10 and data["llm_builders"]["IN"] >= 3
    code, text = run("report", "--lang", "ko")
    assert code == 0 and "관할" in text


# --- RDF: lifecycle and roles in the export, ELI alongside, the round trip lossless ------------------

def test_policies_and_investments_round_trip_through_rdf(kg: ag.KnowledgeGraph) -> None:
    back = ag.from_rdf(kg.serialize(format="nt").encode(), format="nt")
    for record in [*kg.policies(), *kg.investments()]:
        assert back[record.id] == record, record.id


def test_the_export_states_eli_dates_and_passed_by() -> None:
    rows = ag.load().sparql("""
        PREFIX eli: <http://data.europa.eu/eli/ontology#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?date ?by WHERE {
          ?law dcterms:identifier "kr-ai-basic-act" ; eli:first_date_entry_in_force ?date ; eli:passed_by ?by .
        }""")
    assert {str(r["date"]) for r in rows} == {"2026-01-22"}
    assert any(str(r["by"]).endswith("/kr-national-assembly") for r in rows)


# --- pictures: a country's policy timeline, a company's funding history --------------------------------

def test_timeline_and_funding_pictures_in_korean(tmp_path: Any) -> None:
    pytest.importorskip("matplotlib")
    code, _ = run("timeline", "KR", "--lang", "ko", "--draw", str(tmp_path / "kr.png"))
    assert code == 0 and (tmp_path / "kr.png").stat().st_size > 10_000
    code, _ = run("investments", "--investee", "zhipu-ai", "--draw", str(tmp_path / "zhipu.svg"))
    assert code == 0 and b"<svg" in (tmp_path / "zhipu.svg").read_bytes()
    code, _ = run("investments", "--draw", str(tmp_path / "x.png"))
    assert code == 2  # a picture of one company's rounds needs --investee


def test_the_timeline_picture_has_one_row_per_policy_and_words_in_the_language() -> None:
    pytest.importorskip("matplotlib")
    from asiaai_graph.views.histories import timeline_figure

    kg = ag.load()
    fig = timeline_figure(kg, "KR", lang="ko")
    ax = fig.axes[0]
    assert len(ax.get_yticklabels()) == len({s.policy.id for s in kg.timeline("KR")})
    assert ax.get_title(loc="left") == "AI 정책 연표: 한국"
    assert {t.get_text() for t in ax.get_legend().get_texts()} >= {"발의", "시행", "개정"}
