"""How each record field becomes RDF: one table shared by the writers and the reader.

Every field of every model has exactly one :class:`FieldMap` (a test checks
this), naming the predicate and how the value is written. IRIs are plain
strings here, so the fast Turtle / N-Triples writer needs no rdflib.

This is the bottom of the RDF layers: the writers (:mod:`asiaai_graph.rdf.export`,
:mod:`asiaai_graph.rdf.sparql`) and the reader (:mod:`asiaai_graph.rdf.read`)
import it, and it imports nothing of the package but the compute records' rows
(:mod:`~asiaai_graph.rdf.mapping_compute`, plain data). Terms are plain Python values
here and in :func:`~asiaai_graph.rdf.export.blocks`: an IRI is a ``str``, a
literal a :data:`Lit` tuple ``(lexical form, language tag or None, datatype
IRI or None)``.

Examples
--------
>>> [f.field for f in FIELDS["model"]][:4]
['name', 'labels', 'aliases', 'description']
>>> relation_predicate("developed_by") == AAG + "developedBy"
True
"""

from __future__ import annotations

import re
from typing import NamedTuple, TypeAlias

from asiaai_graph.rdf.mapping_compute import ACCELERATOR, CHIP_COUNT, CLUSTER

__all__ = [
    "AAG", "CLASSES", "DEFAULT_BASE", "ELI", "ELI_DATES", "ELI_PASSED_BY", "ELI_TITLE", "FIELDS", "FORMAT_NAMES",
    "FieldMap", "Lit", "PREFIXES", "QUALIFIERS", "SUB_FIELDS", "Term", "check_base", "owned_separator",
    "relation_predicate"
]

AAG = "https://w3id.org/asiaai-graph/ontology#"
DEFAULT_BASE = "https://w3id.org/asiaai-graph/id/"

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
PROV = "http://www.w3.org/ns/prov#"
SCHEMA = "https://schema.org/"
ORG = "http://www.w3.org/ns/org#"
WD = "http://www.wikidata.org/entity/"
ROR = "https://ror.org/"
ELI = "http://data.europa.eu/eli/ontology#"

#: Prefixes of the exports, in the order they are written.
PREFIXES: dict[str, str] = {
    "aag": AAG,
    "dcterms": DCTERMS,
    "eli": ELI,
    "org": ORG,
    "owl": OWL,
    "prov": PROV,
    "rdf": RDF,
    "rdfs": RDFS,
    "schema": SCHEMA,
    "skos": SKOS,
    "wd": WD,
    "xsd": XSD,
}

#: Record type -> class IRI.
CLASSES: dict[str, str] = {
    "source": AAG + "Source",
    "country": AAG + "Country",
    "place": AAG + "Place",
    "organization": AAG + "Organization",
    "person": AAG + "Person",
    "model": AAG + "AIModel",
    "product": AAG + "Product",
    "policy": AAG + "Policy",
    "investment": AAG + "Investment",
    "partnership": AAG + "Partnership",
    "indicator": AAG + "Indicator",
    "accelerator": AAG + "Accelerator",
    "cluster": AAG + "ComputeCluster",
}

#: Sub-record model name -> class IRI.
NODE_CLASSES: dict[str, str] = {
    "quantity": AAG + "Quantity",
    "money": AAG + "Money",
    "citation": AAG + "Citation",
    "affiliation": AAG + "Affiliation",
    "goal": AAG + "Goal",
    "investor": AAG + "InvestorRole",
    "event": AAG + "LifecycleEvent",
    "period": AAG + "Period",
    "dispute": AAG + "Dispute",
    "stated": AAG + "StatedValue",
    "chip_count": AAG + "ChipCount",
    "seq": RDF + "Seq",
    "agent": DCTERMS + "Agent",
}

#: Quantity and Money qualifiers -> named individuals of ``aag:Qualifier``.
QUALIFIERS: dict[str, str] = {
    "exact": AAG + "exact",
    "about": AAG + "about",
    "at_least": AAG + "atLeast",
    "more_than": AAG + "moreThan",
    "at_most": AAG + "atMost",
    "less_than": AAG + "lessThan",
    "between": AAG + "between",
}

#: A literal: (lexical form, language tag or None, datatype IRI or None; None is ``xsd:string``).
Lit: TypeAlias = tuple[str, str | None, str | None]
#: A term: an IRI (a ``str``) or a literal (a :data:`Lit` tuple).
Term: TypeAlias = str | Lit

