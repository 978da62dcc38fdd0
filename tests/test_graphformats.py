"""GraphML, GEXF and node-link JSON: written by networkx, read back by networkx, nothing dropped."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

import asiaai_graph as ag
from asiaai_graph.cli import main
from asiaai_graph.readwrite import flatten
from asiaai_graph.readwrite.graphformats import to_networkx
from asiaai_graph.schema import Entity

from conftest import SAMPLE


def read(path: Path) -> Any:
    if path.suffix == ".graphml":
        return nx.read_graphml(path, force_multigraph=True)
    if path.suffix == ".gexf":
        return nx.read_gexf(path)
    return nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="edges")


def relations(g: Any) -> set[tuple[str, str, str]]:
    return {(u, v, d["relation"]) for u, v, d in g.edges(data=True)}


def expected_relations(kg: ag.KnowledgeGraph) -> set[tuple[str, str, str]]:
    found = {(e.source, e.target, e.relation) for e in kg.edges()}
    for r in kg.values():
        if isinstance(r, Entity):
            found |= {(r.id, c.source, "cites") for c in r.sources}
    return found


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_round_trip(sample: ag.KnowledgeGraph, tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"asiaai.{fmt}"
    sample.write(path)
    g = read(path)
    assert set(g.nodes) == set(sample)
    assert relations(g) == expected_relations(sample)
    v3 = g.nodes["deepseek-v3"]
    assert v3["record_type"] == "model" and v3["label"] == "DeepSeek-V3" and v3["name_ko"] == "딥시크 V3"
    assert v3["developers"] == "deepseek" and v3["parameters"] == 671_000_000_000 and v3["open_weights"] is True
    assert v3["training_cost_currency"] == "USD"
    round_ = g.nodes["sensetime-2018-round"]
    assert (round_["amount"], round_["currency"], round_["date"], round_["date_precision"]) == (600_000_000, "USD", "2018-04", "month")
    if g.is_multigraph() and fmt != "gexf":
        assert g.has_edge("deepseek-v3", "deepseek", key="developed_by")
    lead = [d for u, v, d in g.edges(data=True) if (u, v, d["relation"]) == ("alibaba", "sensetime-2018-round", "invested_in")]
    assert lead and lead[0]["lead"] is True
    cites = [d for u, v, d in g.edges(data=True) if (u, v, d["relation"]) == ("deepseek-v3", "bespick-2025-china-ai", "cites")]
    assert cites[0]["quotes"].splitlines() == [c.quote for c in sample["deepseek-v3"].sources]  # type: ignore[attr-defined]


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_nothing_is_dropped(kg: ag.KnowledgeGraph, tmp_path: Path, fmt: str) -> None:
    """Every non-empty field of every curated record comes back as attributes, with the same values."""
    path = tmp_path / f"asiaai.{fmt}"
    kg.write(path, format=fmt)
    g = read(path)
    assert set(g.nodes) == set(kg)
    assert relations(g) == expected_relations(kg)
    for rid, record in kg.items():
        attrs = g.nodes[rid]
        for name, value in record:
            if value not in (None, (), {}):
                assert name == "id" or any(k == name or k.startswith(name + "_") or (name == "labels" and (k.startswith("name_") or k == "other_names"))
                                           for k in attrs), (rid, name)
        for column, value in flatten(kg, record).items():
            if column != "id":
                assert attrs[column] == value, (rid, column)


def test_output_is_deterministic(sample: ag.KnowledgeGraph, tmp_path: Path) -> None:
    for fmt in ("graphml", "gexf", "json"):
        a, b = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
        sample.write(a)
        sample.write(b)
        assert a.read_bytes() == b.read_bytes(), fmt
    assert "lastmodifieddate" not in (tmp_path / "a.gexf").read_text(encoding="utf-8")


def test_attributes_are_plain_scalars(sample: ag.KnowledgeGraph) -> None:
    g = to_networkx(sample)
    for _, attrs in g.nodes(data=True):
        assert all(isinstance(v, (str, int, float, bool)) for v in attrs.values())
    for *_, attrs in g.edges(keys=True, data=True):
        assert all(isinstance(v, (str, int, float, bool)) for v in attrs.values())


def test_unknown_format(sample: ag.KnowledgeGraph, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="cannot tell the graph format"):
        sample.write(tmp_path / "asiaai.txt")
    with pytest.raises(ValueError, match="unknown graph format 'dot'"):
        sample.write(tmp_path / "asiaai.graphml", format="dot")


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_cli_export(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"out.{fmt}"
    assert main(["export", "--format", fmt, "-o", str(path), "--no-curated", "--data", str(SAMPLE)], out=io.StringIO()) == 0
    assert set(read(path).nodes) == set(ag.load(SAMPLE, curated=False, cache=False))
