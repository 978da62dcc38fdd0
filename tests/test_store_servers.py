"""Push, pull and query against every store the project supports: Oxigraph, Virtuoso, Apache Jena Fuseki.

Each server is a real one on loopback, started by a fixture (tests/servers.py);
a server that is not installed skips its tests, saying why and how to get it.
The differences met are handled by the client and listed in the README's
"Triple stores" section: Virtuoso 7.2 stores nothing from a chunked body (the
client sends it a length), reads no ``application/sparql-query`` body (queries
go as a form) and gives doubles back with 6 significant digits.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import asiaai_graph as ag
from asiaai_graph.store import Endpoint

from servers import fuseki_server, missing, virtuoso_server
from store_helpers import find_oxigraph, oxigraph_server
from test_numbers import NUMERIC, check_property

QUERIES = sorted((Path(__file__).parent.parent / "examples" / "queries").glob("*.rq"))
_count = itertools.count()


@pytest.fixture(scope="module", params=["oxigraph", "virtuoso", "fuseki"])
def server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """(URL, server name) of a running store of each kind."""
    name: str = request.param
    if name == "oxigraph":
        if find_oxigraph() is None:
            pytest.skip("the oxigraph server is not installed (pip install -e '.[test]')")
        with oxigraph_server(tmp_path_factory.mktemp("ox") / "db") as url:
            yield url, name
        return
    why = missing(name)
    if why is not None:
        pytest.skip(why)
    start = virtuoso_server if name == "virtuoso" else fuseki_server
    with start(tmp_path_factory.mktemp(name)) as url:
        yield url, name


@pytest.fixture(scope="module")
def pushed(server: tuple[str, str], kg: ag.KnowledgeGraph) -> str:
    url, name = server
    graph = f"urn:asiaai-graph:test:servers:{next(_count)}"
    done = kg.push(url, graph=graph, server=name)
    assert done.triples > 1000
    return graph


def _run(server: tuple[str, str], graph: str) -> Any:
    url, name = server
    return lambda query: ag.sparql(url, query, graph=graph, server=name)


def test_pull_gives_the_pushed_graph_back(server: tuple[str, str], kg: ag.KnowledgeGraph, pushed: str) -> None:
    url, name = server
    assert ag.from_store(url, graph=pushed, server=name) == kg


def test_push_replaces_the_graph(server: tuple[str, str], sample: ag.KnowledgeGraph) -> None:
    url, name = server
    graph = f"urn:asiaai-graph:test:servers:replace:{next(_count)}"
    sample.push(url, graph=graph, server=name)
    sample.push(url, graph=graph, server=name)  # twice: replaced, not added to
    assert ag.from_store(url, graph=graph, server=name) == sample
    rows = ag.sparql(url, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}", server=name)
    assert rows[0]["n"] == sample.serialize(format="nt").count("\n")  # type: ignore[union-attr]


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_competency_queries_give_the_in_memory_rows(server: tuple[str, str], kg: ag.KnowledgeGraph, pushed: str,
                                                    path: Path) -> None:
    query = path.read_text(encoding="utf-8")
    here, there = kg.sparql(query), _run(server, pushed)(query)
    assert here
    # the same rows; their order where ORDER BY leaves ties is the engine's own
    assert sorted(there, key=repr) == sorted(here, key=repr)


@pytest.mark.parametrize("predicate", NUMERIC, ids=lambda p: p.rsplit("#", 1)[1])
def test_every_numeric_property_sorts_filters_and_sums_in_the_store(
        server: tuple[str, str], kg: ag.KnowledgeGraph, pushed: str, predicate: str) -> None:
    assert check_property(_run(server, pushed), kg, predicate, rel_tol=1e-5 if server[1] == "virtuoso" else 1e-12) > 0


def test_language_tags_come_back_as_written(server: tuple[str, str], pushed: str) -> None:
    rows = _run(server, pushed)('SELECT ?l WHERE { ?m dcterms:identifier "baidu" ; skos:prefLabel ?l '
                                'FILTER(langMatches(lang(?l), "ko")) }')
    assert [r["l"] for r in rows] == ["바이두"]


def test_endpoint_layouts_are_those_of_the_readme(server: tuple[str, str]) -> None:
    url, name = server
    ends = Endpoint.of(url, server=name)
    assert ends.chunked is (name != "virtuoso")