XSD_STRING = XSD + "string"
XSD_INTEGER = XSD + "integer"
XSD_DECIMAL = XSD + "decimal"
XSD_BOOLEAN = XSD + "boolean"
XSD_ANY_URI = XSD + "anyURI"
XSD_LANGUAGE = XSD + "language"
RDF_LANG_STRING = RDF + "langString"
RDF_JSON = RDF + "JSON"
#: ``PartialDate.precision`` -> the datatype of its literal.
DATE_TYPES: dict[str, str] = {"year": XSD + "gYear", "month": XSD + "gYearMonth", "day": XSD + "date"}

RDF_TYPE = RDF + "type"
IDENTIFIER = DCTERMS + "identifier"
LABEL = RDFS + "label"
PREF_LABEL = SKOS + "prefLabel"
SAME_AS = OWL + "sameAs"
WAS_DERIVED_FROM = PROV + "wasDerivedFrom"
QUALIFIED_DERIVATION = PROV + "qualifiedDerivation"
SEQUENCE = AAG + "sequence"
SEQUENCE_OF = AAG + "sequenceOf"


#: RDF format names (rdflib's names, media types, file suffixes) -> one name per format.
FORMAT_NAMES: dict[str, str] = {
    **dict.fromkeys(("turtle", "ttl", "text/turtle", ".ttl", ".turtle"), "turtle"),
    **dict.fromkeys(("nt", "ntriples", "nt11", "n-triples", "application/n-triples", ".nt"), "nt"),
    **dict.fromkeys(("nquads", "nq", "n-quads", "application/n-quads", ".nq"), "nquads"),
    **dict.fromkeys(("trig", "application/trig", ".trig"), "trig"),
    **dict.fromkeys(("json-ld", "jsonld", "application/ld+json", ".jsonld", ".json"), "json-ld"),
    **dict.fromkeys(("xml", "rdf/xml", "application/rdf+xml", ".rdf", ".xml", ".owl"), "xml"),
}

BASE_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>\"{}|^`\\]*$")


def check_base(base: str | None) -> str:
    """The base IRI to use: ``base``, or the default; refuses one that cannot prefix IRIs.

    Examples
    --------
    >>> check_base(None)
    'https://w3id.org/asiaai-graph/id/'
    >>> check_base("not an iri")
    Traceback (most recent call last):
    ...
    ValueError: base must be an absolute IRI such as 'https://example.org/id/', got 'not an iri'
    """
    if base is None:
        return DEFAULT_BASE
    if not BASE_RE.match(base) or base.count("#") > 1:
        raise ValueError(f"base must be an absolute IRI such as 'https://example.org/id/', got {base!r}")
    return base


def owned_separator(base: str) -> str:
    """What joins a record's IRI and the fragment of a node it owns: ``#``, or ``/`` if ``base`` has a ``#``.

    Examples
    --------
    >>> owned_separator(DEFAULT_BASE), owned_separator("https://example.org/kg#")
    ('#', '/')
    """
    return "/" if "#" in base else "#"


def relation_predicate(relation: str) -> str:
    """The property IRI of a schema relation name: ``developed_by`` -> ``aag:developedBy``.

    Examples
    --------
    >>> relation_predicate("in_country")
    'https://w3id.org/asiaai-graph/ontology#inCountry'
    """
    head, *rest = relation.split("_")
    return AAG + head + "".join(w.capitalize() for w in rest)


class FieldMap(NamedTuple):
    """How one field is written.

    ``kind`` is one of:

    ``str``        a plain literal (``xsd:string``)
    ``strs``       a tuple of plain literals (ordered by an ``rdf:Seq`` when 2+)
    ``lang``       a literal tagged with ``arg`` (the English name: ``@en``)
    ``doc_lang``   a literal tagged with the source's language (titles, quotes)
    ``labels``     the ``labels`` dict: one ``skos:prefLabel`` per language
    ``language``   an ``xsd:language`` literal
    ``url``        an IRI (or an ``xsd:anyURI`` literal if it is no valid IRI)
    ``wikidata``   ``owl:sameAs`` a Wikidata entity
    ``ror``        ``owl:sameAs`` a ROR organization (``https://ror.org/`` and the id)
    ``int``, ``bool``, ``decimal``  typed literals
    ``json``       an ``rdf:JSON`` literal (a disputed field's stated value, as in YAML)
    ``date``       ``xsd:gYear`` / ``xsd:gYearMonth`` / ``xsd:date``; ``arg`` flags approximate dates
    ``qualifier``  a named individual
    ``ref``        one record id, as the record's IRI
    ``refs``       a tuple of ids (ordered by an ``rdf:Seq`` when 2+)
    ``rev_refs``   a tuple of ids, written ``<target> pred <record>``
    ``node``       a sub-record ``arg`` (``quantity`` or ``money``) at IRI ``<record#field>``
    ``nodes``      a tuple of sub-records ``arg`` at ``<record#arg-1>``, ``<record#arg-2>``...
    ``agent``      a ``dcterms:Agent`` node ``<record#publisher>`` whose ``rdfs:label`` is the
                   value (a plain literal, or tagged ``@arg``)
    """

    field: str
    kind: str
    predicate: str
    arg: str = ""


