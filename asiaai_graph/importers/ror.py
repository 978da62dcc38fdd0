"""The Research Organization Registry (ROR) records of organizations in Asia, read into typed rows.

The file (``ror-asia.jsonl.gz``, CC0) holds one JSON object per line, ``{"release": "v2.9",
"record": {...}}``, each record exactly as ROR publishes it, in one of two schemas:

* v1 (releases up to v1.x): ``name``, ``labels`` (``{"label", "iso639"}``), ``aliases``, ``acronyms``,
  ``country.country_code``, ``addresses[].geonames_city.city``, ``types`` (``Education``...),
  ``external_ids.Wikidata.preferred``, ``relationships`` (``Parent``, ``Child``, ``Related``,
  ``Successor``, ``Predecessor``), ``links``;
* v2: ``names`` (``{"lang", "types": [ror_display, label, alias, acronym], "value"}``),
  ``locations[].geonames_details`` (``country_code``, ``name``, ``country_subdivision_name``),
  ``types`` (``education``...), ``external_ids`` (``{"type": "wikidata", "preferred", "all"}``),
  ``relationships`` (lowercase types), ``links`` (``{"type", "value"}``).

:func:`read_ror` gives both as :class:`RorRecord`: the ROR id (``04mkzax54``), the English display
name, every other name with its language and what ROR calls it, types in lowercase, status,
founding year, the location's ISO country code, city and first-level subdivision, the Wikidata
item, the relationships and the website. Nothing is invented: a field the record lacks is empty.
A line that is not a record is a located :class:`~asiaai_graph.utils.errors.Problem`.

Examples
--------
>>> line = ('{"release": "v1.41", "record": {"id": "https://ror.org/0090r4d87", "name": "Institute of Computing '
...         'Technology", "labels": [{"label": "中国科学院计算技术研究所", "iso639": "zh"}], "aliases": [], "acronyms": '
...         '["ICT"], "types": ["Facility"], "status": "active", "established": 1956, "country": {"country_code": "CN"}, '
...         '"addresses": [{"geonames_city": {"city": "Beijing"}}], "external_ids": {"Wikidata": {"preferred": "Q7467"}}, '
...         '"relationships": [{"type": "Parent", "id": "https://ror.org/034t30j35", "label": "Chinese Academy of '
...         'Sciences"}], "links": ["http://www.ict.ac.cn"]}}')
>>> r = parse_ror_line(line, "ror.jsonl", 1)
>>> r.ror, r.name, r.labels(), r.types, r.country, r.city, r.wikidata
('0090r4d87', 'Institute of Computing Technology', (('zh', '中国科学院计算技术研究所'),), ('facility',), 'CN', 'Beijing', 'Q7467')
>>> r.relationships
(('parent', '034t30j35', 'Chinese Academy of Sciences'),)
"""

from __future__ import annotations

import gzip
import json
import os
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from asiaai_graph.importers.table import SourceRow, Table, clip
from asiaai_graph.schema.codes import COUNTRY_CODES
from asiaai_graph.utils.errors import DataError, Problem
from asiaai_graph.utils.limits import MAX_ROR_BYTES, MAX_ROR_LINE

__all__ = ["ROR_PREFIX", "RorRecord", "RorTable", "parse_ror_line", "read_ror"]

ROR_PREFIX = "https://ror.org/"


