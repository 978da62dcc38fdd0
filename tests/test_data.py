"""The curated data, held to the articles: provenance, precision, the key claims, and coverage.

The claims are checked through the public API, the way a reader would ask them,
not by reading the YAML.
"""

from __future__ import annotations

import os
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

import asiaai_graph as ag
from asiaai_graph.loading.loader import load_records
from asiaai_graph.datafiles.files import curated_files
from asiaai_graph.graph.search import normalize

from conftest import ROOT

#: The evidence beside the checkout (``../shared``); ASIAAI_GRAPH_SHARED points elsewhere (e.g. from a git worktree).
SHARED_DIR = Path(os.environ.get("ASIAAI_GRAPH_SHARED") or ROOT.parent / "shared")
SOURCES_DIR = SHARED_DIR / "sources"
ARTICLES = {
    "asia-ai-blog": "000_166ebddc875a021e.txt",
    "fnnews-2018": "001_8a851b06a0823908.txt",
    "korea-ai-blog": "002_14db23f421a3948b.txt",
    "turingpost-2024": "003_6c0356cd8842bcc8.txt",
    "bespick-2025": "004_9c0bf49b0926ee40.txt",
}


def D(x: str | int) -> Decimal:
    return Decimal(x)


def iso(date: ag.PartialDate | None) -> str:
    """A date as the article states it; whether it is approximate is checked elsewhere."""
    return date.isoformat() if date else ""


def ids(records: list[Any]) -> set[str]:
    return {r.id for r in records}


# --- provenance and precision ---------------------------------------------------------------------


def test_every_record_cites_a_known_source(kg: ag.KnowledgeGraph) -> None:
    sources = ids(kg.records("source"))
    assert set(ARTICLES) <= sources
    for record in kg.values():
        if isinstance(record, ag.Entity):
            assert record.sources, record.id
            assert {c.source for c in record.sources} <= sources


def _has_figure(value: Any) -> bool:
    if isinstance(value, (ag.Quantity, ag.Money, ag.PartialDate)):
        return True
    if isinstance(value, int) and not isinstance(value, bool):
        return True
    if isinstance(value, BaseModel):
        return any(_has_figure(v) for _, v in value)
    if isinstance(value, tuple):
        return any(_has_figure(v) for v in value)
    return False


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.skipif(not SOURCES_DIR.is_dir(), reason="the source articles (shared/sources) are not beside this checkout")
def test_quotes_are_verbatim_from_their_article(kg: ag.KnowledgeGraph) -> None:
    texts = {sid: _squash((SOURCES_DIR / name).read_text(encoding="utf-8")) for sid, name in ARTICLES.items()}
    wrong = []
    for record in kg.values():
        for c in record.sources if isinstance(record, ag.Entity) else ():
            if c.quote and c.source in texts and _squash(c.quote) not in texts[c.source]:
                wrong.append((record.id, c.quote))
    assert wrong == []


@pytest.mark.skipif(not SOURCES_DIR.is_dir(), reason="the source articles (shared/sources) are not beside this checkout")
def test_the_repository_does_not_hold_the_articles() -> None:
    data = "".join(_squash(p.read_text(encoding="utf-8")) for p in (ROOT / "data").rglob("*.yaml"))
    for name in ARTICLES.values():
        article = _squash((SOURCES_DIR / name).read_text(encoding="utf-8"))
        chunks = [article[i:i + 300] for i in range(0, len(article) - 300, 150)]
        assert not [c for c in chunks if c in data], name


def test_sources_keep_their_date_precision(kg: ag.KnowledgeGraph) -> None:
    bespick = kg["bespick-2025"]
    assert isinstance(bespick, ag.Source) and bespick.published is not None
    assert (bespick.published.isoformat(), bespick.publisher) == ("2025-01-21", "Bespin Global")
    fn = kg["fnnews-2018"]
    assert isinstance(fn, ag.Source) and fn.published is not None
    assert (str(fn.published), fn.author, fn.publisher) == ("2018~", "서혜진", "Financial News")
    # a date resolved against an article whose own date is inferred is itself approximate, and no more precise:
    # "지난달" (last month) in an article known only to the year 2018 is 2018~, not a guessed month
    round_ = kg["sensetime-2018-round"]  # the article's round; SenseTime's later ones are curated from other pages
    assert isinstance(round_, ag.Investment)
    assert round_.date is not None and (str(round_.date), round_.date.precision) == ("2018~", "year")
    for sid in ARTICLES:
        source = kg[sid]
        assert isinstance(source, ag.Source) and source.language == "ko" and source.title


# --- per-field provenance: every citation says which fields it states ----------------------------

#: The curated files: every YAML file under data/ but the imported datasets (data/datasets/, with rules of
#: their own): one file per section for the records of the five articles, and one bundle per jurisdiction
#: or group (data/policies/, data/investments/, data/builders/) holding its records and the pages they cite.
CURATED_FILES = tuple(str(p.relative_to(ROOT / "data")) for p in curated_files(ROOT / "data"))
#: What a citation with ``fields: []`` backs: that the record exists, what it is called and what it is.
IDENTITY = frozenset({"name", "labels", "aliases", "description", "kind", "wikidata", "official_title",
                      "official_language"})
#: Source kinds whose evidence is a verbatim quote; datasets and standards give a locator (their row) instead.
ROW_SOURCES = frozenset({"dataset", "standard"})


def load_curated(data_dir: Path) -> tuple[list[ag.Entity], dict[str, ag.Source]]:
    """The curated records of ``data_dir`` (the entities, and the sources by id).

    The curated files are read with the imported datasets, which their records may refer to (a
    government fund investing beside Nvidia, whose record an Epoch file brings); a curated record that
    shares its id with an imported one (a Korean name and a country for a company a dataset lists) is
    checked as merged, with the dataset's citations beside the curated ones.
    """
    import yaml

    records = load_records([data_dir])
    curated_ids = {item["id"] for name in CURATED_FILES
                   for items in yaml.safe_load((data_dir / name).read_text(encoding="utf-8")).values()
                   if isinstance(items, list)  # not an overlay: header
                   for item in items}
    sources = {r.id: r for r in records if isinstance(r, ag.Source)}
    return [r for r in records if isinstance(r, ag.Entity) and r.id in curated_ids], sources


