"""Which record a dataset's name means: the reviewable tables in ``data/``, then names, then a new id.

A dataset names organizations, models and places in its own spelling
("NAVER", "Alibaba", "智谱华章"). :class:`Matcher` turns each into a record id:

1. the matching table ``data/matching.tsv`` (kind, dataset, name -> id, with a
   note saying why), the reviewable place for every decision a rule cannot make
   (spelling variants across datasets, which Alibaba record, homonyms);
2. otherwise a curated record whose name, label or alias is the same name (after
   :func:`key`: Unicode NFKC, case, spaces and punctuation folded), or failing that one of
   its :func:`variants` (a parenthetical, a leading "The", a company form), when exactly
   one record of the kind has it;
3. otherwise a new id, :func:`slug` of the name (Chinese through toneless pinyin).

A table row's ``name`` may instead be a row's locator (``序号=221, 大模型=盘古``), to
match one row of a dataset that names two things alike.

``data/distinct.tsv`` lists records of one kind that share a name or alias on
purpose (homonyms); ``data/exclusions.tsv`` lists dataset rows deliberately left
out, each with its reason; ``data/kinds.tsv`` gives the kinds no rule decides
(a vision encoder a dataset files under language), and ``data/developers.tsv``
the developers of an Epoch AI row where its first organization is not the only
one (see the README, "Who builds an LLM"). All are tab-separated with a header
line; ``#`` starts a comment line.

Examples
--------
>>> slug("Qwen2.5-72B"), slug("Z.ai (Zhipu AI)"), slug("通义千问"), slug("Ｓｏｌａｒ Ｏｐｅｎ 100B"), slug("PanGu-Σ")
('qwen2-5-72b', 'z-ai-zhipu-ai', 'tong-yi-qian-wen', 'solar-open-100b', 'pangu-sigma')
>>> key("NAVER") == key("Naver"), key("LG AI Research") == key("LG  AI-Research")
(True, True)
"""

from __future__ import annotations

import csv
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from asiaai_graph.utils.errors import DataError, Problem, clip

if TYPE_CHECKING:
    from asiaai_graph.schema import Record

__all__ = ["MAX_SLUG", "Exclusion", "Matcher", "MatchingTables", "NameProblem", "acronyms", "key", "read_tables", "slug", "variants"]

#: The longest id :func:`slug` makes.
MAX_SLUG = 60

_NOT_ALNUM = re.compile(r"[\W_]+")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def key(name: str) -> str:
    """The form in which names are compared: NFKC, case-folded, letters and digits only."""
    return _NOT_ALNUM.sub("", unicodedata.normalize("NFKC", name).casefold())


_PAREN = re.compile(r"^(.*?)\s*[(（]([^()（）]+)[)）]\s*$")
_FORM = re.compile(r"[\s,]+(inc|corp|corporation|co|ltd|limited|llc|gmbh|plc)\.?$", re.I)


def variants(name: str) -> list[str]:
    """Other ways a dataset's name may be written: without a parenthetical or with it alone, without
    a leading "The" or a trailing company form.

    Examples
    --------
    >>> variants("Korea Advanced Institute of Science and Technology (KAIST)")
    ['Korea Advanced Institute of Science and Technology', 'KAIST']
    >>> variants("The University of Tokyo"), variants("Megvii Inc")
    (['University of Tokyo'], ['Megvii'])
    """
    out: list[str] = []
    m = _PAREN.match(name)
    if m:
        out += [m.group(1), m.group(2)]
    if name.lower().startswith("the "):
        out.append(name[4:])
    stripped = _FORM.sub("", name)
    if stripped != name:
        out.append(stripped)
    return [v for v in dict.fromkeys(out) if v and v != name]


_ACRONYM = re.compile(r"(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z0-9&.\-]{1,11}")


def acronyms(name: str) -> list[str]:
    """The acronym a name gives in a closing parenthetical, as a dataset writes it: a name to find it by.

    >>> acronyms("National Institute of Advanced Industrial Science and Technology (AIST)")
    ['AIST']
    >>> acronyms("Mila - Quebec AI (originally Montreal Institute for Learning Algorithms)"), acronyms("Qwen (beta)")
    ([], [])
    """
    m = _PAREN.match(name)
    return [m.group(2)] if m and m.group(1) and _ACRONYM.fullmatch(m.group(2)) else []


