"""RDF for other tools: Turtle / N-Triples / JSON-LD files, read back, a SPARQL query, SHACL."""

import tempfile
from pathlib import Path

import rdflib

import asiaai_graph as ag
from asiaai_graph.rdf import validate

kg = ag.load()
folder = Path(tempfile.mkdtemp(prefix="asiaai-graph-rdf-"))
for fmt, suffix in (("turtle", "ttl"), ("nt", "nt"), ("json-ld", "jsonld")):
    path = folder / f"asiaai.{suffix}"
    kg.serialize(format=fmt, destination=path)
    g = rdflib.Graph().parse(path)  # any RDF tool reads these; rdflib guesses the format from the suffix
    print(f"{path.name}: {path.stat().st_size:,} bytes, {len(g):,} triples")

# The export reads back into the same knowledge graph, record for record.
again = ag.from_rdf(folder / "asiaai.ttl")
print("round trip equal:", again == kg)

# SPARQL over the export: LLMs and what their developers say about their size.
rows = kg.sparql("""
    SELECT ?model ?parameters ?qualifier WHERE {
      ?m aag:kind "llm" ; dcterms:identifier ?model ; aag:parameters ?q .
      ?q aag:value ?parameters ; aag:qualifier ?qual .
      BIND (STRAFTER(STR(?qual), "#") AS ?qualifier)
    } ORDER BY DESC(?parameters)""")
for row in rows:
    print(f"  {row['model']:<14} {row['qualifier']:<8} {row['parameters']:>16,}")

conforms, _ = validate(kg.to_rdf())
print("conforms to the SHACL shapes:", conforms)
