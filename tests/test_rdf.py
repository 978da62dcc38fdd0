"""The RDF layer: lossless round trips, independent parsers, stable bytes, SHACL, SPARQL, CLI."""

from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyoxigraph
import pytest
import rdflib
from rdflib import Literal, Namespace, URIRef
from rdflib.compare import isomorphic

import asiaai_graph as ag
from asiaai_graph.cli import main
from asiaai_graph.rdf import from_rdf, serialize, to_rdf, validate
from asiaai_graph.rdf.mapping import AAG as AAG_IRI
from asiaai_graph.rdf.mapping import DEFAULT_BASE, QUALIFIERS
from asiaai_graph.rdf.vocab import AAG, context, ontology, shapes

from conftest import ROOT, SAMPLE


ID = DEFAULT_BASE
# Plain namespaces: rdflib's DefinedNamespace objects warn when pytest inspects this module.
RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
QUERIES = sorted((ROOT / "examples" / "queries").glob("*.rq"))


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> ag.KnowledgeGraph:
    """1,000 synthetic organizations (about 2,000 records) from benchmarks/generate.py."""
    out = tmp_path_factory.mktemp("generated") / "orgs-1000"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--orgs", "1000", "--out", str(out)],
                   check=True, capture_output=True)
    return ag.load(out, curated=False, cache=False)


def _graphs(request: pytest.FixtureRequest, name: str) -> ag.KnowledgeGraph:
    return request.getfixturevalue(name)  # type: ignore[no-any-return]


# --- canonical triples, so parsers that normalise language tags differently compare -----------------

Triple = tuple[Any, Any, Any]


def _rdflib_term(t: Any) -> Any:
    if isinstance(t, URIRef):
        return ("iri", str(t))
    assert isinstance(t, Literal), f"unexpected term {t!r} (the export has no blank nodes)"
    if t.language:
        return ("lit", str(t), t.language.lower(), None)
    return ("lit", str(t), None, str(t.datatype or XSD.string))


def _ox_term(t: Any) -> Any:
    if isinstance(t, pyoxigraph.NamedNode):
        return ("iri", t.value)
    assert isinstance(t, pyoxigraph.Literal), f"unexpected term {t!r}"
    if t.language:
        return ("lit", t.value, t.language.lower(), None)
    return ("lit", t.value, None, t.datatype.value)


def rdflib_triples(graph: rdflib.Graph) -> set[Triple]:
    return {(_rdflib_term(s), _rdflib_term(p), _rdflib_term(o)) for s, p, o in graph}


def oxigraph_triples(text: str, fmt: Any) -> set[Triple]:
    quads = pyoxigraph.parse(input=text.encode("utf-8"), format=fmt)
    return {(_ox_term(q.subject), _ox_term(q.predicate), _ox_term(q.object)) for q in quads}


# --- round trips ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["sample", "kg", "generated"])
def test_round_trip_is_lossless(request: pytest.FixtureRequest, name: str) -> None:
    kg = _graphs(request, name)
    again = from_rdf(to_rdf(kg))
    assert list(again) == list(kg)
    for rid, record in kg.items():
        assert again[rid] == record, rid
        assert repr(again[rid].model_dump()) == repr(record.model_dump()), rid  # order of tuples, defaults, Decimal digits
    assert again == kg


@pytest.mark.parametrize("fmt,suffix", [("turtle", "ttl"), ("nt", "nt"), ("json-ld", "jsonld"), ("xml", "rdf")])
def test_round_trip_through_files(kg: ag.KnowledgeGraph, tmp_path: Path, fmt: str, suffix: str) -> None:
    path = tmp_path / f"export.{suffix}"
    assert kg.serialize(format=fmt, destination=path) is None
    assert from_rdf(path) == kg
    assert from_rdf(str(path), format=fmt) == kg


def test_custom_base(sample: ag.KnowledgeGraph) -> None:
    for base in ("https://example.org/kg/", "https://example.org/kg#", "urn:asiaai:"):
        g = sample.to_rdf(base=base)
        assert (URIRef(base + "deepseek-v3"), AAG.developedBy, URIRef(base + "deepseek")) in g
        assert from_rdf(g, base=base) == sample
        text = sample.serialize(format="turtle", base=base)
        assert isinstance(text, str)
        assert rdflib_triples(rdflib.Graph().parse(data=text, format="turtle")) == rdflib_triples(g)
    g = sample.to_rdf(base="https://example.org/kg#")
    assert URIRef("https://example.org/kg#deepseek-v3/parameters") in set(g.subjects())
    with pytest.raises(ValueError, match="absolute IRI"):
        sample.to_rdf(base="no base")


def test_order_and_duplicates_of_lists_survive(sample: ag.KnowledgeGraph) -> None:
    records = list(sample.values())
    model = sample["deepseek-v3"]
    changed = model.model_copy(update={
        "aliases": ("z-last", "a-first", "z-last"),
        "developers": ("deepseek", "baidu", "alibaba"),
        "labels": {"zh": "深度求索 V3", "en": "DeepSeek V3 (en label)", "ko": "딥시크 V3"},
    })
    kg = ag.KnowledgeGraph([changed if r.id == model.id else r for r in records])
    again = from_rdf(to_rdf(kg))
    assert again["deepseek-v3"] == changed
    assert again["deepseek-v3"].aliases == ("z-last", "a-first", "z-last")


