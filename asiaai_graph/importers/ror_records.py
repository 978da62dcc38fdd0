"""ROR records as organizations of the graph: identity, names, places and parents for those the data holds.

The Research Organization Registry describes organizations, not models, so it brings in no new
organization of its own accord: a ROR record is imported only when it is an organization the data
folder already holds (curated or imported by another dataset), or the parent of one (so that
``parent`` can point at it). Of the 14,963 records, about two hundred come in.

**Matching.** Unlike the model datasets, ROR is matched against every organization of the data
folder (without ROR's own import): names, labels and aliases on both sides, compared as
:func:`~asiaai_graph.importers.matching.key` forms, also without a closing "(Country)" (ROR's
company names: "Tencent (China)"), a company form ("Inc.", "Co., Ltd.", 株式会社, 股份有限公司) or a
parenthetical. A ROR record in another country than the organization's is no match, a withdrawn
record never. An organization two ROR records fit, or a ROR record two organizations fit, is not
matched and is noted (two organizations one record fits are a split to merge). ``matching.tsv``
decides what names cannot: a row of dataset ``ror-asia`` whose name is the ROR id
(``https://ror.org/00rjhhq63``) matches that record to the row's id; ``exclusions.tsv`` lists ROR
records that must not be matched by name, each with its reason.

**What a matched record states**, each field citing the record (``locator``: its ROR id; the note
gives the release): ``ror``; ``wikidata`` (ROR's preferred Wikidata item); ``name`` (ROR's display
name without a closing "(Country)"); ``labels`` in Korean, Japanese, Chinese (``zh`` in simplified
characters, ``zh-Hant`` in traditional ones, told apart with OpenCC's tables; a label that both read
alike is ``zh-Hant`` in Taiwan, Hong Kong and Macao) and the other languages of Asia the schema
knows (Thai, Hindi, Vietnamese...), other names as aliases (acronyms, English aliases); ``kind`` from ROR's types (:data:`KINDS`); ``country`` and
``headquarters`` (the record's city as a place; Hong Kong and Macao are places of China, as UN M49
and the curated places hold them); ``founded`` (the established year); ``website``; ``parent``
(ROR's parent, or the organization whose child list names it); ``successor`` (ROR's successor).

Examples
--------
>>> ror_kind(("company", "funder")), ror_kind(("facility",)), ror_kind(("funder", "government"))
('company', 'research_lab', 'government_body')
>>> english_name("Tencent (China)", "China"), english_name("LG AI Research", "South Korea")
('Tencent', 'LG AI Research')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from asiaai_graph.importers.build import Builder
from asiaai_graph.importers.matching import acronyms, key, slug
from asiaai_graph.importers.ror import ROR_PREFIX, RorRecord, RorTable

if TYPE_CHECKING:
    from asiaai_graph.importers.matching import Matcher, MatchingTables
    from asiaai_graph.schema import Organization, Place, Source

__all__ = ["KINDS", "ROR_SOURCE_ID", "RorMatch", "chinese_tag", "english_name", "match_ror", "name_keys", "ror_kind", "ror_records",
           "ror_source"]

ROR_SOURCE_ID = "ror-asia"

#: ROR's organization types -> the graph's kinds, in the order a record with several types is read.
KINDS: dict[str, str] = {
    "education": "university",
    "facility": "research_lab",
    "company": "company",
    "government": "government_body",
    "nonprofit": "nonprofit",
    "healthcare": "other",
    "archive": "other",
    "funder": "other",
    "other": "other",
}
#: The areas GeoNames gives a country code of their own, which the graph holds as places of China.
_SARS = {"HK": "hong-kong", "MO": "macao"}
_COMPANY_FORM = re.compile(r"(?:[\s,]+(?:co\.?,?\s*ltd\.?|co\.?|ltd\.?|inc\.?|corporation|corp\.?|limited|llc|k\.k\.|"
                           r"gmbh|plc|holdings))+\s*$|^株式会社\s*|\s*株式会社$|股份有限公司$|有限责任公司$|有限公司$",
                           re.I)
_CLOSING = re.compile(r"^(.*?)\s*\(([^()]+)\)\s*$")


def ror_kind(types: Iterable[str]) -> str:
    """The graph's kind for ROR's types: the first of :data:`KINDS`'s order that the record has."""
    found = set(types)
    for ror_type, kind in KINDS.items():
        if ror_type in found and (ror_type != "funder" or found <= {"funder"}):
            return kind
    return "other"


