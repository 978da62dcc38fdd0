"""Push, pull and query through a real triple store: `oxigraph serve` on loopback (see conftest).

Failures are made by real servers too: tiny HTTP/TCP proxies on 127.0.0.1
(tests/store_helpers.py) that answer 500 once, demand credentials, cut the
connection half-way through a push, or never answer; behind them the store is
still the real Oxigraph.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

import asiaai_graph as ag
from asiaai_graph.cli import main
from asiaai_graph.rdf.export import to_ntriples
from asiaai_graph.store import BasicAuth, BearerToken, Endpoint, StoreError, default_graph_iri, push
from asiaai_graph.rdf.export import iter_ntriples
from asiaai_graph.store.pushing import GRAPH_NAMESPACE
from asiaai_graph.datafiles.write import dumps, write_yaml

from conftest import ROOT, SAMPLE
from store_helpers import CuttingProxy, HttpProxy, SilentServer, dataset, free_port, put_raw

QUERIES = sorted((ROOT / "examples" / "queries").glob("*.rq"))


def _graph() -> str:
    return f"urn:asiaai-graph:test:{uuid.uuid4().hex[:12]}"


def _graph_quads(url: str, graph: str) -> set[str]:
    """The triples of one named graph, as N-Triples lines (an empty set when there is no such graph)."""
    import urllib.error
    import urllib.parse
    import urllib.request

    req = urllib.request.Request(f"{url}/store?graph={urllib.parse.quote(graph, safe='')}",
                                 headers={"Accept": "application/n-triples"})
    try:
        with urllib.request.urlopen(req, timeout=120) as resp:
            return {line for line in resp.read().decode("utf-8").splitlines() if line.strip()}
    except urllib.error.HTTPError as exc:
        if exc.code == 404:
            return set()
        raise


# --- streaming N-Triples ------------------------------------------------------------------------


@pytest.mark.parametrize("base", [None, "https://example.org/kg/"])
def test_streamed_ntriples_are_the_export(kg: ag.KnowledgeGraph, sample: ag.KnowledgeGraph, base: str | None) -> None:
    for graph in (kg, sample):
        lines = list(iter_ntriples(graph, base))
        assert all(line.endswith(" .\n") for line in lines)
        assert "".join(lines) == to_ntriples(graph, base)


# --- push and pull ------------------------------------------------------------------------------


def test_push_then_pull_gives_the_graph_back_record_for_record(store_url: str, kg: ag.KnowledgeGraph) -> None:
    graph = _graph()
    done = kg.push(store_url, graph=graph)
    assert done.graph == graph
    assert done.triples == to_ntriples(kg).count("\n") == len(_graph_quads(store_url, graph))
    pulled = ag.from_store(store_url, graph=graph)
    assert sorted(pulled) == sorted(kg)
    for rid in kg:
        assert pulled[rid] == kg[rid], rid
    assert pulled == kg


def test_default_graph_name_comes_from_the_data_and_is_printed(
    store_url: str, kg: ag.KnowledgeGraph, sample: ag.KnowledgeGraph
) -> None:
    expected = default_graph_iri(sample)
    assert expected.startswith(f"{GRAPH_NAMESPACE}{ag.__version__}/")
    assert default_graph_iri(kg) != expected
    assert default_graph_iri(sample, base="https://example.org/kg/") != expected
    assert default_graph_iri(ag.load(SAMPLE, curated=False, cache=False)) == expected  # same data, same name
    data = ["--no-curated", "--data", str(SAMPLE)]
    out = io.StringIO()
    assert main(["push", store_url, *data], out=out) == 0
    assert f"graph: {expected}" in out.getvalue()
    assert ag.from_store(store_url, graph=expected) == sample
    # and a query without --graph runs against that same graph
    out = io.StringIO()
    assert main(["sparql", "--endpoint", store_url, "--json", *data, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"],
                out=out) == 0
    assert json.loads(out.getvalue()) == [{"n": to_ntriples(sample).count("\n")}]


def test_pushing_the_same_data_twice_leaves_the_store_as_it_was(store_url: str, sample: ag.KnowledgeGraph) -> None:
    graph = _graph()
    push(sample, store_url, graph)
    before = dataset(store_url)
    push(sample, store_url, graph)
    assert dataset(store_url) == before


def test_push_replaces_the_named_graph_and_nothing_else(store_url: str, sample: ag.KnowledgeGraph) -> None:
    graph, other = _graph(), _graph()
    push(sample, store_url, other)
    other_quads = _graph_quads(store_url, other)
    push(_with_dispute(sample), store_url, graph)
    push(sample, store_url, graph)
    assert ag.from_store(store_url, graph=graph) == sample
    assert len(_graph_quads(store_url, graph)) == to_ntriples(sample).count("\n")
    assert _graph_quads(store_url, other) == other_quads


def test_non_transactional_push_gives_the_same_graph(store_url: str, sample: ag.KnowledgeGraph) -> None:
    graph = _graph()
    push(sample, store_url, graph, atomic=False)
    assert ag.from_store(store_url, graph=graph) == sample
    with pytest.raises(ValueError, match="fuseki offers no non-transactional load"):
        push(sample, "http://127.0.0.1:1/ds", graph, server="fuseki", atomic=False)


def test_progress_callback_counts_the_triples(store_url: str, kg: ag.KnowledgeGraph) -> None:
    seen: list[int] = []
    done = push(kg, store_url, _graph(), on_progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == done.triples and len(seen) >= 2


def test_pull_validates_what_the_store_holds(store_url: str, sample: ag.KnowledgeGraph) -> None:
    text = to_ntriples(sample)
    # a parameter count that is not a number; a reference to a record that does not exist
    not_a_number = text.replace('"671000000000"^^<http://www.w3.org/2001/XMLSchema#decimal>',
                                '"lots"^^<http://www.w3.org/2001/XMLSchema#decimal>')
    dangling = text.replace("#developedBy> <https://w3id.org/asiaai-graph/id/deepseek> .",
                            "#developedBy> <https://w3id.org/asiaai-graph/id/nobody> .")
    assert not_a_number.count('"lots"') == 1 and dangling.count("/id/nobody>") == 1
    for bad, field, message in ((not_a_number, "value", "not a decimal: lots"),
                                (dangling, "developers", "nobody")):
        graph = _graph()
        assert put_raw(store_url, graph, bad.encode())[0] in (201, 204)
        with pytest.raises(ag.DataError) as err:
            ag.from_store(store_url, graph=graph)
        problems = err.value.problems
        assert [p.record for p in problems] == ["deepseek-v3"], [str(p) for p in problems]
        assert problems[0].file == f"<{graph}> at {store_url}/store"
        assert field in (problems[0].field or "") and message in problems[0].message, str(problems[0])


def test_pull_of_a_missing_graph_says_so(store_url: str) -> None:
    with pytest.raises(StoreError) as err:
        ag.from_store(store_url, graph="urn:asiaai-graph:test:never-pushed")
    assert err.value.status == 404
    assert "never-pushed" in str(err.value)


def test_pull_writes_curated_yaml_that_loads_back_equal(
    store_url: str, kg: ag.KnowledgeGraph, pushed: str, tmp_path: Path
) -> None:
    graph = pushed
    out = io.StringIO()
    assert main(["pull", store_url, "--graph", graph, "-o", str(tmp_path / "pulled")], out=out) == 0
    assert f"pulled {len(kg):,} records" in out.getvalue()
    files = sorted(p.name for p in (tmp_path / "pulled").glob("*.yaml"))
    assert files == sorted(f"{r.section}.yaml" for r in {type(r): r for r in kg.values()}.values())
    again = ag.load(tmp_path / "pulled", curated=False, cache=False)
    pulled = ag.from_store(store_url, graph=graph)
    for rid in pulled:
        assert again[rid] == pulled[rid], rid
    assert again == pulled == kg
    # deterministic: the same records give the same bytes
    first = {p.name: p.read_bytes() for p in (tmp_path / "pulled").glob("*.yaml")}
    write_yaml(again, tmp_path / "pulled")
    assert {p.name: p.read_bytes() for p in (tmp_path / "pulled").glob("*.yaml")} == first


def test_yaml_writer_round_trips_generated_data(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--orgs", "1000",
                    "--out", str(tmp_path / "gen")], check=True, capture_output=True)
    kg = ag.load(tmp_path / "gen", curated=False, cache=False)
    write_yaml(kg, tmp_path / "out")
    again = ag.load(tmp_path / "out", curated=False, cache=False)
    assert again == kg
    assert len(again) == len(kg) > 1000


def _with_dispute(kg: ag.KnowledgeGraph) -> ag.KnowledgeGraph:
    """``kg`` with per-field citations (fields, locator, links) and a dispute on deepseek-v3's parameters."""
    model = kg["deepseek-v3"]
    source = model.sources[0].source
    data = model.model_dump()
    data["sources"] = [*data["sources"], {"source": source, "fields": ["parameters", "released"],
                                          "locator": "Model=DeepSeek-V3", "links": ["https://example.org/a"]}]
    data["disputes"] = [{"field": "parameters", "reason": "the article and the report agree on 671B", "values": [
        {"value": 671000000000, "sources": [source]},
        {"value": {"value": 670000000000.5, "qualifier": "about"}, "sources": [source], "note": None},
    ]}]
    changed = type(model).model_validate(data)
    return ag.KnowledgeGraph([changed if r.id == model.id else r for r in kg.values()])