@dataclass(frozen=True, slots=True)
class RorRecord(SourceRow):
    """One ROR record (see the module docstring); ``name`` is ROR's English display name."""

    ror: str = ""
    """The ROR id without ``https://ror.org/``."""
    release: str = ""
    """The ROR release the record is taken from (``v2.9``)."""
    names: tuple[tuple[str | None, str, str], ...] = ()
    """Every name: (language or ``None``, ``label`` | ``alias`` | ``acronym``, value); the display name is ``name``."""
    types: tuple[str, ...] = ()
    status: str = "active"
    established: int | None = None
    country: str | None = None
    """The ISO 3166-1 alpha-2 code of the record's (first) location, as GeoNames gives it (``HK`` for Hong Kong)."""
    country_name: str | None = None
    """The country's English name as the record gives it (``South Korea``), which company names end with."""
    city: str | None = None
    subdivision: str | None = None
    """The first-level subdivision (province, prefecture) of the location, where the v2 record gives it."""
    wikidata: str | None = None
    relationships: tuple[tuple[str, str, str], ...] = ()
    """(type in lowercase, ROR id, label) of each related organization."""
    website: str | None = None

    @property
    def display(self) -> str:
        """ROR's display name (a record always has one)."""
        return self.name or ""

    def labels(self, kind: str = "label") -> tuple[tuple[str | None, str], ...]:
        """(language, value) of the names of one kind (``label``, ``alias``, ``acronym``)."""
        return tuple((lang, value) for lang, what, value in self.names if what == kind)

    def related(self, kind: str) -> tuple[tuple[str, str], ...]:
        """(ROR id, label) of the related organizations of one type (``parent``, ``child``, ``successor``...)."""
        return tuple((rid, label) for what, rid, label in self.relationships if what == kind)


@dataclass(frozen=True, slots=True)
class RorTable(Table[RorRecord]):
    """The records of a ROR file, with an index by ROR id."""

    by_id: Mapping[str, RorRecord] = field(default_factory=dict, repr=False)


def _short(iri: str) -> str:
    return iri[len(ROR_PREFIX):] if iri.startswith(ROR_PREFIX) else iri


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _v1(record: dict[str, Any]) -> dict[str, Any]:
    names: list[tuple[str | None, str, str]] = []
    names += [(lab.get("iso639") or None, "label", lab["label"]) for lab in record.get("labels") or ()
              if _text(lab.get("label"))]
    names += [(None, "alias", a) for a in record.get("aliases") or () if _text(a)]
    names += [(None, "acronym", a) for a in record.get("acronyms") or () if _text(a)]
    address = (record.get("addresses") or [{}])[0] or {}
    city = _text((address.get("geonames_city") or {}).get("city")) or _text(address.get("city"))
    wikidata = ((record.get("external_ids") or {}).get("Wikidata") or {})
    links = [link for link in record.get("links") or () if _text(link)]
    return {
        "name": record["name"], "names": names,
        "types": tuple(t.lower() for t in record.get("types") or ()),
        "country": _text((record.get("country") or {}).get("country_code")), "city": city, "subdivision": None,
        "country_name": _text((record.get("country") or {}).get("country_name")),
        "wikidata": _text(wikidata.get("preferred")) or next(iter(wikidata.get("all") or ()), None),
        "website": links[0] if links else None,
    }


def _v2(record: dict[str, Any]) -> dict[str, Any]:
    display = None
    names: list[tuple[str | None, str, str]] = []
    for entry in record.get("names") or ():
        kinds, value = entry.get("types") or (), _text(entry.get("value"))
        if value is None:
            continue
        if "ror_display" in kinds and display is None:
            display = value
            continue
        what = "acronym" if "acronym" in kinds else "alias" if "alias" in kinds else "label"
        names.append((entry.get("lang") or None, what, value))
    place = ((record.get("locations") or [{}])[0] or {}).get("geonames_details") or {}
    wikidata: dict[str, Any] = next((e for e in record.get("external_ids") or () if e.get("type") == "wikidata"), {})
    websites = [link["value"] for link in record.get("links") or () if link.get("type") == "website"]
    return {
        "name": display, "names": names, "types": tuple(t.lower() for t in record.get("types") or ()),
        "country": _text(place.get("country_code")), "city": _text(place.get("name")),
        "country_name": _text(place.get("country_name")),
        "subdivision": _text(place.get("country_subdivision_name")),
        "wikidata": _text(wikidata.get("preferred")) or next(iter(wikidata.get("all") or ()), None),
        "website": websites[0] if websites else None,
    }