#: Other names ROR gives countries in a company's closing parenthetical ("MiniMax (People's Republic of China)").
_COUNTRY_ALIASES = {"china": {"people's republic of china", "prc"}, "south korea": {"korea", "republic of korea"},
                    "taiwan": {"taiwan, province of china"}, "hong kong": {"china", "hong kong sar"}}


def english_name(display: str, country_name: str | None) -> str:
    """ROR's display name without a closing "(Country)": ROR writes companies as "Naver (South Korea)"."""
    m = _CLOSING.match(display)
    if m and country_name:
        said, country = m.group(2).strip().casefold(), country_name.casefold()
        if said == country or said in _COUNTRY_ALIASES.get(country, ()):
            return m.group(1)
    return display


def name_keys(name: str, country_name: str | None = None) -> set[str]:
    """The keys a name is matched by: as written, without "(Country)", a closing acronym or a company form.

    A parenthetical is left out only when it is the country or an acronym: "(Shenzhen)" names a campus.

    >>> sorted(name_keys("ZTE Corporation (China)", "China"))
    ['zte', 'ztecorporation', 'ztecorporationchina']
    >>> sorted(name_keys("中兴通讯股份有限公司")), sorted(name_keys("哈尔滨工业大学（深圳）"))
    (['中兴通讯', '中兴通讯股份有限公司'], ['哈尔滨工业大学深圳'])
    >>> sorted(name_keys("Zhejiang University (ZJU)"))
    ['zhejianguniversity', 'zhejianguniversityzju']
    """
    forms = {name, english_name(name, country_name)}
    m = _CLOSING.match(name)
    if m and acronyms(name):
        forms.add(m.group(1))
    if name.lower().startswith("the "):
        forms.add(name[4:])
    for form in list(forms):
        forms.add(_COMPANY_FORM.sub("", form))
    return {k for k in (key(f) for f in forms) if k}


def _country(rec: RorRecord) -> str | None:
    return "CN" if rec.country in _SARS else rec.country


@dataclass
class RorMatch:
    """Which ROR record each organization of the data folder is, and what could not be decided."""

    matched: dict[str, str] = field(default_factory=dict)
    """Organization id -> ROR id."""
    notes: list[str] = field(default_factory=list)


def _index(table: RorTable, tables: MatchingTables) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Name key -> ROR ids, by the records' display names and labels (strong) and by aliases and acronyms (weak)."""
    strong: dict[str, set[str]] = {}
    weak: dict[str, set[str]] = {}
    for rec in table:
        if rec.status == "withdrawn" or tables.excluded(ROR_SOURCE_ID, ROR_PREFIX + rec.ror):
            continue
        for what, name in [("label", rec.display), *((what, value) for _, what, value in rec.names)]:
            if len(key(name)) < 3:  # an acronym of two letters matches too much
                continue
            for k in name_keys(name, rec.country_name):
                (strong if what == "label" else weak).setdefault(k, set()).add(rec.ror)
    return strong, weak


def _candidates(org: Organization, table: RorTable, strong: dict[str, set[str]], weak: dict[str, set[str]],
                country_names: Mapping[str, str]) -> set[str]:
    """The ROR records an organization's names fit, best evidence first: its name or labels against a record's
    display name or labels, else any of its names against any of the record's; a record in another country never."""
    country_name = country_names.get(org.country or "")
    own = {k for n in (org.name, *org.labels.values()) for k in name_keys(n, country_name)}
    every = own | {k for n in org.aliases for k in name_keys(n, country_name)}

    def fit(keys: set[str], indexes: tuple[dict[str, set[str]], ...]) -> set[str]:
        found = {r for k in keys for index in indexes for r in index.get(k, ())}
        found = {r for r in found if org.country is None or _country(table.by_id[r]) == org.country}
        active = {r for r in found if table.by_id[r].status == "active"}
        return active or found

    if org.country is None:  # nothing to check the country against: only a record's own name or label will do
        return fit(own, (strong,))
    return fit(own, (strong,)) or fit(every, (strong, weak))


