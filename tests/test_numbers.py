"""Figures in RDF: every numeric property sorts, filters and aggregates right in SPARQL (issue 21, issue 22 item 8).

Before, figures were all ``xsd:decimal``; Oxigraph holds decimals up to about
1.7 x 10^20, so ``ORDER BY DESC(?v)`` over training compute (10^24 FLOP)
aborted the interpreter, and ``FILTER(?v > 1e24)``, ``SUM`` and ``MAX`` were
wrong. The truth here comes from rdflib's reading of the export (exact
decimals, with ``aag:exactValue``), never from the engine under test.
"""

from __future__ import annotations

import math
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import rdflib

import asiaai_graph as ag
from asiaai_graph.rdf.mapping import FIELDS, SUB_FIELDS
from asiaai_graph.rdf.numbers import EXACT, PORTABLE_DIGITS, number_terms, read_number

from conftest import SAMPLE

#: Every numeric property of the vocabulary, from the mapping table (figures and integers).
NUMERIC = sorted({fm.predicate for maps in [*FIELDS.values(), *SUB_FIELDS.values()] for fm in maps
                  if fm.kind in ("decimal", "int")})

#: Models with figures at the edges: the bounds of the schema (10^-40, 10^40), the portable range
#: (10^15 - 0.5, 10^15), 19 decimals, negatives are not allowed for these fields, so none.
EXTREME_MODELS = """
  - id: edge-tiny
    name: Edge tiny
    kind: llm
    developers: [deepseek]
    parameters: {value: "1e-40"}
    training_compute: {value: 1e-19, qualifier: between, upper: 1.0000000000000000001}
    sources: [bespick-2025-china-ai]
  - id: edge-portable
    name: Edge portable
    kind: llm
    developers: [deepseek]
    parameters: 999999999999999.5
    training_compute: {value: 1000000000000000, qualifier: at_least}
    training_cost: {amount: 999999999999999, currency: KRW, equivalents: [{amount: 1000000000000001, currency: USD, price_year: 2024}]}
    sources: [bespick-2025-china-ai]
  - id: edge-huge
    name: Edge huge
    kind: llm
    developers: [deepseek]
    parameters: {value: "9.999999999999999999999999999999999999999e39"}
    training_compute: {value: 396000000000000008388608, qualifier: about}
    training_cost: {amount: 1e39, currency: IDR}
    sources: [bespick-2025-china-ai]
"""


@pytest.fixture(scope="module")
def extreme(tmp_path_factory: pytest.TempPathFactory) -> ag.KnowledgeGraph:
    folder = tmp_path_factory.mktemp("extreme")
    shutil.copy(SAMPLE / "sources.yaml", folder / "sources.yaml")
    text = (SAMPLE / "entities.yaml").read_text(encoding="utf-8")
    (folder / "entities.yaml").write_text(text.replace("models:\n", "models:" + EXTREME_MODELS, 1), encoding="utf-8")
    return ag.load(folder, curated=False, cache=False)


def truth(kg: ag.KnowledgeGraph, predicate: str) -> list[Decimal]:
    """The exact figures of ``predicate`` in the export, as rdflib reads them (with the exact text beside a double)."""
    graph = kg.to_rdf()
    exact = EXACT.get(predicate)
    found = []
    for subject, value in graph.subject_objects(rdflib.URIRef(predicate)):
        text = graph.value(subject, rdflib.URIRef(exact)) if exact else None
        assert isinstance(value, rdflib.Literal)
        found.append(read_number(str(value), str(value.datatype), None if text is None else str(text)))
    return found


def close(a: Any, b: Decimal, rel_tol: float = 1e-12) -> bool:
    return math.isclose(float(a), float(b), rel_tol=rel_tol, abs_tol=0.0)


