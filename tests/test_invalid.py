"""Every kind of bad input gives one DataError naming file, line, record and field, and loads nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

import asiaai_graph as ag
from asiaai_graph.errors import Problem

from conftest import FIXTURES

INVALID = FIXTURES / "invalid"

# fixture -> (record id, field, words the message must contain). The expected line is the one
# marked "# <-" in the fixture itself; None means the problem is about the whole file.
CASES: dict[str, tuple[str | None, str | None, str]] = {
    "yaml_syntax.yaml": (None, None, "YAML syntax error"),
    "unknown_field.yaml": ("baidu", "ceo", "unknown field 'ceo'"),
    "wrong_type.yaml": ("ernie", "parameters.value", "decimal"),
    "duplicate_id": ("baidu", "id", "duplicate id 'baidu'"),
    "unknown_reference.yaml": ("ernie", "developers[0]", "unknown id 'baidoo'"),
    "reference_wrong_type.yaml": ("ernie", "developers[0]", "'CN' is a country, expected a organization"),
    "unknown_currency.yaml": ("sensetime-round", "amount.currency", "unknown ISO 4217 currency code 'USDOLLAR'"),
    "impossible_date.yaml": ("alibaba-cloud", "founded", "impossible date '2009-02-30'"),
    "no_source.yaml": ("naver", "sources", "no source"),
    "unknown_section.yaml": (None, None, "unknown section 'companies'"),
    "bad_country_code.yaml": ("XX", "id", "unknown ISO 3166-1 alpha-2 code 'XX'"),
    "not_utf8.yaml": (None, None, "not UTF-8"),
    "alias_bomb.yaml": (None, None, "alias bomb"),
    "huge_file.yaml": (None, None, "over the limit of 4096 bytes"),
    # issue 10, class 1: silent data loss (duplicate keys anywhere name both lines)
    "duplicate_section.yaml": (None, None, "duplicate key 'organizations' (first written at line 6)"),
    "duplicate_field.yaml": ("baidu", "name", "duplicate key 'name' (first written at line 8)"),
    "duplicate_label.yaml": ("baidu", "labels.ko", "duplicate key 'ko' (first written at line 10)"),
    # class 2: text that hides data (Unicode line breaks, control characters)
    "unicode_line_break.yaml": (None, None, "character U+2028 (line separator) at column 31"),
    "control_character.yaml": (None, None, "character U+001B"),
    # class 3: blow-ups from small files (expanded characters, numbers, nesting)
    "alias_bomb_characters.yaml": (None, None, "beyond 67108864 characters (an alias bomb?)"),
    "huge_exponent.yaml": ("ernie", "parameters.value", "out of range"),
    "too_many_digits.yaml": ("ernie", "parameters", "a number of 60 digits is too long"),
    "deep_nesting.yaml": (None, None, "nesting deeper than 64 levels"),
    # class 4: crashes instead of DataErrors
    "unquoted_impossible_date.yaml": ("alibaba-cloud", "founded", "impossible date '2009-02-30'"),
    "malformed_binary.yaml": ("ernie", "parameters", "'0b_' is not a valid integer"),
    # class 6: nonsense accepted
    "parent_cycle.yaml": ("alpha", "parent", "subsidiary_of goes round in a cycle: alpha -> beta -> gamma -> alpha"),
    "self_reference.yaml": ("consortium", "members[0]", "a record cannot refer to itself (has_member)"),
    "part_of_cycle.yaml": ("east", "part_of", "part_of goes round in a cycle: east -> west -> east"),
    "negative_parameters.yaml": ("ernie", "parameters", "not negative"),
    "negative_amount.yaml": ("sensetime-round", "amount.amount", "an amount of money is not negative"),
    "share_over_100.yaml": ("cn-share", None, "a share is a percentage between 0 and 100"),
    "invisible_name.yaml": ("ghost", "name", "a name needs at least one visible character"),
    # class 7: files quietly skipped (the marker is on the link's own line: see test below)
    "dangling_symlink": (None, None, "a symbolic link to 'missing-target.yaml', which does not exist"),
    # class 8: output that other tools refuse or that changes
    "bad_iri.yaml": ("baidu", "website", "not a valid IRI (RFC 3987)"),
    "set_tag.yaml": ("baidu", "focus_areas", "the YAML tag '!!set' is not allowed"),
}
WHOLE_FILE = {"huge_file.yaml", "dangling_symlink"}


def _marked(path: Path) -> tuple[Path, int]:
    if path.name == "dangling_symlink":  # a link has no lines: the problem is about the link itself
        return path / "broken.yaml", 0
    files = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
    for f in files:
        for n, line in enumerate(f.read_bytes().splitlines(), 1):
            if b"# <-" in line:
                return f, n
    raise AssertionError(f"{path} has no '# <-' marker")


def test_every_fixture_has_a_case() -> None:
    assert sorted(p.name for p in INVALID.iterdir()) == sorted(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_invalid_fixture(name: str, cache_dir: Path) -> None:
    record, field, words = CASES[name]
    path = INVALID / name
    with pytest.raises(ag.DataError) as info:
        ag.load(path, curated=False, max_file_size=4096 if name == "huge_file.yaml" else ag.loading.MAX_FILE_SIZE)
    problems = info.value.problems
    assert len(problems) == 1, problems
    problem: Problem = problems[0]
    marked_file, marked_line = _marked(path)
    assert Path(problem.file or "").absolute() == marked_file.absolute()
    assert problem.line == (None if name in WHOLE_FILE else marked_line)
    assert problem.record == record
    assert problem.field == field
    assert words in problem.message
    assert str(problem.file) in str(info.value) and words in str(info.value)
    # nothing half-loaded: no snapshot was written for the bad data
    assert not cache_dir.exists() or not list(cache_dir.iterdir())


def test_all_problems_are_reported_at_once(tmp_path: Path) -> None:
    for name in ("unknown_field.yaml", "impossible_date.yaml"):
        text = (INVALID / name).read_text(encoding="utf-8").replace("id: src", f"id: src-{name[:3]}")
        text = text.replace("[src]", f"[src-{name[:3]}]")
        (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(ag.DataError) as info:
        ag.load(tmp_path, curated=False, cache=False)
    assert sorted(p.field or "" for p in info.value.problems) == ["ceo", "founded"]


def test_missing_path_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(ag.DataError, match="no such file or folder"):
        ag.load(tmp_path / "nope.yaml", curated=False)


def test_yaml_tags_do_not_construct_objects(tmp_path: Path) -> None:
    bad = tmp_path / "tag.yaml"
    bad.write_text("sources: !!python/object/apply:os.system ['echo pwned']\n", encoding="utf-8")
    with pytest.raises(ag.DataError) as info:
        ag.load(bad, curated=False, cache=False)
    assert info.value.problems[0].line == 1
    assert "YAML" in info.value.problems[0].message


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    deep = tmp_path / "deep.yaml"
    deep.write_text("sources: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(ag.DataError):
        ag.load(deep, curated=False, cache=False)
