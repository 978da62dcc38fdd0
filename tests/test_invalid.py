"""Every kind of bad input gives one DataError naming file, line, record and field, and loads nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

import asiaai_graph as ag
from asiaai_graph.utils.errors import Problem

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


# --- issue 10: each class closed in general, not only for the fixture's example ---------------------------

SOURCE = "sources:\n  - id: src\n    title: t\n    kind: blog_post\n    language: ko\n"
ORG = "organizations:\n  - id: baidu\n    name: Baidu\n    kind: company\n    sources: [src]\n"


def _problems(tmp_path: Path, text: str | bytes, name: str = "x.yaml") -> list[Problem]:
    path = tmp_path / name
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    with pytest.raises(ag.DataError) as info:
        ag.load(path, curated=False, cache=False)
    return list(info.value.problems)


@pytest.mark.parametrize(("body", "line", "record", "field"), [
    ("  - id: x\n    name: A\n    kind: company\n    sources: [src]\n    sources: [src]\n", 11, "x", "sources"),
    ("  - id: x\n    name: A\n    kind: company\n    sources:\n    - {source: src, quote: a, quote: b}\n", 11, "x",
     "sources[0].quote"),
    ("  - {id: x, name: A, kind: company, sources: [src], kind: startup}\n", 7, "x", "kind"),
    ("  - id: x\n    name: A\n    1: one\n    0x1: also one\n    kind: company\n    sources: [src]\n", 10, "x", "1"),
    ("  - &base {id: x, name: A, kind: company, sources: [src]}\n  - <<: *base\n    <<: *base\n", 9, "x", "<<"),
])
def test_duplicate_keys_anywhere_name_both_lines(tmp_path: Path, body: str, line: int, record: str | None,
                                                 field: str | None) -> None:
    problems = _problems(tmp_path, SOURCE + "organizations:\n" + body)
    # the record merged from *base twice also repeats the id x: reported in the same run (issue 22)
    others = [p.message for p in problems if "duplicate key" not in p.message]
    assert others == (["duplicate id 'x'"] if field == "<<" else [])
    (problem,) = [p for p in problems if "duplicate key" in p.message]
    assert (problem.line, problem.record, problem.field) == (line, record, field)
    assert "duplicate key" in problem.message and "first written at line" in problem.message


def test_merge_keys_still_work_and_explicit_keys_win(tmp_path: Path) -> None:
    (tmp_path / "m.yaml").write_text(
        SOURCE + "organizations:\n  - &base {id: a, name: A, kind: company, sources: [src]}\n"
        "  - <<: *base\n    id: b\n    name: B\n", encoding="utf-8")
    kg = ag.load(tmp_path, curated=False, cache=False)
    assert (kg["b"].label, kg["b"].kind) == ("B", "company")  # type: ignore[attr-defined]


@pytest.mark.parametrize("char", ["\x85", "\u2028", "\u2029", "\x00", "\x07", "\x7f", "\u202e", "\u2066", "\ufeff"])
def test_characters_that_hide_text_are_refused_with_their_line(tmp_path: Path, char: str) -> None:
    (problem,) = _problems(tmp_path, SOURCE + ORG.replace("name: Baidu", f"name: Baidu  # note{char}x"))
    assert problem.line == 8 and f"U+{ord(char):04X}" in problem.message


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_lines_are_counted_as_editors_count_them(tmp_path: Path, newline: str) -> None:
    text = (SOURCE + ORG.replace("kind: company", "kind: nonsense")).replace("\n", newline)
    (problem,) = _problems(tmp_path, text)
    assert (problem.line, problem.field) == (9, "kind")


@pytest.mark.parametrize("bomb", [
    # the same bomb in other spellings: block style, aliases as flow items after tabs, keys, merge keys, tags
    "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c}\n" + "".join(f"  - *{p}\n" for _ in range(10)) for p, c in zip("abcdef", "bcdefg")),
    "a: &a [x,x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{c}: &{c} [\t*{p},\t*{p},\t*{p},\t*{p},\t*{p},\t*{p},\t*{p},\t*{p},\t*{p},\t*{p}]\n"
        for p, c in zip("abcdef", "bcdefg")),
    "a: !!seq &a [x,x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{c}: !!seq &{c} [" + ",".join([f"*{p}"] * 10) + "]\n" for p, c in zip("abcdef", "bcdefg")),
    "a: &a {k0: x, k1: x, k2: x, k3: x, k4: x, k5: x, k6: x, k7: x, k8: x, k9: x}\n" + "".join(
        f"{c}: &{c} {{" + ", ".join(f"k{i}: *{p}" for i in range(10)) + "}\n" for p, c in zip("abcdef", "bcdefg")),
    "a: &a [[], [], [], [], [], [], [], [], [], []]\n" + "".join(
        f"{c}: &{c} [" + ",".join([f"*{p}"] * 10) + "]\n" for p, c in zip("abcdef", "bcdefg")),
])
def test_alias_bombs_are_refused_whatever_the_spelling(tmp_path: Path, bomb: str) -> None:
    (problem,) = _problems(tmp_path, bomb)
    assert "alias bomb" in problem.message and problem.line is not None


def test_an_alias_inside_its_own_anchor_is_refused(tmp_path: Path) -> None:
    (problem,) = _problems(tmp_path, "a: &a [1, *a]\n")
    assert (problem.line, problem.message) == (1, "alias *a refers to the node that contains it")


def test_a_dense_literal_document_is_bounded_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from asiaai_graph.datafiles import parse as yamlparse

    parsed = yamlparse.parse_yaml("a: [" + ",".join(["0"] * 1000) + "]\n", max_nodes=500)
    assert parsed.doc is None and "more than 500 values" in parsed.problems[0].message


@pytest.mark.parametrize(("value", "words"), [
    ("2024-02-30", "impossible date '2024-02-30'"),
    ("2024-13-01", "impossible date '2024-13-01'"),
    ("2024-01-01 25:00:00", "impossible date"),
    ("2024-01-01T10:61:00Z", "impossible date"),
    ("0x_", "'0x_' is not a valid integer"),
    ("-0b_", "'-0b_' is not a valid integer"),
    ("9" * 5000, "a number of 5000 digits is too long"),
    ("!!int twelve", "'twelve' is not a valid int"),
    ("!!float x", "'x' is not a valid float"),
    ("!!timestamp 2024-99-99", "impossible date"),
    ("!!binary aGVsbG8=", "'!!binary' is not allowed"),
    ("!!python/object/apply:os.system [echo]", "'tag:yaml.org,2002:python/object/apply:os.system'"),
    ("!local x", "'!local' is not allowed"),
])
def test_values_pyyaml_crashes_on_are_located_problems(tmp_path: Path, value: str, words: str) -> None:
    (problem,) = _problems(tmp_path, SOURCE + ORG.replace("    sources: [src]\n", f"    founded: {value}\n    sources: [src]\n"))
    assert (problem.line, problem.record, problem.field) == (10, "baidu", "founded")
    assert words in problem.message or words.replace("tag:yaml.org,2002:", "!!") in problem.message


@pytest.mark.parametrize("tag", ["!!set {a, b}", "!!omap [{a: 1}]", "!!pairs [{a: 1}]"])
def test_collections_with_an_order_of_their_own_are_refused(tmp_path: Path, tag: str) -> None:
    (problem,) = _problems(tmp_path, SOURCE + ORG.replace("    sources: [src]\n", f"    focus_areas: {tag}\n    sources: [src]\n"))
    assert (problem.line, problem.record, problem.field) == (10, "baidu", "focus_areas")


def test_a_second_document_is_refused(tmp_path: Path) -> None:
    (problem,) = _problems(tmp_path, SOURCE + "---\n" + ORG)
    assert (problem.line, problem.message) == (6, "a data file holds one YAML document; this is a second one")


@pytest.mark.parametrize(("relation_yaml", "field"), [
    ("  - {id: a, name: A, kind: consortium, members: [b], sources: [src]}\n"
     "  - {id: b, name: B, kind: consortium, members: [a], sources: [src]}\n", "members[0]"),
    ("  - {id: a, name: A, kind: company, parent: a, sources: [src]}\n", "parent"),
])
def test_membership_cycles_and_self_parents_are_refused(tmp_path: Path, relation_yaml: str, field: str) -> None:
    (problem,) = _problems(tmp_path, SOURCE + "organizations:\n" + relation_yaml)
    assert (problem.line, problem.record, problem.field) == (7, "a", field)


def test_side_files_and_hidden_folders_are_ignored(tmp_path: Path) -> None:
    (tmp_path / "real.yaml").write_text(SOURCE, encoding="utf-8")
    for junk in ("._real.yaml", ".real.yaml.swp", ".hidden.yaml"):
        (tmp_path / junk).write_bytes(b"\x00\x01 not: [yaml")
    (tmp_path / ".#real.yaml").symlink_to("someone@host.123")  # an Emacs lock: a dangling link
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.yaml").write_text("nonsense: [", encoding="utf-8")
    assert list(ag.load(tmp_path, curated=False, cache=False)) == ["src"]


def test_a_dangling_link_given_by_name_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "link.yaml").symlink_to(tmp_path / "gone.yaml")
    with pytest.raises(ag.DataError, match="symbolic link to .*gone.yaml.*does not exist"):
        ag.load(tmp_path / "link.yaml", curated=False, cache=False)


def test_schema_and_reference_problems_come_in_one_pass(tmp_path: Path) -> None:
    """Issue 12: a bad record does not hide reference problems, nor make references to it 'unknown'."""
    text = SOURCE + (
        "organizations:\n"
        "  - {id: baidu, name: Baidu, kind: nonsense, sources: [src]}\n"  # schema problem
        "  - {id: naver, name: Naver, kind: company, parent: baidu, sources: [src]}\n"  # fine: baidu exists
        "  - {id: kakao, name: Kakao, kind: company, parent: nobody, sources: [src]}\n"  # reference problem
    )
    problems = _problems(tmp_path, text)
    assert [(p.line, p.record, p.field) for p in problems] == [(7, "baidu", "kind"), (9, "kakao", "parent")]
    assert "unknown id 'nobody'" in problems[1].message
