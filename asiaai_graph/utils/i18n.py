"""The interface's words in English, Korean, simplified Chinese and Japanese: one table for every view.

Pictures (:mod:`asiaai_graph.views.draw`), the command line and notebook cards take
their titles, legends, record-type and relation names, axis labels, footnotes
and date readings from :data:`TEXTS`; the names of records come from the data
(``labels``). Every entry has all four languages, so a picture drawn with
``lang="ko"`` has no English word left in it. This module imports nothing from
the package: any layer may use it.

Examples
--------
>>> from asiaai_graph.utils.i18n import tr
>>> tr("type:organization", "ko"), tr("rel:developed_by", "zh"), tr("title:ecosystem", "ja", "中国")
('기관', '开发方', '中国のAIエコシステム')
>>> tr("type:organization", "fr")   # a language without a column falls back to English
'organization'
"""

from __future__ import annotations

from typing import Protocol

__all__ = ["LANGUAGES", "SCALES", "TEXTS", "DateLike", "date_text", "scale_of", "tr"]

LANGUAGES: tuple[str, ...] = ("en", "ko", "zh", "ja")
"""The interface languages, in the column order of :data:`TEXTS`."""

#: key -> (English, Korean, simplified Chinese, Japanese); ``{}`` / ``{name}`` are filled by :func:`tr`.
#: Keys: ``type:`` record types, ``rel:`` relations, ``measure:`` indicator measures, ``unit:`` units of
#: figures, ``sign:`` qualifier signs, ``date:`` approximate dates, and the rest interface phrases.
TEXTS: dict[str, tuple[str, str, str, str]] = {
    # --- picture titles, legend, footnote ------------------------------------------------------
    "title:ecosystem": ("The AI ecosystem of {}", "{}의 AI 생태계", "{}的人工智能生态", "{}のAIエコシステム"),
    "title:neighbours": ("{} and its neighbours", "{} 주변 관계도", "{}及其关联", "{}とその周辺"),
    "title:chart": ("{} by country and year", "국가·연도별 {}", "{}（按国家和年份）", "国・年別の{}"),
    "legend:record_type": ("record type", "유형", "类型", "種類"),
    "footnote:sources": ("Sources: {}", "출처: {}", "来源：{}", "出典：{}"),
    "footnote:separator": (", ", ", ", "、", "、"),
    "footnote:summary": (
        "The {shown} organizations with the most models of {total} are drawn; each shows its number of models "
        "({models} in all) instead of the models.",
        "모델이 가장 많은 기관 {shown}곳(전체 {total}곳)만 그렸고, 모델(모두 {models}개)은 기관마다 개수로 표시했습니다.",
        "仅绘制模型最多的 {shown} 个机构（共 {total} 个）；模型（共 {models} 个）以各机构的数量表示。",
        "モデル数の多い {shown} 組織（全 {total} 組織）のみを描き、モデル（計 {models} 件）は組織ごとの件数で示します。",
    ),
    "count:models": ("{} models", "모델 {}개", "{} 个模型", "モデル {} 件"),
    # --- record types ----------------------------------------------------------------------------
    "type:source": ("source", "출처", "来源", "出典"),
    "type:country": ("country", "국가", "国家", "国"),
    "type:place": ("place", "지역", "地区", "地域"),
    "type:organization": ("organization", "기관", "机构", "組織"),
    "type:person": ("person", "인물", "人物", "人物"),
    "type:model": ("model", "모델", "模型", "モデル"),
    "type:product": ("product", "제품", "产品", "製品"),
    "type:policy": ("policy", "정책", "政策", "政策"),
    "type:investment": ("investment", "투자", "投资", "投資"),
    "type:partnership": ("partnership", "협력", "合作", "提携"),
    "type:indicator": ("indicator", "지표", "指标", "指標"),
    # --- relations (edge labels), read from the record that holds the reference --------------------
    "rel:affiliated_with": ("affiliated with", "소속", "任职于", "所属"),
    "rel:based_on": ("based on", "기반 모델", "基于", "ベースモデル"),
    "rel:citizen_of": ("citizen of", "국적", "国籍", "国籍"),
    "rel:cites": ("cites", "출처", "引用", "出典"),
    "rel:concerns": ("concerns", "대상", "涉及", "対象"),
    "rel:describes": ("describes", "측정 대상", "统计对象", "測定対象"),
    "rel:developed_by": ("developed by", "개발사", "开发方", "開発元"),
    "rel:edition_of": ("edition of", "판본", "版本", "エディション"),
    "rel:has_contributor": ("contributor", "참여 기관", "参与机构", "参加機関"),
    "rel:has_member": ("has member", "회원", "成员", "メンバー"),
    "rel:has_office_in": ("has office in", "사무소", "设有办事处", "拠点"),
    "rel:headquartered_in": ("headquartered in", "본사", "总部", "本社"),
    "rel:in_country": ("in country", "소속 국가", "所在国家", "所在国"),
    "rel:in_family": ("in family", "계열", "系列", "ファミリー"),
    "rel:invested_in": ("invested in", "투자 참여", "参与投资", "出資"),
    "rel:investee": ("investee", "피투자사", "被投资方", "投資先"),
    "rel:issued_by": ("issued by", "발표 기관", "发布机构", "発行機関"),
    "rel:jurisdiction": ("jurisdiction", "관할", "管辖", "管轄"),
    "rel:located_in": ("located in", "장소", "地点", "場所"),
    "rel:made_by": ("made by", "제조사", "制造方", "製造元"),
    "rel:modifies": ("modifies", "개정", "修订", "改正"),
    "rel:offered_in": ("offered in", "출시 지역", "提供地区", "提供地域"),
    "rel:part_of": ("part of", "상위", "隶属于", "上位"),
    "rel:partner_in": ("partner in", "협력 참여", "参与合作", "提携参加"),
    "rel:reported_by": ("reported by", "발표 기관", "发布方", "発表元"),
    "rel:subsidiary_of": ("subsidiary of", "모회사", "母公司", "親会社"),
    "rel:succeeded_by": ("succeeded by", "후신", "后继机构", "後継"),
    "rel:succeeds": ("succeeds", "이전 모델", "前代模型", "前モデル"),
    "rel:supports": ("supports", "지원", "支持", "支援"),
    "rel:targets": ("targets", "투자 대상", "投向", "投資対象"),
    "rel:uses_model": ("uses model", "사용 모델", "使用模型", "使用モデル"),
    # --- indicator measures (chart titles) ---------------------------------------------------------
    "measure:ai_industry_size": ("AI industry size", "AI 산업 규모", "人工智能产业规模", "AI産業規模"),
    "measure:ai_core_industry_size": ("AI core industry size", "AI 핵심 산업 규모", "人工智能核心产业规模",
                                      "AI中核産業規模"),
    "measure:ai_company_count": ("Number of AI companies", "AI 기업 수", "人工智能企业数量", "AI企業数"),
    "measure:ai_company_count_abroad": ("Number of AI companies abroad", "해외 AI 기업 수", "海外人工智能企业数量",
                                        "海外AI企業数"),
    "measure:llm_count": ("Number of LLMs", "LLM 수", "大语言模型数量", "LLM数"),
    "measure:private_ai_investment": ("Private AI investment", "민간 AI 투자", "人工智能私人投资", "民間AI投資"),
    "measure:ai_investment_received": ("AI investment received", "AI 투자 유치액", "获得的人工智能投资",
                                       "AI投資受入額"),
    "measure:share_of_global_ai_investment": ("Share of global AI investment", "세계 AI 투자 비중",
                                              "占全球人工智能投资的份额", "世界のAI投資に占める割合"),
    "measure:ai_patent_count": ("Number of AI patents", "AI 특허 수", "人工智能专利数量", "AI特許数"),
    "measure:genai_patent_filings": ("GenAI patent filings", "생성형 AI 특허 출원", "生成式人工智能专利申请",
                                     "生成AI特許出願"),
    "measure:share_of_genai_patent_filings": ("Share of GenAI patent filings", "생성형 AI 특허 출원 비중",
                                              "生成式人工智能专利申请占比", "生成AI特許出願の割合"),
    "measure:mobile_internet_users": ("Mobile internet users", "모바일 인터넷 이용자", "移动互联网用户",
                                      "モバイルインターネット利用者"),
    "measure:monthly_active_users": ("Monthly active users", "월간 활성 이용자", "月活跃用户", "月間アクティブユーザー"),
    "measure:cumulative_revenue": ("Cumulative revenue", "누적 매출", "累计收入", "累計売上"),
    "measure:valuation": ("Valuation", "기업 가치", "估值", "企業価値"),
    "measure:exhibitor_count": ("Number of exhibitors", "참가 기업 수", "参展商数量", "出展者数"),
    "measure:apps_launched": ("Apps launched", "출시 앱 수", "上线应用数量", "リリースされたアプリ数"),
    "measure:cloud_market_rank": ("Cloud market rank", "클라우드 시장 순위", "云市场排名", "クラウド市場順位"),
    "measure:benchmark_rank": ("Benchmark rank", "벤치마크 순위", "基准测试排名", "ベンチマーク順位"),
    "measure:competition_wins": ("Competition wins", "대회 우승 횟수", "竞赛获胜次数", "大会優勝回数"),
    "measure:portrait_database_size": ("Portrait database size", "인물 사진 데이터베이스 규모", "人像数据库规模",
                                       "顔画像データベース規模"),
    "measure:open_model_size_rank": ("Open model size rank", "오픈 모델 규모 순위", "开源模型规模排名",
                                     "オープンモデル規模順位"),
    "measure:ai_city_competitiveness_rank": ("AI city competitiveness rank", "AI 도시 경쟁력 순위",
                                             "人工智能城市竞争力排名", "AI都市競争力順位"),
    "measure:national_ai_indicator_rank": ("National AI indicator rank", "국가 AI 지표 순위", "国家人工智能指标排名",
                                           "国家AI指標順位"),
    # --- units of figures (axis labels: counters in Korean, Chinese, Japanese); currencies stay ISO codes -
    "axis:unit": ("{}", "단위: {}", "单位：{}", "単位：{}"),
    "unit:app": ("apps", "개", "个", "件"),
    "unit:company": ("companies", "개사", "家", "社"),
    "unit:contest": ("contests", "회", "次", "回"),
    "unit:model": ("models", "개", "个", "個"),
    "unit:month": ("months", "개월", "个月", "か月"),
    "unit:patent": ("patents", "건", "件", "件"),
    "unit:percent": ("percent", "%", "%", "%"),
    "unit:person": ("people", "명", "人", "人"),
    "unit:portrait": ("portraits", "장", "张", "枚"),
    "unit:rank": ("rank", "위", "名", "位"),
    "unit:year": ("years", "년", "年", "年"),
    # --- signs of stated precision (chart footnote) ---------------------------------------------
    "sign:about": ("≈ about", "≈ 약", "≈ 约", "≈ 約"),
    "sign:at_least": ("≥ at least", "≥ 이상", "≥ 至少", "≥ 以上"),
    "sign:more_than": ("> more than", "> 초과", "> 超过", "> 超"),
    "sign:at_most": ("≤ at most", "≤ 이하", "≤ 至多", "≤ 以下"),
    "sign:less_than": ("< less than", "< 미만", "< 不到", "< 未満"),
    # --- approximate dates ({y}, {m}, {d}); exact dates stay ISO 8601 --------------------------------
    "date:approx:year": ("{y} (approx.)", "{y}년경", "约{y}年", "{y}年頃"),
    "date:approx:month": ("{y}-{m:02d} (approx.)", "{y}년 {m}월경", "约{y}年{m}月", "{y}年{m}月頃"),
    "date:approx:day": ("{y}-{m:02d}-{d:02d} (approx.)", "{y}년 {m}월 {d}일경", "约{y}年{m}月{d}日", "{y}年{m}月{d}日頃"),
}

