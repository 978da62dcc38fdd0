"""Write a folder of synthetic asiaai_graph data, in the same YAML format as ``data/``.

The output is deterministic for a given ``--orgs`` and ``--seed``: the same
arguments always write byte-identical files. For N organizations it writes

=============  ==========  =========================================================
section        count       what varies
=============  ==========  =========================================================
sources        8           kinds, languages, partial dates, URLs
countries      20          real ISO 3166-1 alpha-2 codes, UN regions, ko/zh labels
places         N/20 + 20   one province per country, then cities (some ``part_of``)
organizations  N           11 kinds, weighted countries, ko/zh labels, aliases,
                           founded dates, headquarters, parents, consortium members
people         3N/10       affiliations with roles (so the total is about 2N)
models         N/4         ~40 % ``llm``; parameters as exact or approximate
                           quantities, families, base models, training costs
products       N/20        makers, models used, markets
policies       N/20        country or city jurisdictions, goals, budgets
investments    N/10        1-4 investors (the first one leads), Money amounts
partnerships   N/20        2-3 parties, places
indicators     N/10        either a value or an amount, per the measure
=============  ==========  =========================================================

so 100k organizations make about 200k records (~50 MB of YAML). Records are
spread over files of at most ``--per-file`` (default 10,000) records, named
``NN-section-CCC.yaml``, so no file comes near the loader's 64 MiB limit.
Every reference points at a record of the right type; the result loads with
``asiaai_graph.load(folder, curated=False)``.

Usage::

    python benchmarks/generate.py --orgs 100000 --out benchmarks/out/orgs-100000
    python benchmarks/generate.py --orgs 1000 --out /tmp/kg1k --check   # also validate it
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

GENERATOR_VERSION = "2"

SECTION_ORDER = [
    "sources",
    "countries",
    "places",
    "organizations",
    "people",
    "models",
    "products",
    "policies",
    "investments",
    "partnerships",
    "indicators",
]

# code, English name, ko, zh, UN M49 sub-region, weight for picking, currency
COUNTRIES = [
    ("CN", "China", "중국", "中国", "Eastern Asia", 30, "CNY"),
    ("KR", "South Korea", "한국", "韩国", "Eastern Asia", 15, "KRW"),
    ("JP", "Japan", "일본", "日本", "Eastern Asia", 10, "JPY"),
    ("US", "United States", "미국", "美国", "Northern America", 10, "USD"),
    ("TW", "Taiwan", "대만", "台湾", "Eastern Asia", 4, "TWD"),
    ("HK", "Hong Kong", "홍콩", "香港", "Eastern Asia", 3, "HKD"),
    ("SG", "Singapore", "싱가포르", "新加坡", "South-eastern Asia", 4, "SGD"),
    ("IN", "India", "인도", "印度", "Southern Asia", 6, "INR"),
    ("ID", "Indonesia", "인도네시아", "印度尼西亚", "South-eastern Asia", 2, "IDR"),
    ("VN", "Vietnam", "베트남", "越南", "South-eastern Asia", 2, "VND"),
    ("TH", "Thailand", "태국", "泰国", "South-eastern Asia", 1, "THB"),
    ("MY", "Malaysia", "말레이시아", "马来西亚", "South-eastern Asia", 1, "MYR"),
    ("PH", "Philippines", "필리핀", "菲律宾", "South-eastern Asia", 1, "PHP"),
    ("AE", "United Arab Emirates", "아랍에미리트", "阿联酋", "Western Asia", 2, "AED"),
    ("SA", "Saudi Arabia", "사우디아라비아", "沙特阿拉伯", "Western Asia", 2, "SAR"),
    ("IL", "Israel", "이스라엘", "以色列", "Western Asia", 2, "ILS"),
    ("GB", "United Kingdom", "영국", "英国", "Northern Europe", 2, "GBP"),
    ("DE", "Germany", "독일", "德国", "Western Europe", 1, "EUR"),
    ("FR", "France", "프랑스", "法国", "Western Europe", 1, "EUR"),
    ("AU", "Australia", "호주", "澳大利亚", "Australia and New Zealand", 1, "AUD"),
]

ORG_KINDS = [
    ("company", 30),
    ("startup", 35),
    ("university", 8),
    ("research_lab", 8),
    ("government_body", 5),
    ("standards_body", 1),
    ("media", 3),
    ("research_firm", 3),
    ("consultancy", 3),
    ("nonprofit", 2),
    ("consortium", 2),
]
ORG_SUFFIX = {
    "company": ["Technologies", "Group", "Holdings", "Electronics", "Cloud", "Semiconductor"],
    "startup": ["AI", "Labs", "Robotics", "Intelligence", "Vision", "Data"],
    "university": ["University", "Institute of Technology"],
    "research_lab": ["AI Research", "Research Institute", "Lab"],
    "government_body": ["Ministry of Science", "AI Agency", "Digital Bureau"],
    "standards_body": ["Standards Association"],
    "media": ["Media", "News"],
    "research_firm": ["Research", "Analytics"],
    "consultancy": ["Consulting", "Partners"],
    "nonprofit": ["Foundation", "Society"],
    "consortium": ["Alliance", "Consortium"],
}
SYLLABLES = (
    "han bit xin hai su zhou da yeon ming tai kang ji hua wei bai du sen se tong yu "
    "mo ri na kai lun jin sol ra hyun min zhi pu tian an ke qi long feng yun shan"
).split()
FOCUS = ["llm", "computer vision", "speech", "robotics", "autonomous driving", "chips", "cloud", "healthcare",
         "fintech", "education", "e-commerce", "search", "recommendation", "security", "manufacturing"]
HANZI = "华为百度阿里巴腾讯商汤科技智能云数据深度求索月之暗面星火光明天地人和海山河金银中国新大学研究院集团网络"
MODEL_KINDS = [("llm", 40), ("vision", 15), ("speech", 10), ("multimodal", 15), ("recommendation", 5),
               ("driving", 5), ("other", 10)]
ARCHITECTURES = ["transformer", "mixture-of-experts", "diffusion", "state-space", "convolutional"]
PRODUCT_KINDS = ["assistant", "app", "platform", "cloud_service", "device", "autonomous_driving", "service", "chip"]
POLICY_KINDS = ["strategy", "plan", "law", "regulation", "programme", "funding_scheme", "export_control",
                "executive_order"]
INVESTMENT_KINDS = [("equity_round", 70), ("infrastructure", 10), ("programme", 8), ("grant", 7),
                    ("acquisition", 5)]
ROUNDS = ["Seed", "Series A", "Series B", "Series C", "Series D", "Pre-IPO"]
PARTNERSHIP_KINDS = ["strategic", "joint_research", "commercial", "programme", "supply"]
ROLES = ["CEO", "CTO", "founder", "chief scientist", "professor", "researcher", "director", "minister"]
# measure -> (money?, subject types)
MEASURES = {
    "ai_industry_size": (True, "country"),
    "ai_company_count": (False, "country"),
    "private_ai_investment": (True, "country"),
    "ai_patent_count": (False, "country"),
    "share_of_global_ai_investment": (False, "country"),
    "monthly_active_users": (False, "organization"),
    "cumulative_revenue": (True, "organization"),
    "valuation": (True, "organization"),
    "ai_investment_received": (True, "organization"),
    "benchmark_rank": (False, "model"),
    "open_model_size_rank": (False, "model"),
}
CURRENCIES = ["USD", "USD", "USD", "CNY", "KRW", "JPY"]
SOURCES = [
    ("bench-news-2024-ai-race", "news_article", "ko", "AI 경쟁의 현장", "On the front line of the AI race", 2024),
    ("bench-report-2023-asia-ai", "report", "en", "Asian AI Industry Report", None, "2023-11"),
    ("bench-blog-2025-llm", "blog_post", "zh", "大模型的发展", "The development of large models", "2025-02-14"),
    ("bench-dataset-2024-companies", "dataset", "en", "AI Company Register", None, "2024~"),
    ("bench-newsletter-2025-weekly", "newsletter", "ko", "주간 AI 브리핑", "Weekly AI briefing", "2025-01"),
    ("bench-paper-2022-scaling", "paper", "en", "Scaling Asian Language Models", None, 2022),
    ("bench-website-2025-registry", "website", "en", "Open AI Registry", None, None),
    ("bench-standard-2023-terms", "standard", "zh", "人工智能术语", "AI terminology", 2023),
]

_PLAIN = re.compile(r"^[^\W\d_][\w .\-]*$")
_RESERVED = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"}


def _scalar(value: Any) -> str:
    """One YAML scalar: plain when safe, else a JSON string (valid YAML double-quoted)."""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, _Date):
        return value.text
    text = str(value)
    if _PLAIN.match(text) and text.lower() not in _RESERVED and not text.endswith((" ", ".")):
        return text
    return json.dumps(text, ensure_ascii=False)


class _Date:
    """A full date written unquoted (YAML reads it as a ``datetime.date``)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


