"""The triples of the export, generated once from the mapping table for every writer.

:class:`Emitter` walks the records and the mapping table
(:mod:`asiaai_graph.rdf.mapping`) and gives every triple grouped by subject:
a record, then the nodes it owns (quantities, money, citations,
sequences...). How a term is written is left to an :class:`Encoding`: plain
Python values for :func:`blocks` (and so for rdflib and the SPARQL store),
Turtle or N-Triples text for the text writers (:mod:`asiaai_graph.rdf.export.text`).
All writers share this one walk, so they cannot disagree on the triples.

Within a subject's block there is no duplicate triple, and the triples of
one predicate come together (so Turtle can write ``p o1, o2`` without
sorting).

Examples
--------
>>> import asiaai_graph as ag
>>> [(s, po[:2]) for s, po in blocks(ag.load()) if s.endswith("/CN")]
[('https://w3id.org/asiaai-graph/id/CN', [('http://www.w3.org/1999/02/22-rdf-syntax-ns#type', 'https://w3id.org/asiaai-graph/ontology#Country'), ('http://purl.org/dc/terms/identifier', ('CN', None, None))])]
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from asiaai_graph.rdf.mapping import (
    CLASSES,
    DATE_TYPES,
    FIELDS,
    IDENTIFIER,
    NODE_CLASSES,
    ELI_DATES,
    ELI_PASSED_BY,
    ELI_TITLE,
    QUALIFIED,
    QUALIFIERS,
    RDF,
    RDF_JSON,
    RDF_TYPE,
    SAME_AS,
    RDFS,
    SEQUENCE,
    SEQUENCE_OF,
    SUB_FIELDS,
    WAS_DERIVED_FROM,
    ROR,
    WD,
    XSD_ANY_URI,
    XSD_BOOLEAN,
    XSD_INTEGER,
    XSD_LANGUAGE,
    FieldMap,
    Term,
    check_base,
    owned_separator,
)
from asiaai_graph.rdf.numbers import EXACT, decimal_lexical, number_terms

if TYPE_CHECKING:
    from asiaai_graph.graph.knowledge_graph import KnowledgeGraph
    from asiaai_graph.schema import Record

__all__ = ["Block", "Emitter", "Encoding", "TermEncoding", "blocks", "decimal_lexical"]

T = TypeVar("T")

#: One subject and its (predicate, object) pairs, as :func:`blocks` gives them.
Block = tuple[str, list[tuple[str, Term]]]

#: Characters that make a URL no valid IRI (it is then written as an ``xsd:anyURI`` literal).
IRI_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\]')


class Encoding(Generic[T]):
    """How :class:`Emitter` writes terms; subclasses give values or text.

    ``base`` is the records' IRI namespace. :meth:`const` is called once per
    vocabulary IRI (predicates, classes, qualifiers), the others once per term.
    """

    def __init__(self, base: str) -> None:
        self.base = base

    def const(self, iri: str) -> T:
        """A vocabulary IRI as an object (a class, qualifier or property)."""
        return self.iri(iri)

    def predicate(self, iri: str) -> T:
        """A vocabulary IRI as a predicate."""
        return self.const(iri)

    def node(self, rel: str) -> T:
        """The IRI ``base + rel``: a record (``rel`` is its id) or a node it owns."""
        raise NotImplementedError

    def iri(self, iri: str) -> T:
        """Any other IRI (a Wikidata entity, a web page)."""
        raise NotImplementedError

    def plain(self, text: str) -> T:
        """A plain (``xsd:string``) literal."""
        raise NotImplementedError

    def tagged(self, text: str, lang: str) -> T:
        """A literal with a language tag."""
        raise NotImplementedError

    def typed(self, lexical: str, datatype: str) -> T:
        """A literal of ``datatype`` (never ``xsd:string``)."""
        raise NotImplementedError


class TermEncoding(Encoding[Term]):
    """Terms as plain Python values: an IRI is a ``str``, a literal a ``(lexical, language, datatype)`` tuple.

    Examples
    --------
    >>> enc = TermEncoding("https://example.org/id/")
    >>> enc.node("deepseek#parameters"), enc.tagged("딥시크", "ko")
    ('https://example.org/id/deepseek#parameters', ('딥시크', 'ko', None))
    """

    def node(self, rel: str) -> Term:
        return self.base + rel

    def iri(self, iri: str) -> Term:
        return iri

    def plain(self, text: str) -> Term:
        return (text, None, None)

    def tagged(self, text: str, lang: str) -> Term:
        return (text, lang, None)

    def typed(self, lexical: str, datatype: str) -> Term:
        return (lexical, None, datatype)


# Field kinds, compiled once per emitter: (field, kind, encoded predicate, argument).
_Step = tuple[str, str, Any, Any]


class Emitter(Generic[T]):
    """Turns records into blocks ``(subject, [(predicate, object), ...])`` of encoded terms.

    Build one per export (it indexes the reverse relations of ``kg``), then
    call :meth:`record` for each record, or iterate :meth:`blocks`.

    Examples
    --------
    >>> import asiaai_graph as ag
    >>> kg = ag.load()
    >>> emitter = Emitter(kg, TermEncoding("https://example.org/id/"))
    >>> subject, po = emitter.record(kg["CN"])[0]
    >>> subject, po[0]
    ('https://example.org/id/CN', ('http://www.w3.org/1999/02/22-rdf-syntax-ns#type', 'https://w3id.org/asiaai-graph/ontology#Country'))
    """

    def __init__(self, kg: KnowledgeGraph, encoding: Encoding[T]) -> None:
        self.kg = kg
        self.encoding = encoding
        enc = encoding
        self.node = enc.node
        self.plain = enc.plain
        self.tagged = enc.tagged
        self.typed = enc.typed
        self.sep = owned_separator(enc.base)
        c, pc = enc.const, enc.predicate
        self.a = pc(RDF_TYPE)
        self.identifier = pc(IDENTIFIER)
        self.same_as = pc(SAME_AS)
        self.label = pc(RDFS + "label")
        self.sequence = pc(SEQUENCE)
        self.derived = pc(WAS_DERIVED_FROM)
        self.true = enc.typed("true", XSD_BOOLEAN)
        self.false = enc.typed("false", XSD_BOOLEAN)
        self.classes = {rt: c(iri) for rt, iri in CLASSES.items()}
        self.node_classes = {kind: c(iri) for kind, iri in NODE_CLASSES.items()}
        self.qualifiers = {name: c(iri) for name, iri in QUALIFIERS.items()}
        self.seq_of = pc(SEQUENCE_OF)
        self.eli_dates = [(pc(pred), events) for pred, events in ELI_DATES.items()]
        self.eli_passed_by, self.eli_title = pc(ELI_PASSED_BY), pc(ELI_TITLE)
        self.members = [pc(f"{RDF}_{i}") for i in range(1, 33)]
        self.tables: dict[str, list[_Step]] = {rt: self._compile(rt, maps) for rt, maps in FIELDS.items()}
        self.sub_tables: dict[str, list[_Step]] = {k: self._compile(k, maps) for k, maps in SUB_FIELDS.items()}
        sources = kg.records("source")
        self.source_lang: dict[str, str] = {r.id: r.language for r in sources}  # type: ignore[attr-defined]
        self.reverse = self._reverse(kg)

    def _compile(self, owner: str, maps: list[FieldMap]) -> list[_Step]:
        c, pc = self.encoding.const, self.encoding.predicate
        steps: list[_Step] = []
        for fm in maps:
            pred = pc(fm.predicate)
            kind, arg = fm.kind, fm.arg
            extra: Any = arg
            if kind == "date":
                extra = pc(arg)
            elif kind == "decimal":
                extra = pc(EXACT[fm.predicate])
            elif kind == "node" or kind == "nodes":
                name = "citation" if fm.field == "sources" else fm.field.rstrip("s")
                direct = QUALIFIED.get((owner, fm.field))
                direct_pred = pc(direct[0]) if direct is not None and not direct[2] else None
                extra = (arg, fm.field.replace("_", "-"), name, direct_pred, direct[1] if direct else None,
                         c(fm.predicate))
            elif kind in ("refs", "strs", "rev_refs"):
                extra = (fm.field.replace("_", "-") + "-seq", c(fm.predicate))
            elif kind == "agent":
                extra = (fm.predicate.rsplit("/", 1)[-1], arg or None)
            steps.append((fm.field, kind, pred, extra))
        return steps

    def _reverse(self, kg: KnowledgeGraph) -> dict[str, dict[T, dict[T, None]]]:
        """Triples whose subject is another record: target id -> predicate -> subjects (partners, investors)."""
        node = self.node
        pc = self.encoding.predicate
        rev_fields = {rt: [(fm.field, pc(fm.predicate)) for fm in maps if fm.kind == "rev_refs"]
                      for rt, maps in FIELDS.items()}
        for (rt, field), (pred_iri, key, rev) in QUALIFIED.items():
            if rev:
                rev_fields[rt].append((field + "." + key, pc(pred_iri)))
        reverse: dict[str, dict[T, dict[T, None]]] = {}
        for rt, fields in rev_fields.items():
            if not fields:
                continue
            for record in kg.records(rt):
                subject = node(record.id)
                for path, pred in fields:
                    name, _, key = path.partition(".")
                    values = getattr(record, name)
                    for target in ([getattr(v, key) for v in values] if key else values):
                        reverse.setdefault(target, {}).setdefault(pred, {})[subject] = None
        return reverse

    def blocks(self, keep: bool = True) -> Iterator[tuple[T, list[tuple[T, T]]]]:
        """Every block of the export: the records in id order, each followed by the nodes it owns.

        With ``keep=False`` the records decoded on the way are let go
        (:meth:`~asiaai_graph.KnowledgeGraph.iter_records`): a stream of 100k
        organizations then stays the size of their JSON.
        """
        record = self.record
        moved = sorted(self.kg.moved().items())  # an id that changed: its old IRI is the new one, in id order
        n = 0
        for r in (self.kg.values() if keep else self.kg.iter_records()):
            while n < len(moved) and moved[n][0] < r.id:
                yield (self.node(moved[n][0]), [(self.same_as, self.node(moved[n][1][0]))])
                n += 1
            yield from record(r)
        for old, (new, _) in moved[n:]:
            yield (self.node(old), [(self.same_as, self.node(new))])

    def record(self, record: Record) -> list[tuple[T, list[tuple[T, T]]]]:
        """The blocks of one record: its own, then those of the nodes it owns."""
        rid = record.id
        rt = record.record_type
        po: list[tuple[T, T]] = [(self.a, self.classes[rt]), (self.identifier, self.plain(rid))]
        out = [(self.node(rid), po)]
        lang = record.language if rt == "source" else None  # type: ignore[attr-defined]
        self.fields(record, self.tables[rt], rid + self.sep, po, out, lang)
        if rt == "policy":
            self.legislation(record, po)
        extra = self.reverse.get(rid)
        if extra:
            for pred, subjects in extra.items():
                po.extend([(pred, s) for s in subjects])
        return out

    def legislation(self, policy: Any, po: list[tuple[T, T]]) -> None:
        """What a policy also states in ELI (:data:`~asiaai_graph.rdf.mapping.ELI_DATES`): dates, passed by, title."""
        for pred, events in self.eli_dates:
            dates = [e.date for e in policy.lifecycle if e.event in events]
            if dates:
                date = min(dates)
                po.append((pred, self.typed(date.isoformat(), DATE_TYPES[date.precision])))
        po.extend([(self.eli_passed_by, self.node(body)) for body in policy.issuing_bodies])
        if policy.official_title is not None:
            title = policy.official_title
            po.append((self.eli_title, self.tagged(title, policy.official_language) if policy.official_language
                       else self.plain(title)))

    def fields(
        self,
        obj: Any,
        steps: list[_Step],
        frag: str,
        po: list[tuple[T, T]],
        out: list[tuple[T, list[tuple[T, T]]]],
        lang: str | None,
    ) -> None:
        """Append the triples of ``obj``'s fields to ``po``; owned nodes go to ``out``.

        ``frag`` is the relative IRI prefix of nodes owned by ``obj``
        (``record#``, or ``record#goal-1-`` inside a goal).
        """
        node, plain, typed = self.node, self.plain, self.typed
        seqs: list[tuple[T, T]] | None = None
        for field, kind, pred, arg in steps:
            value = getattr(obj, field)
            if value is None and kind != "json":  # a stated value may be null ("no time frame was given")
                continue
            if kind == "ref":
                po.append((pred, node(value)))
            elif kind == "str":
                po.append((pred, plain(value)))
            elif kind == "lang":
                po.append((pred, self.tagged(value, arg)))
            elif kind == "doc_lang":
                po.append((pred, self.tagged(value, lang) if lang else plain(value)))
            elif kind == "date":
                po.append((pred, typed(value.isoformat(), DATE_TYPES[value.precision])))
                if value.approximate:
                    po.append((arg, self.true))
            elif kind == "bool":
                po.append((pred, self.true if value else self.false))
            elif kind == "url":
                po.append((pred, typed(value, XSD_ANY_URI) if IRI_BAD.search(value) else self.encoding.iri(value)))
            elif kind == "decimal":
                lexical, datatype, exact = number_terms(value)
                po.append((pred, typed(lexical, datatype)))
                if exact is not None:
                    po.append((arg, plain(exact)))
            elif kind == "qualifier":
                po.append((pred, self.qualifiers[value]))
            elif kind == "int":
                po.append((pred, typed(str(value), XSD_INTEGER)))
            elif kind == "wikidata":
                po.append((pred, self.encoding.iri(WD + value)))
            elif kind == "ror":
                po.append((pred, self.encoding.iri(ROR + value)))
            elif kind == "language":
                po.append((pred, typed(value, XSD_LANGUAGE)))
            else:
                seq = self.compound(kind, value, pred, arg, frag, po, out, lang)
                if seq is not None:
                    seqs = [seq] if seqs is None else [*seqs, seq]
        if seqs is not None:
            po.extend(seqs)

    def compound(
        self,
        kind: str,
        value: Any,
        pred: T,
        arg: Any,
        frag: str,
        po: list[tuple[T, T]],
        out: list[tuple[T, list[tuple[T, T]]]],
        lang: str | None,
    ) -> tuple[T, T] | None:
        """The fields that make more than one triple or own nodes; returns the ``rdf:Seq`` of an ordered list."""
        node, plain = self.node, self.plain
        if kind == "nodes":
            return self.nodes(value, pred, arg, frag, po, out, lang) if value else None
        if kind == "labels":
            tagged = self.tagged
            po.extend([(pred, tagged(text, tag)) for tag, text in sorted(value.items())])
        elif kind == "refs" or kind == "strs" or kind == "rev_refs":
            if not value:
                return None
            terms = [plain(v) for v in value] if kind == "strs" else [node(v) for v in value]
            if kind != "rev_refs":
                po.extend([(pred, t) for t in (dict.fromkeys(terms) if len(terms) > 1 else terms)])
            if len(terms) > 1:
                return self.seq(frag + arg[0], arg[1], terms, out)
        elif kind == "node":
            sub_kind, name = arg[0], arg[1]
            owned = frag + name
            subject = node(owned)
            po.append((pred, subject))
            self.owned(sub_kind, value, subject, owned, out, lang)
        elif kind == "json":
            text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
            po.append((pred, self.typed(text, RDF_JSON)))
        elif kind == "agent":
            self.agent(value, pred, arg, frag, po, out)
        else:  # pragma: no cover - the mapping table and this switch are tested together
            raise AssertionError(f"unknown field kind {kind!r}")
        return None

    def agent(self, value: str, pred: T, arg: Any, frag: str, po: list[tuple[T, T]],
              out: list[tuple[T, list[tuple[T, T]]]]) -> None:
        """A named agent (a source's publisher or author): one node per name, labelled in each language given."""
        name, tag = arg
        subject = self.node(frag + name)
        label = self.tagged(value, tag) if tag else self.plain(value)
        for s, agent_po in out:
            if s == subject:
                agent_po.append((self.label, label))
                return
        po.append((pred, subject))
        out.append((subject, [(self.a, self.node_classes["agent"]), (self.label, label)]))

    def nodes(
        self,
        value: tuple[Any, ...],
        pred: T,
        arg: tuple[str, str, str, T | None, str | None, T],
        frag: str,
        po: list[tuple[T, T]],
        out: list[tuple[T, list[tuple[T, T]]]],
        lang: str | None,
    ) -> tuple[T, T] | None:
        """Sub-records at ``frag + name-1``, ``-2``...; gives the ``aag:sequence`` link if there are 2+."""
        sub_kind, field, name, direct_pred, key, pred_iri = arg
        node = self.node
        subjects: list[T] = []
        citation = sub_kind == "citation"
        source_lang = self.source_lang
        owned_of = self.owned
        for i, sub in enumerate(value, 1):
            owned = f"{frag}{name}-{i}"
            subject = node(owned)
            subjects.append(subject)
            owned_of(sub_kind, sub, subject, owned, out, source_lang.get(sub.source) if citation else lang)
        po.extend([(pred, s) for s in subjects])
        if direct_pred is not None:
            keys: dict[str, None] = dict.fromkeys(getattr(sub, key) for sub in value)  # type: ignore[arg-type]
            po.extend([(direct_pred, node(k)) for k in keys])
        if citation:
            po.extend([(self.derived, node(s)) for s in dict.fromkeys(c.source for c in value)])
        if len(subjects) > 1:
            return self.seq(frag + field + "-seq", pred_iri, subjects, out)
        return None

    def owned(self, kind: str, obj: Any, subject: T, owned: str, out: list[tuple[T, list[tuple[T, T]]]],
              lang: str | None) -> None:
        """The block of a node the record owns (``subject``, at relative IRI ``owned``)."""
        po: list[tuple[T, T]] = [(self.a, self.node_classes[kind])]
        out.append((subject, po))
        self.fields(obj, self.sub_tables[kind], owned + "-", po, out, lang)

    def seq(self, owned: str, of: T, members: list[T], out: list[tuple[T, list[tuple[T, T]]]]) -> tuple[T, T]:
        """An ``rdf:Seq`` node keeping the order of ``members`` (objects of ``of``); gives the link to it."""
        subject = self.node(owned)
        seq_po: list[tuple[T, T]] = [(self.a, self.node_classes["seq"]), (self.seq_of, of)]
        if len(members) > len(self.members):
            pc = self.encoding.predicate
            self.members.extend(pc(f"{RDF}_{i}") for i in range(len(self.members) + 1, len(members) + 1))
        seq_po.extend(zip(self.members, members))
        out.append((subject, seq_po))
        return (self.sequence, subject)


def blocks(kg: KnowledgeGraph, base: str | None = None) -> Iterator[Block]:
    """Every triple of the export, grouped by subject, in a stable order.

    Yields ``(subject IRI, [(predicate IRI, object), ...])`` where an object is
    an IRI string or a ``(lexical form, language, datatype)`` tuple (see
    :data:`~asiaai_graph.rdf.mapping.Term`). A subject appears in exactly one
    block, with no duplicate triple; records come in id order, each followed
    by the nodes it owns. ``base`` is the records' IRI namespace.

    Examples
    --------
    >>> import asiaai_graph as ag
    >>> [(s, po[:2]) for s, po in blocks(ag.load()) if s.endswith("/deepseek")]
    [('https://w3id.org/asiaai-graph/id/deepseek', [('http://www.w3.org/1999/02/22-rdf-syntax-ns#type', 'https://w3id.org/asiaai-graph/ontology#Organization'), ('http://purl.org/dc/terms/identifier', ('deepseek', None, None))])]
    """
    emitter: Emitter[Term] = Emitter(kg, TermEncoding(check_base(base)))
    return emitter.blocks()  # type: ignore[return-value]  # subjects and predicates are IRIs: str
