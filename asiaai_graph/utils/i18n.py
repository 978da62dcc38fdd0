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
#: figures, ``sign:`` qualifier signs, ``date:`` approximate dates, ``head:`` and ``field:`` the command
#: line's headers and field names (kinds and most fields: the explorer's strings.json), the rest phrases.
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
    "footnote:clusters": ("The {shown} largest of its {total} compute clusters are drawn, with their chips.",
                          "컴퓨팅 클러스터 {total}곳 가운데 가장 큰 {shown}곳과 그 칩만 그렸습니다.",
                          "仅绘制 {total} 个算力集群中最大的 {shown} 个及其芯片。",
                          "計算クラスター {total} 件のうち最大の {shown} 件とそのチップのみを描きます。"),
    "plural:policy": ("policies", "정책", "政策", "政策"),
    "plural:investment": ("investments", "투자", "投资", "投資"),
    "footnote:latest": ("Of its {total} {kind}, the {shown} latest are drawn.",
                        "{kind} {total}건 가운데 최근 {shown}건만 그렸습니다.",
                        "仅绘制 {total} 项{kind}中最新的 {shown} 项。",
                        "{kind} {total} 件のうち最新の {shown} 件のみを描きます。"),
    "count:models": ("{} models", "모델 {}개", "{} 个模型", "モデル {} 件"),
    "title:policy_timeline": ("AI policy timeline: {}", "AI 정책 연표: {}", "人工智能政策时间线：{}", "AI政策年表：{}"),
    "title:funding": ("{}: funding rounds", "{} 투자 유치 이력", "{}的融资历程", "{}の資金調達"),
    "count:model": ("{} model", "모델 {}개", "{} 个模型", "モデル {} 件"),
    "footnote:hidden": ("{} names are left out where they would cover others (asiaai-graph show gives each).",
                        "다른 이름과 겹치는 이름 {}개는 생략했습니다 (asiaai-graph show로 확인).",
                        "为避免重叠，省略了 {} 个名称（可用 asiaai-graph show 查看）。",
                        "重なる名前 {} 件は省略しました（asiaai-graph show で確認できます）。"),
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
    "type:accelerator": ("accelerator", "AI 가속기", "AI加速器", "AIアクセラレータ"),
    "type:cluster": ("compute cluster", "컴퓨팅 클러스터", "算力集群", "計算クラスター"),
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
    "rel:implemented_by": ("implemented by", "시행 기관", "实施机构", "実施機関"),
    "rel:implements": ("implements", "시행 근거", "实施", "実施対象"),
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
    "rel:supersedes": ("supersedes", "대체", "取代", "置き換え"),
    "rel:supports": ("supports", "지원", "支持", "支援"),
    "rel:targets": ("targets", "투자 대상", "投向", "投資対象"),
    "rel:uses_model": ("uses model", "사용 모델", "使用模型", "使用モデル"),
    "rel:trained_on": ("trained on", "학습 칩", "训练芯片", "学習チップ"),
    "rel:used_to_train": ("used to train", "학습한 모델", "训练的模型", "学習したモデル"),
    "rel:fabricated_by": ("fabricated by", "파운드리", "代工厂", "製造ファウンドリ"),
    "rel:owned_by": ("owned by", "소유 기관", "所有方", "所有者"),
    "rel:used_by": ("used by", "이용 기관", "使用方", "利用者"),
    "rel:uses_chip": ("uses chip", "사용 칩", "使用芯片", "使用チップ"),
    "rel:builds_upon": ("builds upon", "이전 단계", "前期", "前段階"),
    "rel:superseded_by": ("superseded by", "후속 단계", "后续", "後継"),
    "rel:possible_duplicate_of": ("possible duplicate of", "중복 가능", "可能重复", "重複の可能性"),
    # --- compute clusters: status, certainty, sector; the compute commands' words ----------------------
    "status:existing": ("existing", "운영 중", "已建成", "稼働中"),
    "status:planned": ("planned", "계획", "规划中", "計画中"),
    "status:decommissioned": ("decommissioned", "운영 종료", "已退役", "運用終了"),
    "certainty:confirmed": ("confirmed", "확인됨", "已确认", "確認済み"),
    "certainty:likely": ("likely", "가능성 높음", "很可能", "可能性が高い"),
    "certainty:unlikely": ("unlikely", "가능성 낮음", "不太可能", "可能性が低い"),
    "sector:private": ("private", "민간", "私营", "民間"),
    "sector:public": ("public", "공공", "公共", "公共"),
    "sector:public_private": ("public-private", "민관 합동", "公私合营", "官民"),
    "col:id": ("ID", "ID", "ID", "ID"),
    "col:name": ("NAME", "이름", "名称", "名前"),
    "col:status": ("STATUS", "상태", "状态", "状態"),
    "col:country": ("COUNTRY", "국가", "国家", "国"),
    "col:owners": ("OWNERS", "소유 기관", "所有方", "所有者"),
    "col:chips": ("CHIPS", "칩", "芯片", "チップ"),
    "col:h100e": ("H100 EQUIV.", "H100 환산", "H100当量", "H100換算"),
    "col:operational": ("FIRST OPERATIONAL", "최초 가동", "首次运行", "稼働開始"),
    "col:makers": ("MAKERS", "제조사", "制造方", "製造元"),
    "col:type": ("TYPE", "유형", "类型", "種類"),
    "col:released": ("RELEASED", "출시", "发布", "発表"),
    "col:developers": ("DEVELOPERS", "개발사", "开发方", "開発元"),
    "col:trained_on": ("TRAINED ON", "학습 칩", "训练芯片", "学習チップ"),
    "col:clusters": ("CLUSTERS", "클러스터", "集群", "クラスター"),
    "col:existing": ("EXISTING", "운영 중", "已建成", "稼働中"),
    "col:planned": ("PLANNED", "계획", "规划中", "計画中"),
    "col:h100e_existing": ("H100 EQUIV. (EXISTING)", "H100 환산(운영 중)", "H100当量（已建成）", "H100換算（稼働中）"),
    "col:maker": ("MAKER", "제조사", "制造方", "製造元"),
    "col:accelerators": ("CHIPS", "칩 수", "芯片数", "チップ数"),
    "compute:total": ("{country} on {on}: {total} H100 equivalents from {count} clusters",
                      "{country} {on} 기준: 클러스터 {count}곳, H100 환산 {total}",
                      "{country}（{on}）：{count} 个集群，合计 {total} 个H100当量",
                      "{country}（{on}時点）：{count} クラスター、H100換算 {total}"),
    "compute:approximate": (
        "{count} of these clusters give approximate figures (Epoch AI rounds its anonymised Chinese rows to one "
        "significant figure), so the total is approximate.",
        "이 중 {count}곳의 수치는 근사값입니다(Epoch AI는 익명 처리한 중국 클러스터의 수치를 유효숫자 한 자리로 반올림합니다). "
        "따라서 합계도 근사값입니다.",
        "其中 {count} 个集群的数值为近似值（Epoch AI 将匿名处理的中国集群数值四舍五入到一位有效数字），因此合计为近似值。",
        "このうち {count} クラスターの数値は概数です（Epoch AI は匿名化した中国のクラスターの数値を有効数字1桁に丸めています）。"
        "そのため合計も概数です。"),
    "compute:rule": (
        "Rule: the sum of the H100 equivalents of the country's clusters running on the date: status existing (or "
        "decommissioned after the date), first operational on or before it (a date known to the month or year counts "
        "from its last day); planned clusters, clusters without a first operational date or H100 equivalents, and "
        "clusters the source flags as possible duplicates are left out. Figures are Epoch AI's estimates, shown to the "
        "whole H100 (--json gives them as the dataset states them).",
        "규칙: 해당 날짜에 가동 중인 그 국가 클러스터의 H100 환산 값을 더합니다. 상태가 운영 중(또는 그 날짜 이후에 "
        "운영 종료)이고 최초 가동일이 그 날짜 이전인 클러스터만 셉니다(월이나 연도까지만 알려진 날짜는 그 기간의 마지막 날부터 "
        "셉니다). 계획 중인 클러스터, 최초 가동일이나 H100 환산 값이 없는 클러스터, 출처가 중복 가능으로 표시한 클러스터는 "
        "빼고 셉니다. 수치는 Epoch AI의 추정치이며 H100 한 장 단위로 반올림해 보여 줍니다(--json은 데이터셋의 값을 그대로 줍니다).",
        "规则：把该日期正在运行的该国集群的H100当量相加：状态为已建成（或在该日期之后退役）、首次运行不晚于该日期"
        "（只知道月份或年份的日期从该期间的最后一天算起）；规划中的集群、没有首次运行日期或H100当量的集群，以及来源标为"
        "可能重复的集群不计入。数值为 Epoch AI 的估计值，显示时取整到一个H100（--json 给出数据集原值）。",
        "規則：その日に稼働しているその国のクラスターのH100換算値を合計します。状態が稼働中（またはその日より後に運用終了）"
        "で、稼働開始がその日以前のものを数えます（月または年までしか分からない日付は、その期間の最終日から数えます）。"
        "計画中のクラスター、稼働開始日やH100換算値のないクラスター、出典が重複の可能性ありとしたクラスターは除きます。"
        "数値は Epoch AI の推定値で、H100 1基単位に丸めて表示します（--json はデータセットの値のまま）。",
    ),
    "compute:left_out": ("{count} clusters of the country are not counted (--json lists them with the reason).",
                         "이 국가의 클러스터 {count}곳은 계산에 넣지 않았습니다(--json에 이유와 함께 나옵니다).",
                         "该国有 {count} 个集群未计入（--json 列出其原因）。",
                         "この国の {count} クラスターは計算に含めていません（--json で理由を表示）。"),
    "compute:by_country": ("Compute clusters by country", "국가별 컴퓨팅 클러스터", "各国算力集群", "国別の計算クラスター"),
    "compute:no_country": ("(no country given)", "(국가 미상)", "（未注明国家）", "（国の記載なし）"),
    "compute:by_maker": ("AI accelerators by maker", "제조사별 AI 가속기", "各制造方的AI加速器", "製造元別のAIアクセラレータ"),
    # --- command-line table headers and headings (asiaai_graph.cli.words) --------------------------------
    "field:author": ("author", "저자", "作者", "著者"),
    "field:base_model": ("base_model", "기반 모델", "基础模型", "ベースモデル"),
    "field:builds_upon": ("builds_upon", "기반 시설", "基于", "基盤"),
    "field:concerns": ("concerns", "대상", "涉及", "対象"),
    "field:contributors": ("contributors", "참여 기관", "参与机构", "参加機関"),
    "field:credit": ("credit", "출처 표기", "署名", "クレジット"),
    "field:edition_of": ("edition_of", "원본", "版本所属", "版の元"),
    "field:family": ("family", "모델 계열", "模型系列", "モデル系列"),
    "field:foundries": ("foundries", "파운드리", "代工厂", "ファウンドリ"),
    "field:implementing_bodies": ("implementing_bodies", "시행 기관", "实施机构", "実施機関"),
    "field:implements": ("implements", "이행 대상", "实施", "実施対象"),
    "field:issuing_bodies": ("issuing_bodies", "발표 기관", "发布机构", "発出機関"),
    "field:language": ("language", "언어", "语言", "言語"),
    "field:markets": ("markets", "시장", "市场", "市場"),
    "field:members": ("members", "회원", "成员", "メンバー"),
    "field:models": ("models", "모델", "模型", "モデル"),
    "field:modifies": ("modifies", "개정 대상", "修订", "改正対象"),
    "field:note": ("note", "메모", "备注", "注記"),
    "field:offices": ("offices", "사무소", "办事处", "拠点"),
    "field:owners": ("owners", "소유 기관", "所有者", "所有者"),
    "field:part_of": ("part_of", "상위 항목", "所属", "上位"),
    "field:parties": ("parties", "당사자", "参与方", "当事者"),
    "field:place": ("place", "장소", "地点", "場所"),
    "field:places": ("places", "장소", "地点", "場所"),
    "field:possible_duplicate_of": ("possible_duplicate_of", "중복 가능 대상", "可能重复", "重複の可能性"),
    "field:predecessor": ("predecessor", "이전 항목", "前身", "前身"),
    "field:products": ("products", "제품", "产品", "製品"),
    "field:published": ("published", "발행일", "发布日期", "公開日"),
    "field:publisher": ("publisher", "발행처", "发布者", "発行元"),
    "field:publisher_ko": ("publisher_ko", "발행처(한국어)", "发布者（韩文）", "発行元（韓国語）"),
    "field:reported_by": ("reported_by", "보도 매체", "报道者", "報道元"),
    "field:series": ("series", "시리즈", "系列", "シリーズ"),
    "field:sources": ("sources", "출처", "来源", "出典"),
    "field:successor": ("successor", "후속 항목", "后继", "後継"),
    "field:superseded_by": ("superseded_by", "대체한 항목", "被取代于", "後継政策"),
    "field:supersedes": ("supersedes", "대체 대상", "取代", "置き換え対象"),
    "field:supports": ("supports", "지원 대상", "支持", "支援対象"),
    "field:targets": ("targets", "목표", "目标", "目標"),
    "field:title": ("title", "제목", "标题", "タイトル"),
    "field:title_en": ("title_en", "영문 제목", "英文标题", "英語タイトル"),
    "field:trained_models": ("trained_models", "학습된 모델", "训练的模型", "学習したモデル"),
    "field:url": ("url", "URL", "URL", "URL"),
    "field:users": ("users", "사용 기관", "使用者", "利用者"),
    "field:id": ("id", "ID", "ID", "ID"),
    "status:announced": ("announced", "발표", "已宣布", "発表"),
    "status:completed": ("completed", "완료", "已完成", "完了"),
    "status:in_talks": ("in talks", "협상 중", "洽谈中", "交渉中"),
    "status:reported": ("reported", "보도", "据报道", "報道"),
    "status:pledged": ("pledged", "약정", "已承诺", "表明"),
    "status:cancelled": ("cancelled", "취소", "已取消", "中止"),
    "head:RECORD": ("RECORD", "레코드", "记录", "レコード"),
    "head:FIELD": ("FIELD", "필드", "字段", "フィールド"),
    "head:VALUES (SOURCES), THE KEPT ONE FIRST": ("VALUES (SOURCES), THE KEPT ONE FIRST", "값(출처), 채택된 값 먼저",
                                                  "值（来源），保留的值在前", "値（出典）、採用した値が先"),
    "head:WHY": ("WHY", "이유", "原因", "理由"),
    "head:ID": ("ID", "ID", "ID", "ID"),
    "head:NAME": ("NAME", "이름", "名称", "名前"),
    "head:TYPE": ("TYPE", "유형", "类型", "種類"),
    "head:DETAILS": ("DETAILS", "세부 정보", "详情", "詳細"),
    "head:COUNTRY": ("COUNTRY", "국가", "国家", "国"),
    "head:LLMS": ("LLMS", "LLM", "大语言模型", "LLM"),
    "head:COUNT": ("COUNT", "개수", "数量", "件数"),
    "head:SOURCE": ("SOURCE", "출처", "来源", "出典"),
    "head:WITHOUT COUNTRY": ("WITHOUT COUNTRY", "국가 없음", "无国家", "国なし"),
    "head:MEMBERS": ("MEMBERS", "회원국", "成员", "メンバー"),
    "stats:without_country": ("organizations without a country: {}", "국가가 없는 기관: {}곳", "无国家的机构：{} 个",
                              "国のない組織：{} 件"),
    "stats:bodies_of_states": ("bodies of states, placed by their member countries: {}",
                               "국가들의 기구(회원국으로 위치 표시): {}곳", "国家间机构（以成员国定位）：{} 个",
                               "国家間の機関（加盟国で位置づけ）：{} 件"),
    "head:RELATION": ("RELATION", "관계", "关系", "関係"),
    "head:Sources:": ("Sources:", "출처:", "来源：", "出典："),
    "head:Disputes:": ("Disputes:", "출처 간 불일치:", "来源分歧：", "出典間の相違："),
    "head:kept": ("kept (*)", "채택 (*)", "采用 (*)", "採用 (*)"),
    "head:states": ("states", "근거 필드", "支持字段", "裏付け項目"),
    "head:row": ("row", "행", "行", "行"),
    "head:note": ("note", "비고", "注", "注記"),
    "field:name": ("name", "이름", "名称", "名前"),
    "field:labels": ("labels", "다른 언어 이름", "各语言名称", "各言語の名前"),
    "field:country": ("country", "국가", "国家", "国"),
    "field:developers": ("developers", "개발사", "开发方", "開発元"),
    "field:headquarters": ("headquarters", "본사", "总部", "本社"),
    "field:parent": ("parent", "모회사", "母公司", "親会社"),
    "field:makers": ("makers", "제조사", "制造方", "製造元"),
    "field:jurisdiction": ("jurisdiction", "관할", "管辖", "管轄"),
    "field:subject": ("subject", "측정 대상", "统计对象", "測定対象"),
    "field:investee": ("investee", "피투자사", "被投资方", "投資先"),
    "field:based_on": ("based on", "기반 모델", "基于", "ベースモデル"),
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
    # Epoch AI's units of training data (the column names its figures come from)
    "unit:gradients": ("gradients (Epoch AI's count of training data: one per data point a gradient is computed on)",
                       "그래디언트 (Epoch AI의 학습 데이터 단위: 기울기를 계산한 데이터 포인트 수)",
                       "梯度（Epoch AI 的训练数据计数：计算梯度的数据点数）",
                       "勾配（Epoch AIの学習データの単位：勾配を計算したデータ点の数）"),
    "unit:datapoints": ("data points", "데이터 포인트", "数据点", "データ点"),
    "unit:tokens": ("tokens", "토큰", "词元", "トークン"),
    "unit:FLOP": ("FLOP", "FLOP", "FLOP", "FLOP"),
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
    # --- a policy's steps (timelines) --------------------------------------------------------------
    "event:proposed": ("proposed", "발의", "提出", "提出"),
    "event:consultation": ("public consultation", "의견 수렴", "征求意见", "意見募集"),
    "event:passed": ("passed", "국회 통과", "通过", "成立"),
    "event:adopted": ("adopted", "채택", "通过", "決定"),
    "event:approved": ("approved", "승인", "批准", "承認"),
    "event:announced": ("announced", "발표", "宣布", "発表"),
    "event:promulgated": ("promulgated", "공포", "公布", "公布"),
    "event:published": ("published", "공표", "发布", "公表"),
    "event:partially_in_force": ("partly in force", "일부 시행", "部分施行", "一部施行"),
    "event:in_force": ("in force", "시행", "施行", "施行"),
    "event:amended": ("amended", "개정", "修订", "改正"),
    "event:superseded": ("superseded", "대체", "被取代", "置き換え"),
    "event:repealed": ("repealed", "폐지", "废止", "廃止"),
    "event:expired": ("expired", "만료", "到期", "失効"),
    "event:lapsed": ("lapsed", "폐기", "失效", "廃案"),
    "event:withdrawn": ("withdrawn", "철회", "撤回", "撤回"),
    # --- column headers of the policy and investment tables ------------------------------------------
    "col:kind": ("KIND", "종류", "类型", "種類"),
    "col:where": ("WHERE", "관할", "管辖", "管轄"),
    "col:passed": ("PASSED/ADOPTED", "통과·채택", "通过", "成立・決定"),
    "col:promulgated": ("PROMULGATED/PUBLISHED", "공포·공표", "公布", "公布・公表"),
    "col:in_force": ("IN FORCE", "시행", "施行", "施行"),
    "col:date": ("DATE", "날짜", "日期", "日付"),
    "col:event": ("EVENT", "단계", "阶段", "段階"),
    "col:policy": ("POLICY", "정책", "政策", "政策"),
    "col:investee": ("INVESTEE", "투자 대상", "投资对象", "投資先"),
    "col:round": ("ROUND", "라운드", "轮次", "ラウンド"),
    "col:amount": ("AMOUNT", "금액", "金额", "金額"),
    "col:investors": ("INVESTORS", "투자자", "投资方", "投資家"),
    "col:valuation": ("VALUATION", "기업가치", "估值", "評価額"),
    "col:currency": ("CURRENCY", "통화", "货币", "通貨"),
    "col:total": ("TOTAL", "합계", "合计", "合計"),
    "col:records": ("RECORDS", "건수", "条数", "件数"),
    "col:jurisdiction": ("JURISDICTION", "관할", "管辖", "管轄"),
    "col:count": ("COUNT", "수", "数量", "数"),
    "col:by_kind": ("BY KIND", "종류별", "按类型", "種類別"),
    "col:by_year": ("BY YEAR", "연도별", "按年份", "年別"),
    "note:totals": ("Totals by currency: stated amounts, never converted; '≥' where a bound or range counts its "
                    "lower end.", "통화별 합계: 밝혀진 금액 그대로이며 환산하지 않습니다. 하한·범위가 있으면 '≥'(하한 합계).",
                    "按货币合计：按所述金额，不换算；含下限或区间时以'≥'表示（取下限）。",
                    "通貨別合計：記載どおりの金額で換算しません。下限・範囲を含む場合は「≥」（下限の合計）。"),
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