def _f(field: str, kind: str, predicate: str, arg: str = "") -> FieldMap:
    return FieldMap(field, kind, predicate, arg)


def _rel(field: str, relation: str, kind: str = "ref") -> FieldMap:
    return FieldMap(field, kind, relation_predicate(relation))


def _rows(rows: tuple[tuple[str, str, str, str], ...], relations: bool = True) -> list[FieldMap]:
    """Field maps of plain rows (:mod:`~asiaai_graph.rdf.mapping_compute`): a ref's name is a relation."""
    return [FieldMap(f, k, relation_predicate(n) if relations and k in ("ref", "refs") else AAG + n,
                     AAG + a if k == "date" else a) for f, k, n, a in rows]


def _date(field: str, predicate: str, flag: str) -> FieldMap:
    return FieldMap(field, "date", predicate, AAG + flag)


_ENTITY_HEAD = [
    _f("name", "lang", LABEL, "en"),
    _f("labels", "labels", PREF_LABEL),
    _f("aliases", "strs", SKOS + "altLabel"),
    _f("description", "str", DCTERMS + "description"),
    _f("wikidata", "wikidata", SAME_AS),
]
# Citations come last so a record's Turtle block reads fields first, evidence after.
_ENTITY_TAIL = [
    _f("disputes", "nodes", AAG + "dispute", "dispute"),
    _f("sources", "nodes", QUALIFIED_DERIVATION, "citation"),
]
_KIND = _f("kind", "str", AAG + "kind")


def _entity(*fields: FieldMap) -> list[FieldMap]:
    return [*_ENTITY_HEAD, *fields, *_ENTITY_TAIL]