def _flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return _scalar(value)


def _emit(record: dict[str, Any], out: list[str]) -> None:
    """Append one record as a block mapping under a list item, the style of ``data/``."""
    first = True
    for key, value in record.items():
        lead = "  - " if first else "    "
        first = False
        if isinstance(value, list) and value and isinstance(value[0], dict) and key in ("sources", "goals"):
            out.append(f"{lead}{key}:")
            for item in value:
                if isinstance(item, dict) and len(_flow(item)) > 70:
                    inner = list(item.items())
                    out.append(f"      - {inner[0][0]}: {_flow(inner[0][1])}")
                    out.extend(f"        {k}: {_flow(v)}" for k, v in inner[1:])
                else:
                    out.append(f"      - {_flow(item)}")
        else:
            out.append(f"{lead}{key}: {_flow(value)}")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class _Gen:
    def __init__(self, n_orgs: int, seed: int) -> None:
        self.n = n_orgs
        self.rng = random.Random(seed)
        self.sections: dict[str, list[dict[str, Any]]] = {s: [] for s in SECTION_ORDER}
        self.source_ids = [s[0] for s in SOURCES]
        self.country_codes = [c[0] for c in COUNTRIES]
        self.country_weights = [c[5] for c in COUNTRIES]
        self.currency = {c[0]: c[6] for c in COUNTRIES}
        self.places_by_country: dict[str, list[str]] = {c: [] for c in self.country_codes}
        self.orgs: list[str] = []
        self.org_country: list[str] = []
        self.models: list[str] = []
        self.products: list[str] = []
        self.policies: list[str] = []

    # --- small pieces ---------------------------------------------------------------------------

    def word(self, parts: int = 2) -> str:
        return "".join(self.rng.choice(SYLLABLES) for _ in range(parts)).capitalize()

    def hangul(self, lo: int = 2, hi: int = 4) -> str:
        return "".join(chr(0xAC00 + self.rng.randrange(11172)) for _ in range(self.rng.randint(lo, hi)))

    def hanzi(self, lo: int = 2, hi: int = 4) -> str:
        return "".join(self.rng.choice(HANZI) for _ in range(self.rng.randint(lo, hi)))

    def korean_sentence(self) -> str:
        return " ".join(self.hangul(1, 4) for _ in range(self.rng.randint(4, 12)))

    def citations(self) -> list[Any]:
        out: list[Any] = []
        for _ in range(1 if self.rng.random() < 0.7 else 2):
            src = self.rng.choice(self.source_ids)
            if self.rng.random() < 0.5:
                out.append({"source": src, "quote": self.korean_sentence()})
            else:
                out.append(src)
        return out

    def pdate(self, lo: int = 1990, hi: int = 2025) -> Any:
        y = self.rng.randint(lo, hi)
        r = self.rng.random()
        if r < 0.4:
            return y
        if r < 0.7:
            return f"{y}-{self.rng.randint(1, 12):02d}"
        if r < 0.9:
            return _Date(f"{y}-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}")
        return f"{y}~"

    def money(self, country: str | None = None, lo: int = 5, hi: int = 10) -> dict[str, Any]:
        cur = self.currency.get(country or "", "USD") if self.rng.random() < 0.4 else self.rng.choice(CURRENCIES)
        m: dict[str, Any] = {"amount": self.rng.randint(1, 999) * 10 ** self.rng.randint(lo, hi), "currency": cur}
        if self.rng.random() < 0.2:
            m["qualifier"] = "about"
        if self.rng.random() < 0.05:
            m["equivalents"] = [{"amount": m["amount"] * 7, "currency": "KRW", "qualifier": "about"}]
        return m

    def quantity(self, lo: int, hi: int) -> Any:
        v = self.rng.randint(1, 999) * 10 ** self.rng.randint(lo, hi)
        r = self.rng.random()
        if r < 0.5:
            return v
        if r < 0.8:
            return {"value": v, "qualifier": self.rng.choice(["about", "at_least", "more_than"])}
        return {"value": v, "upper": v * 2, "qualifier": "between"}

    def pick_org(self) -> str:
        return self.orgs[self.rng.randrange(len(self.orgs))]

    def pick_country(self) -> str:
        return self.rng.choices(self.country_codes, self.country_weights)[0]

    def entity(self, rid: str, name: str, labels: bool = True) -> dict[str, Any]:
        rec: dict[str, Any] = {"id": rid, "name": name}
        if labels and self.rng.random() < 0.75:
            lab: dict[str, str] = {}
            if self.rng.random() < 0.8:
                lab["ko"] = self.hangul()
            if self.rng.random() < 0.6:
                lab["zh"] = self.hanzi()
            if lab:
                rec["labels"] = lab
        return rec

    # --- sections -------------------------------------------------------------------------------

    def generate(self) -> None:
        rng = self.rng
        for sid, kind, lang, title, title_en, published in SOURCES:
            src: dict[str, Any] = {"id": sid, "title": title}
            if title_en:
                src["title_en"] = title_en
            src["publisher"] = f"{self.word()} Press"
            src["kind"] = kind
            if published is not None:
                full_date = isinstance(published, str) and published.count("-") == 2
                src["published"] = _Date(published) if full_date else published
            src["language"] = lang
            src["url"] = f"https://example.com/{sid}"
            self.sections["sources"].append(src)

        for code, name, ko, zh, region, _, _ in COUNTRIES:
            self.sections["countries"].append(
                {"id": code, "name": name, "labels": {"ko": ko, "zh": zh}, "region": region,
                 "sources": [self.source_ids[1]]}
            )

        provinces: dict[str, str] = {}
        for code in self.country_codes:
            pid = f"{code.lower()}-province-{_slug(self.word())}"
            provinces[code] = pid
            rec = self.entity(pid, f"{self.word()} Province")
            rec.update(kind="province", country=code, sources=self.citations())
            self.sections["places"].append(rec)
        for i in range(self.n // 20):
            code = self.pick_country()
            name = self.word(rng.randint(2, 3))
            pid = f"{_slug(name)}-{i}"
            rec = self.entity(pid, name)
            rec.update(kind="city", country=code)
            if rng.random() < 0.3:
                rec["part_of"] = provinces[code]
            rec["sources"] = self.citations()
            self.sections["places"].append(rec)
            self.places_by_country[code].append(pid)

        kinds, kind_w = zip(*ORG_KINDS)
        for i in range(self.n):
            kind = rng.choices(kinds, kind_w)[0]
            code = self.pick_country()
            base = self.word(rng.randint(2, 3))
            name = f"{base} {rng.choice(ORG_SUFFIX[kind])}"
            oid = f"{_slug(name)}-{i}"
            rec = self.entity(oid, name)
            if rng.random() < 0.3:
                rec["aliases"] = [base.upper()[:4] + str(i)] + ([f"{base} Inc"] if rng.random() < 0.3 else [])
            if rng.random() < 0.4:
                rec["description"] = f"A {kind.replace('_', ' ')} in {code} working on {rng.choice(FOCUS)}."
            rec["kind"] = kind
            rec["country"] = code
            cities = self.places_by_country[code]
            if cities and rng.random() < 0.4:
                rec["headquarters"] = rng.choice(cities)
            if rng.random() < 0.1:
                rec["offices"] = [rng.choice(self.country_codes) for _ in range(rng.randint(1, 2))]
                rec["offices"] = list(dict.fromkeys(rec["offices"]))
            if rng.random() < 0.6:
                rec["founded"] = self.pdate(1950, 2025)
            if self.orgs and rng.random() < 0.05:
                rec["parent"] = self.pick_org()
            if kind == "consortium" and len(self.orgs) > 5:
                rec["members"] = list(dict.fromkeys(self.pick_org() for _ in range(rng.randint(2, 4))))
            if rng.random() < 0.5:
                rec["focus_areas"] = rng.sample(FOCUS, rng.randint(1, 3))
            if rng.random() < 0.5:
                rec["website"] = f"https://{_slug(base)}{i}.example.com"
            rec["sources"] = self.citations()
            self.sections["organizations"].append(rec)
            self.orgs.append(oid)
            self.org_country.append(code)

        for i in range(self.n * 3 // 10):
            name = f"{self.word(1)} {self.word(2)}"
            rec = self.entity(f"{_slug(name)}-p{i}", name)
            rec["affiliations"] = [
                {"organization": self.pick_org(), "role": rng.choice(ROLES)}
                | ({"as_of": 2023, "former": True} if rng.random() < 0.2 else {})
                for _ in range(rng.randint(1, 2))
            ]
            if rng.random() < 0.7:
                rec["country"] = self.pick_country()
            rec["sources"] = self.citations()
            self.sections["people"].append(rec)

        mkinds, mkind_w = zip(*MODEL_KINDS)
        for i in range(self.n // 4):
            dev = self.pick_org()
            base = self.word()
            name = f"{base}-{rng.choice(['LM', 'GPT', 'Vision', 'Voice', 'X', 'Chat'])} {rng.randint(1, 5)}"
            mid = f"{_slug(name)}-m{i}"
            rec = self.entity(mid, name)
            rec["kind"] = rng.choices(mkinds, mkind_w)[0]
            rec["developers"] = [dev] + ([self.pick_org()] if rng.random() < 0.1 else [])
            rec["developers"] = list(dict.fromkeys(rec["developers"]))
            if rng.random() < 0.7:
                rec["released"] = self.pdate(2015, 2025)
            if rng.random() < 0.6:
                rec["parameters"] = self.quantity(7, 11)
            if rng.random() < 0.1:
                rec["active_parameters"] = self.quantity(7, 9)
            if rng.random() < 0.4:
                rec["architecture"] = rng.choice(ARCHITECTURES)
            if rng.random() < 0.6:
                rec["open_weights"] = rng.random() < 0.5
            if self.models and rng.random() < 0.15:
                rec["family"] = rng.choice(self.models)
            if self.models and rng.random() < 0.1:
                rec["base_model"] = rng.choice(self.models)
            if rng.random() < 0.05:
                rec["training_cost"] = self.money()
            rec["sources"] = self.citations()
            self.sections["models"].append(rec)
            self.models.append(mid)

        for i in range(self.n // 20):
            name = f"{self.word()} {rng.choice(['Assistant', 'App', 'Cloud', 'Chip', 'Platform'])}"
            pid = f"{_slug(name)}-x{i}"
            rec = self.entity(pid, name)
            rec["kind"] = rng.choice(PRODUCT_KINDS)
            rec["makers"] = list(dict.fromkeys(self.pick_org() for _ in range(rng.randint(1, 2))))
            if rng.random() < 0.5:
                rec["launched"] = self.pdate(2010, 2025)
            if self.models and rng.random() < 0.5:
                rec["models"] = list(dict.fromkeys(rng.choice(self.models) for _ in range(rng.randint(1, 2))))
            if rng.random() < 0.5:
                rec["markets"] = list(dict.fromkeys(self.pick_country() for _ in range(rng.randint(1, 3))))
            rec["sources"] = self.citations()
            self.sections["products"].append(rec)
            self.products.append(pid)

        for i in range(self.n // 20):
            code = self.pick_country()
            cities = self.places_by_country[code]
            jur = rng.choice(cities) if cities and rng.random() < 0.3 else code
            name = f"{self.word()} AI {rng.choice(['Strategy', 'Act', 'Plan', 'Programme', 'Fund'])} {2015 + i % 11}"
            pid = f"{_slug(name)}-y{i}"
            rec = self.entity(pid, name)
            rec["kind"] = rng.choice(POLICY_KINDS)
            rec["jurisdiction"] = jur
            if rng.random() < 0.5:
                rec["issuing_bodies"] = [self.pick_org()]
            if rng.random() < 0.7:
                rec["announced"] = self.pdate(2015, 2025)
            if rng.random() < 0.4:
                rec["target_year"] = rng.randint(2025, 2035)
            if rng.random() < 0.3:
                rec["goals"] = [{"text": self.korean_sentence(), "value": self.quantity(2, 5),
                                 "year": rng.randint(2025, 2035)}]
            if rng.random() < 0.3:
                rec["provisions"] = [self.korean_sentence() for _ in range(rng.randint(1, 3))]
            if rng.random() < 0.3:
                rec["budget"] = self.money(code, 8, 12)
            if self.policies and rng.random() < 0.1:
                rec["part_of"] = rng.choice(self.policies)
            rec["sources"] = self.citations()
            self.sections["policies"].append(rec)
            self.policies.append(pid)

        ikinds, ikind_w = zip(*INVESTMENT_KINDS)
        for i in range(self.n // 10):
            j = rng.randrange(len(self.orgs))
            investee, code = self.orgs[j], self.org_country[j]
            kind = rng.choices(ikinds, ikind_w)[0]
            rec = self.entity(f"{investee}-round-{i}", f"{investee} {kind.replace('_', ' ')} {i}", labels=False)
            rec["kind"] = kind
            investors = list(dict.fromkeys(self.pick_org() for _ in range(rng.randint(1, 4))))
            rec["investors"] = [{"organization": o, "lead": True} if k == 0 and rng.random() < 0.8
                                else {"organization": o} for k, o in enumerate(investors)]
            rec["investee"] = investee
            if kind == "equity_round":
                rec["round"] = rng.choice(ROUNDS)
            if rng.random() < 0.9:
                rec["amount"] = self.money(code, 5, 9)
            if rng.random() < 0.8:
                rec["date"] = self.pdate(2010, 2025)
            if kind == "equity_round" and rng.random() < 0.3:
                rec["post_money_valuation"] = self.money(code, 8, 10)
            rec["sources"] = self.citations()
            self.sections["investments"].append(rec)

        for i in range(self.n // 20):
            parties = list(dict.fromkeys(self.pick_org() for _ in range(rng.randint(2, 3))))
            while len(parties) < 2:
                parties = list(dict.fromkeys(parties + [self.pick_org()]))
            rec = self.entity(f"partnership-{i}", f"{parties[0]} and {parties[1]} partnership", labels=False)
            rec["kind"] = rng.choice(PARTNERSHIP_KINDS)
            rec["parties"] = parties
            if rng.random() < 0.7:
                rec["started"] = self.pdate(2010, 2025)
            if rng.random() < 0.5:
                rec["purpose"] = self.korean_sentence()
            if rng.random() < 0.5:
                rec["places"] = [self.pick_country()]
            if self.products and rng.random() < 0.2:
                rec["products"] = [rng.choice(self.products)]
            rec["sources"] = self.citations()
            self.sections["partnerships"].append(rec)

        measures = list(MEASURES)
        for i in range(self.n // 10):
            measure = rng.choice(measures)
            money, subject_type = MEASURES[measure]
            if subject_type == "country":
                subject = self.pick_country()
            elif subject_type == "organization":
                subject = self.pick_org()
            else:
                subject = rng.choice(self.models) if self.models else self.pick_country()
            year = rng.randint(2015, 2025)
            rec = self.entity(f"{_slug(subject)}-{measure.replace('_', '-')}-{year}-{i}",
                              f"{subject} {measure.replace('_', ' ')}, {year}", labels=False)
            rec["subject"] = subject
            rec["measure"] = measure
            if money:
                rec["amount"] = self.money(None, 6, 11)
            elif measure.endswith("rank"):
                rec["value"] = rng.randint(1, 100)
                rec["rank"] = rec["value"]
            elif measure.startswith("share_of"):  # a share is a percentage (the loader checks it)
                rec["value"] = {"value": rng.randint(1, 99), "unit": "percent"}
            else:
                rec["value"] = self.quantity(1, 7)
            rec["period"] = year
            if rng.random() < 0.2:
                rec["reported_by"] = self.pick_org()
            rec["sources"] = self.citations()
            self.sections["indicators"].append(rec)

    def files(self, per_file: int) -> Iterator[tuple[str, str]]:
        for n, section in enumerate(SECTION_ORDER):
            records = self.sections[section]
            for chunk, start in enumerate(range(0, len(records), per_file)):
                out = [f"# Synthetic benchmark data (asiaai_graph benchmarks/generate.py v{GENERATOR_VERSION}).",
                       f"{section}:"]
                for rec in records[start:start + per_file]:
                    _emit(rec, out)
                yield f"{n:02d}-{section}-{chunk:03d}.yaml", "\n".join(out) + "\n"


def generate(n_orgs: int, out: str | Path, seed: int = 0, per_file: int = 10_000) -> dict[str, int]:
    """Write the data for ``n_orgs`` organizations into ``out`` (emptied first); return counts per section."""
    out = Path(out)
    if out.exists():
        for old in out.glob("*.yaml"):
            old.unlink()
    out.mkdir(parents=True, exist_ok=True)
    gen = _Gen(n_orgs, seed)
    gen.generate()
    for name, text in gen.files(per_file):
        (out / name).write_text(text, encoding="utf-8")
    return {s: len(r) for s, r in gen.sections.items()}


def ensure_data(n_orgs: int) -> Path:
    """``benchmarks/out/orgs-N``, generated (in a child process) unless it is already there from this generator.

    A stamp (size, seed, this file's digest) says whether the folder is current;
    when it is made again, the Turtle that run.py keeps beside it is removed too.
    Every benchmark takes its synthetic data from here, so they share one copy.
    """
    here = Path(__file__).resolve().parent
    directory = here / "out" / f"orgs-{n_orgs}"
    stamp = directory / "GENERATED.json"
    want = {"orgs": n_orgs, "seed": 0, "generator": hashlib.sha256(Path(__file__).read_bytes()).hexdigest()}
    try:
        if json.loads(stamp.read_text()) == want:
            return directory
    except (OSError, ValueError):
        pass
    print(f"generating {n_orgs} organizations into {directory} ...", file=sys.stderr, flush=True)
    subprocess.run([sys.executable, str(Path(__file__).resolve()), "--orgs", str(n_orgs), "--out", str(directory)],
                   check=True, stdout=subprocess.DEVNULL)
    directory.with_suffix(".ttl").unlink(missing_ok=True)  # the Turtle for pyoxigraph is made again
    stamp.write_text(json.dumps(want))
    return directory


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--orgs", type=int, required=True, help="number of organizations (e.g. 1000, 100000)")
    parser.add_argument("--out", required=True, help="folder to write (its *.yaml files are replaced)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--per-file", type=int, default=10_000, help="at most this many records per file")
    parser.add_argument("--check", action="store_true", help="validate the result with asiaai_graph.load")
    args = parser.parse_args(argv)
    counts = generate(args.orgs, args.out, args.seed, args.per_file)
    size = sum(p.stat().st_size for p in Path(args.out).glob("*.yaml"))
    print(f"wrote {sum(counts.values())} records ({size / 1e6:.1f} MB) to {args.out}: "
          + ", ".join(f"{n} {s}" for s, n in counts.items()))
    if args.check:
        import asiaai_graph as ag

        kg = ag.load(args.out, curated=False, cache=False)
        print(f"valid: {len(kg)} records, {kg.stats()['relations']} relations")
    return 0


if __name__ == "__main__":
    sys.exit(main())
