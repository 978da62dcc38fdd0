"""Turning a dataset's rows into records: what every importer shares.

An importer walks its rows and tells a :class:`Builder` what each row states:
a model and its fields, each organization it names (with the sector and
country the row gives it), the places it names. The builder keeps one record
per id, cites the dataset on each (``fields`` says what the dataset states,
``locator`` where: the dataset's own key, ``links`` the row's own links), and
at the end gives validated records, sorted, ready to be written.

An organization named in many rows is one record: its name is the table's
English name or the spelling the dataset uses most, other spellings become
aliases, its kind follows its name or else its labels (:func:`organization_kind`),
and its sector and country are those the dataset gives it most often
(a citation note says so when rows disagree).

Examples
--------
>>> from asiaai_graph.schema import Source
>>> src = Source(id="ds", title="A dataset", kind="dataset", language="en")
>>> b = Builder(src)
>>> b.organization("acme", "ACME Inc", locator="Organization=ACME Inc", country="KR", category="industry")
>>> b.model("acme-1", {"name": "ACME-1", "kind": "llm", "developers": ["acme"], "parameters": 7},
...         locator="Model=ACME-1", links=("https://example.org/acme-1",))
>>> [(r.id, r.record_type) for r in b.records()]
[('ds', 'source'), ('acme', 'organization'), ('acme-1', 'model')]
>>> b.records()[2].sources[0].fields
('developers', 'parameters')
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from asiaai_graph.utils.errors import DataError, Problem
from asiaai_graph.importers.matching import acronyms, key

if TYPE_CHECKING:
    from asiaai_graph.importers.matching import MatchingTables
    from asiaai_graph.schema import Record, Source

__all__ = ["QUOTE_LIMIT", "Builder", "organization_kind", "quote_pieces"]

#: Fields that describe the record rather than state facts about it: a citation's ``fields`` leaves them out.
_IDENTITY = frozenset({"name", "labels", "aliases", "description", "kind"})

#: A unit named as a lab, group or team (of a university): "University of Tokyo Izumi Lab".
_UNIT = re.compile(r"\b(lab\.?|labs|laborator(y|ies)|research group|nlp group|research team|ai group)\s*(\(.*\))?$", re.I)
#: Institutes that are universities by their name: of technology, of science (and technology), polytechnics.
_UNIVERSITY_INSTITUTE = re.compile(r"\binstitute of (science and |information )?technology\b|\binstitute of science\b|"
                                   r"technological institute|polytechnic|polytechnique|\btechnion\b", re.I)
_UNIVERSITY = re.compile(r"\b(university|college|universit[éeä]t|universidad|universit[àa])\b", re.I)
_LAB = re.compile(r"\b(laborator(y|ies)|lab|institute|academy|research center|research centre)\b", re.I)
_COMPANY = re.compile(r"\b(inc|corp|corporation|co|ltd|limited|llc|gmbh|plc|k\.k)\b\.?", re.I)
#: Chinese and Japanese words for kinds; the last one in a name is its head (大学…研究院 is an institute of a
#: university; 科学院 an academy, not a 学院). Longer words first, so that 科学院 is found before 学院.
_CJK_KINDS = re.compile(r"(?P<research_lab>科学院|研究院|研究所|实验室|實驗室|研究室|研究中心|研究センター|研究機構|研究會|研究会)|"
                        r"(?P<university>大学|大學|学院|學院)|(?P<company>株式会社|有限公司|公司|集团|集團|科技|銀行|银行)")

#: A dataset's sector -> our kind of organization, where the name does not say more.
_BY_CATEGORY = {"industry": "company", "academia": "university", "government": "government_body",
                "research_collective": "research_lab"}


def organization_kind(name: str, category: str | None) -> str:
    """What kind of organization a name and a dataset's sector make it, by stated rules only.

    In order: a university's lab, group or team (a name with University that ends in Lab) is a
    research lab; an institute of technology or of science, a polytechnic, is a university
    (MIT, Tokyo Tech, Harbin Institute of Technology); a name with University or College is a
    university; one with Laboratory, Institute, Academy or Research Center a research lab. In
    Chinese and Japanese the last kind word decides (中国科学院计算技术研究所 is an institute,
    北京大学信息工程学院 a school of a university). Otherwise the dataset's sector decides
    (Epoch AI's industry -> company, academia -> university, government -> government body,
    research collective -> research lab); otherwise a company form (Inc., Ltd, 有限公司, 株式会社)
    makes a company; otherwise ``other`` (no source says).

    Examples
    --------
    >>> organization_kind("Tsinghua University", "academia"), organization_kind("Shanghai AI Lab", "academia")
    ('university', 'research_lab')
    >>> [organization_kind(n, "academia") for n in ("Harbin Institute of Technology", "Tokyo Institute of Technology",
    ...                                               "Massachusetts Institute of Technology (MIT)")]
    ['university', 'university', 'university']
    >>> organization_kind("中国科学院计算技术研究所", None), organization_kind("北京大学信息工程学院", None)
    ('research_lab', 'university')
    >>> organization_kind("University of Tokyo Izumi Lab", None), organization_kind("Chinese Academy of Sciences", "academia")
    ('research_lab', 'research_lab')
    >>> organization_kind("NAVER", "industry"), organization_kind("ELYZA Inc.", None), organization_kind("rinna", None)
    ('company', 'company', 'other')
    """
    if _UNIT.search(name) and (_UNIVERSITY.search(name) or _UNIVERSITY_INSTITUTE.search(name)):
        return "research_lab"  # a university's lab or group
    if _UNIVERSITY_INSTITUTE.search(name) or _UNIVERSITY.search(name):
        return "university"
    if _LAB.search(name):
        return "research_lab"
    found = list(_CJK_KINDS.finditer(name))
    if found:
        return next(k for k, v in found[-1].groupdict().items() if v)
    if category in _BY_CATEGORY:
        return _BY_CATEGORY[category]
    if _COMPANY.search(name):
        return "company"
    return "other"


@dataclass
class _Org:
    names: Counter[str] = field(default_factory=Counter)
    labels: dict[str, Counter[str]] = field(default_factory=dict)
    categories: Counter[str] = field(default_factory=Counter)
    countries: Counter[str] = field(default_factory=Counter)
    headquarters: Counter[str] = field(default_factory=Counter)
    locators: list[str] = field(default_factory=list)
    english_name: str | None = None


@dataclass
class _Entry:
    data: dict[str, Any]
    locator: str
    links: tuple[str, ...]
    note: str | None
    line: int | None
    quote: str | None = None


#: The longest quote a citation holds (``Citation.quote``); a row's longer quote is cut into pieces at spaces.
QUOTE_LIMIT = 400


def quote_pieces(text: str, limit: int = QUOTE_LIMIT) -> list[str]:
    """A row's quote in verbatim pieces of at most ``limit`` characters, cut after a space where one is near.

    Examples
    --------
    >>> quote_pieces("one two three", 8)
    ['one two ', 'three']
    >>> "".join(quote_pieces("x" * 900)) == "x" * 900
    True
    """
    pieces = []
    while len(text) > limit:
        cut = text.rfind(" ", limit // 2, limit)
        cut = limit if cut < 0 else cut + 1
        pieces.append(text[:cut])
        text = text[cut:]
    return [*pieces, text] if text else pieces


class Builder:
    """Collects the records a dataset states, one per id, each citing ``source``.

    ``problems`` collects rows whose records clash (two rows that both make one
    model id, a record that does not validate), each with the row's line.
    """

    def __init__(self, source: Source, file: str = "", tables: MatchingTables | None = None) -> None:
        self.source = source
        self.file = file
        self.tables = tables
        """The matching tables, for the kinds ``kinds.tsv`` gives organizations."""
        self.orgs: dict[str, _Org] = {}
        self.entries: dict[tuple[str, str], _Entry] = {}
        self.models: dict[str, list[_Entry]] = {}
        self.stubs: dict[tuple[str, str], _Org] = {}
        self.problems: list[Problem] = []

    # --- what rows state ---------------------------------------------------------------------------

    def organization(self, rid: str, name: str, *, locator: str, country: str | None = None,
                     category: str | None = None, label: tuple[str, str] | None = None,
                     headquarters: str | None = None, english_name: str | None = None) -> None:
        """Note that a row names organization ``rid`` as ``name``, with what the row says of it."""
        org = self.orgs.setdefault(rid, _Org())
        org.names[name] += 1
        if label is not None and label[1] and label[1] != name:
            org.labels.setdefault(label[0], Counter())[label[1]] += 1
        if category:
            org.categories[category] += 1
        if country:
            org.countries[country] += 1
        if headquarters:
            org.headquarters[headquarters] += 1
        if locator not in org.locators:
            org.locators.append(locator)
        if english_name:
            org.english_name = english_name

    def model(self, rid: str, data: dict[str, Any], *, locator: str, links: Iterable[str] = (),
              note: str | None = None, line: int | None = None) -> None:
        """A row states model ``rid`` with the fields in ``data`` (empty values left out).

        Two rows whose models get one id but have different developers are two
        models with one name (a dataset's homonyms): each gets its first
        developer's id appended (``xing-han-da-han-ruan-jian``). Two rows of one
        model id and the same developers are a clash to resolve in the tables.
        """
        self.models.setdefault(rid, []).append(_Entry(
            {k: v for k, v in data.items() if v not in (None, (), [], {}, "")},
            locator, tuple(dict.fromkeys(links)), note, line))

    def stub(self, kind: str, rid: str, name: str, *, locator: str) -> None:
        """Note that a row names record ``rid`` of ``kind`` (a chip a model was trained on) without describing it.

        Unless the dataset also states the record in full (:meth:`record`), it becomes a record of its
        names alone, citing every row that names it.
        """
        stub = self.stubs.setdefault((kind, rid), _Org())
        stub.names[name] += 1
        if locator not in stub.locators:
            stub.locators.append(locator)

    def record(self, kind: str, rid: str, data: dict[str, Any], *, locator: str, links: Iterable[str] = (),
               note: str | None = None, line: int | None = None, quote: str | None = None) -> None:
        """A row states record ``rid`` of ``kind`` with the fields in ``data``; ``quote`` is the row's own evidence.

        Two rows that state one id are a clash (a problem naming both lines).
        """
        self._entry(kind, rid, data, locator, links, note, line, quote)

    def place(self, rid: str, data: dict[str, Any], *, locator: str, line: int | None = None) -> None:
        """A row names place ``rid``; the first row naming it gives its record."""
        if ("place", rid) not in self.entries:
            self._entry("place", rid, data, locator, (), None, line)

    def _entry(self, kind: str, rid: str, data: dict[str, Any], locator: str, links: Iterable[str],
               note: str | None, line: int | None, quote: str | None = None) -> None:
        clean = {k: v for k, v in data.items() if v not in (None, (), [], {}, "")}
        before = self.entries.get((kind, rid))
        if before is not None:
            where = f" (line {before.line})" if before.line else ""
            self.problems.append(Problem(self.file, line, rid, None,
                                         f"this row makes {kind} id {rid!r} again, like {before.locator}{where}: "
                                         "give one of them another id in data/matching.tsv, or exclude one in "
                                         "data/exclusions.tsv"))
            return
        self.entries[(kind, rid)] = _Entry(clean, locator, tuple(dict.fromkeys(links)), note, line, quote)

    # --- the records -------------------------------------------------------------------------------

    def _resolve_models(self) -> None:
        taken = set(self.orgs) | {rid for _, rid in self.entries}
        for rid, entries in sorted(self.models.items()):
            if rid in taken:  # a model named like its maker ("红棉小冰" the company and the model)
                rid = f"{rid}-model"
            if len(entries) == 1:
                self.entries[("model", rid)] = entries[0]
                continue
            makers = [tuple(e.data.get("developers", ())) for e in entries]
            if len(set(makers)) == len(makers):
                for entry, who in zip(entries, makers):
                    self._entry("model", f"{rid}-{who[0]}", entry.data, entry.locator, entry.links,
                                entry.note, entry.line, entry.quote)
                continue
            self.entries[("model", rid)] = entries[0]
            for entry in entries[1:]:
                self._entry("model", rid, entry.data, entry.locator, entry.links, entry.note, entry.line, entry.quote)

    def _citation(self, data: dict[str, Any], locator: str, links: Sequence[str] = (),
                  note: str | None = None) -> dict[str, Any]:
        fields = [f for f in data if f not in _IDENTITY and f != "id"]
        citation: dict[str, Any] = {"source": self.source.id, "locator": locator[:400]}
        if fields:
            citation["fields"] = fields
        if links:
            citation["links"] = list(links)
        if note:
            citation["note"] = note
        return citation

    def _citations(self, entry: _Entry) -> list[dict[str, Any]]:
        """The entry's citation, with the row's quote; a quote over the limit goes on in further citations."""
        first = self._citation(entry.data, entry.locator, entry.links, entry.note)
        pieces = quote_pieces(entry.quote or "")
        if not pieces:
            return [first]
        first["quote"] = pieces[0]
        rest = [{"source": self.source.id, "locator": entry.locator[:400], "quote": piece,
                 "note": f"the row's quote, continued ({n} of {len(pieces)})"} for n, piece in enumerate(pieces[1:], 2)]
        return [first, *rest]

    def _stub_record(self, kind: str, rid: str, stub: _Org) -> dict[str, Any]:
        name = sorted(stub.names.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        data: dict[str, Any] = {"id": rid, "name": name}
        aliases = sorted(n for n in stub.names if n != name)
        if aliases:
            data["aliases"] = aliases
        data["sources"] = [self._citation({}, "; ".join(stub.locators))]
        return data

    def _org_record(self, rid: str, org: _Org, named: dict[str, set[str]]) -> dict[str, Any]:
        """``named``: name key -> the organizations the dataset names so; an acronym that names another
        organization ("Stargate (OpenAI)" beside OpenAI) is no alias of this one."""
        name = org.english_name or sorted(org.names.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        data: dict[str, Any] = {"id": rid, "name": name}
        labels = {lang: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for lang, c in sorted(org.labels.items())}
        if labels:
            data["labels"] = labels
        shown = {name, *labels.values()}
        other_labels = {text for counter in org.labels.values() for text in counter}  # a second spelling: an alias
        aliases = sorted({n for n in (*org.names, *other_labels) if n not in shown}
                         | {a for n in org.names for a in acronyms(n)
                            if a not in shown and not named.get(key(a), set()) - {rid}})
        if aliases:
            data["aliases"] = aliases
        category = _most(org.categories)
        notes = []
        chosen = self.tables.kind("organization", self.source.id, rid, *org.names) if self.tables else None
        if chosen is not None:
            data["kind"] = chosen[0]
            notes.append(f"kind: {chosen[0]} (data/kinds.tsv): {chosen[1]}")
        else:
            # the name first, then the labels: a Chinese list's 大学 or 研究院 says what its pinyin name cannot
            kinds = [organization_kind(n, category) for n in (name, *labels.values())]
            data["kind"] = next((k for k in kinds if k != "other"), "other")
        for fname, counter in (("country", org.countries), ("headquarters", org.headquarters)):
            value = _most(counter)
            if value is not None:
                data[fname] = value
                if len(counter) > 1:
                    notes.append(f"{fname}: the dataset gives " + ", ".join(f"{v} in {n} rows" for v, n in counter.most_common())
                                 + f"; the most frequent, {value}, is kept")
        if category is not None:
            data["category"] = category
        locator = "; ".join(org.locators)
        data["sources"] = [self._citation(data, locator, (), "; ".join(notes) or None)]
        return data

    def records(self) -> list[Record]:
        """The source, then organizations, places and models, each sorted by id; validated.

        Raises :class:`~asiaai_graph.utils.errors.DataError` listing every clash and every invalid record.
        """
        from pydantic import ValidationError

        from asiaai_graph.schema import RECORD_TYPES

        self._resolve_models()
        raw: list[tuple[str, dict[str, Any], int | None]] = []
        named: dict[str, set[str]] = {}
        for rid, org in self.orgs.items():
            for name in org.names:
                named.setdefault(key(name), set()).add(rid)
        for rid, org in sorted(self.orgs.items()):
            raw.append(("organization", self._org_record(rid, org, named), None))
        for (kind, rid), stub in sorted(self.stubs.items()):
            if (kind, rid) not in self.entries:
                raw.append((kind, self._stub_record(kind, rid, stub), None))
        for (kind, rid), entry in sorted(self.entries.items(), key=lambda kv: (kv[0][0] != "place", kv[0][1])):
            data = {"id": rid, **entry.data}
            data["sources"] = self._citations(entry)
            raw.append((kind, data, entry.line))
        out: list[Record] = [self.source]
        problems = list(self.problems)
        for kind, data, line in raw:
            try:
                out.append(RECORD_TYPES[kind].model_validate(data))
            except ValidationError as exc:
                for err in exc.errors():
                    loc = ".".join(str(p) for p in err["loc"])
                    problems.append(Problem(self.file, line, data["id"], loc or None, err["msg"]))
        if problems:
            raise DataError(problems)
        order = {"source": 0, "organization": 1, "place": 2, "model": 3, "accelerator": 4, "cluster": 5}
        out.sort(key=lambda r: (order.get(r.record_type, 9), r.id))
        return out


def _most(counter: Counter[str]) -> str | None:
    if not counter:
        return None
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