def _forced(table: RorTable, matcher: Matcher, notes: list[str]) -> dict[str, str | None]:
    """Organization id -> the ROR id matching.tsv ties it to, or ``None`` for a row the file cannot honour
    (a record it does not hold, or one outside Asia): such a row is unused, and noted."""
    from asiaai_graph.importers.regions import is_asian_code

    forced: dict[str, str | None] = {}
    for entry, oid in matcher.tables.names.items():
        if entry[0] != "organization" or entry[1] != ROR_SOURCE_ID:
            continue
        rid = _ror_of_key(entry[2])
        rec = table.by_id.get(rid)
        if rec is None:
            notes.append(f"matching.tsv ties {oid} to {ROR_PREFIX}{rid}, which {table.file} does not hold: "
                         "the row is unused")
            forced[oid] = None
        elif rec.country is not None and not is_asian_code(_country(rec) or ""):
            notes.append(f"{table.file}:{rec.line}: matching.tsv ties {oid} to {ROR_PREFIX}{rid}, whose country "
                         f"is now {rec.country}, outside Asia: not imported (check the row)")
            forced[oid] = None
        else:
            forced[oid] = rid
            matcher.used.add(entry)
    return forced


def _elsewhere(org: Organization, table: RorTable, strong: Mapping[str, set[str]],
               country_names: Mapping[str, str]) -> list[tuple[str, str]]:
    """(ROR id, country) of the active records whose display name or label is one of an organization's own
    names, but in a country outside Asia: a record ROR has moved out of the file's area (the file holds Asia's),
    which the country check would drop without a word. (Namesakes in another country of Asia are common:
    "Ministry of Foreign Affairs".)"""
    from asiaai_graph.importers.regions import is_asian_code

    country_name = country_names.get(org.country or "")
    own = {k for n in (org.name, *org.labels.values()) for k in name_keys(n, country_name)}
    found = {r for k in own for r in strong.get(k, ())}
    return sorted((r, table.by_id[r].country or "?") for r in found
                  if table.by_id[r].status == "active" and not is_asian_code(_country(table.by_id[r]) or ""))


def match_ror(table: RorTable, organizations: Sequence[Organization], matcher: Matcher) -> RorMatch:
    """Match the data folder's organizations to ROR records (see the module docstring)."""
    tables = matcher.tables
    strong, weak = _index(table, tables)
    country_names = {r.country: r.country_name for r in table if r.country and r.country_name}
    country_names["CN"] = "China"
    out = RorMatch()
    forced = _forced(table, matcher, out.notes)
    claimed: dict[str, list[str]] = {}
    for org in organizations:
        if org.id in forced:
            if forced[org.id] is not None:
                claimed.setdefault(forced[org.id] or "", []).append(org.id)
            continue
        found = _candidates(org, table, strong, weak, country_names) - set(forced.values())  # a row decides
        if len(found) == 1:
            claimed.setdefault(found.pop(), []).append(org.id)
        elif found:
            out.notes.append(f"{org.id}: several ROR records fit ({', '.join(sorted(found))}); not matched "
                             "(say which in matching.tsv, dataset ror-asia)")
        elif org.country is not None and (moved := _elsewhere(org, table, strong, country_names)):
            out.notes.append(f"{org.id}: ROR's {', '.join(f'{ROR_PREFIX}{r} ({c})' for r, c in moved)} has its "
                             f"name but a country outside Asia (not {org.country}); not matched (if ROR moved it, "
                             "say so in matching.tsv, dataset ror-asia)")
    for ror, ids in sorted(claimed.items()):
        if len(ids) == 1:
            out.matched[ids[0]] = ror
        else:
            out.notes.append(f"{ROR_PREFIX}{ror} fits {', '.join(sorted(ids))}: one organization in several records? "
                             "Merge them, or say which in matching.tsv (dataset ror-asia)")
    return out


def _ror_of_key(name_key: str) -> str:
    """The ROR id in a matching.tsv name key (``httpsrororg00rjhhq63``: the key of ``https://ror.org/00rjhhq63``)."""
    return name_key[len(key(ROR_PREFIX)):] if name_key.startswith(key(ROR_PREFIX)) else name_key