def test_awkward_strings_are_escaped(sample: ag.KnowledgeGraph) -> None:
    nasty = 'quote " backslash \\ newline \n return \r tab \t bell \x07 del \x7f 한국어 😀 <tag> @en ^^x'
    model = sample["ernie"].model_copy(update={"description": nasty, "aliases": (nasty, "a\\nb")})
    kg = ag.KnowledgeGraph([model if r.id == "ernie" else r for r in sample.values()])
    for fmt, ox_fmt in (("turtle", pyoxigraph.RdfFormat.TURTLE), ("nt", pyoxigraph.RdfFormat.N_TRIPLES)):
        text = kg.serialize(format=fmt)
        assert isinstance(text, str)
        assert oxigraph_triples(text, ox_fmt) == rdflib_triples(to_rdf(kg))
        assert from_rdf(rdflib.Graph().parse(data=text, format=fmt)) == kg


def test_from_rdf_reads_every_source_oxigraph_and_rdflib_give(sample: ag.KnowledgeGraph, tmp_path: Path) -> None:
    nt = sample.serialize(format="nt")
    assert isinstance(nt, str)
    data = nt.encode()
    assert from_rdf(data, format="nt") == sample
    assert from_rdf(io.BytesIO(data), format="application/n-triples") == sample
    quads = list(pyoxigraph.parse(input=data, format=pyoxigraph.RdfFormat.N_TRIPLES))
    assert from_rdf(quads) == sample
    assert from_rdf(q.triple for q in quads) == sample
    store = pyoxigraph.Store()
    store.extend(quads)
    assert from_rdf(store) == sample
    # a named graph, as a triple store exports it: the triples of every graph are read
    graph = pyoxigraph.NamedNode("https://example.org/graph")
    nquads = pyoxigraph.serialize([pyoxigraph.Quad(q.subject, q.predicate, q.object, graph) for q in quads],
                                  format=pyoxigraph.RdfFormat.N_QUADS)
    (tmp_path / "export.nq").write_bytes(nquads)
    assert from_rdf(tmp_path / "export.nq") == sample
    (tmp_path / "export.trig").write_bytes(pyoxigraph.serialize(
        [pyoxigraph.Quad(q.subject, q.predicate, q.object, graph) for q in quads], format=pyoxigraph.RdfFormat.TRIG))
    assert from_rdf(tmp_path / "export.trig") == sample
    with pytest.raises(ValueError, match="pass format"):
        from_rdf(data)
    with pytest.raises(ValueError, match="unknown RDF format 'n3'"):
        from_rdf(data, format="n3")
    with pytest.raises(TypeError, match="expected an rdflib.Graph"):
        from_rdf(42)  # type: ignore[arg-type]


def test_relative_iris_in_a_file_resolve_against_the_base(sample: ag.KnowledgeGraph) -> None:
    text = sample.serialize(format="turtle")
    assert isinstance(text, str) and f"@base <{ID}> .\n" in text
    headless = text.replace(f"@base <{ID}> .\n", "")  # e.g. a hand-edited file that lost its @base
    assert from_rdf(headless.encode(), format="turtle") == sample
    other = "https://example.org/kg/"
    assert from_rdf(headless.encode(), format="turtle", base=other) == sample  # ids stay ids under any base


def test_a_syntax_error_names_the_file_and_line(sample: ag.KnowledgeGraph, tmp_path: Path) -> None:
    text = sample.serialize(format="turtle")
    assert isinstance(text, str)
    lines = text.splitlines(keepends=True)
    bad = next(i for i, line in enumerate(lines) if line.startswith("<deepseek-v3> "))
    lines[bad + 2] = lines[bad + 2].replace('"', "", 1)  # an unterminated string
    path = tmp_path / "broken.ttl"
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(ag.DataError) as info:
        from_rdf(path)
    (problem,) = info.value.problems
    assert problem.file == str(path) and problem.line is not None and bad + 3 <= problem.line <= bad + 5
    assert "not valid turtle" in problem.message
    with pytest.raises(ag.DataError, match=r"<records>:1: not valid nt"):
        from_rdf(b'<https://x.org/a> <https://x.org/p> "open .\n', format="nt")