@pytest.fixture(scope="module")
def curated() -> tuple[list[ag.Entity], dict[str, ag.Source]]:
    return load_curated(ROOT / "data")


def stated_fields(record: ag.Entity) -> list[str]:
    """The record's fields that hold a value (not None, not empty), beside ``id``, ``sources`` and ``disputes``."""
    return [f for f in type(record).citable_fields() if getattr(record, f) not in (None, (), {})]


def cited_fields(record: ag.Entity) -> set[str]:
    """The fields some citation names, whole or by an element (``lifecycle.in_force`` names ``lifecycle``)."""
    return {f.partition(".")[0] for c in record.sources for f in c.fields}


def uncited_figures_and_relations(records: list[ag.Entity]) -> list[tuple[str, str]]:
    """(record, field) for every number, date, amount, quantity or reference no citation of the record names."""
    missing = []
    for r in records:
        refs = {ref.field for ref in type(r).refs}
        cited = cited_fields(r)
        for name in stated_fields(r):
            if (name in refs or _has_figure(getattr(r, name))) and name not in cited:
                missing.append((r.id, name))
    return missing


def test_every_figure_date_and_relation_names_its_citation(curated: Any) -> None:
    records, _ = curated
    assert uncited_figures_and_relations(records) == []


def test_every_other_stated_field_names_its_citation_too(curated: Any) -> None:
    """Goals, provisions, focus areas, scope, architecture, open weights...: all but the record's identity."""
    records, _ = curated
    missing = [(r.id, f) for r in records for f in stated_fields(r) if f not in IDENTITY and f not in cited_fields(r)]
    assert missing == []


def test_a_citation_names_only_fields_the_record_states(curated: Any) -> None:
    records, _ = curated
    stale = [(r.id, c.source, f) for r in records for c in r.sources for f in c.fields
             if f.partition(".")[0] not in stated_fields(r)]
    assert stale == []


def test_a_citation_naming_fields_shows_its_evidence(curated: Any) -> None:
    """An article's citation quotes it; a dataset's or a standard's gives the row (``locator``) or a quote."""
    records, sources = curated
    bare = [(r.id, c.source) for r in records for c in r.sources if c.fields and not (
        c.quote or (c.locator and sources[c.source].kind in ROW_SOURCES))]
    assert bare == []
    unquoted = [(r.id, c.source) for r in records for c in r.sources if c.source in ARTICLES and not c.quote]
    assert unquoted == []


def test_every_disputed_value_is_cited_for_its_field(curated: Any) -> None:
    records, _ = curated
    wrong = []
    for r in records:
        for d in r.disputes:
            for v in d.values:
                for sid in v.sources:
                    if not any(c.source == sid and c.supports(d.field) for c in r.sources):
                        wrong.append((r.id, d.field, v.value, sid))
    assert wrong == []
    assert any(r.disputes for r in records)  # RayNeo's headquarters, at least


def _names(record: ag.Entity) -> set[str]:
    return {_squash(n) for n in record.names()}


def test_a_named_policys_goals_rest_on_quotes_that_name_it(curated: Any) -> None:
    """When a source names the policy, its goals, target year and budgets come from quotes that name it too.

    A goal an article states without naming the policy ("China aims at USD 1 trillion by 2030") goes on a
    record that does not claim to be that policy: matching by the year alone is a guess. The rule holds for
    the five Korean articles, each of which covers dozens of subjects; a page cited for a policy's goals
    (a ministry's release, a report on the plan) is about that policy.
    """
    records, _ = curated
    wrong = []
    for p in (r for r in records if isinstance(r, ag.Policy)):
        naming = [c for c in p.sources if c.quote and any(n in _squash(c.quote) for n in _names(p))]
        if not naming:
            continue  # a record for goals no source names; it claims to be no named policy
        for c in p.sources:
            for f in set(c.fields) & {"goals", "target_year", "budget", "annual_budget"}:
                if c not in naming and c.source in ARTICLES:
                    wrong.append((p.id, f, c.source, c.quote))
    assert wrong == []


_PRECISION = {"year": 0, "month": 1, "day": 2}
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
#: Month names of the other languages the curated pages are in (Indonesian, Malay, Turkish, Russian in the
#: genitive, Thai, Arabic, Portuguese, French); index 0 is January.
_MONTH_NAMES: tuple[tuple[str, ...], ...] = (
    ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
     "November", "Desember"),
    ("Januari", "Februari", "Mac", "April", "Mei", "Jun", "Julai", "Ogos", "September", "Oktober", "November",
     "Disember"),
    ("Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım", "Aralık"),
    ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября",
     "декабря"),
    ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม",
     "พฤศจิกายน", "ธันวาคม"),
    ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"),
    ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro",
     "dezembro"),
    ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
     "décembre"),
    ("yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr", "oktyabr", "noyabr", "dekabr"),
)


def _month_words(month: int) -> list[str]:
    """The ways a quote may name a month: English (whole or Jan./Sept.), 5월/5月, tháng 5, and the names above."""
    english = _MONTHS[month - 1]
    words = [english, english[:3] + ".", english[:3] + " ", english[:3] + "-", *(["Sept."] if month == 9 else [])]
    return [*words, *(names[month - 1] for names in _MONTH_NAMES)]