def ror_source(version: str | None = None) -> Source:
    """The :class:`~asiaai_graph.schema.Source` record of the ROR file; ``version``: the releases and commit."""
    from asiaai_graph.schema import Source

    return Source(
        id=ROR_SOURCE_ID, title="Records of organizations in Asia",
        publisher="Research Organization Registry (ROR)", kind="dataset", language="en", url="https://ror.org/",
        version=version, license="CC0 1.0",
        note=("The latest version of each record located in Asia that the release folders v1.0 to v2.9 of "
              "https://github.com/ror-community/ror-records hold (not the full registry); a citation's locator is "
              "the record's ROR id, its note the release."),
    )


_CONVERTERS: dict[str, Any] = {}


def chinese_tag(text: str, traditional_area: bool) -> str:
    """``zh-Hant`` for Chinese written in traditional characters, ``zh`` for simplified ones (OpenCC's tables);
    a text both scripts write alike takes the area's script (traditional in Taiwan, Hong Kong and Macao).

    >>> chinese_tag("國立臺灣大學", False), chinese_tag("清华大学", True), chinese_tag("中山", True), chinese_tag("中山", False)
    ('zh-Hant', 'zh', 'zh-Hant', 'zh')
    """
    if not _CONVERTERS:
        import opencc

        _CONVERTERS.update(t2s=opencc.OpenCC("t2s"), s2t=opencc.OpenCC("s2t"))
    if _CONVERTERS["t2s"].convert(text) != text:
        return "zh-Hant"
    if _CONVERTERS["s2t"].convert(text) != text:
        return "zh"
    return "zh-Hant" if traditional_area else "zh"


def _labels(rec: RorRecord, country: str | None) -> tuple[dict[str, str], list[str]]:
    """Labels in Korean, Japanese, Chinese and the other languages of Asia, and the other names (aliases) of a
    record: English labels, aliases and acronyms, and further labels of a language that already has one."""
    from typing import get_args

    from asiaai_graph.schema.terms import LanguageTag

    native = set(get_args(LanguageTag)) - {"en", "zh", "zh-Hans", "zh-Hant"}
    labels: dict[str, str] = {}
    others: list[str] = []
    for lang, what, value in rec.names:
        tag = lang if lang in native else None
        if lang == "zh":
            tag = chinese_tag(value, country in ("TW", "HK", "MO"))
        if what == "label" and tag is not None and tag not in labels:
            labels[tag] = value
        else:
            others.append(value)
    order = {tag: n for n, tag in enumerate(get_args(LanguageTag))}  # the order the RDF reader gives them back in
    return dict(sorted(labels.items(), key=lambda kv: order[kv[0]])), others


@dataclass
class _Context:
    table: RorTable
    builder: Builder
    ids: dict[str, str]
    """ROR id -> the graph's id, for every record that comes in."""
    places: Mapping[tuple[str, str], str]
    """(name key, country) -> a place id the data folder holds."""
    taken: set[str]
    """Ids of the data folder, which a brought-in record must not take."""
    by_name: Mapping[str, str]
    """Name key -> the one organization of the data folder with that name."""
    notes: list[str] = field(default_factory=list)


def _place(cx: _Context, rec: RorRecord) -> str | None:
    if rec.country in _SARS:
        return _SARS[rec.country]
    if not rec.city or not rec.country:
        return None
    found = cx.places.get((key(rec.city), rec.country))
    if found is not None:
        return found
    pid = slug(rec.city)
    if pid in cx.taken:
        pid = f"{pid}-{rec.country.lower()}"
    data: dict[str, Any] = {"name": rec.city, "kind": "city", "country": rec.country}
    province = cx.places.get((key(rec.subdivision or ""), rec.country))
    if province is not None:
        data["part_of"] = province
    cx.builder.place(pid, data, locator=ROR_PREFIX + rec.ror, line=rec.line)
    return pid


def _held(cx: _Context, table: RorTable, rid: str) -> str | None:
    """The organization of the data folder a ROR record's English name names, if one does (ROR's "Samsung (South
    Korea)" is the curated Samsung Electronics' short name: no second record of that name comes in)."""
    holder = table.by_id.get(rid)
    return cx.by_name.get(key(english_name(holder.display, holder.country_name))) if holder is not None else None