def test_values_of_the_wrong_kind_are_located_problems(kg: ag.KnowledgeGraph, tmp_path: Path) -> None:
    nt = kg.serialize(format="nt")
    assert isinstance(nt, str)
    m = f"<{ID}deepseek-v3>"
    swaps = {
        f'{m} <{AAG_IRI}openWeights> "true"^^<{XSD}boolean> .': f'{m} <{AAG_IRI}openWeights> "yes"^^<{XSD}boolean> .',
        f'{m} <{AAG_IRI}developedBy> <{ID}deepseek> .': f'{m} <{AAG_IRI}developedBy> "{ID}deepseek" .',
        f'<{ID}deepseek-v3#parameters> <{AAG_IRI}value> "671000000000"^^<{XSD}decimal> .':
            f'<{ID}deepseek-v3#parameters> <{AAG_IRI}value> "lots"^^<{XSD}decimal> .',
    }
    changed = nt
    for old, new in swaps.items():
        assert old in changed, old
        changed = changed.replace(old, new)
    year = re.search(rf'^(<{ID}[^>#]+>) <{AAG_IRI}targetYear> "(\d+)"', nt, re.M)
    assert year is not None
    changed = changed.replace(year.group(0), year.group(0).replace(f'"{year.group(2)}"', '"soon"'))
    path = tmp_path / "changed.nt"
    path.write_text(changed, encoding="utf-8")
    with pytest.raises(ag.DataError) as info:
        from_rdf(path)
    found = {(p.record, p.field): p for p in info.value.problems}
    policy = year.group(1)[len(ID) + 1:-1]
    assert set(found) == {("deepseek-v3", "open_weights"), ("deepseek-v3", "developers"),
                          ("deepseek-v3", "parameters.value"), (policy, "target_year")}, found
    assert all(p.file == str(path) for p in info.value.problems)
    assert "not a boolean: yes" in found["deepseek-v3", "open_weights"].message
    assert "expected an IRI" in found["deepseek-v3", "developers"].message
    assert "not a decimal: lots" in found["deepseek-v3", "parameters.value"].message
    assert "not an integer: soon" in found[policy, "target_year"].message


def test_disputed_values_round_trip_as_rdf_json(sample: ag.KnowledgeGraph) -> None:
    model = sample["deepseek-v3"]
    source = model.sources[0].source  # type: ignore[attr-defined]
    data = model.model_dump(exclude_none=True)
    data["disputes"] = [{"field": "parameters", "reason": "the developer states it", "values": [
        {"value": {"value": 671000000000}, "sources": [source]},
        {"value": {"value": 670000000000, "qualifier": "about", "unit": '매개변수 "q"'}, "sources": [source],
         "note": "rounded"}]}]
    changed = type(model).model_validate(data)
    kg = ag.KnowledgeGraph([changed if r.id == model.id else r for r in sample.values()])
    nt = kg.serialize(format="nt")
    assert isinstance(nt, str) and f"^^<{RDF}JSON> ." in nt
    for again in (from_rdf(nt.encode(), format="nt"), from_rdf(to_rdf(kg)),
                  from_rdf(str(kg.serialize(format="turtle")).encode(), format="turtle")):
        assert again == kg
        assert again["deepseek-v3"].disputes[0].values[1].value["unit"] == '매개변수 "q"'  # type: ignore[attr-defined]
    broken = nt.replace('{\\"value\\":671000000000}', "{not json")
    assert broken != nt
    with pytest.raises(ag.DataError, match=r"field disputes\.0\.values\.0\.value: not JSON: \{not json"):
        from_rdf(broken.encode(), format="nt")


def test_blocks_have_no_duplicates_and_keep_each_predicate_together(generated: ag.KnowledgeGraph) -> None:
    from asiaai_graph.rdf.export import blocks

    subjects = set()
    for subject, po in blocks(generated):
        assert subject not in subjects
        subjects.add(subject)
        assert len(set(po)) == len(po), subject
        preds = [p for p, _ in po]
        runs = [p for i, p in enumerate(preds) if i == 0 or preds[i - 1] != p]
        assert len(runs) == len(set(runs)), (subject, preds)  # the Turtle writer relies on it


def test_iter_ntriples_streams_whole_lines(generated: ag.KnowledgeGraph, tmp_path: Path) -> None:
    from asiaai_graph.rdf import iter_ntriples, to_ntriples
    from asiaai_graph.rdf.export import iter_turtle, to_turtle
    from asiaai_graph.rdf.export.text import CHUNK_TRIPLES

    chunks = iter_ntriples(generated)
    first = next(chunks)
    assert first.endswith(" .\n") and first.count("\n") < 3 * CHUNK_TRIPLES
    rest = list(chunks)
    assert len(rest) > 10 and all(c.endswith(" .\n") for c in rest)
    assert first + "".join(rest) == to_ntriples(generated)
    assert "".join(iter_turtle(generated)) == to_turtle(generated)
    path = tmp_path / "out.nt"
    generated.serialize(format="nt", destination=path)
    assert path.read_text(encoding="utf-8") == first + "".join(rest)