def test_per_field_citations_and_disputes_survive_yaml_and_the_store(
    store_url: str, sample: ag.KnowledgeGraph, tmp_path: Path
) -> None:
    disputed = _with_dispute(sample)
    assert disputed["deepseek-v3"].disputes and disputed != sample
    write_yaml(disputed, tmp_path)
    assert ag.load(tmp_path, curated=False, cache=False) == disputed
    graph = _graph()
    push(disputed, store_url, graph)
    assert ag.from_store(store_url, graph) == disputed


def test_yaml_writer_refuses_a_folder_with_other_yaml(sample: ag.KnowledgeGraph, tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text("models: []\n")
    with pytest.raises(ValueError, match=r"other YAML files \(mine.yaml\)"):
        write_yaml(sample, tmp_path)
    (tmp_path / "mine.yaml").unlink()
    write_yaml(sample, tmp_path)
    write_yaml([r for r in sample.values() if r.record_type != "indicator"], tmp_path)
    assert not (tmp_path / "indicators.yaml").exists()
    assert dumps([sample["deepseek-v3"]]).count("- id: ") == 1


# --- queries --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pushed(store_url: str, kg: ag.KnowledgeGraph) -> str:
    graph = _graph()
    push(kg, store_url, graph)
    return graph


@pytest.mark.parametrize("path", QUERIES, ids=[p.stem for p in QUERIES])
def test_competency_queries_give_the_same_rows_in_the_store(
    store_url: str, kg: ag.KnowledgeGraph, pushed: str, path: Path
) -> None:
    query = path.read_text(encoding="utf-8")
    memory = kg.sparql(query)
    store = ag.sparql(store_url, query, graph=pushed)
    assert memory, path.name
    if "ORDER BY" not in query.upper():
        memory, store = sorted(memory, key=repr), sorted(store, key=repr)
    assert store == memory
    assert [type(v) for row in store for v in row.values()] == [type(v) for row in memory for v in row.values()]
    assert kg.sparql(query, endpoint=store_url, graph=pushed) == ag.sparql(store_url, query, graph=pushed)


@pytest.mark.parametrize("query", [
    # no PREFIX lines: the export's prefixes are declared as in memory
    'SELECT ?m ?released ?open WHERE { ?m a aag:AIModel ; aag:released ?released ; aag:openWeights ?open } ORDER BY ?m',
    'SELECT ?s ?published WHERE { ?s a aag:Source ; dcterms:issued ?published } ORDER BY ?s',
    'SELECT ?o ?ko WHERE { ?o a aag:Organization ; skos:prefLabel ?ko FILTER(lang(?ko) = "ko") } ORDER BY ?o LIMIT 5',
    'SELECT ?q ?v ?u WHERE { ?q aag:value ?v OPTIONAL { ?q aag:upper ?u } } ORDER BY ?q LIMIT 20',
    'ASK { ?m a aag:AIModel ; aag:openWeights true }',
    'ASK { ?m a aag:AIModel ; aag:openWeights "maybe" }',
    'CONSTRUCT { ?m rdfs:label ?n } WHERE { ?m a aag:AIModel ; rdfs:label ?n }',
])
def test_other_query_forms_and_value_types_match(store_url: str, kg: ag.KnowledgeGraph, pushed: str, query: str) -> None:
    assert ag.sparql(store_url, query, graph=pushed) == kg.sparql(query)


def test_cli_sparql_against_the_store_prints_what_the_export_gives(store_url: str, pushed: str) -> None:
    path = str(ROOT / "examples" / "queries" / "models-over-100-billion-parameters.rq")
    store_out, memory_out = io.StringIO(), io.StringIO()
    assert main(["sparql", "--endpoint", store_url, "--graph", pushed, path, "--json"], out=store_out) == 0
    assert main(["sparql", path, "--json"], out=memory_out) == 0
    assert json.loads(store_out.getvalue()) == json.loads(memory_out.getvalue()) != []


def test_a_bad_query_shows_the_server_message(store_url: str, pushed: str) -> None:
    with pytest.raises(StoreError) as err:
        ag.sparql(store_url, "SELECT ?x WHERE {", graph=pushed)
    assert err.value.status == 400 and err.value.message


# --- authentication, failures and retries ---------------------------------------------------------


def _demanding(token: str, user: str, password: str):  # type: ignore[no-untyped-def]
    import base64

    good = {f"Bearer {token}", "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}

    def decide(method: str, path: str, headers: dict[str, str]):  # type: ignore[no-untyped-def]
        if headers.get("Authorization") in good:
            return None
        return 401, {"WWW-Authenticate": 'Bearer realm="asiaai"'}, b"credentials required for the store"

    return decide


def test_authentication(store_url: str, sample: ag.KnowledgeGraph, monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("ASIAAI_GRAPH_STORE_TOKEN", "ASIAAI_GRAPH_STORE_USER", "ASIAAI_GRAPH_STORE_PASSWORD"):
        monkeypatch.delenv(var, raising=False)
    graph = _graph()
    with HttpProxy(store_url, _demanding("t0ken-xyz", "curator", "pa55")) as proxy:
        with pytest.raises(StoreError) as err:
            push(sample, proxy.url, graph, retries=0)
        assert err.value.status == 401
        assert "credentials required for the store" in str(err.value)
        with pytest.raises(StoreError) as err:
            push(sample, proxy.url, graph, auth=BearerToken("wrong-secret"), retries=0)
        assert err.value.status == 401 and "wrong-secret" not in str(err.value) + repr(err.value)
        push(sample, proxy.url, graph, auth=BearerToken("t0ken-xyz"))
        push(sample, proxy.url, graph, auth=BasicAuth("curator", "pa55"))
        assert ag.from_store(proxy.url, graph, auth=BasicAuth("curator", "pa55")) == sample
        # from the environment, as the command line does
        monkeypatch.setenv("ASIAAI_GRAPH_STORE_TOKEN", "t0ken-xyz")
        assert ag.sparql(proxy.url, "ASK { ?m a aag:AIModel }", graph=graph) == [{"ask": True}]
        out = io.StringIO()
        assert main(["push", proxy.url, "--graph", graph, "--no-curated", "--data", str(SAMPLE)], out=out) == 0
        monkeypatch.delenv("ASIAAI_GRAPH_STORE_TOKEN")
        monkeypatch.setenv("ASIAAI_GRAPH_STORE_PASSWORD", "pa55")
        assert main(["push", proxy.url, "--graph", graph, "--user", "curator", "--no-curated", "--data", str(SAMPLE)], out=io.StringIO()) == 0
        monkeypatch.setenv("ASIAAI_GRAPH_STORE_PASSWORD", "nope")
        assert main(["push", proxy.url, "--graph", graph, "--user", "curator", "--no-curated", "--data", str(SAMPLE)], out=io.StringIO()) == 1
        assert {h.get("Authorization", "")[:6] for _, _, h in proxy.seen} >= {"", "Bearer", "Basic "}
    # secrets never go on the command line
    with pytest.raises(SystemExit):
        main(["push", store_url, "--token", "t0ken-xyz"])
    with pytest.raises(ValueError, match="not in the URL"):
        push(sample, "http://curator:pa55@127.0.0.1:1", graph)


def test_server_down_is_a_clear_error_after_the_retries(sample: ag.KnowledgeGraph) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    start = time.monotonic()
    with pytest.raises(StoreError) as err:
        push(sample, url, _graph(), retries=2, backoff=0.05)
    assert err.value.status is None and err.value.attempts == 3
    assert "could not reach the store (after 3 attempts)" in str(err.value)
    assert time.monotonic() - start < 30
    err_out = io.StringIO()
    assert main(["push", url, "--retries", "0"], out=err_out) == 1


def test_a_500_then_a_200_is_retried(store_url: str, sample: ag.KnowledgeGraph) -> None:
    graph = _graph()
    failures = {"left": 1}

    def once(method: str, path: str, headers: dict[str, str]):  # type: ignore[no-untyped-def]
        if method == "PUT" and failures["left"]:
            failures["left"] -= 1
            return 500, {}, b"storage busy, try again"
        return None

    with HttpProxy(store_url, once) as proxy:
        push(sample, proxy.url, graph, backoff=0.05)
        assert [m for m, _, _ in proxy.seen].count("PUT") == 2
    assert ag.from_store(store_url, graph) == sample


def test_a_server_that_keeps_failing_shows_its_status_and_message(store_url: str, sample: ag.KnowledgeGraph) -> None:
    def always(method: str, path: str, headers: dict[str, str]):  # type: ignore[no-untyped-def]
        return 503, {"Retry-After": "0"}, b"the store is in maintenance"

    with HttpProxy(store_url, always) as proxy:
        with pytest.raises(StoreError) as err:
            push(sample, proxy.url, _graph(), retries=2, backoff=0.01)
        assert len(proxy.seen) == 3
    assert err.value.status == 503 and err.value.attempts == 3
    assert "503 Service Unavailable (after 3 attempts): the store is in maintenance" in str(err.value)


def test_a_store_that_never_answers_times_out(kg: ag.KnowledgeGraph) -> None:
    with SilentServer() as silent:
        start = time.monotonic()
        with pytest.raises(StoreError, match="timed out"):
            ag.sparql(silent.url, "ASK { ?s ?p ?o }", timeout=0.5, retries=1, backoff=0.01)
        assert time.monotonic() - start < 10


# --- an interrupted push leaves the previous graph --------------------------------------------------


def test_a_put_with_a_bad_triple_leaves_the_previous_graph(store_url: str, sample: ag.KnowledgeGraph) -> None:
    """The server guarantee a push relies on: Oxigraph replaces a graph in one transaction."""
    graph = _graph()
    push(sample, store_url, graph)
    before = _graph_quads(store_url, graph)
    status, message = put_raw(store_url, graph, to_ntriples(_with_dispute(sample)).encode() + b"<not an iri> <p> <o> .\n")
    assert status == 400 and b"line" in message
    assert _graph_quads(store_url, graph) == before


def test_a_push_cut_off_half_way_leaves_the_previous_graph(store_url: str, sample: ag.KnowledgeGraph,
                                                            kg: ag.KnowledgeGraph) -> None:
    graph = _graph()
    push(sample, store_url, graph)
    before = _graph_quads(store_url, graph)
    size = len(to_ntriples(kg).encode())
    # the network fails: the connection is cut after about half of the body, on every attempt
    with CuttingProxy(store_url, cut_after=size // 2) as proxy:
        with pytest.raises(StoreError) as err:
            push(kg, proxy.url, graph, retries=1, backoff=0.05)
        assert proxy.cuts == 2 and err.value.status is None
    time.sleep(0.5)  # let the server notice the broken request
    assert _graph_quads(store_url, graph) == before
    assert ag.from_store(store_url, graph) == sample

    # the pusher stops half-way (Ctrl-C): the client closes the connection mid-body
    class Stop(Exception):
        pass

    def stop(triples: int) -> None:
        raise Stop(triples)

    with pytest.raises(Stop):
        push(kg, store_url, graph, on_progress=stop)
    time.sleep(0.5)
    assert _graph_quads(store_url, graph) == before

    # and a complete push then gives the new graph, whole
    push(kg, store_url, graph)
    assert len(_graph_quads(store_url, graph)) == to_ntriples(kg).count("\n")


# --- the example ------------------------------------------------------------------------------------


def test_store_example_runs_against_the_server(store_url: str, tmp_path: Path) -> None:
    env = dict(os.environ, ASIAAI_GRAPH_STORE_URL=store_url)
    done = subprocess.run([sys.executable, str(ROOT / "examples" / "store_roundtrip.py")], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert "the same as in memory: True" in done.stdout
    assert "equal to what was pushed: True" in done.stdout
    assert "they load back equal: True" in done.stdout
    assert "throwaway" not in done.stdout


def test_endpoint_layouts() -> None:
    assert Endpoint.of("http://h:7200/repositories/kg/", server="graphdb") == Endpoint(
        "http://h:7200/repositories/kg", "http://h:7200/repositories/kg/rdf-graphs/service")
    assert Endpoint.of("http://h:8890", server="virtuoso").store == "http://h:8890/sparql-graph-crud"
    with pytest.raises(ValueError):
        Endpoint.of("h:7878")