#: Language -> the number words of its axis labels, largest first: English counts in thousands,
#: Korean, Chinese and Japanese in ten-thousands (만/万, 억/亿/億, 조/万亿/兆).
SCALES: dict[str, tuple[tuple[float, str], ...]] = {
    "en": ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand")),
    "ko": ((1e12, "조"), (1e8, "억"), (1e4, "만")),
    "zh": ((1e12, "万亿"), (1e8, "亿"), (1e4, "万")),
    "ja": ((1e12, "兆"), (1e8, "億"), (1e4, "万")),
}


def _column(lang: str) -> int:
    base = lang.split("-")[0]
    return LANGUAGES.index(base) if base in LANGUAGES else 0


def tr(key: str, lang: str = "en", *args: object, **kwargs: object) -> str:
    """The text of ``key`` in ``lang`` (``en``, ``ko``, ``zh``, ``ja``; others read English), filled in.

    ``zh-Hans`` and ``zh-Hant`` read the simplified Chinese column. An unknown
    key is a programming error and raises :class:`KeyError`.

    Examples
    --------
    >>> tr("title:neighbours", "ko", "딥시크")
    '딥시크 주변 관계도'
    >>> tr("date:approx:month", "en", y=2024, m=5)
    '2024-05 (approx.)'
    """
    text = TEXTS[key][_column(lang)]
    return text.format(*args, **kwargs) if args or kwargs else text