def test_importing_the_rdf_package_imports_neither_rdflib_nor_pyoxigraph() -> None:
    code = ("import sys, asiaai_graph, asiaai_graph.rdf; "
            "print(sorted(m for m in ('rdflib', 'pyoxigraph', 'pyshacl') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


# --- the fast writers agree with rdflib and with independent parsers ------------------------------------


@pytest.mark.parametrize("name", ["sample", "kg", "generated"])
def test_fast_turtle_and_ntriples_hold_exactly_the_rdflib_triples(request: pytest.FixtureRequest, name: str) -> None:
    kg = _graphs(request, name)
    graph = to_rdf(kg)
    expected = rdflib_triples(graph)
    turtle, ntriples = kg.serialize(format="turtle"), kg.serialize(format="nt")
    assert isinstance(turtle, str) and isinstance(ntriples, str)
    # rdflib reads our text back to the same graph ...
    assert isomorphic(rdflib.Graph().parse(data=turtle, format="turtle"), graph)
    assert rdflib_triples(rdflib.Graph().parse(data=ntriples, format="nt")) == expected
    # ... and so does an independent parser (Rust, oxttl)
    assert oxigraph_triples(turtle, pyoxigraph.RdfFormat.TURTLE) == expected
    assert oxigraph_triples(ntriples, pyoxigraph.RdfFormat.N_TRIPLES) == expected
    assert len(ntriples.splitlines()) == len(graph)  # one line a triple, no duplicates


@pytest.mark.skipif(shutil.which("rapper") is None, reason="Raptor's rapper is not installed (apt-get install raptor2-utils)")
@pytest.mark.parametrize("name", ["kg", "generated"])
def test_rapper_reads_the_turtle_to_the_same_triples(request: pytest.FixtureRequest, name: str, tmp_path: Path) -> None:
    kg = _graphs(request, name)
    path = tmp_path / "export.ttl"
    kg.serialize(format="turtle", destination=path)
    done = subprocess.run(["rapper", "-q", "-i", "turtle", "-o", "ntriples", str(path)], capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode()
    assert done.stderr == b""
    assert oxigraph_triples(done.stdout.decode("utf-8"), pyoxigraph.RdfFormat.N_TRIPLES) == rdflib_triples(to_rdf(kg))


def test_no_blank_nodes(kg: ag.KnowledgeGraph) -> None:
    assert not any(isinstance(t, rdflib.BNode) for triple in to_rdf(kg) for t in triple)


_DIGEST = """
import hashlib, sys
import asiaai_graph as ag
for kg in (ag.load(sys.argv[1], curated=False, cache=False), ag.load(cache=False)):
    for fmt in ("turtle", "nt", "json-ld"):
        print(fmt, hashlib.sha256(kg.serialize(format=fmt).encode()).hexdigest())
"""


def test_output_is_byte_identical_across_processes_and_hash_seeds() -> None:
    digests = []
    for seed in ("1", "4242"):
        env = {**__import__("os").environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", _DIGEST, str(SAMPLE)], capture_output=True, text=True,
                              env=env, check=True)
        digests.append(done.stdout)
    assert digests[0] == digests[1]
    assert digests[0].count("turtle") == 2


def test_turtle_is_sorted_by_record_and_readable(kg: ag.KnowledgeGraph) -> None:
    text = kg.serialize(format="turtle")
    assert isinstance(text, str)
    assert text.startswith("@prefix aag: <https://w3id.org/asiaai-graph/ontology#> .\n")
    assert f"@base <{ID}> .\n" in text
    subjects = [block.split(" ", 1)[0] for block in text.split("\n\n")[1:]]
    records = [s.strip("<>") for s in subjects if "#" not in s]
    moved = kg.moved()  # an old id's block, in id order among the records: <old> owl:sameAs <new>
    assert [r for r in records if r not in moved] == list(kg) and records == sorted(records)
    assert all(f"<{old}> owl:sameAs <{new}> ." in text for old, (new, _) in moved.items())
    assert '<deepseek-v3> a aag:AIModel ;\n    dcterms:identifier "deepseek-v3" ;' in text


# --- what the triples say -------------------------------------------------------------------------------


def test_values_are_typed_and_keep_their_precision(kg: ag.KnowledgeGraph) -> None:
    g = to_rdf(kg)
    m = URIRef(ID + "deepseek-v3")
    assert (m, RDF.type, AAG.AIModel) in g
    assert (m, RDFS.label, Literal("DeepSeek-V3", lang="en")) in g
    assert (m, URIRef("http://www.w3.org/2004/02/skos/core#prefLabel"), Literal("딥시크 V3", lang="ko")) in g
    active = g.value(m, AAG.activeParameters)
    assert active == URIRef(ID + "deepseek-v3#active-parameters")
    assert (active, RDF.type, AAG.Quantity) in g
    assert g.value(active, AAG.value) == Literal("37000000000", datatype=XSD.decimal)
    assert g.value(active, AAG.qualifier) == AAG.about
    cost = g.value(m, AAG.trainingCost)
    assert g.value(cost, AAG.currency) == Literal("USD")
    equivalent = g.value(cost, AAG.equivalent)
    assert g.value(equivalent, AAG.currency) == Literal("KRW") and g.value(equivalent, AAG.qualifier) == AAG.about
    # dates typed by precision, an approximate date flagged
    datatypes = {o.datatype for o in g.objects(None, URIRef("http://purl.org/dc/terms/issued"))}
    assert datatypes <= {XSD.gYear, XSD.gYearMonth, XSD.date} and XSD.date in datatypes
    approximate = [r for r in kg.values() for f in ("published", "founded", "released", "announced", "date", "period")
                   if getattr(getattr(r, f, None), "approximate", False)]
    assert approximate, "the curated data has approximate dates"
    # provenance: every entity derives from its sources, quotes tagged with the source's language
    prov = rdflib.Namespace("http://www.w3.org/ns/prov#")
    for record in kg.values():
        if isinstance(record, ag.Entity):
            s = URIRef(ID + record.id)
            assert {str(o)[len(ID):] for o in g.objects(s, prov.wasDerivedFrom)} == {c.source for c in record.sources}
    citation = URIRef(ID + "deepseek-v3#citation-1")
    assert g.value(citation, prov.entity) is not None
    assert g.value(citation, AAG.quote).language == kg[kg["deepseek-v3"].sources[0].source].language  # type: ignore[union-attr, attr-defined]
    # sources carry their bibliographic data
    source = URIRef(ID + kg["deepseek-v3"].sources[0].source)  # type: ignore[attr-defined]
    dcterms = rdflib.Namespace("http://purl.org/dc/terms/")
    assert g.value(source, dcterms.title) is not None and g.value(source, dcterms.language) is not None
    assert g.value(g.value(source, dcterms.publisher), RDFS.label) is not None
    # owl:sameAs Wikidata where a record has an id there
    with_wikidata = [r for r in kg.values() if getattr(r, "wikidata", None)]
    for r in with_wikidata:
        assert (URIRef(ID + r.id), URIRef("http://www.w3.org/2002/07/owl#sameAs"),
                URIRef("http://www.wikidata.org/entity/" + r.wikidata)) in g  # type: ignore[attr-defined]


def test_qualified_investor_node_keeps_the_lead_flag(kg: ag.KnowledgeGraph) -> None:
    g = to_rdf(kg)
    investment = kg.investments(investee="sensetime")[0]
    inv = URIRef(ID + investment.id)
    roles = list(g.objects(inv, AAG.investor))
    assert len(roles) == len(investment.investors)
    lead = {str(g.value(r, AAG.organization))[len(ID):]: g.value(r, AAG.lead).toPython() for r in roles}  # type: ignore[union-attr]
    assert lead == {i.organization: i.lead for i in investment.investors}
    for i in investment.investors:  # the plain relation, in the direction the graph stores it
        assert (URIRef(ID + i.organization), AAG.investedIn, inv) in g


def test_every_edge_of_the_graph_is_a_triple(kg: ag.KnowledgeGraph) -> None:
    from asiaai_graph.rdf.mapping import relation_predicate

    g = to_rdf(kg)
    for e in kg.edges():
        assert (URIRef(ID + e.source), URIRef(relation_predicate(e.relation)), URIRef(ID + e.target)) in g, e


# --- vocabulary, context and shapes ----------------------------------------------------------------------


def test_vocabulary_class_ontology_and_export_agree(kg: ag.KnowledgeGraph) -> None:
    onto = ontology()
    declared = {s for s in onto.subjects(RDF.type, None) if isinstance(s, URIRef)}
    aag_terms = {str(s)[len(AAG_IRI):] for s in declared if str(s).startswith(AAG_IRI)}
    assert aag_terms == {str(t)[len(AAG_IRI):] for t in dir(AAG)}
    for term in aag_terms:
        iri = URIRef(AAG_IRI + term)
        for prop in (RDFS.label, RDFS.comment):
            langs = {o.language for o in onto.objects(iri, prop)}  # type: ignore[attr-defined]
            assert {"en", "ko"} <= langs, (term, prop)
    assert set(QUALIFIERS.values()) <= {str(t) for t in declared}
    builtin = {str(RDF.type), str(RDFS.label), "http://www.w3.org/2002/07/owl#sameAs"}
    # what a policy also states in ELI (the European Legislation Identifier ontology), not ours to declare
    from asiaai_graph.rdf.mapping import ELI_DATES, ELI_PASSED_BY, ELI_TITLE

    builtin |= {*ELI_DATES, ELI_PASSED_BY, ELI_TITLE}
    g = to_rdf(kg)
    for p in set(g.predicates()):
        assert p in declared or str(p) in builtin or str(p).startswith(str(RDF) + "_"), p
    for c in set(g.objects(None, RDF.type)):
        assert c in declared, c
    schema_org = rdflib.Namespace("https://schema.org/")
    assert (AAG.Organization, RDFS.subClassOf, URIRef("http://www.w3.org/ns/org#Organization")) in onto
    assert (AAG.Money, URIRef("http://www.w3.org/2002/07/owl#equivalentClass"), schema_org.MonetaryAmount) in onto
    assert (AAG.subsidiaryOf, RDFS.subPropertyOf, URIRef("http://www.w3.org/ns/org#subOrganizationOf")) in onto


def test_jsonld_uses_the_published_compact_context(sample: ag.KnowledgeGraph) -> None:
    text = sample.serialize(format="json-ld")
    assert isinstance(text, str)
    doc = json.loads(text)
    shipped = json.loads((ROOT / "asiaai_graph" / "rdf" / "context.jsonld").read_text(encoding="utf-8"))
    assert doc["@context"] == shipped["@context"] == context()
    node = next(n for n in doc["@graph"] if n["@id"] == "aagid:deepseek-v3")
    assert node["@type"] == "AIModel" and node["developedBy"] == {"@id": "aagid:deepseek"}
    assert isomorphic(rdflib.Graph().parse(data=text, format="json-ld"), to_rdf(sample))
    custom = sample.serialize(format="json-ld", base="https://example.org/kg/")
    assert json.loads(custom)["@context"]["aagid"] == "https://example.org/kg/"  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["sample", "kg", "generated"])
def test_the_export_conforms_to_the_shapes(request: pytest.FixtureRequest, name: str) -> None:
    conforms, report = validate(to_rdf(_graphs(request, name)))
    assert conforms, report


def test_every_class_has_a_shape() -> None:
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    targets = set(shapes().objects(None, sh.targetClass))
    classes = {s for s in ontology().subjects(RDF.type, URIRef("http://www.w3.org/2002/07/owl#Class"))
               if str(s).startswith(AAG_IRI)}
    assert classes - {AAG.Entity, AAG.Qualifier} <= targets


def _broken(kg: ag.KnowledgeGraph, change: Callable[[rdflib.Graph], None]) -> tuple[bool, str]:
    g = to_rdf(kg)
    change(g)
    return validate(g)


def test_a_broken_graph_does_not_conform(sample: ag.KnowledgeGraph) -> None:
    m = URIRef(ID + "deepseek-v3")
    conforms, report = _broken(sample, lambda g: g.remove((m, AAG.developedBy, None)))
    assert not conforms and "developedBy" in report
    cost = URIRef(ID + "deepseek-v3#training-cost")
    conforms, report = _broken(sample, lambda g: g.remove((cost, AAG.currency, None)))
    assert not conforms and "currency" in report
    conforms, report = _broken(sample, lambda g: g.set((cost, AAG.currency, Literal("dollars"))))
    assert not conforms
    conforms, report = _broken(sample, lambda g: g.set((cost, AAG.qualifier, AAG.between)))  # no upper
    assert not conforms
    conforms, report = _broken(sample, lambda g: g.add((m, URIRef(AAG_IRI + "typo"), Literal(1))))
    assert not conforms and "typo" in report  # closed shapes catch unknown properties
    conforms, report = _broken(sample, lambda g: g.remove((m, RDFS.label, None)))
    assert not conforms


def test_from_rdf_reports_what_does_not_read_back(sample: ag.KnowledgeGraph) -> None:
    g = to_rdf(sample)
    g.remove((URIRef(ID + "deepseek-v3"), AAG.developedBy, None))
    g.set((URIRef(ID + "ernie"), AAG.kind, Literal("spaceship")))
    with pytest.raises(ag.DataError) as info:
        from_rdf(g)
    assert {p.record for p in info.value.problems} == {"deepseek-v3", "ernie"}
    with pytest.raises(ValueError, match="cannot tell the RDF format"):
        from_rdf("export.unknown")


# --- SPARQL ----------------------------------------------------------------------------------------------


def test_sparql_rows_are_python_values(kg: ag.KnowledgeGraph) -> None:
    rows = kg.sparql("""SELECT ?m ?v ?open ?released ?none WHERE {
        ?x dcterms:identifier "deepseek-v3" ; dcterms:identifier ?m ; aag:parameters/aag:value ?v ;
           aag:openWeights ?open . OPTIONAL { ?x aag:released ?released } OPTIONAL { ?x aag:noSuch ?none } }""")
    assert rows == [{"m": "deepseek-v3", "v": Decimal("671000000000"), "open": True,
                     "released": rows[0]["released"], "none": None}]
    assert kg.sparql('ASK { ?m a aag:AIModel }') == [{"ask": True}]
    constructed = kg.sparql('CONSTRUCT { ?m a aag:AIModel } WHERE { ?m dcterms:identifier "ernie" ; a aag:AIModel }')
    assert constructed == [{"subject": ID + "ernie", "predicate": str(RDF.type), "object": str(AAG.AIModel)}]
    with pytest.raises(ValueError, match="bad SPARQL"):
        kg.sparql("SELECT")


def _qualifier(name: str) -> str:
    return QUALIFIERS[name][len(AAG_IRI):]


def _countries(kg: ag.KnowledgeGraph) -> list[Any]:
    return kg.records("country")


#: examples/queries/NAME.rq -> the same question answered with the Python query helpers.
ANSWERS: dict[str, Callable[[ag.KnowledgeGraph], set[tuple[Any, ...]]]] = {
    "llm-builders-by-country": lambda kg: {(o.id, o.name, o.country) for o in kg.llm_builders()},
    "chinese-llms": lambda kg: {(m.id, m.name) for m in kg.models(country="CN", kind="llm")},
    "models-over-100-billion-parameters": lambda kg: {
        (m.id, m.name, m.parameters.value, _qualifier(m.parameters.qualifier))
        for m in kg.models()
        if m.parameters and m.parameters.value >= 100_000_000_000 and m.parameters.qualifier not in ("at_most", "less_than")
    },
    "investments-in-sensetime": lambda kg: {
        (i.id, r.organization, r.lead, i.amount.amount if i.amount else None, i.amount.currency if i.amount else None,
         i.post_money_valuation.amount if i.post_money_valuation else None, i.date.isoformat() if i.date else None)
        for i in kg.investments(investee="sensetime") for r in i.investors
    },
    "policies-with-target-year": lambda kg: {(p.id, p.jurisdiction, p.target_year) for p in kg.policies() if p.target_year},
    "partnerships-abroad": lambda kg: {
        (p.id, o, kg[o].country, c.id)  # type: ignore[attr-defined]
        for c in _countries(kg) for p in kg.partnerships(country=c) for o in p.parties
        if kg[o].country not in (None, c.id)  # type: ignore[attr-defined]
    },
    "private-ai-investment-2023": lambda kg: {
        (i.subject, i.amount.amount, i.amount.currency, _qualifier(i.amount.qualifier))
        for i in kg.indicators(measure="private_ai_investment") if i.period and i.period.year == 2023 and i.amount
    },
    "city-policies-of-china": lambda kg: {
        (p.id, p.jurisdiction) for p in kg.policies(country="CN") if kg[p.jurisdiction].record_type == "place"
    },
    "products-using-ernie": lambda kg: {(p.id, p.name) for p in kg.products(model="ernie")},
    "sources-of-deepseek-v3": lambda kg: {
        (s.id, s.publisher, s.published.isoformat() if s.published else None) for s in kg.sources_of("deepseek-v3")
    },
}


def test_every_query_has_a_python_answer() -> None:
    assert len(QUERIES) >= 8
    assert sorted(q.stem for q in QUERIES) == sorted(ANSWERS)


def _plain(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


@pytest.mark.parametrize("query", QUERIES, ids=[q.stem for q in QUERIES])
def test_competency_question_matches_the_python_helpers(kg: ag.KnowledgeGraph, query: Path) -> None:
    rows = kg.sparql(query.read_text(encoding="utf-8"))
    got = {tuple(_plain(v) for v in row.values()) for row in rows}
    expected = ANSWERS[query.stem](kg)
    assert got == expected
    assert len(rows) == len(got)  # no duplicate rows
    assert expected, f"{query.name} has no answer in the curated data"


def test_sparql_store_is_built_once_per_base_and_kept_in_the_graph_cache(kg: ag.KnowledgeGraph) -> None:
    from asiaai_graph.rdf.sparql import store

    kg.sparql("ASK { ?s ?p ?o }")
    first = store(kg)
    assert first is store(kg) and first is kg.cache["asiaai_graph.rdf.sparql"][DEFAULT_BASE]
    other = store(kg, base="https://example.org/kg/")
    assert other is not first
    assert kg.sparql('SELECT ?x WHERE { ?x dcterms:identifier "CN" }', base="https://example.org/kg/") == [
        {"x": "https://example.org/kg/CN"}]
    assert len(first) == len(other) == len(to_rdf(kg))
    fresh = ag.KnowledgeGraph(list(kg.values()))
    assert store(fresh) is not first  # one store per graph, never shared


def test_sparql_values_convert_like_rdflib() -> None:
    """The row values are what rdflib's toPython gave (the engine changed, the rows did not)."""
    from asiaai_graph.rdf.sparql import python_value

    xsd = "http://www.w3.org/2001/XMLSchema#"
    cases = [("plain", None, None), ("태그", "ko", None), ("42", None, "integer"), ("-7", None, "int"),
             ("0", None, "nonNegativeInteger"), ("1.50", None, "decimal"), ("37000000000", None, "decimal"),
             ("true", None, "boolean"), ("0", None, "boolean"), ("2.5E3", None, "double"), ("2024", None, "gYear"),
             ("2024-05", None, "gYearMonth"), ("2024-05-01", None, "date"), ("2024-05-01T10:20:30", None, "dateTime"),
             ("https://x.org/a b", None, "anyURI"), ("ko", None, "language"), ("abc", None, "integer"),
             ("x", None, "https://example.org/unknownType")]
    for lexical, lang, dt in cases:
        dt_iri = None if dt is None else (dt if ":" in dt else xsd + dt)
        ours = python_value(pyoxigraph.Literal(lexical, language=lang) if lang else
                            pyoxigraph.Literal(lexical, datatype=pyoxigraph.NamedNode(dt_iri) if dt_iri else None))
        lit = Literal(lexical, lang=lang, datatype=URIRef(dt_iri) if dt_iri else None)
        value = lit.toPython()
        theirs = str(lit) if isinstance(value, Literal) else value
        assert ours == theirs and type(ours) is type(theirs), (lexical, dt, ours, theirs)
    assert python_value(pyoxigraph.NamedNode("https://x.org/a")) == "https://x.org/a"
    assert python_value(None) is None


def test_sparql_answers_at_scale_match_the_index(generated: ag.KnowledgeGraph) -> None:
    query = (ROOT / "examples" / "queries" / "llm-builders-by-country.rq").read_text(encoding="utf-8")
    rows = generated.sparql(query)
    assert {(r["organization"], r["name"], r["country"]) for r in rows} == {
        (o.id, o.name, o.country) for o in generated.llm_builders()}
    assert len(rows) > 50
    countries = [r["country"] for r in rows]
    assert countries == sorted(countries, key=lambda c: (c is not None, c))  # ORDER BY ?country (unbound first)


# --- command line -----------------------------------------------------------------------------------------


def test_cli_sparql_prints_a_table_or_json() -> None:
    query = ROOT / "examples" / "queries" / "private-ai-investment-2023.rq"
    out = io.StringIO()
    assert main(["sparql", str(query)], out=out) == 0
    lines = out.getvalue().splitlines()
    assert lines[0].split() == ["COUNTRY", "AMOUNT", "CURRENCY", "QUALIFIER"]
    assert any(line.split()[:2] == ["CN", "7760000000"] for line in lines)
    out = io.StringIO()
    assert main(["sparql", "SELECT ?m WHERE { ?x aag:parameters ?p ; dcterms:identifier ?m } ORDER BY ?m", "--json"],
                out=out) == 0
    assert {"m": "deepseek-v3"} in json.loads(out.getvalue())
    out = io.StringIO()
    assert main(["sparql", 'SELECT ?x WHERE { ?x aag:kind "no such kind" }'], out=out) == 0
    assert out.getvalue() == "no results\n"
    assert main(["sparql", "SELECT"], out=io.StringIO()) == 1


def test_cli_export_turtle_to_stdout_and_file(tmp_path: Path, sample: ag.KnowledgeGraph) -> None:
    out = io.StringIO()
    assert main(["export", "--format", "turtle", "--no-curated", "--data", str(SAMPLE)], out=out) == 0
    assert out.getvalue() == sample.serialize(format="turtle")
    path = tmp_path / "x.nt"
    assert main(["export", "-f", "nt", "-o", str(path), "--no-curated", "--data", str(SAMPLE)], out=io.StringIO()) == 0
    assert path.read_text(encoding="utf-8") == sample.serialize(format="nt")


def test_serialize_mirrors_rdflib(sample: ag.KnowledgeGraph, tmp_path: Path) -> None:
    assert serialize(sample, format="ttl") == serialize(sample, format="turtle")
    assert serialize(sample, format="application/n-triples") == serialize(sample, format="nt")
    xml = serialize(sample, format="xml")
    assert isinstance(xml, str) and xml.startswith("<?xml")
    with pytest.raises(ValueError, match="unknown RDF format"):
        serialize(sample, format="n3")
    path = tmp_path / "out.ttl"
    assert serialize(sample, destination=str(path)) is None
    assert hashlib.sha256(path.read_bytes()).hexdigest() == hashlib.sha256(
        serialize(sample).encode()).hexdigest()  # type: ignore[union-attr]


def _rdflib_value(term: Any) -> Any:
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        return str(term) if isinstance(value, Literal) else value
    return str(term)


@pytest.mark.parametrize("query", QUERIES, ids=[q.stem for q in QUERIES])
def test_competency_question_gives_the_same_rows_in_rdflib(kg: ag.KnowledgeGraph, query: Path) -> None:
    """The queries are plain SPARQL 1.1: rdflib's engine over the rdflib graph answers what Oxigraph answers."""
    text = query.read_text(encoding="utf-8")
    result = to_rdf(kg).query(text)
    names = [str(v) for v in result.vars or ()]
    theirs = [{n: _rdflib_value(v) for n, v in zip(names, row)} for row in result]  # type: ignore[arg-type]
    ours = kg.sparql(text)
    assert sorted(map(repr, ours)) == sorted(map(repr, theirs))  # the same values, of the same types
    if "ORDER BY" in text:
        keys = re.findall(r"\?(\w+)", [line for line in text.splitlines() if line.startswith("ORDER BY")][0])
        assert [[r[k] for k in keys] for r in ours] == [[r[k] for k in keys] for r in theirs]


def test_a_stream_lets_go_of_the_records_it_decodes() -> None:
    """A push streams iter_ntriples: at 100k organizations, keeping every decoded model doubled its memory."""
    from asiaai_graph.rdf.export import iter_ntriples, to_ntriples

    kg = ag.load()
    assert [r.id for r in kg.iter_records(chunk=100)] == list(kg)
    assert [r for r in kg.iter_records(chunk=7) if r.id in ("deepseek", "qwen")] == [kg["deepseek"], kg["qwen"]]
    kept_before = len(kg._records)
    streamed = "".join(iter_ntriples(kg))
    kept_after = len(kg._records)
    assert kept_after - kept_before < len(kg) // 2  # the few the walk's lookups need, not every record
    assert to_ntriples(kg) == streamed  # the whole-text export keeps them: faster the next time
    assert len(kg._records) == len(kg)
