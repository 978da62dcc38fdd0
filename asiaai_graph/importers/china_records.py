"""*Awesome LLMs In China* (中国大模型列表) as records: every listed model, its makers and their places.

Data: wgwang, https://github.com/wgwang/awesome-LLMs-In-China, Apache License 2.0; the
list asks its users to credit 微信公众号「走向未来」 and the repository (the
:class:`~asiaai_graph.schema.Source` record carries that credit).

Each model named in a row is one record: ``name`` as written when it has Latin
letters, else the English name the matching table or the curated record it is matched to gives, else its
toneless pinyin, with the Chinese as the ``zh`` label;
``developers``: every organization of the row (公司); ``domains``: the row's
category (类别) in English (:data:`CATEGORIES`); ``kind``: the list is of 大模型
(large models), so an LLM unless the category names another modality. Each
organization keeps its Chinese name as its ``zh`` label, and the place the row
gives (省市) as its ``headquarters`` and country: 台湾 -> TW; anything else -> CN,
香港 and 澳门 being the places ``hong-kong`` and ``macao``. Provinces and cities become place records
(English names: :data:`PROVINCES`, cities by their curated or table name, else as pinyin writes places,
:func:`place_name`), a city ``part_of`` its
province when the row names both. The list states no dates or sizes.

Examples
--------
>>> english_name("智谱华章"), english_name("ChatGLM-6B")
('Zhi Pu Hua Zhang', 'ChatGLM-6B')
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from asiaai_graph.importers.build import Builder
from asiaai_graph.importers.matching import slug

if TYPE_CHECKING:
    from asiaai_graph.importers.china_llms import ChinaLlmRow, ChinaLlmTable
    from asiaai_graph.importers.matching import Matcher
    from asiaai_graph.schema import Source

__all__ = ["CATEGORIES", "PROVINCES", "china_records", "china_source", "english_name", "place_name"]

#: 类别 -> (English domain, model kind).
CATEGORIES: dict[str, tuple[str, str]] = {
    "通用": ("General", "llm"), "金融": ("Finance", "llm"), "医疗": ("Healthcare", "llm"),
    "科研": ("Scientific research", "llm"), "工业": ("Industry", "llm"), "客服": ("Customer service", "llm"),
    "媒体": ("Media", "llm"), "医学": ("Medicine", "llm"), "政务": ("Government services", "llm"),
    "教育": ("Education", "llm"), "企业服务": ("Enterprise services", "llm"), "营销": ("Marketing", "llm"),
    "司法": ("Judiciary", "llm"), "文旅": ("Culture and tourism", "llm"), "农业": ("Agriculture", "llm"),
    "运维": ("IT operations", "llm"), "交通运输": ("Transport", "llm"), "商业": ("Commerce", "llm"),
    "信息安全": ("Information security", "llm"), "通信": ("Telecommunications", "llm"), "代码": ("Code", "llm"),
    "法律": ("Law", "llm"), "创投": ("Venture capital", "llm"), "地球科学": ("Earth science", "llm"),
    "汽车": ("Automotive", "llm"), "消费电子": ("Consumer electronics", "llm"), "航运": ("Shipping", "llm"),
    "垂直": ("Vertical domains", "llm"), "科学": ("Science", "llm"), "社交": ("Social", "llm"),
    "材料": ("Materials", "llm"), "公共服务": ("Public services", "llm"), "游戏": ("Games", "llm"),
    "食品": ("Food", "llm"), "民航": ("Civil aviation", "llm"), "网络安全": ("Cybersecurity", "llm"),
    "电力": ("Electric power", "llm"), "电商": ("E-commerce", "llm"), "审计": ("Auditing", "llm"),
    "城市规划": ("Urban planning", "llm"), "水利": ("Water resources", "llm"), "林业": ("Forestry", "llm"),
    "城市治理": ("Urban governance", "llm"), "安全": ("Safety", "llm"), "智能家居": ("Smart home", "llm"),
    "家政": ("Household services", "llm"), "矿业": ("Mining", "llm"), "日化": ("Household chemicals", "llm"),
    "建筑": ("Construction", "llm"), "工业制造": ("Manufacturing", "llm"),
}

#: Provincial-level divisions -> (id, English name, place kind); a city with its province's name is the same place.
PROVINCES: dict[str, tuple[str, str, str]] = {
    "北京": ("beijing", "Beijing", "city"), "上海": ("shanghai", "Shanghai", "city"),
    "天津": ("tianjin", "Tianjin", "city"), "重庆": ("chongqing", "Chongqing", "city"),
    "河北": ("hebei", "Hebei", "province"), "山西": ("shanxi", "Shanxi", "province"),
    "辽宁": ("liaoning", "Liaoning", "province"), "吉林": ("jilin", "Jilin", "province"),
    "黑龙江": ("heilongjiang", "Heilongjiang", "province"), "江苏": ("jiangsu", "Jiangsu", "province"),
    "浙江": ("zhejiang", "Zhejiang", "province"), "安徽": ("anhui", "Anhui", "province"),
    "福建": ("fujian", "Fujian", "province"), "江西": ("jiangxi", "Jiangxi", "province"),
    "山东": ("shandong", "Shandong", "province"), "河南": ("henan", "Henan", "province"),
    "湖北": ("hubei", "Hubei", "province"), "湖南": ("hunan", "Hunan", "province"),
    "广东": ("guangdong", "Guangdong", "province"), "海南": ("hainan", "Hainan", "province"),
    "四川": ("sichuan", "Sichuan", "province"), "贵州": ("guizhou", "Guizhou", "province"),
    "云南": ("yunnan", "Yunnan", "province"), "陕西": ("shaanxi", "Shaanxi", "province"),
    "甘肃": ("gansu", "Gansu", "province"), "青海": ("qinghai", "Qinghai", "province"),
    "内蒙古": ("inner-mongolia", "Inner Mongolia", "province"), "广西": ("guangxi", "Guangxi", "province"),
    "西藏": ("tibet", "Tibet", "province"), "宁夏": ("ningxia", "Ningxia", "province"),
    "新疆": ("xinjiang", "Xinjiang", "province"),
}
#: Regions the list names that are not provinces: Taiwan is a country record (TW); Hong Kong and Macao are
#: places of China (as in UN M49 and the curated places).
_COUNTRIES = {"台湾": "TW"}
_SARS = {"香港": "hong-kong", "澳门": "macao"}
_LATIN = re.compile(r"[A-Za-z]")


def english_name(name: str) -> str:
    """A name as written when it has Latin letters, else its toneless pinyin, one capitalised syllable per character."""
    if _LATIN.search(name):
        return name
    from pypinyin import lazy_pinyin

    return " ".join(s.capitalize() for s in lazy_pinyin(name) if s.strip())


def place_name(name: str) -> str:
    """A Chinese place name in pinyin as places are written: one word, an apostrophe before a syllable that
    starts with a vowel, capitalised (GB/T 16159): 杭州 -> Hangzhou, 西安 -> Xi'an. Names of other origin
    (哈尔滨 Harbin) are given in ``matching.tsv``.

    >>> place_name("杭州"), place_name("西安"), place_name("呼和浩特")
    ('Hangzhou', "Xi'an", 'Huhehaote')
    """
    from pypinyin import lazy_pinyin

    syllables = [s for s in lazy_pinyin(name) if s.strip()]
    word = "".join(("'" + s) if i and s[:1] in "aeo" else s for i, s in enumerate(syllables))
    return word[:1].upper() + word[1:]


def _name(matcher: Matcher, kind: str, rid: str, text: str) -> str:
    """A record's name: ``text`` when it has Latin letters, else the English name the tables or the curated data
    give record ``rid``, else pinyin (a made-up romanisation is no name of a record that has one)."""
    return text if _LATIN.search(text) else matcher.english(kind, rid) or english_name(text)


def china_source(attribution: str | None, version: str | None = None) -> Source:
    """The :class:`~asiaai_graph.schema.Source` record of the list, with the credit it asks for; ``version``: its date and commit."""
    from asiaai_graph.schema import Source

    return Source(
        id="awesome-llms-in-china", title="中国大模型列表", title_en="Awesome LLMs In China", publisher="wgwang",
        kind="dataset", language="zh", url="https://github.com/wgwang/awesome-LLMs-In-China", version=version,
        license="Apache-2.0",
        credit=attribution or "微信公众号：走向未来 和 仓库：https://github.com/wgwang/awesome-LLMs-In-China",
        note="The list of Chinese models (大模型列表); organizations, models, province or city, category; no dates.",
    )


def _places(row: ChinaLlmRow, builder: Builder, matcher: Matcher) -> tuple[str | None, str | None]:
    """(country code, headquarters place id) of the row's organizations; adds the place records."""
    locator = f"省市={row.place}"
    if row.province in _COUNTRIES:
        return _COUNTRIES[row.province], None
    if row.province in _SARS:
        return "CN", _SARS[row.province]
    province_id = None
    if row.province in PROVINCES:
        pid, name, kind = PROVINCES[row.province]
        province_id = matcher.id("place", row.province) if matcher.how("place", row.province) != "new" else pid
        builder.place(province_id, {"name": name, "labels": {"zh": row.province}, "kind": kind, "country": "CN"},
                      locator=locator, line=row.line)
    if row.city:
        how = matcher.how("place", row.city)
        known = matcher.english("place", matcher.id("place", row.city)) if how != "new" else None
        name = known or place_name(row.city)
        cid = matcher.id("place", row.city) if how != "new" else slug(name)
        builder.place(cid, {"name": name, "labels": {"zh": row.city},
                            "kind": "city", "country": "CN", "part_of": province_id}, locator=locator, line=row.line)
        return "CN", cid
    return ("CN", province_id) if row.place else (None, None)