def _jalali(year: int, month: int, day: int) -> tuple[int, int, int]:
    """The Solar Hijri date (Iran's calendar) of a Gregorian date (the arithmetic of the jdf.scr.ir routine)."""
    days_before = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)
    gy2 = year + 1 if month > 2 else year
    days = (355666 + 365 * year + (gy2 + 3) // 4 - (gy2 + 99) // 100 + (gy2 + 399) // 400 + day
            + days_before[month - 1])
    jy = -1595 + 33 * (days // 12053)
    days %= 12053
    jy += 4 * (days // 1461)
    days %= 1461
    if days > 365:
        jy += (days - 1) // 365
        days = (days - 1) % 365
    jm = 1 + days // 31 if days < 186 else 7 + (days - 186) // 30
    jd = 1 + (days % 31 if days < 186 else (days - 186) % 30)
    return jy, jm, jd


_PERSIAN_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")


def _prints(quote: str, date: ag.PartialDate) -> bool:
    """Whether the quote prints the date's finest part: its month ('5월', '5月', 'May', 'tháng 5') or its day
    ('20일', '20日', 'May 20', '20 May', '2024-05-20', '20/05/2024', 'ngày 20')."""
    if date.day is not None:
        assert date.month is not None
        d, m = date.day, date.month
        numeric = (rf"(?<!\d){date.year}\s*[-/.년年]\s*0?{m}\s*[-/.월月]\s*0?{d}(?!\d)|(?<!\d)0?{d}[/.]0?{m}[/.]"
                   rf"(?:{date.year}|{date.year + 543})|(?<!\d)0?{m}/0?{d}/{date.year}")
        words = "|".join(rf"{re.escape(w.strip())}\s*0?{d}(?:st|nd|rd|th)?\b|(?<!\d)0?{d}(?:st|nd|rd|th)?[\s-]*"
                         rf"(?:de\s+|of\s+)?{re.escape(w.strip())}" for w in _month_words(m))
        cjk = rf"(?<!\d)0?{d}\s*(?:일|日)|ngày\s*0?{d}\b"
        jy, jm, jd = _jalali(date.year, m, d)
        hijri = f"{jy}/{jm:02d}/{jd:02d}" in quote.translate(_PERSIAN_DIGITS)
        return hijri or bool(re.search(f"{numeric}|{words}|{cjk}", quote, re.IGNORECASE))
    if date.month is not None:
        m = date.month
        words = "|".join(re.escape(w) for w in _month_words(m))
        return bool(re.search(rf"(?<!\d)0?{m}\s*(?:월|月)|tháng\s*0?{m}\b|{words}|(?<!\d){date.year}[-/.]0?{m}(?!\d)"
                              rf"|(?<!\d)0?{m}/{date.year}", quote, re.IGNORECASE))
    return True


def _prints_year(quote: str, year: int) -> bool:
    """The year as printed: 2024, or in the calendars pages of Asia print it in (Thai 2567, Taiwan's 民國113
    or 113年, Japan's 令和6年 or 平成30年)."""
    reiwa, heisei = year - 2018, year - 1988
    forms = [str(year), str(year + 543), f"民國{year - 1911}", f"{year - 1911}年", f"-{year % 100:02d})",
             *([f"令和{reiwa}年", f"令和{'元' if reiwa == 1 else reiwa}年"] if reiwa > 0 else []),
             *([f"平成{heisei}年"] if 0 < heisei <= 31 else [])]
    return any(f in quote for f in forms)


def test_dates_are_no_more_precise_or_certain_than_their_evidence(curated: Any) -> None:
    """A month or a day is printed in a quote or is the source's own date; an exact date prints its year too.

    "지난달" (last month) in an article known only to the year 2018 gives 2018~, not a month; a date
    resolved against an inferred publication date is approximate ('~').
    """
    records, sources = curated
    wrong = []
    for r in records:
        for name, date in _dates(r):
            evidence = [c for c in r.sources if c.supports(name)]
            if any(sources[c.source].kind in ROW_SOURCES for c in evidence):
                continue  # a dataset's row states it (the importers' tests check rows)
            quotes = [c.quote for c in evidence if c.quote]
            dated = [sources[c.source].published for c in evidence]
            # an approximate date is resolved against the source's date, which must be as precise;
            # an exact one may be the source's own date (a report dated 2024-12 for a release in 2024-12)
            own_date = any(d is not None and (_PRECISION[d.precision] >= _PRECISION[date.precision] if date.approximate
                                              else d == date) for d in dated)
            printed = any(_prints(q, date) for q in quotes)  # the month or day, where the date has one
            # the year is printed; one resolved against the page's own date ("지난 27일", "In January") is an
            # inference, marked approximate ('~')
            year = date.approximate or any(_prints_year(q, date.year) for q in quotes)
            if not (own_date or (printed and year)):
                wrong.append((r.id, name, str(date)))
    assert wrong == []


def _dates(record: ag.Entity) -> list[tuple[str, ag.PartialDate]]:
    """Every date the record states, named as a citation names it (``released``, ``lifecycle.in_force``)."""
    out: list[tuple[str, ag.PartialDate]] = []
    for name in stated_fields(record):
        value = getattr(record, name)
        if isinstance(value, ag.PartialDate):
            out.append((name, value))
        elif name == "lifecycle":
            out += [(f"lifecycle.{e.event}", e.date) for e in value]
    return out


def test_affiliations_are_dated_by_the_source_that_states_them(curated: Any) -> None:
    """A role is known as of the stating article's date, with its precision (a 2018 article says nothing of today)."""
    records, sources = curated
    wrong = []
    for p in (r for r in records if isinstance(r, ag.Person)):
        dates = {str(sources[c.source].published) for c in p.sources if "affiliations" in c.fields}
        wrong += [(p.id, a.organization, str(a.as_of)) for a in p.affiliations if str(a.as_of) not in dates]
    assert wrong == []


#: Focus areas and the words the articles use for them; the longest word is matched first.
FOCUS_WORDS: dict[str, tuple[str, ...]] = {
    "ai-application-management": ("애플리케이션 관리",), "ai-chips": ("AI 칩",), "ai-chipsets": ("AI 칩셋",),
    "ai-glasses": ("AI 안경",), "ai-infrastructure": ("AI 인프라",), "ai-music-composition": ("AI 음악 작곡",),
    "ai-technology-evaluation": ("AI 기술 평가",), "ar-glasses": ("AR 글라스",), "autonomous-driving": ("자율주행",),
    "chatbots": ("챗봇",), "cloud-computing": ("클라우드 컴퓨팅", "클라우드"), "consumer-apps": ("컨슈머",),
    "dataset-management": ("데이터셋 관리",), "digital-healthcare": ("디지털 헬스케어",), "e-commerce": ("이커머스",),
    "entertainment": ("엔터테인먼트",), "face-recognition": ("안면인식",), "fashion-trend-analysis": ("트렌드",),
    "fintech": ("핀테크",), "games": ("게임",), "healthcare": ("헬스케어",), "image-analysis": ("사진",),
    "llm": ("LLM", "언어모델"), "llm-development": ("LLM 개발",), "machine-learning": ("머신러닝",),
    "mobility": ("모빌리티",), "open-source-models": ("오픈소스",), "recommendation": ("추천",),
    "robotics": ("로봇",), "semiconductors": ("반도체",), "smart-glasses": ("스마트 글라스",),
    "smart-home": ("스마트홈",), "standards": ("표준",), "telecom-equipment": ("통신장비",),
    "telecommunications": ("통신사",), "voice-assistant": ("가상 비서",),
}
_BY_WORD = sorted(((w, slug) for slug, words in FOCUS_WORDS.items() for w in words), key=lambda x: -len(x[0]))
_LIST_GAP = re.compile(r"^[\s,·/]*(?:및|와|과)?[\s,·/]*$")


def focus_words(quote: str) -> list[tuple[int, int, str]]:
    """(start, end, focus area) of every focus word in the quote, longest match first, left to right."""
    found: list[tuple[int, int, str]] = []
    for word, slug in _BY_WORD:
        for m in re.finditer(re.escape(word), quote):
            if not any(s < m.end() and m.start() < e for s, e, _ in found):
                found.append((m.start(), m.end(), slug))
    return sorted(found)


def enumerated_areas(quote: str) -> list[list[str]]:
    """Runs of two or more focus words that the quote lists together ("로봇, 자율주행, 엔터테인먼트")."""
    runs: list[list[tuple[int, int, str]]] = []
    for hit in focus_words(quote):
        if runs and _LIST_GAP.match(quote[runs[-1][-1][1]:hit[0]]):
            runs[-1].append(hit)
        else:
            runs.append([hit])
    return [[slug for _, _, slug in run] for run in runs if len(run) > 1]


def test_focus_areas_are_the_ones_their_quotes_name(curated: Any) -> None:
    """Every focus area is named by a quote cited for it, and a list of areas in such a quote is kept whole."""
    records, _ = curated
    unnamed, dropped = [], []
    for o in (r for r in records if isinstance(r, ag.Organization) and r.focus_areas):
        quotes = [c.quote or "" for c in o.sources if "focus_areas" in c.fields]
        named = {slug for q in quotes for _, _, slug in focus_words(q)}
        unnamed += [(o.id, area) for area in o.focus_areas if area not in named]
        dropped += [(o.id, area) for q in quotes for run in enumerated_areas(q) for area in run
                    if area not in o.focus_areas]
    assert unnamed == [] and dropped == []


#: What a description may say of a thing only when one of the record's quotes says it too.
CLAIMS: dict[str, tuple[str, ...]] = {
    r"video[- ]editing": ("편집", "editing"), r"video[- ]sharing": ("동영상 공유", "video-sharing"),
    r"\bmessenger": ("메신저", "messenger"),
    r"mobile payment": ("모바일 결제",), r"virtual assistant": ("가상 비서",), r"face[- ]recognition": ("안면인식",),
    r"open[- ]source": ("오픈소스", "open-source", "open source", "Open Source", "open-weight", "开源", "開源",
                        "オープンソース", "오픈 소스", "mã nguồn mở"),
    r"most valuable": ("기업가치가 가장 높은", "세계 1~3위", "most valuable"),
    r"headquarter": ("본사", "-based", "headquarter", "Headquarter", "总部", "總部", "本社", "based in", "ستاد"),
    r"subsidiary": ("자회사", "subsidiary", "子公司", "子会社", "unit of", "arm of"),
    r"\bstart-?up": ("스타트업", "창업", "startup", "start-up", "Startup", "Start-up", "初创", "创业公司", "新創", "スタートアップ",
                     "ベンチャー", "khởi nghiệp"),
    r"\blargest": ("최대", "가장 큰", "largest", "biggest", "最大", "最大規模", "lớn nhất"),
    r"number-three|third": ("3위", "third", "第三"), r"\bAR glasses": ("AR 글라스",),
    r"\bAI glasses": ("AI 안경",), r"smart[- ]glasses": ("스마트 글라스",), r"autonomous[- ]driving": ("자율주행", "autonomous driving", "自动驾驶", "自動駕駛", "自動運転", "智能驾驶"),
    r"robotaxi": ("로보택시",), r"humanoid": ("휴머노이드", "humanoid", "人形", "ヒューマノイド"),
    r"e-commerce": ("이커머스", "전자상거래", "e-commerce", "电商", "電商", "EC"),
    r"fintech": ("핀테크", "fintech", "金融科技"), r"semiconductor|chip maker": ("반도체", "semiconductor", "chip", "芯片", "半导体", "半導體", "半導体", "칩", "bán dẫn"),
    r"state broadcaster": ("관영 매체",),
    r"most popular": ("가장 인기있는", "most popular"), r"mixture-of-experts": ("MoE", "Mixture-of-Experts", "mixture-of-experts"),
}


def test_descriptions_claim_no_more_than_their_quotes(curated: Any) -> None:
    """A description's words for what a thing is or does ("video-editing app") are in one of its quotes."""
    records, _ = curated
    wrong = []
    for r in records:
        quotes = " ".join(c.quote or "" for c in r.sources)
        for pattern, words in CLAIMS.items():
            if r.description and re.search(pattern, r.description, re.IGNORECASE) and not any(w in quotes for w in words):
                wrong.append((r.id, pattern))
    assert wrong == []


# --- article 004: Bespin Global's BESPICK, 2025-01-21 ----------------------------------------------


def test_deepseek_v3(kg: ag.KnowledgeGraph) -> None:
    v3 = kg["deepseek-v3"]
    assert isinstance(v3, ag.AIModel)
    assert v3.developers == ("deepseek",) and kg["deepseek"].country == "CN"  # type: ignore[attr-defined]
    assert v3.parameters is not None and v3.parameters.value == D(671_000_000_000)
    assert v3.active_parameters is not None
    assert (v3.active_parameters.value, v3.active_parameters.qualifier) == (D(37_000_000_000), "about")
    assert v3.architecture is not None and "mixture-of-experts" in v3.architecture.lower()
    assert v3.open_weights is True
    assert v3.training_cost is not None
    assert (v3.training_cost.amount, v3.training_cost.currency) == (D(5_580_000), "USD")
    assert [(e.amount, e.currency) for e in v3.training_cost.equivalents] == [(D(8_100_000_000), "KRW")]
    assert v3.training_duration is not None and (v3.training_duration.value, v3.training_duration.unit) == (2, "month")
    assert "bespick-2025" in ids(kg.sources_of(v3))


def test_other_llms_in_article_004(kg: ag.KnowledgeGraph) -> None:
    hunyuan = kg["hunyuan"]
    assert isinstance(hunyuan, ag.AIModel) and hunyuan.developers == ("tencent",)
    assert hunyuan.parameters is not None
    # the article's "at least 100 billion"; Epoch AI's exact 100 billion is within it: a refinement, no dispute
    assert hunyuan.parameters.value == D(100_000_000_000) and not hunyuan.disputes
    stated = {e.source.id: e.value for e in kg.sources_of(hunyuan, field="parameters")}
    assert "bespick-2025" in stated and stated["bespick-2025"].value == D(100_000_000_000)
    llama = kg["llama-2"]
    assert isinstance(llama, ag.AIModel) and llama.parameters is not None
    assert (llama.parameters.value, llama.parameters.qualifier) == (D(70_000_000_000), "at_most")
    ernie, ernie4 = kg["ernie"], kg["ernie-4-0"]
    assert isinstance(ernie, ag.AIModel) and isinstance(ernie4, ag.AIModel)
    # the article's year; a dataset may state the day (a refinement, not a disagreement)
    assert iso(ernie.released) == "2019" and ernie4.released is not None and ernie4.released.year == 2023
    qwen, qwen25 = kg["qwen"], kg["qwen-2-5"]
    assert isinstance(qwen, ag.AIModel) and isinstance(qwen25, ag.AIModel)
    assert iso(qwen.released) == "2023" and iso(qwen25.released) == "2024-09"
    assert qwen25.developers == ("alibaba-cloud",)
    assert qwen25.variant_count is not None
    assert (qwen25.variant_count.value, qwen25.variant_count.qualifier) == (D(100), "at_least")
    assert {"deepseek", "tencent", "baidu", "alibaba-cloud"} <= ids(kg.llm_builders(country="CN"))


def test_baidu_and_alibaba_products(kg: ag.KnowledgeGraph) -> None:
    made = {p.id: p for p in kg.products(maker="baidu")}
    assert str(made["duer"].launched) == "2015" and str(made["apollo"].launched) == "2017"
    assert "ernie" in made["xiaodu-ai-glasses"].models or "ernie-4-0" in made["xiaodu-ai-glasses"].models
    cloud = kg["alibaba-cloud"]
    assert isinstance(cloud, ag.Organization)
    assert (cloud.parent, iso(cloud.founded)) == ("alibaba-group", "2009")
    (glasses,) = [p for p in kg.partnerships(organization="rayneo")]
    assert set(glasses.parties) >= {"rayneo"} and {"alibaba-group", "alibaba-cloud"} & set(glasses.parties)
    # the newsletter's passing "홍콩" is kept as its claim, beside Yicai Global's "Shenzhen-based"
    rayneo = kg["rayneo"]
    assert isinstance(rayneo, ag.Organization) and rayneo.headquarters == "shenzhen"
    (dispute,) = rayneo.disputes
    assert dispute.field == "headquarters"
    assert {(v.value, v.sources) for v in dispute.values} == {
        ("shenzhen", ("yicai-2026-rayneo",)), ("hong-kong", ("bespick-2025",))}


def test_china_industry_figures_2023(kg: ag.KnowledgeGraph) -> None:
    (size,) = [i for i in kg.indicators(subject="CN", measure="ai_industry_size")]
    assert size.amount is not None and size.reported_by == "cctv" and iso(size.period) == "2023"
    assert (size.amount.amount, size.amount.currency, size.amount.qualifier) == (D(600_000_000_000), "CNY", "about")
    assert [(e.amount, e.currency) for e in size.amount.equivalents] == [(D(120_000_000_000_000), "KRW")]
    count = [i for i in kg.indicators(subject="CN", measure="ai_company_count") if iso(i.period) == "2023"]
    assert len(count) == 1 and count[0].value is not None
    assert (count[0].value.value, count[0].rank) == (D(4700), 2)
    (llms,) = kg.indicators(subject="CN", measure="llm_count")
    assert llms.value is not None and (llms.value.value, llms.value.qualifier) == (D(200), "about")


def test_private_ai_investment_china_korea_us_2023(kg: ag.KnowledgeGraph) -> None:
    found = {i.subject: i.amount for i in kg.indicators(measure="private_ai_investment") if iso(i.period) == "2023"}
    assert set(found) == {"CN", "KR", "US"}
    cn, kr, us = found["CN"], found["KR"], found["US"]
    assert cn is not None and kr is not None and us is not None
    assert (cn.amount, cn.currency, cn.qualifier) == (D(7_760_000_000), "USD", "about")
    assert [(e.amount, e.currency) for e in cn.equivalents] == [(D(11_000_000_000_000), "KRW")]
    assert (kr.amount, kr.currency) == (D(1_400_000_000), "USD")
    assert (us.amount, us.currency) == (D(67_200_000_000), "USD")
    assert [(e.amount, e.currency) for e in us.equivalents] == [(D(97_500_000_000_000), "KRW")]


def test_generative_ai_patents(kg: ag.KnowledgeGraph) -> None:
    (world,) = kg.indicators(subject="world", measure="genai_patent_filings")
    (cn,) = kg.indicators(subject="CN", measure="genai_patent_filings")
    assert world.value is not None and cn.value is not None
    assert (world.value.value, cn.value.value) == (D(54_000), D(38_000))
    assert (iso(cn.period), iso(cn.period_end)) == ("2014", "2023")
    (share,) = kg.indicators(subject="CN", measure="share_of_genai_patent_filings")
    assert share.value is not None and (share.value.value, share.value.unit) == (D(70), "percent")


def test_city_policies(kg: ag.KnowledgeGraph) -> None:
    by_city = {p.jurisdiction for p in kg.policies(country="CN")}
    assert {"beijing", "shanghai", "shenzhen", "CN"} <= by_city
    voucher = kg["shenzhen-ai-model-voucher-scheme"]
    assert isinstance(voucher, ag.Policy) and voucher.kind == "funding_scheme"
    assert voucher.annual_budget is not None
    assert (voucher.annual_budget.amount, voucher.annual_budget.currency, voucher.annual_budget.qualifier) == (
        D(500_000_000), "CNY", "at_most")
    assert iso(voucher.date_of("announced")) == "2024"
    regulation = kg["shanghai-ai-industry-regulation"]
    assert isinstance(regulation, ag.Policy) and regulation.kind == "regulation"
    text = " ".join(regulation.provisions).lower()
    assert "comput" in text and "ethic" in text and ("safety" in text or "security" in text)
    targets = kg["shanghai-ai-talent-and-company-targets"]
    assert isinstance(targets, ag.Policy) and targets.target_year == 2025
    figures = {(g.value.value, g.value.upper, g.value.qualifier) for g in targets.goals if g.value}
    assert (D(20_000), D(30_000), "between") in figures and any(f[0] == D(500) for f in figures)
    beijing = kg["beijing-ai-industry-goals"]
    assert isinstance(beijing, ag.Policy) and beijing.issuing_bodies == (
        "beijing-municipal-bureau-of-economy-and-information-technology",)
    amounts = [g.amount for g in beijing.goals if g.amount]
    assert [(a.amount, a.currency, a.qualifier) for a in amounts] == [(D(2_000_000_000_000), "CNY", "at_least")]


def test_beijing_figures(kg: ag.KnowledgeGraph) -> None:
    (companies,) = kg.indicators(subject="beijing", measure="ai_company_count")
    assert companies.value is not None and (companies.value.value, companies.value.qualifier) == (D(2400), "more_than")
    (core,) = kg.indicators(subject="beijing", measure="ai_core_industry_size")
    assert core.amount is not None and (core.amount.amount, core.amount.currency) == (D(300_000_000_000), "CNY")


def test_standards_committee_and_us_measures(kg: ag.KnowledgeGraph) -> None:
    committee = kg["ai-standardization-technical-committee"]
    assert isinstance(committee, ag.Organization) and committee.kind == "standards_body"
    assert iso(committee.founded) == "2024"
    assert {"alibaba-group", "baidu", "tencent"} <= set(committee.members)
    us = {p.id: p for p in kg.policies(country="US")}
    assert {"tiktok-ban-law", "trump-tiktok-executive-order", "us-ai-chip-export-controls"} <= set(us)
    assert us["us-ai-chip-export-controls"].kind == "export_control"
    assert "tiktok-ban-law" in us["trump-tiktok-executive-order"].modifies
    assert us["tiktok-ban-law"].concerns == ("tiktok",) and kg["tiktok"].markets == ("US",)  # type: ignore[attr-defined]
    assert {"baidu", "alibaba-group", "tencent"} == ids(kg.search("BAT", limit=3))
    assert iso(us["tiktok-ban-law"].date_of("in_force") or us["tiktok-ban-law"].date_of("announced")).startswith("2024")


# --- article 001: Financial News, 2018 ------------------------------------------------------------


def test_sensetime_round(kg: ag.KnowledgeGraph) -> None:
    round_ = kg["sensetime-2018-round"]  # the article's round; SenseTime's later ones are curated from other pages
    assert isinstance(round_, ag.Investment)
    assert [(i.organization, i.lead) for i in round_.investors] == [("alibaba-group", True)]
    assert round_.amount is not None and (round_.amount.amount, round_.amount.currency) == (D(600_000_000), "USD")
    assert round_.post_money_valuation is not None
    assert (round_.post_money_valuation.amount, round_.post_money_valuation.currency) == (D(4_500_000_000), "USD")
    assert round_.date is not None and str(round_.date) == "2018~"
    assert kg.investments(investor="alibaba-group", year=2018) == [round_]


def test_startup_valuations_2018(kg: ag.KnowledgeGraph) -> None:
    valuations = {i.subject: i.amount for i in kg.indicators(measure="valuation")}
    assert {k: (v.amount, v.currency) for k, v in valuations.items() if v} == {
        "sensetime": (D(4_500_000_000), "USD"), "yitu": (D(2_500_000_000), "USD"), "megvii": (D(1_000_000_000), "USD")}


def test_china_vs_us_in_2017(kg: ag.KnowledgeGraph) -> None:
    (world,) = kg.indicators(subject="world", measure="ai_investment_received")
    assert world.amount is not None and (world.amount.amount, world.amount.currency) == (D(15_200_000_000), "USD")
    assert [(e.amount, e.currency) for e in world.amount.equivalents] == [(D(16_500_000_000_000), "KRW")]
    assert iso(world.period).startswith("2017")
    shares = {i.subject: i.value for i in kg.indicators(measure="share_of_global_ai_investment")}
    assert {k: (v.value, v.unit) for k, v in shares.items() if v} == {"CN": (D(48), "percent"), "US": (D(38), "percent")}
    patents = {i.subject: i.value for i in kg.indicators(measure="ai_patent_count")}
    assert {k: v.value for k, v in patents.items() if v} == {"CN": D(1293), "US": D(231)}
    (users,) = kg.indicators(subject="CN", measure="mobile_internet_users")
    assert users.value is not None and (users.value.value, users.value.qualifier) == (D(700_000_000), "at_least")  # 이상


def test_article_001_players(kg: ag.KnowledgeGraph) -> None:
    assert kg["yitu"].headquarters == "shanghai" and kg["malong"].headquarters == "shenzhen"  # type: ignore[attr-defined]
    scott = kg["matt-scott"]
    assert isinstance(scott, ag.Person) and "malong" in {a.organization for a in scott.affiliations}
    manyika = kg["james-manyika"]
    assert isinstance(manyika, ag.Person) and "mckinsey" in {a.organization for a in manyika.affiliations}
    # the USD 1 trillion goal is China's as the article states it, not the named plan's (the article names no plan)
    plan = kg["china-new-generation-ai-development-plan"]
    # the article's USD 1 trillion goal, which names no plan, stays off the plan (its goals in CNY come from pages
    # that name it)
    assert isinstance(plan, ag.Policy) and plan.target_year == 2030
    assert not any(g.amount and g.amount.currency == "USD" for g in plan.goals)
    (goal,) = [p for p in kg.policies(jurisdiction="CN") if any(g.amount and g.amount.currency == "USD" for g in p.goals)]
    assert goal.id != plan.id and "fnnews-2018" in ids(kg.sources_of(goal))
    assert [(g.amount.amount, g.amount.currency, g.year) for g in goal.goals if g.amount] == [
        (D(1_000_000_000_000), "USD", 2030)]


# --- article 003: Turing Post Korea, 2024 ---------------------------------------------------------


def test_feifan_counts_june_2024(kg: ag.KnowledgeGraph) -> None:
    world = [i for i in kg.indicators(subject="world", measure="ai_company_count")]
    cn = [i for i in kg.indicators(subject="CN", measure="ai_company_count") if iso(i.period) == "2024-06"]
    (abroad,) = kg.indicators(subject="CN", measure="ai_company_count_abroad")
    assert [(i.value.value, i.value.qualifier) for i in world if i.value] == [(D(1500), "about")]
    assert [(i.value.value, i.value.qualifier) for i in cn if i.value] == [(D(750), "about")]
    assert abroad.value is not None and abroad.value.value == D(103)
    assert {i.reported_by for i in (*world, *cn, abroad)} == {"feifan-research"}


def test_chinese_moves_abroad_2024(kg: ag.KnowledgeGraph) -> None:
    (saudi,) = kg.partnerships(country="SA")
    assert set(saudi.parties) == {"tencent-cloud", "mobily"} and iso(saudi.started) == "2024-03"
    assert "saudi-vision-2030" in saudi.supports
    galaxy = kg["huawei-galaxy-ai"]
    assert isinstance(galaxy, ag.Product) and "north-africa" in galaxy.markets and iso(galaxy.launched) == "2024-05"
    centres = kg["alibaba-overseas-data-centres-2024"]
    assert isinstance(centres, ag.Investment) and centres.kind == "infrastructure"
    assert set(centres.targets) >= {"KR", "MY", "PH", "TH", "MX"} and iso(centres.date) == "2024-05"
    assert centres.id in ids(kg.investments(country="MX"))
    plan = kg["huawei-north-africa-five-year-plan"]
    assert isinstance(plan, ag.Investment) and plan.duration is not None
    assert (plan.duration.value, plan.duration.unit) == (D(5), "year")


def test_capcut(kg: ag.KnowledgeGraph) -> None:
    capcut, pro = kg["capcut"], kg["capcut-pro"]
    assert isinstance(capcut, ag.Product) and isinstance(pro, ag.Product)
    assert (iso(capcut.launched), iso(pro.launched), pro.edition_of) == ("2020", "2022", "capcut")
    assert capcut.makers == ("bytedance",)
    (mau,) = kg.indicators(subject="capcut", measure="monthly_active_users")
    assert mau.value is not None and (mau.value.value, mau.value.qualifier) == (D(300_000_000), "more_than")
    (revenue,) = kg.indicators(subject="capcut", measure="cumulative_revenue")
    assert revenue.amount is not None and (revenue.amount.amount, revenue.amount.currency) == (D(125_000_000), "USD")
    assert iso(revenue.period_end or revenue.period) == "2024-07"


# --- article 000: the Asia-wide blog post ----------------------------------------------------------


def test_asia_players(kg: ag.KnowledgeGraph) -> None:
    # what the article states; the imported datasets add Korea's other LLM builders and Naver's other models
    assert "naver" in ids(kg.llm_builders(country="KR"))
    assert "hyperclova" in ids(kg.models(developer="naver"))
    assert {"samsung-electronics", "lg-electronics", "naver", "kakao", "karrot"} <= ids(kg.companies(country="KR"))
    assert {"sony", "toyota"} <= ids(kg.companies(country="JP"))
    assert kg["tsmc"].country == "TW" and kg["smic"].country == "CN"  # type: ignore[attr-defined]
    assert {"kaist"} <= ids(kg.organizations(country="KR", kind="university"))
    assert "e-palette" in ids(kg.products(maker="toyota"))
    korea = kg["korea-national-ai-strategy"]
    assert isinstance(korea, ag.Policy) and korea.target_year == 2030
    assert "korea-national-ai-strategy" in ids(kg.policies(country="KR", kind="strategy"))
    assert "ai-singapore" in ids(kg.policies(country="SG", kind="programme"))
    (rank,) = kg.indicators(subject="alibaba-cloud", measure="cloud_market_rank")
    assert rank.rank == 3


# --- coverage: every name the articles use finds its entity ---------------------------------------

NAMES: dict[str, dict[str, str]] = {
    "asia-ai-blog": {
        "중국": "CN", "인도": "IN", "인도네시아": "ID", "방글라데시": "BD", "한국": "KR", "일본": "JP",
        "싱가포르": "SG", "대만": "TW", "차세대 AI 발전계획": "china-new-generation-ai-development-plan",
        "AI 국가전략": "korea-national-ai-strategy", "AI 싱가포르": "ai-singapore", "KAIST": "kaist",
        "도쿄대": "university-of-tokyo", "NUS": "nus", "구글": "google", "마이크로소프트": "microsoft",
        "IBM": "ibm", "삼성전자": "samsung-electronics", "TSMC": "tsmc", "SMIC": "smic", "Zerodha": "zerodha",
        "Sea Group": "sea-group", "당근마켓": "karrot", "바이두": "baidu", "알리바바": "alibaba-group",
        "텐센트": "tencent", "알리바바 클라우드": "alibaba-cloud", "LG전자": "lg-electronics", "네이버": "naver",
        "하이퍼클로바": "hyperclova", "카카오": "kakao", "소니": "sony", "도요타": "toyota",
        "e-Palette": "e-palette", "Grab": "grab", "Razer": "razer", "알리페이": "alipay", "위챗페이": "wechat-pay",
        "TensorFlow": "tensorflow", "PyTorch": "pytorch",
    },
    "fnnews-2018": {
        "센스타임": "sensetime", "이투": "yitu", "메그비": "megvii", "애플": "apple", "매킨지": "mckinsey",
        "제임스 마니카": "james-manyika", "마롱": "malong", "맷 스캇": "matt-scott", "선전": "shenzhen",
        "상하이": "shanghai", "국가인공지능연구개발전략계획": "nairdsp", "MS 리서치": "microsoft-research",
        "미국": "US",
    },
    "korea-ai-blog": {"아마존": "amazon", "구글": "google", "마이크로소프트": "microsoft"},
    "turingpost-2024": {
        "허깅페이스": "hugging-face", "아디나 야케푸": "adina-yakefu", "화웨이": "huawei",
        "텐센트 클라우드": "tencent-cloud", "Mobily": "mobily", "에티하드 에티살랏": "mobily",
        "Vision 2030": "saudi-vision-2030", "Go Saudi": "go-saudi", "Galaxy AI": "huawei-galaxy-ai",
        "북아프리카": "north-africa", "말레이시아": "MY", "필리핀": "PH", "태국": "TH", "멕시코": "MX",
        "사우디 아라비아": "SA", "Model Studio": "model-studio", "일대일로": "belt-and-road-initiative",
        "디지털 실크로드": "digital-silk-road", "동남아시아": "southeast-asia", "중동": "middle-east",
        "바이트댄스": "bytedance", "캡컷": "capcut", "캡컷 프로": "capcut-pro", "Feifan": "feifan-research",
    },
    "bespick-2025": {
        "틱톡": "tiktok", "틱톡 금지법": "tiktok-ban-law", "틱톡금지법": "tiktok-ban-law", "AI 칩 수출 통제": "us-ai-chip-export-controls", "도널드 트럼프": "donald-trump", "CCTV": "cctv",
        "딥시크": "deepseek", "딥시크 V3": "deepseek-v3", "위챗": "wechat", "훈위안": "hunyuan", "메타": "meta",
        "라마 2": "llama-2", "듀어": "duer", "아폴로": "apollo", "어니": "ernie", "GPT-4": "gpt-4",
        "샤오두": "xiaodu-ai-glasses", "큐원": "qwen", "Qwen 2.5": "qwen-2-5", "레이네오": "rayneo",
        "홍콩": "hong-kong", "베이징": "beijing", "베이징대학": "peking-university", "칭화대학": "tsinghua-university",
        "스탠포드 대학": "stanford-university", "AI 표준화 기술위원회": "ai-standardization-technical-committee",
        "AI 산업 발전 촉진 조례": "shanghai-ai-industry-regulation",
        "베이징시 경제정보화국": "beijing-municipal-bureau-of-economy-and-information-technology",
    },
}


@pytest.mark.parametrize("article", sorted(NAMES))
def test_every_name_in_the_article_finds_its_entity(kg: ag.KnowledgeGraph, article: str) -> None:
    missing = []
    for name, expected in NAMES[article].items():
        record = kg.get(expected)
        hits = [r.id for r in kg.search(name, limit=5)]
        if record is None or expected not in hits:
            missing.append((name, expected, hits))
        elif isinstance(record, ag.Entity) and article not in {c.source for c in record.sources}:
            missing.append((name, expected, f"does not cite {article}"))
    assert missing == []


@pytest.mark.parametrize(("query", "expected"), [
    ("바이두", "baidu"), ("百度", "baidu"), ("Baidu", "baidu"), ("阿里云", "alibaba-cloud"),
    ("알리바바 클라우드", "alibaba-cloud"), ("Alibaba Cloud", "alibaba-cloud"), ("深度求索", "deepseek"),
    ("商汤", "sensetime"), ("腾讯", "tencent"), ("华为", "huawei"), ("字节跳动", "bytedance"),
    ("ソニー", "sony"), ("東京大学", "university-of-tokyo"), ("北京", "beijing"), ("上海", "shanghai"),
])
def test_search_by_chinese_and_japanese_names(kg: ag.KnowledgeGraph, query: str, expected: str) -> None:
    assert kg.search(query)[0].id == expected
