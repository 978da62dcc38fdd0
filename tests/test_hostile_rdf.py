"""``from_rdf`` under hostile documents (issue 21): each class has a fixture of its own, then fuzzing per syntax.

Before the change: an entity bomb in RDF/XML aborted the process (a 3 GB
allocation), deep RDF/XML was quadratic, a 30 MB literal raised MemoryError,
deep rdf:JSON a RecursionError, JSON-LD with an invalid IRI dropped records
without a word, and two labels in one language or two identifiers kept one
silently. Now each is a located DataError (or reads right), within its bounds.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import asiaai_graph as ag

RDF_NS = b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:p="urn:p#"'


def _problems(data: bytes, fmt: str, **kw: object) -> list[str]:
    with pytest.raises(ag.DataError) as info:
        ag.from_rdf(data, format=fmt, **kw)  # type: ignore[arg-type]
    return [str(p) for p in info.value.problems]


def test_an_rdf_xml_entity_bomb_is_refused_in_a_separate_process_that_survives() -> None:
    entities = b'<!ENTITY a0 "lollollollollollollollollollol">' + b"".join(
        b'<!ENTITY a%d "%s">' % (i, b"".join(b"&a%d;" % (i - 1) for _ in range(10))) for i in range(1, 10))
    bomb = (b'<?xml version="1.0"?><!DOCTYPE rdf:RDF [' + entities + b']><rdf:RDF ' + RDF_NS
            + b'><rdf:Description rdf:about="urn:a"><p:q>&a9;</p:q></rdf:Description></rdf:RDF>')
    code = ("import sys, asiaai_graph as ag\n"
            "try:\n    ag.from_rdf(sys.stdin.buffer.read(), format='xml')\n"
            "except ag.DataError as exc:\n    print(exc)\n")
    done = subprocess.run([sys.executable, "-c", code], input=bomb, capture_output=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-1000:]
    assert b"declares the entity 'a0'" in done.stdout


def test_deep_rdf_xml_is_refused_quickly() -> None:
    depth = 20_000
    deep = (b'<rdf:RDF ' + RDF_NS + b'><rdf:Description rdf:about="urn:a">' + b"<p:q><rdf:Description>" * depth
            + b"<p:q>x</p:q>" + b"</rdf:Description></p:q>" * depth + b"</rdf:Description></rdf:RDF>")
    start = time.monotonic()
    assert any("more than 256 deep" in p for p in _problems(deep, "xml"))
    assert time.monotonic() - start < 5


@pytest.mark.parametrize("doc", [
    b'{"@id": "urn:a", "urn:p": ' + b'{"urn:p": ' * 300 + b"1" + b"}" * 300 + b"}",
    b'{"@id": "urn:a", "urn:p": ' + b"[" * 100_000 + b"1" + b"]" * 100_000 + b"}",
])
def test_deep_json_ld_is_a_data_error(doc: bytes) -> None:
    assert any("deep" in p for p in _problems(doc, "json-ld"))


def test_a_30_mb_literal_is_a_data_error_not_a_memory_error() -> None:
    data = b'<urn:a> <http://www.w3.org/2000/01/rdf-schema#label> "' + b"x" * 30_000_000 + b'"@en .'
    assert any("too large" in p for p in _problems(data, "nt"))


def test_a_document_over_max_bytes_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    path = tmp_path / "big.nt"
    path.write_bytes(b"<urn:a> <urn:p> <urn:o> .\n" * 1000)
    assert any("more than max_bytes=1000" in p for p in _problems(path.read_bytes(), "nt", max_bytes=1000))
    with pytest.raises(ag.DataError, match="max_bytes=1000"):
        ag.from_rdf(path, max_bytes=1000)


def test_json_ld_that_would_drop_records_says_which() -> None:
    doc = b"""{"@context": {"aag": "https://w3id.org/asiaai-graph/ontology#", "dcterms": "http://purl.org/dc/terms/"},
     "@graph": [
       {"@id": "https://w3id.org/asiaai-graph/id/KR", "@type": "aag:Country", "dcterms:identifier": "KR"},
       {"@id": "https://w3id.org/asiaai-graph/id/J P", "@type": "aag:Country", "dcterms:identifier": "JP"},
       {"@id": "https://w3id.org/asiaai-graph/id/CN", "@type": "aag:Country", "name": "China"}]}"""
    found = _problems(doc, "json-ld")
    assert any("$.@graph[1].@id" in p and "not an IRI" in p for p in found), found
    assert any("$.@graph[2]" in p and "'name'" in p for p in found), found


def test_the_json_ld_export_itself_passes_the_check(sample: ag.KnowledgeGraph) -> None:
    text = sample.serialize(format="json-ld")
    assert isinstance(text, str)
    assert ag.from_rdf(text.encode(), format="json-ld") == sample


def test_two_labels_in_one_language_are_refused_as_in_yaml(sample: ag.KnowledgeGraph) -> None:
    nt = sample.serialize(format="nt")
    assert isinstance(nt, str)
    line = next(x for x in nt.splitlines() if "/id/baidu> <http://www.w3.org/2004/02/skos/core#prefLabel>" in x
                and x.endswith('@ko .'))
    doubled = nt + line.replace("바이두", "바이두 (두 번째)") + "\n"
    assert any("record baidu" in p and "two labels in 'ko'" in p for p in _problems(doubled.encode(), "nt"))


def test_two_identifiers_are_refused(sample: ag.KnowledgeGraph) -> None:
    nt = sample.serialize(format="nt")
    assert isinstance(nt, str)
    doubled = nt + '<https://w3id.org/asiaai-graph/id/baidu> <http://purl.org/dc/terms/identifier> "baidu-2" .\n'
    assert any("2 identifiers" in p for p in _problems(doubled.encode(), "nt"))


def test_deep_rdf_json_in_a_dispute_is_a_located_problem(kg: ag.KnowledgeGraph) -> None:
    nt = kg.serialize(format="nt")
    assert isinstance(nt, str)
    line = next(x for x in nt.splitlines() if x.endswith("rdf-syntax-ns#JSON> ."))
    deep = re.sub(r'"\{.*\}"\^\^', lambda _: '"' + "[" * 50_000 + "]" * 50_000 + '"^^', line)
    found = _problems((nt.replace(line, deep)).encode(), "nt")
    assert len(found) == 1 and "dispute" in found[0], found


# --- fuzzing: any document is a graph or a DataError, in every syntax -------------------------------------------

SYNTAXES = [("turtle", "turtle"), ("nt", "nt"), ("json-ld", "json-ld"), ("xml", "xml"), ("trig", "turtle")]


@pytest.fixture(scope="module")
def exports(sample: ag.KnowledgeGraph) -> dict[str, bytes]:
    return {fmt: str(sample.serialize(format=writer)).encode() for fmt, writer in SYNTAXES}


@pytest.mark.parametrize("fmt", [f for f, _ in SYNTAXES])
@given(data=st.data())
def test_fuzz_from_rdf(exports: dict[str, bytes], fmt: str, data: st.DataObject) -> None:
    doc = bytearray(exports[fmt])
    for _ in range(data.draw(st.integers(1, 6))):
        at = data.draw(st.integers(0, len(doc)))
        doc[at:at + data.draw(st.integers(0, 8))] = data.draw(st.binary(max_size=12))
    try:
        result = ag.from_rdf(bytes(doc), format=fmt)
    except ag.DataError:
        return
    assert isinstance(result, ag.KnowledgeGraph)


def test_a_money_node_that_is_its_own_equivalent_is_a_problem_not_a_recursion_error(
        sample: ag.KnowledgeGraph) -> None:
    nt = str(sample.serialize(format="nt"))
    node = next(x for x in nt.splitlines() if "#training-cost> <https://w3id.org/asiaai-graph/ontology#currency>" in x)
    node = node.split(" ")[0]
    looped = nt + f"{node} <https://w3id.org/asiaai-graph/ontology#equivalent> {node} .\n"
    assert any("contains itself" in p for p in _problems(looped.encode(), "nt"))


# --- the independent red-team review (issue 21): what got past the first round -------------------------

def _sample_turtle() -> bytes:
    """The export of the sample graph (tests/fixtures/sample): valid, with records of several types."""
    kg = ag.load([Path(__file__).parent / "fixtures" / "sample"], curated=False)
    return kg.serialize(format="turtle").encode()


def test_an_rdf_xml_element_with_thousands_of_attributes_is_refused_quickly() -> None:
    """Oxigraph reads property attributes in quadratic time (200,000 took over a minute, Ctrl-C ignored)."""
    wide = (b'<rdf:RDF ' + RDF_NS + b'><rdf:Description rdf:about="urn:a"><p:q '
            + b" ".join(b'p:a%d="v"' % i for i in range(200_000)) + b"/></rdf:Description></rdf:RDF>")
    start = time.monotonic()
    assert any("200000 attributes, more than 256" in p for p in _problems(wide, "xml"))
    assert time.monotonic() - start < 10


def test_a_misspelt_property_or_class_of_the_vocabulary_is_a_problem_not_a_loss() -> None:
    good = _sample_turtle()
    assert ag.from_rdf(good, format="turtle") == ag.load([Path(__file__).parent / "fixtures" / "sample"], curated=False)
    typo = good.replace(b'aag:kind "company"', b'aag:kind "company" ; aag:kindd "lab" ; aag:foundedd "2020"', 1)
    found = _problems(typo, "turtle")
    assert any(", field kindd" in p and "aag:kindd is no property" in p for p in found)
    assert any("aag:foundedd is no property" in p for p in found)
    ghost = good + b'<urn:ghost> a aag:Organisation ; dcterms:identifier "ghost" .\n'
    assert any("aag:Organisation is no class of the vocabulary" in p for p in _problems(ghost, "turtle"))


def test_a_misspelt_key_under_the_exports_own_json_ld_context_is_a_problem() -> None:
    """The export's context maps every plain key through @vocab: a typo became aag:kindd and was dropped."""
    import json

    kg = ag.load([Path(__file__).parent / "fixtures" / "sample"], curated=False)
    doc = json.loads(kg.serialize(format="json-ld"))
    node = next(n for n in doc["@graph"] if n.get("@type") in ("Organization", "aag:Organization"))
    node["kindd"] = "lab"
    assert any("kindd is no property" in p for p in _problems(json.dumps(doc).encode(), "json-ld"))
    node.pop("kindd")
    node["@foo"] = "bar"
    assert any("the key '@foo'" in p for p in _problems(json.dumps(doc).encode(), "json-ld"))


@pytest.mark.parametrize("ch", ["\u202e", "\u2066", "\u2028", "\x85", "\x1b", "\x07"])
def test_text_read_from_rdf_is_written_as_yaml_the_loader_reads_back(ch: str, tmp_path: Path) -> None:
    """`pull` wrote a label with U+202E raw, and the loader then refused the file it wrote (review F4)."""
    from asiaai_graph.datafiles.write import write_yaml

    doc = _sample_turtle().replace(b'rdfs:label "China"@en', f'rdfs:label "Chi{ch}na"@en'.encode())
    kg = ag.from_rdf(doc, format="turtle")
    write_yaml(kg, tmp_path)
    again = ag.load([tmp_path], curated=False)
    assert again["CN"].name == f"Chi{ch}na" and again == kg
