"""ROR's JSON Lines file under hostile input (red-team review 21, F8 to F12 and F15): each a located error or a note.

Before the change: a gzip of 2 GiB of spaces was read whole into memory, a line nested 200,000 deep
and a truncated gzip were internal errors (RecursionError, EOFError), a non-gzip file named ``.gz``
named no file, a file without a record ``matching.tsv`` names raised ``KeyError``, and a matched
organization whose ROR record moved out of Asia (or took an invalid country code) was dropped
without a word.
"""

from __future__ import annotations

import copy
import gzip
import json
from pathlib import Path
from typing import Any

import pytest

import asiaai_graph as ag
from asiaai_graph.importers.matching import Matcher, MatchingTables, key
from asiaai_graph.importers.ror import RorTable, read_ror
from asiaai_graph.importers.ror_records import match_ror
from asiaai_graph.schema import Organization
from asiaai_graph.utils.limits import MAX_ROR_BYTES, MAX_ROR_LINE

ZTE = {"release": "v2.9", "record": {
    "id": "https://ror.org/00rjhhq63", "status": "active", "types": ["company"],
    "names": [{"lang": None, "types": ["ror_display", "label"], "value": "ZTE (China)"}],
    "locations": [{"geonames_details": {"country_code": "CN", "country_name": "China", "name": "Shenzhen"}}]}}


def ror_file(tmp_path: Path, *records: dict[str, Any], tail: bytes = b"") -> Path:
    path = tmp_path / "ror.jsonl.gz"
    with gzip.open(path, "wb") as fh:
        fh.write(b"".join(json.dumps(r).encode() + b"\n" for r in records) + tail)
    return path


def moved(country: str) -> dict[str, Any]:
    record = copy.deepcopy(ZTE)
    record["record"]["locations"][0]["geonames_details"]["country_code"] = country
    return record


def _problem(path: Path, **kwargs: Any) -> str:
    with pytest.raises(ag.DataError) as info:
        read_ror(path, **kwargs)
    assert len(info.value.problems) == 1
    return str(info.value.problems[0])


def test_a_gzip_bomb_stops_at_the_decompressed_bound(tmp_path: Path) -> None:
    path = tmp_path / "bomb.jsonl.gz"
    with gzip.open(path, "wb", 9) as fh:
        for _ in range(8):
            fh.write(b" \n" * (1 << 19))  # 8 MiB of blank lines from a few kB of gzip
    assert MAX_ROR_BYTES >= 128 * 1024 * 1024 and len(read_ror(path)) == 0
    found = _problem(path, max_bytes=4 * 1024 * 1024)
    assert found.startswith(f"{path}:") and "decompresses to more than 4,194,304 bytes (max_bytes)" in found


def test_an_endless_line_stops_at_the_line_bound(tmp_path: Path) -> None:
    path = ror_file(tmp_path, ZTE, tail=b" " * (3 * 1024 * 1024))
    assert MAX_ROR_LINE >= 1024 * 1024
    assert _problem(path, max_line=1024 * 1024) == f"{path}:2: a line longer than 1,048,576 bytes (max_line)"


def test_a_deeply_nested_line_is_a_located_problem(tmp_path: Path) -> None:
    path = ror_file(tmp_path, ZTE, tail=b"[" * 200_000 + b"]" * 200_000 + b"\n")
    assert _problem(path) == f"{path}:2: not a ROR record: JSON nested too deeply"
    assert len(read_ror(path, skip_bad_rows=True)) == 1


def test_a_truncated_or_foreign_gzip_is_a_located_problem(tmp_path: Path) -> None:
    path = ror_file(tmp_path, *[ZTE] * 2000)
    path.write_bytes(path.read_bytes()[:-20])
    found = _problem(path)
    assert found.startswith(f"{path}:") and "not a readable gzip file" in found
    path.write_bytes(json.dumps(ZTE).encode())
    assert _problem(path) == f"{path}:1: not a readable gzip file: Not a gzipped file (b'{{\"')"


def test_an_invalid_country_code_is_a_located_problem(tmp_path: Path) -> None:
    path = ror_file(tmp_path, ZTE, moved("XX"))
    assert _problem(path) == f"{path}:2: field country_code: 'XX' is not an ISO 3166-1 alpha-2 country code"
    assert len(read_ror(path, skip_bad_rows=True)) == 1


def _table(*records: dict[str, Any]) -> RorTable:
    from asiaai_graph.importers.ror import parse_ror_line

    rows = tuple(parse_ror_line(json.dumps(r), "ror.jsonl.gz", n) for n, r in enumerate(records, 1))
    return RorTable("ror-asia", "ror.jsonl.gz", "ror-jsonl", (), rows, by_id={r.ror: r for r in rows})


def _matcher(**forced: str) -> Matcher:
    names = {("organization", "ror-asia", key(f"https://ror.org/{ror}")): oid for oid, ror in forced.items()}
    return Matcher([], MatchingTables(names, {}, frozenset(), ()), "ror-asia")


ORG = Organization(id="zte", name="ZTE", country="CN", kind="company", sources=["s"])


def test_a_matched_record_that_moved_out_of_asia_is_a_note() -> None:
    found = match_ror(_table(moved("US")), [ORG], _matcher())
    assert found.matched == {} and found.notes == [
        "zte: ROR's https://ror.org/00rjhhq63 (US) has its name but a country outside Asia (not CN); not matched "
        "(if ROR moved it, say so in matching.tsv, dataset ror-asia)"]
    forced = match_ror(_table(moved("US")), [ORG], _matcher(zte="00rjhhq63"))
    assert forced.matched == {} and forced.notes == [
        "ror.jsonl.gz:1: matching.tsv ties zte to https://ror.org/00rjhhq63, whose country is now US, outside Asia: "
        "not imported (check the row)"]
    assert match_ror(_table(moved("TW")), [ORG], _matcher()).notes == []  # a namesake elsewhere in Asia: no note


def test_a_matching_row_whose_record_is_missing_is_a_note() -> None:
    found = match_ror(_table(ZTE), [ORG], _matcher(zte="00rjhhq63", huawei="00cmhce21"))
    assert found.matched == {"zte": "00rjhhq63"} and found.notes == [
        "matching.tsv ties huawei to https://ror.org/00cmhce21, which ror.jsonl.gz does not hold: the row is unused"]