def _related(cx: _Context, rec: RorRecord, kind: str) -> list[str]:
    """The graph ids of a record's related organizations of one kind, where they come in or are held by name."""
    out = []
    for rid, label in rec.related(kind):
        found = cx.ids.get(rid) or cx.by_name.get(key(label)) or _held(cx, cx.table, rid)
        if found is not None and found not in out:
            out.append(found)
    return out


def _record(cx: _Context, rec: RorRecord, parent: str | None, successor: str | None) -> None:
    country = _country(rec)
    labels, others = _labels(rec, rec.country)
    name = english_name(rec.display, rec.country_name)
    shown = {name, *labels.values()}
    aliases = [a for a in dict.fromkeys([rec.display, *others]) if a not in shown]
    data: dict[str, Any] = {
        "name": name, "labels": labels, "aliases": aliases, "kind": ror_kind(rec.types),
        "country": country, "headquarters": _place(cx, rec),
        "founded": rec.established, "parent": parent, "successor": successor, "ror": rec.ror,
        "wikidata": rec.wikidata, "website": rec.website if rec.website and _is_web(rec.website) else None,
    }
    note = f"ROR release {rec.release}"
    if rec.country in _SARS:  # what ROR says, and how the graph reads it
        note += (f"; ROR's country is {rec.country}{f' (city: {rec.city})' if rec.city else ''}: the graph places "
                 f"{'Hong Kong' if rec.country == 'HK' else 'Macao'} in CN, as a place ({_SARS[rec.country]})")
    cx.builder.record("organization", cx.ids[rec.ror], data, locator=ROR_PREFIX + rec.ror, note=note, line=rec.line)


def _is_web(url: str) -> bool:
    from pydantic import TypeAdapter, ValidationError

    from asiaai_graph.schema.values import HttpIri

    try:
        TypeAdapter(HttpIri).validate_python(url)
    except ValidationError:
        return False
    return True


def ror_records(table: RorTable, organizations: Sequence[Organization], places: Sequence[Place],
                matcher: Matcher, source: Source) -> tuple[Builder, list[str]]:
    """The records ROR states about the data folder's organizations (and their parents); notes on what was not used."""
    builder = Builder(source, table.file, matcher.tables)
    match = match_ror(table, organizations, matcher)
    ids = {ror: oid for oid, ror in match.matched.items()}
    names: dict[str, set[str]] = {}
    for org in organizations:
        for name in org.names():
            names.setdefault(key(name), set()).add(org.id)
    cx = _Context(table, builder, ids,
                  {(key(n), p.country): p.id for p in places if p.country for n in p.names()},
                  {o.id for o in organizations} | {p.id for p in places},
                  {k: next(iter(v)) for k, v in names.items() if len(v) == 1}, list(match.notes))
    matched = [table.by_id[r] for r in sorted(ids)]
    for rec in matched:  # a matched record's parent comes in too, when the file holds it and nothing else names it
        for rid, label in rec.related("parent"):
            if rid in ids or key(label) in cx.by_name or _held(cx, table, rid):
                break
            holder = table.by_id.get(rid)
            if holder is not None:
                new = slug(english_name(holder.display, holder.country_name))
                ids[rid] = f"{new}-{(holder.country or 'xx').lower()}" if new in cx.taken else new
                cx.taken.add(ids[rid])
                break
    parents: dict[str, str] = {}
    for rec in matched:  # ROR lists a child under its parent too: a matched child takes a matched parent
        for child, _ in rec.related("child"):
            if child in match.matched.values():
                parents.setdefault(ids[child], ids[rec.ror])
    for rec in [table.by_id[r] for r in sorted(ids)]:
        own = _related(cx, rec, "parent") if rec.ror in match.matched.values() else []
        parent = own[0] if own else parents.get(ids[rec.ror])
        successors = _related(cx, rec, "successor") if rec.ror in match.matched.values() else []
        _record(cx, rec, parent if parent != ids[rec.ror] else None, successors[0] if successors else None)
    return builder, cx.notes