#: Record type -> how each of its fields (except ``id``, written as ``dcterms:identifier``) maps.
FIELDS: dict[str, list[FieldMap]] = {
    "source": [
        _f("title", "doc_lang", DCTERMS + "title"),
        _f("title_en", "lang", AAG + "englishTitle", "en"),
        _f("publisher", "agent", DCTERMS + "publisher"),
        _f("publisher_ko", "agent", DCTERMS + "publisher", "ko"),
        _KIND,
        _f("author", "agent", DCTERMS + "creator"),
        _date("published", DCTERMS + "issued", "issuedApproximate"),
        _f("language", "language", DCTERMS + "language"),
        _f("url", "url", SCHEMA + "url"),
        _f("series", "str", AAG + "series"),
        _f("note", "str", SKOS + "note"),
        _f("version", "str", SCHEMA + "version"),
        _f("license", "str", DCTERMS + "license"),
        _f("credit", "str", AAG + "credit"),
    ],
    "country": _entity(_f("region", "str", AAG + "region")),
    "place": _entity(
        _KIND,
        _rel("country", "in_country"),
        _rel("part_of", "part_of"),
    ),
    "organization": _entity(
        _KIND,
        _rel("country", "in_country"),
        _rel("headquarters", "headquartered_in"),
        _rel("offices", "has_office_in", "refs"),
        _date("founded", AAG + "founded", "foundedApproximate"),
        _rel("parent", "subsidiary_of"),
        _rel("members", "has_member", "refs"),
        _f("focus_areas", "strs", AAG + "focusArea"),
        _f("website", "url", SCHEMA + "url"),
        _f("category", "str", AAG + "category"),
        _f("ror", "ror", SAME_AS),
        _rel("successor", "succeeded_by"),
    ),
    "person": _entity(
        _f("affiliations", "nodes", AAG + "affiliation", "affiliation"),
        _rel("country", "citizen_of"),
    ),
    "model": _entity(
        _KIND,
        _rel("developers", "developed_by", "refs"),
        _rel("contributors", "has_contributor", "refs"),
        _date("released", AAG + "released", "releasedApproximate"),
        _f("parameters", "node", AAG + "parameters", "quantity"),
        _f("active_parameters", "node", AAG + "activeParameters", "quantity"),
        _f("architecture", "str", AAG + "architecture"),
        _f("open_weights", "bool", AAG + "openWeights"),
        _rel("family", "in_family"),
        _rel("base_model", "based_on"),
        _rel("predecessor", "succeeds"),
        _f("version", "str", AAG + "version"),
        _f("variant_count", "node", AAG + "variantCount", "quantity"),
        _f("training_cost", "node", AAG + "trainingCost", "money"),
        _f("training_compute_cost", "node", AAG + "trainingComputeCost", "money"),
        _f("training_duration", "node", AAG + "trainingDuration", "quantity"),
        _f("training_compute", "node", AAG + "trainingCompute", "quantity"),
        _f("training_dataset_size", "node", AAG + "trainingDatasetSize", "quantity"),
        _rel("training_hardware", "trained_on", "refs"),
        _f("training_tokens", "node", AAG + "trainingTokens", "quantity"),
        _f("training_gradients", "node", AAG + "trainingGradients", "quantity"),
        _f("hardware_quantity", "node", AAG + "hardwareQuantity", "quantity"),
        _f("domains", "strs", AAG + "domain"),
        _f("tasks", "strs", AAG + "task"),
        _f("accessibility", "str", AAG + "accessibility"),
        _f("license", "str", AAG + "license"),
        _f("notability_criteria", "strs", AAG + "notabilityCriterion"),
        _f("variant_parameters", "nodes", AAG + "variantParameters", "quantity"),
    ),
    "product": _entity(
        _KIND,
        _rel("makers", "made_by", "refs"),
        _date("announced", AAG + "announced", "announcedApproximate"),
        _date("launched", AAG + "launched", "launchedApproximate"),
        _rel("models", "uses_model", "refs"),
        _rel("markets", "offered_in", "refs"),
        _rel("edition_of", "edition_of"),
    ),
    "policy": _entity(
        _KIND,
        _f("official_title", "str", AAG + "officialTitle"),
        _f("official_language", "language", AAG + "officialLanguage"),
        _rel("jurisdiction", "jurisdiction"),
        _rel("issuing_bodies", "issued_by", "refs"),
        _rel("implementing_bodies", "implemented_by", "refs"),
        _f("lifecycle", "nodes", AAG + "lifecycleEvent", "event"),
        _f("status", "str", AAG + "status"),
        _date("status_as_of", AAG + "statusAsOf", "statusAsOfApproximate"),
        _f("target_year", "int", AAG + "targetYear"),
        _f("goals", "nodes", AAG + "goal", "goal"),
        _f("provisions", "strs", AAG + "provision"),
        _f("budget", "node", AAG + "budget", "money"),
        _f("annual_budget", "node", AAG + "annualBudget", "money"),
        _f("budget_period", "node", AAG + "budgetPeriod", "period"),
        _rel("modifies", "modifies", "refs"),
        _rel("implements", "implements", "refs"),
        _rel("supersedes", "supersedes", "refs"),
        _rel("part_of", "part_of"),
        _rel("concerns", "concerns", "refs"),
    ),
    "investment": _entity(
        _KIND,
        _f("status", "str", AAG + "status"),
        _f("investors", "nodes", AAG + "investor", "investor"),
        _rel("investee", "investee"),
        _rel("targets", "targets", "refs"),
        _f("round", "str", AAG + "round"),
        _f("amount", "node", AAG + "amount", "money"),
        _date("date", AAG + "date", "dateApproximate"),
        _f("duration", "node", AAG + "duration", "quantity"),
        _f("post_money_valuation", "node", AAG + "postMoneyValuation", "money"),
    ),
    "partnership": _entity(
        _KIND,
        _rel("parties", "partner_in", "rev_refs"),
        _date("started", AAG + "started", "startedApproximate"),
        _f("purpose", "str", AAG + "purpose"),
        _rel("places", "located_in", "refs"),
        _rel("supports", "supports", "refs"),
        _rel("products", "concerns", "refs"),
    ),
    "indicator": _entity(
        _rel("subject", "describes"),
        _f("measure", "str", AAG + "measure"),
        _f("value", "node", AAG + "quantity", "quantity"),
        _f("amount", "node", AAG + "amount", "money"),
        _date("period", AAG + "period", "periodApproximate"),
        _date("period_end", AAG + "periodEnd", "periodEndApproximate"),
        _f("rank", "int", AAG + "rank"),
        _f("scope", "str", AAG + "scope"),
        _rel("reported_by", "reported_by"),
    ),
    "accelerator": _entity(*_rows(ACCELERATOR)),
    "cluster": _entity(*_rows(CLUSTER)),
}