def china_records(table: ChinaLlmTable, matcher: Matcher, source: Source) -> Builder:
    """The records the list states."""
    builder = Builder(source, table.file, matcher.tables)
    for row in table.rows:
        country, place = _places(row, builder, matcher)
        developers = []
        for org in row.organizations:
            rid = matcher.id("organization", org)
            developers.append(rid)
            # a record the table or the curated data already names keeps its English name; pinyin only names new ones
            builder.organization(rid, _name(matcher, "organization", rid, org), locator=f"公司={org}",
                                 label=("zh", org), country=country, headquarters=place,
                                 english_name=matcher.tables.display.get(rid))
        domain, kind = CATEGORIES.get(row.category or "", (None, "llm"))
        for model in row.models:
            locator = f"序号={row.number}, 大模型={model.name}"
            if matcher.tables.excluded(source.id, locator):
                continue
            rid = matcher.id("model", model.name, locator)
            chosen = matcher.tables.kind("model", source.id, locator, model.name)
            data: dict[str, Any] = {"name": _name(matcher, "model", rid, model.name),
                                    "kind": chosen[0] if chosen else kind,
                                    "developers": developers, "domains": [domain] if domain else []}
            if english_name(model.name) != model.name:
                data["labels"] = {"zh": model.name}
            links = [model.url] if model.url else []
            builder.model(rid, data, locator=locator, links=links, line=row.line,
                          note=f"kind: {chosen[0]} (data/kinds.tsv): {chosen[1]}" if chosen else None)
    return builder