class _FieldError(ValueError):
    """A record whose one field is wrong: the problem names the field."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(message)
        self.field = field_name


def parse_ror_line(line: str, file: str, number: int) -> RorRecord:
    """One line of the file as a :class:`RorRecord`; ``ValueError`` says what is wrong with it."""
    try:
        wrapper = json.loads(line)
    except RecursionError:
        raise ValueError("not a ROR record: JSON nested too deeply") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"not a ROR record: {exc!r}") from None
    try:
        record = wrapper["record"]
        fields = _v2(record) if "names" in record else _v1(record)
        if not fields["name"]:
            raise ValueError("the record has no display name")
        relationships = tuple((str(r["type"]).lower(), _short(str(r["id"])), str(r.get("label") or ""))
                              for r in record.get("relationships") or ())
        established = record.get("established")
        country = fields["country"]
        if country is not None and country not in COUNTRY_CODES:
            raise _FieldError("country_code", f"{clip(country)!r} is not an ISO 3166-1 alpha-2 country code")
        return RorRecord(
            "ror-asia", file, number, {}, fields.pop("name"), ror=_short(str(record["id"])),
            release=str(wrapper.get("release") or ""), status=str(record.get("status") or "active"),
            established=established if isinstance(established, int) else None,
            relationships=relationships, names=tuple(fields.pop("names")), **fields)
    except (KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"not a ROR record: {clip(repr(exc))}") from None


def _lines(path: Path, max_bytes: int, max_line: int) -> Iterator[tuple[int, str]]:
    """(line number, text) of each line that is not blank, read in bounded blocks (no line is built longer than
    ``max_line``, nothing past ``max_bytes`` is decompressed); a :class:`DataError` names the line that fails."""
    file, number, total, rest = str(path), 0, 0, b""
    opener: Any = gzip.open if path.suffix == ".gz" else open

    def refuse(message: str) -> DataError:
        return DataError([Problem(file, number + 1, None, None, message)])

    try:
        with opener(path, "rb") as fh:
            while block := fh.read(_BLOCK):
                total += len(block)
                if total > max_bytes:
                    raise refuse(f"the file decompresses to more than {max_bytes:,} bytes (max_bytes)")
                *whole, rest = (rest + block).split(b"\n")
                for raw in whole:
                    number += 1
                    if raw.strip():
                        yield number, _decoded(raw, file, number, max_line)
                if len(rest) > max_line:
                    raise refuse(f"a line longer than {max_line:,} bytes (max_line)")
            if rest.strip():
                yield number + 1, _decoded(rest, file, number + 1, max_line)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise refuse(f"not a readable gzip file: {clip(str(exc))}") from None
    except OSError as exc:
        raise refuse(f"cannot read the file: {clip(str(exc.strerror or exc))}") from None


_BLOCK = 1 << 20


def _decoded(raw: bytes, file: str, number: int, max_line: int) -> str:
    if len(raw) > max_line:
        raise DataError([Problem(file, number, None, None, f"a line longer than {max_line:,} bytes (max_line)")])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError([Problem(file, number, None, None, f"not UTF-8 text: {exc.reason}")]) from None


def read_ror(path: str | os.PathLike[str], *, skip_bad_rows: bool = False, max_bytes: int = MAX_ROR_BYTES,
             max_line: int = MAX_ROR_LINE) -> RorTable:
    """Read a ROR JSON Lines file (gzipped or not) into a :class:`RorTable`.

    Raises :class:`~asiaai_graph.utils.errors.DataError` naming the line of the first bad record,
    unless ``skip_bad_rows`` (then every bad line is in ``problems``). A file that decompresses to
    more than ``max_bytes`` bytes, or holds a line of more than ``max_line`` bytes, is refused
    whatever ``skip_bad_rows`` says (see :data:`~asiaai_graph.utils.limits.MAX_ROR_BYTES`).
    """
    file = Path(path)
    if not file.is_file():
        raise DataError([Problem(str(file), None, None, None, "no such file")])
    records: list[RorRecord] = []
    problems: list[Problem] = []
    for number, line in _lines(file, max_bytes, max_line):
        try:
            records.append(parse_ror_line(line, str(file), number))
        except ValueError as exc:
            problem = Problem(str(file), number, None, getattr(exc, "field", None), str(exc))
            if not skip_bad_rows:
                raise DataError([problem]) from None
            problems.append(problem)
    by_id = {r.ror: r for r in records}
    return RorTable("ror-asia", str(file), "ror-jsonl", ("release", "record"), tuple(records), tuple(problems),
                    by_id=by_id)