#: Sub-record kind -> how its fields map.
SUB_FIELDS: dict[str, list[FieldMap]] = {
    "quantity": [
        _f("value", "decimal", AAG + "value"),
        _f("qualifier", "qualifier", AAG + "qualifier"),
        _f("upper", "decimal", AAG + "upper"),
        _f("unit", "str", AAG + "unit"),
        _f("confidence", "str", AAG + "confidence"),
    ],
    "money": [
        _f("amount", "decimal", AAG + "value"),
        _f("currency", "str", AAG + "currency"),
        _f("qualifier", "qualifier", AAG + "qualifier"),
        _f("upper", "decimal", AAG + "upper"),
        _f("equivalents", "nodes", AAG + "equivalent", "money"),
        _f("price_year", "int", AAG + "priceYear"),
    ],
    "citation": [
        _f("source", "ref", PROV + "entity"),
        _f("quote", "doc_lang", AAG + "quote"),
        _f("note", "str", SKOS + "note"),
        _f("fields", "strs", AAG + "citedField"),
        _f("locator", "str", AAG + "locator"),
        _f("links", "strs", AAG + "link"),
    ],
    "affiliation": [
        _f("organization", "ref", AAG + "organization"),
        _f("role", "str", AAG + "role"),
        _date("as_of", AAG + "asOf", "asOfApproximate"),
        _f("former", "bool", AAG + "former"),
    ],
    "goal": [
        _f("text", "str", AAG + "text"),
        _f("value", "node", AAG + "quantity", "quantity"),
        _f("amount", "node", AAG + "amount", "money"),
        _f("year", "int", AAG + "year"),
        _f("within", "node", AAG + "within", "quantity"),
    ],
    "investor": [
        _f("organization", "ref", AAG + "organization"),
        _f("lead", "bool", AAG + "lead"),
    ],
    "event": [
        _f("event", "str", AAG + "event"),
        _date("date", AAG + "date", "dateApproximate"),
        _f("note", "str", SKOS + "note"),
    ],
    "period": [
        _date("start", AAG + "start", "startApproximate"),
        _date("end", AAG + "end", "endApproximate"),
    ],
    "dispute": [
        _f("field", "str", AAG + "disputedField"),
        _f("values", "nodes", AAG + "statedValue", "stated"),
        _f("reason", "str", AAG + "reason"),
    ],
    "chip_count": _rows(CHIP_COUNT, relations=False),
    "stated": [
        _f("value", "json", RDF + "value"),
        _f("sources", "refs", AAG + "statedBy"),
        _f("note", "str", SKOS + "note"),
    ],
}

#: A policy also states its lifecycle in ELI, the European Legislation Identifier ontology, for tools that
#: query legislation by it: each ELI date property takes the earliest date of the policy's lifecycle
#: events of the kinds listed. Derived from the lifecycle by the exporter; the reader skips them.
ELI_DATES: dict[str, tuple[str, ...]] = {
    ELI + "date_document": ("passed", "adopted", "approved", "promulgated"),
    ELI + "date_publication": ("published",),
    ELI + "first_date_entry_in_force": ("partially_in_force", "in_force"),
    ELI + "date_no_longer_in_force": ("repealed", "superseded", "expired"),
}
#: ``issuing_bodies``, also as ``eli:passed_by``.
ELI_PASSED_BY = ELI + "passed_by"
#: ``official_title``, also as ``eli:title`` tagged with ``official_language``.
ELI_TITLE = ELI + "title"

#: ``nodes`` fields that also get a direct relation, like the graph's edges:
#: (record type, field) -> (relation predicate, key field, reverse).
QUALIFIED: dict[tuple[str, str], tuple[str, str, bool]] = {
    ("person", "affiliations"): (relation_predicate("affiliated_with"), "organization", False),
    ("investment", "investors"): (relation_predicate("invested_in"), "organization", True),
    ("cluster", "chips"): (relation_predicate("uses_chip"), "chip", False),
}