def check_property(run: Any, kg: ag.KnowledgeGraph, predicate: str, rel_tol: float = 1e-12) -> int:
    """ORDER BY, FILTER, MIN, MAX, SUM and COUNT of one property through ``run(query)``; the number of values.

    ``rel_tol``: how close a figure the engine gives back must be (Virtuoso prints doubles with 6 digits).
    """
    values = truth(kg, predicate)
    if not values:
        return 0
    rows = run(f"SELECT ?v WHERE {{ ?s <{predicate}> ?v }} ORDER BY DESC(?v)")
    expected = sorted(values, reverse=True)
    assert len(rows) == len(expected), predicate
    assert all(close(r["v"], v, rel_tol) for r, v in zip(rows, expected)), predicate
    middle = sorted(values)[len(values) // 2]
    bound = repr(float(middle)) if "e" in repr(float(middle)) else f"{float(middle):e}"
    rows = run(f"SELECT ?v WHERE {{ ?s <{predicate}> ?v FILTER(?v > {bound}) }}")
    assert len(rows) == sum(float(v) > float(bound) for v in values), (predicate, bound)
    rows = run(f"SELECT (MIN(?v) AS ?lo) (MAX(?v) AS ?hi) (SUM(?v) AS ?sum) (COUNT(?v) AS ?n) "
               f"WHERE {{ ?s <{predicate}> ?v }}")
    (row,) = rows
    assert close(row["lo"], min(values), rel_tol) and close(row["hi"], max(values), rel_tol), (predicate, row)
    assert close(row["sum"], sum(values), max(rel_tol, 1e-12)), (predicate, row, sum(values))
    assert int(row["n"]) == len(values)
    return len(values)


def test_numeric_properties_are_those_of_the_vocabulary() -> None:
    names = {p.rsplit("#", 1)[1] for p in NUMERIC}
    assert names == {"value", "upper", "priceYear", "targetYear", "rank", "year"}, names


@pytest.mark.parametrize("predicate", NUMERIC, ids=lambda p: p.rsplit("#", 1)[1])
def test_every_numeric_property_sorts_filters_and_sums_in_memory(
        kg: ag.KnowledgeGraph, extreme: ag.KnowledgeGraph, predicate: str) -> None:
    counted = sum(check_property(lambda q, g=g: g.sparql(q), g, predicate) for g in (kg, extreme))
    assert counted > 0, f"no value of {predicate} to test: add one to EXTREME_MODELS"


def test_training_compute_questions_get_their_rows(kg: ag.KnowledgeGraph) -> None:
    # issue 22 item 8: this ORDER BY aborted the interpreter (exit 134), this FILTER found nothing
    rows = kg.sparql("SELECT ?m ?v WHERE { ?m aag:trainingCompute/aag:value ?v } ORDER BY DESC(?v) LIMIT 5")
    assert len(rows) == 5 and rows[0]["v"] >= rows[-1]["v"]
    exact = {m.id: m.training_compute.value for m in kg.models() if m.training_compute is not None}
    top = max(exact.values())
    assert close(rows[0]["v"], top)
    big = kg.sparql("SELECT ?id WHERE { ?m aag:trainingCompute/aag:value ?v ; dcterms:identifier ?id "
                    "FILTER(?v > 1e24) }")
    assert {r["id"] for r in big} == {i for i, v in exact.items() if v > Decimal("1e24")}
    assert len(big) > 10


def test_extreme_figures_round_trip_exactly(extreme: ag.KnowledgeGraph, tmp_path: Path) -> None:
    for fmt, suffix in [("turtle", "ttl"), ("nt", "nt"), ("json-ld", "jsonld"), ("xml", "rdf")]:
        path = tmp_path / f"x.{suffix}"
        extreme.serialize(format=fmt, destination=path)
        assert ag.from_rdf(path) == extreme, fmt
    assert ag.from_rdf(extreme.to_rdf())["edge-huge"].training_compute.value == Decimal("396000000000000008388608")


def test_portable_figures_stay_decimals_and_others_become_doubles() -> None:
    limit = Decimal(10) ** PORTABLE_DIGITS
    assert number_terms(limit - 1)[1].endswith("#decimal")
    assert number_terms(limit)[1].endswith("#double")
    assert number_terms(Decimal("0.000000000000000001"))[1].endswith("#decimal")   # 18 decimals
    assert number_terms(Decimal("0.0000000000000000001"))[1].endswith("#double")   # 19
    lexical, datatype, exact = number_terms(Decimal("396000000000000008388608"))
    assert exact == "396000000000000008388608" and float(lexical) == 3.96e23


def test_an_exact_text_that_contradicts_its_double_is_refused(extreme: ag.KnowledgeGraph) -> None:
    text = extreme.serialize(format="nt")
    assert isinstance(text, str)
    changed = text.replace('"396000000000000008388608"', '"496000000000000008388608"')
    assert changed != text
    with pytest.raises(ag.DataError, match="is not the double"):
        ag.from_rdf(changed.encode(), format="nt")