def scale_of(top: float, lang: str = "en") -> tuple[float, str]:
    """The number word for an axis whose largest value is ``top``: ``(divisor, word)``.

    Examples
    --------
    >>> scale_of(7.76e9, "en"), scale_of(7.76e9, "ko"), scale_of(42, "ja")
    ((1000000000.0, 'billion'), (100000000.0, '억'), (1.0, ''))
    """
    return next(((s, w) for s, w in SCALES.get(lang.split("-")[0], SCALES["en"]) if top >= s), (1.0, ""))


class DateLike(Protocol):
    """What :func:`date_text` reads: a :class:`~asiaai_graph.PartialDate`."""

    @property
    def year(self) -> int: ...
    @property
    def month(self) -> int | None: ...
    @property
    def day(self) -> int | None: ...
    @property
    def approximate(self) -> bool: ...

    def isoformat(self) -> str: ...


def date_text(date: DateLike, lang: str = "en") -> str:
    """A date as a reader of ``lang`` reads it: ISO 8601, and an approximate one said in words.

    Examples
    --------
    >>> from asiaai_graph import PartialDate
    >>> [date_text(PartialDate.parse("2024~"), lang) for lang in ("en", "ko", "zh", "ja")]
    ['2024 (approx.)', '2024년경', '约2024年', '2024年頃']
    >>> date_text(PartialDate.parse("2025-01-21~"), "ko"), date_text(PartialDate.parse("2024-12"), "ko")
    ('2025년 1월 21일경', '2024-12')
    """
    if not date.approximate:
        return date.isoformat()
    precision = "day" if date.day else "month" if date.month else "year"
    return tr(f"date:approx:{precision}", lang, y=date.year, m=date.month, d=date.day)