def _ascii_letter(c: str) -> str:
    """A letter with no ASCII form by its Unicode name's last word: Σ -> sigma, α -> alpha."""
    if c.isascii() or not c.isalpha():
        return c
    if c.casefold().isascii():  # ß -> ss
        return c.casefold()
    words = unicodedata.name(c, "").split()
    if "WITH" in words:  # LATIN SMALL LETTER L WITH STROKE: the letter, not its mark
        words = words[:words.index("WITH")]
    if not (words and words[-1].isascii() and words[-1].isalpha()):
        return c
    return words[-1].lower() if words[0] == "LATIN" else f" {words[-1].lower()} "  # a Latin letter stays in its word


class NameProblem(ValueError):
    """A dataset's name that gives no id (nothing ASCII in it, or several curated records): ``name`` is the name,
    so that the import can say which row and cell hold it."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name = name


def slug(name: str) -> str:
    """A stable lowercase ASCII id for a name; Chinese characters become toneless pinyin.

    A slug longer than :data:`MAX_SLUG` keeps its first words and ends with
    six hex digits of the SHA-256 of the whole slug, so that two long names
    never share an id and one name always gets the same one.
    Raises ``ValueError`` when nothing of the name can be written in ASCII.

    >>> slug("Wrocław Tech"), slug("Mohamed bin Zayed University of Artificial Intelligence (MBZUAI)")
    ('wroclaw-tech', 'mohamed-bin-zayed-university-of-artificial-c4b5bf')
    """
    text = unicodedata.normalize("NFKC", name)
    if _HAN.search(text):
        from pypinyin import lazy_pinyin

        text = " ".join(lazy_pinyin(text))
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = "".join(_ascii_letter(c) for c in text)
    out = re.sub(r"[^a-z0-9]+", "-", text.casefold().replace("'", "")).strip("-")
    if not out:
        raise NameProblem(name, f"{clip(name)!r} has nothing that can be written as an ASCII id; give it one in "
                                "data/matching.tsv")
    if len(out) > MAX_SLUG:  # a paper's title or a project's full name: its first words and a digest of the rest
        digest = hashlib.sha256(out.encode()).hexdigest()[:6]
        head = out[:MAX_SLUG - len(digest) - 1]
        head = head[:head.rfind("-")] if "-" in head else head
        out = f"{head}-{digest}"
    return out


@dataclass(frozen=True)
class Exclusion:
    """A dataset row left out on purpose."""

    dataset: str
    locator: str
    reason: str


@dataclass(frozen=True)
class MatchingTables:
    """The reviewable decisions: names to ids, homonyms, rows left out."""

    names: Mapping[tuple[str, str, str], str]
    """(kind, dataset or ``*``, name key) -> id."""
    display: Mapping[str, str]
    """id -> the English name the table gives it (for records the datasets name differently)."""
    distinct: frozenset[frozenset[str]]
    """Pairs of ids of one kind that share a name on purpose."""
    exclusions: tuple[Exclusion, ...]
    kinds: Mapping[tuple[str, str, str], tuple[str, str]] = field(default_factory=dict)
    """(record type, dataset or ``*``, name or locator key) -> (kind, reason): ``kinds.tsv``, the kinds no rule decides."""
    developers: Mapping[tuple[str, str], tuple[tuple[str, ...], str]] = field(default_factory=dict)
    """(dataset, locator key) -> (the row's developers as the dataset names them, reason): ``developers.tsv``."""

    def excluded(self, dataset: str, locator: str) -> Exclusion | None:
        """The exclusion of a row, if it is excluded."""
        return next((e for e in self.exclusions if e.dataset == dataset and e.locator == locator), None)

    def kind(self, record_type: str, dataset: str, *names: str) -> tuple[str, str] | None:
        """The (kind, reason) ``kinds.tsv`` gives a record a dataset names by any of ``names`` (a locator, a name).

        >>> t = MatchingTables({}, {}, frozenset(), (), kinds={("model", "*", "internvit6b"): ("vision", "a ViT")})
        >>> t.kind("model", "epoch", "Model=InternViT-6B", "InternViT-6B")
        ('vision', 'a ViT')
        """
        for dataset_key in (dataset, "*"):
            for name in names:
                found = self.kinds.get((record_type, dataset_key, key(name)))
                if found is not None:
                    return found
        return None

    def row_developers(self, dataset: str, locator: str) -> tuple[tuple[str, ...], str] | None:
        """The developers ``developers.tsv`` names for a dataset's row, with the reason, if it names any."""
        return self.developers.get((dataset, key(locator)))


def _rows(path: Path, columns: tuple[str, ...], problems: list[Problem]) -> Iterator[tuple[int, dict[str, str]]]:
    if not path.is_file():
        return
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [(n, line) for n, line in enumerate(fh, 1) if line.strip() and not line.startswith("#")]
    if not lines:
        return
    header = tuple(lines[0][1].rstrip("\r\n").split("\t"))
    if header != columns:
        problems.append(Problem(str(path), lines[0][0], None, None,
                                f"the header must be {' / '.join(columns)} (tab-separated), got {' / '.join(header)}"))
        return
    for n, line in lines[1:]:
        cells = next(csv.reader([line.rstrip("\r\n")], delimiter="\t", quoting=csv.QUOTE_NONE))
        if len(cells) != len(columns):
            problems.append(Problem(str(path), n, None, None, f"{len(columns)} tab-separated cells expected, got {len(cells)}"))
            continue
        yield n, dict(zip(columns, (c.strip() for c in cells)))


#: The record kinds a ``matching.tsv`` row may name.
_TABLE_KINDS = ("organization", "model", "place", "accelerator", "cluster")


def read_tables(folder: str | Path) -> MatchingTables:
    """Read ``matching.tsv``, ``distinct.tsv`` and ``exclusions.tsv`` from ``folder`` (missing files are empty).

    Raises :class:`~asiaai_graph.utils.errors.DataError` naming the file and line of each bad row.
    """
    from asiaai_graph.schema.terms import SLUG

    folder = Path(folder)
    problems: list[Problem] = []
    names: dict[tuple[str, str, str], str] = {}
    display: dict[str, str] = {}
    slug_re = re.compile(SLUG)
    path = folder / "matching.tsv"
    for n, row in _rows(path, ("kind", "dataset", "name", "id", "english_name", "note"), problems):
        if row["kind"] not in _TABLE_KINDS:
            problems.append(Problem(str(path), n, None, "kind",
                                    f"kind must be {', '.join(_TABLE_KINDS[:-1])} or {_TABLE_KINDS[-1]}, got {row['kind']!r}"))
        elif not (slug_re.match(row["id"]) or re.fullmatch(r"[A-Z]{2}", row["id"])):
            problems.append(Problem(str(path), n, None, "id", f"{row['id']!r} is not an id (lowercase ASCII words and hyphens)"))
        else:
            entry = (row["kind"], row["dataset"] or "*", key(row["name"]))
            if entry in names and names[entry] != row["id"]:
                problems.append(Problem(str(path), n, None, "name", f"{row['name']!r} is already matched to {names[entry]!r}"))
            names[entry] = row["id"]
            if row["english_name"]:
                display.setdefault(row["id"], row["english_name"])
    distinct = set()
    for n, row in _rows(folder / "distinct.tsv", ("kind", "id", "other_id", "reason"), problems):
        if not row["reason"]:
            problems.append(Problem(str(folder / "distinct.tsv"), n, None, "reason", "say why the two are different"))
        distinct.add(frozenset((row["id"], row["other_id"])))
    exclusions = []
    for n, row in _rows(folder / "exclusions.tsv", ("dataset", "locator", "reason"), problems):
        if not row["reason"]:
            problems.append(Problem(str(folder / "exclusions.tsv"), n, None, "reason", "say why the row is left out"))
        exclusions.append(Exclusion(row["dataset"], row["locator"], row["reason"]))
    kinds = _kinds(folder / "kinds.tsv", problems)
    developers = _developers(folder / "developers.tsv", problems)
    if problems:
        raise DataError(problems)
    return MatchingTables(names, display, frozenset(distinct), tuple(exclusions), kinds, developers)


def _kinds(path: Path, problems: list[Problem]) -> dict[tuple[str, str, str], tuple[str, str]]:
    from typing import get_args

    from asiaai_graph.schema.terms import ModelKind, OrganizationKind

    allowed = {"model": get_args(ModelKind), "organization": get_args(OrganizationKind)}
    out: dict[tuple[str, str, str], tuple[str, str]] = {}
    for n, row in _rows(path, ("record", "dataset", "name", "kind", "reason"), problems):
        if row["record"] not in allowed:
            problems.append(Problem(str(path), n, None, "record", f"record must be model or organization, got {row['record']!r}"))
        elif row["kind"] not in allowed[row["record"]]:
            problems.append(Problem(str(path), n, None, "kind", f"{row['kind']!r} is not a kind of {row['record']}: "
                                                                f"one of {', '.join(allowed[row['record']])}"))
        elif not row["reason"]:
            problems.append(Problem(str(path), n, None, "reason", "say why the rule does not decide this kind"))
        else:
            out[(row["record"], row["dataset"] or "*", key(row["name"]))] = (row["kind"], row["reason"])
    return out


def _developers(path: Path, problems: list[Problem]) -> dict[tuple[str, str], tuple[tuple[str, ...], str]]:
    out: dict[tuple[str, str], tuple[tuple[str, ...], str]] = {}
    for n, row in _rows(path, ("dataset", "locator", "developers", "reason"), problems):
        names = tuple(name.strip() for name in row["developers"].split(";") if name.strip())
        if not names:
            problems.append(Problem(str(path), n, None, "developers", "name at least one developer (separate names with ;)"))
        elif not row["reason"]:
            problems.append(Problem(str(path), n, None, "reason", "say which source names these developers"))
        else:
            out[(row["dataset"], key(row["locator"]))] = (names, row["reason"])
    return out


class Matcher:
    """Names of one dataset -> record ids, through the tables, the curated records, then :func:`slug`.

    Examples
    --------
    >>> from asiaai_graph.schema import Organization
    >>> naver = Organization(id="naver", name="Naver", labels={"ko": "네이버"}, kind="company", sources=["s"])
    >>> m = Matcher([naver], MatchingTables({}, {}, frozenset(), ()), "epoch")
    >>> m.id("organization", "NAVER"), m.id("organization", "Westlake University")
    ('naver', 'westlake-university')
    >>> m.how("organization", "NAVER"), m.how("organization", "Westlake University")
    ('curated name', 'new')
    """

    def __init__(self, records: Iterable[Record], tables: MatchingTables, dataset: str) -> None:
        from asiaai_graph.graph.index import names_of

        self.tables = tables
        self.dataset = dataset
        self.curated: dict[tuple[str, str], set[str]] = {}
        self.curated_ids: set[tuple[str, str]] = set()
        self._kinds_of_id: dict[str, set[str]] = {}  # id -> the record types of the curated records it names
        self.curated_names: dict[tuple[str, str], str] = {}
        self.used: set[tuple[str, str, str]] = set()
        """The entries of ``tables.names`` that :meth:`id` or :meth:`how` found, as (kind, dataset, name key)."""
        for record in records:
            for name in names_of(record):
                self.curated.setdefault((record.record_type, key(name)), set()).add(record.id)
            self.curated.setdefault((record.record_type, key(record.id)), set()).add(record.id)
            self.curated_ids.add((record.record_type, record.id))
            self._kinds_of_id.setdefault(record.id, set()).add(record.record_type)
            self.curated_names[(record.record_type, record.id)] = names_of(record)[0]

    def _find(self, kind: str, name: str, locator: str | None = None) -> tuple[str, str]:
        k = key(name)
        for dataset in (self.dataset, "*"):
            for entry in ((kind, dataset, key(locator)) if locator else None, (kind, dataset, k)):
                found = self.tables.names.get(entry) if entry is not None else None
                if found is not None and entry is not None:
                    self.used.add(entry)
                    return found, "table"
        ids = self.curated.get((kind, k), set())
        if not ids:  # "Korea Advanced Institute of Science and Technology (KAIST)", "Megvii Inc", "The University of Tokyo"
            ids = {i for variant in variants(name) for i in self.curated.get((kind, key(variant)), set())}
        if len(ids) == 1:
            return next(iter(ids)), "curated name"
        if len(ids) > 1:
            raise NameProblem(name, f"{clip(name)!r} names several curated {kind}s ({', '.join(sorted(ids))}): "
                                    f"say which in data/matching.tsv")
        new = slug(name)
        if self._kinds_of_id.get(new, set()) - {kind}:  # a dict, not a scan of every curated id (review 21, F14)
            new = f"{new}-{kind}"  # the id of a curated record of another kind
        return new, "new"

    def id(self, kind: str, name: str, locator: str | None = None) -> str:
        """The id of the ``kind`` record that ``name`` means (the table may name one row by its ``locator``)."""
        return self._find(kind, name, locator)[0]

    def how(self, kind: str, name: str, locator: str | None = None) -> str:
        """How :meth:`id` found it: ``table``, ``curated name`` or ``new``."""
        return self._find(kind, name, locator)[1]

    def english(self, kind: str, rid: str) -> str | None:
        """The English name of record ``rid`` where one is known: the table's, else the curated record's.

        An importer that has to make a name up (pinyin for a Chinese name) uses this one instead.

        Examples
        --------
        >>> from asiaai_graph.schema import Organization
        >>> baidu = Organization(id="baidu", name="Baidu", labels={"zh": "百度"}, kind="company", sources=["s"])
        >>> m = Matcher([baidu], MatchingTables({}, {"zhipu-ai": "Zhipu AI"}, frozenset(), ()), "china")
        >>> m.english("organization", m.id("organization", "百度")), m.english("organization", "zhipu-ai")
        ('Baidu', 'Zhipu AI')
        >>> m.english("organization", "xi-hu-xin-chen") is None
        True
        """
        return self.tables.display.get(rid) or self.curated_names.get((kind, rid))

