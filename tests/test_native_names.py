"""Every Korean, Japanese and Chinese organization and model is found by its name in its own script.

The table holds names as their sources write them: ROR's labels and aliases (the registry's own
records of the organizations), LLM-jp's Japanese README and the Chinese list, and the curated
articles. Each must be among the record's names, and ``search`` must give that record first.
"""

from __future__ import annotations

import pytest

import asiaai_graph as ag

#: (name as the source writes it, the record it names, where the name comes from)
NATIVE_NAMES: list[tuple[str, str, str]] = [
    # Korean: ROR's labels of Korean organizations
    ("업스테이지", "upstage", "ROR 015tdma78"),
    ("LG AI 연구원", "lg-ai-research", "ROR 00nt82y31"),
    ("고려대학교", "korea-university", "ROR"),
    ("서울대학교", "seoul-national-university", "ROR"),
    ("연세대학교", "yonsei-university", "ROR"),
    ("포항공과대학교", "postech", "ROR"),
    ("전북대학교", "jeonbuk-national-university", "ROR"),
    ("강원대학교", "kangwon-national-university", "ROR"),
    ("한국과학기술원", "kaist", "ROR 05apxxy63"),
    ("케이티 주식회사", "kt", "ROR 043n4tt17"),
    ("네이버", "naver", "ROR 04nzrnx83"),
    ("카카오", "kakao", "ROR 02kb2dn85"),
    ("삼성전자 주식회사", "samsung-electronics", "ROR 020m7t761"),
    # Korean: the curated articles
    ("바이두", "baidu", "asia-ai-blog"),
    ("딥시크", "deepseek", "bespick-2025"),
    ("센스타임", "sensetime", "fnnews-2018"),
    ("메그비", "megvii", "fnnews-2018"),
    ("텐센트", "tencent", "bespick-2025"),
    ("화웨이", "huawei", "bespick-2025"),
    ("바이트댄스", "bytedance", "turingpost-2024"),
    ("당근마켓", "karrot", "asia-ai-blog"),
    ("칭화대학", "tsinghua-university", "bespick-2025"),
    # Korean: Korean news pages on foreign builders (data/organizations/labels-ko.yaml)
    ("문샷AI", "moonshot", "kmjournal-moonshot-kimi-k2"),
    ("즈푸AI", "zhipu-ai", "zum-zhipu-glm-image-ascend"),
    ("미니맥스", "minimax", "thegmnews-2026-01-12-minimax-zhipu-listing"),
    ("사카나 AI", "sakana-ai", "wowtale-2025-11-18-sakana-series-b"),
    ("소프트뱅크그룹", "softbank-group", "donga-2024-10-02-softbank-vision-fund-openai"),
    ("스텝펀", "stepfun", "ajunews-2026-02-13-hk-ai-stocks"),
    ("아이플라이텍", "iflytek", "zdnet-2019-10-16-iflytek-voice-jv"),
    ("프리퍼드네트웍스", "preferred-networks", "alphabiz-nict-pfn-sakura-genai"),
    ("후지쯔", "fujitsu", "neusral-fujitsu-fugaku-genai"),
    ("미디어텍", "mediatek", "zdnet-2025-05-20-mediatek-computex"),
    # Korean: Korean news pages on Asian builders, second batch (data/organizations/labels-ko.yaml)
    ("베이징즈위안인공지능연구원", "beijing-academy-of-artificial-intelligence-baai", "joongang-baai-beijing-ai-academy"),
    ("베이징AI연구원", "beijing-academy-of-artificial-intelligence-baai", "joongang-baai-beijing-ai-academy"),
    ("저장대학교", "zhejiang-university", "spotlightuniv-zhejiang-university-liang-wenfeng"),
    ("홍콩중문대학교", "chinese-university-of-hong-kong-cuhk", "aitimeskr-sensetime-tang-xiaoou-death"),
    ("중국과학원", "chinese-academy-of-sciences", "ceonews-cas-scienceone"),
    ("중국과학기술대학", "university-of-science-and-technology-of-china", "hankyung-2021-05-10-ustc-zuchongzhi"),
    ("상하이교통대학", "shanghai-jiao-tong-university", "incheonilbo-sjtu-new-president"),
    ("푸단대학교", "fudan-university", "koreatown-2024-06-07-fudan-ai-courses"),
    ("푸단대", "fudan-university", "heraldcorp-2024-06-07-fudan-ai-courses"),
    ("치후360", "360-security-technology", "newstomato-2014-07-14-qihoo360-zhou-hongyi"),
    ("비보", "vivo", "edaily-oppo-vivo-china-smartphone-q3"),
    ("차이나텔레콤", "china-telecom", "genews-2024-05-21-china-telcos-ai"),
    ("쿤룬완웨이", "kunlun-inc", "chinaithub-2025-08-18-kunlun-matrix-game"),
    ("넷이즈", "netease", "tokenpost-netease-ai-games"),
    ("몹보이", "mobvoi", "weeklybiz-2016-05-07-mobvoi"),
    ("인스퍼", "inspur", "hankyung-2023-03-08-inspur-sanctions"),
    ("베이커", "ke-holdings-inc-beike", "ajunews-2021-05-26-beike-antitrust"),
    ("중산대학교", "sun-yat-sen-university", "prnewswire-2024-11-20-sysu-centennial"),
    ("하얼빈공업대학", "harbin-institute-of-technology", "yna-2020-06-13-harbin-matlab"),
    ("하얼빈공대", "harbin-institute-of-technology", "hankyung-2024-05-19-harbin-column"),
    ("산둥대학", "shandong-university", "ajunews-2014-10-23-shandong-university-qingdao"),
    ("홍콩과기대학", "hong-kong-university-of-science-and-technology", "itchosun-2021-03-26-hkust-virtual-tour"),
    ("일본전신전화", "ntt", "seoul-1995-08-15-ntt-breakup"),
    ("라인", "line-corporation", "ajunews-2023-08-31-hyperclova-x-abroad"),
    ("사이버에이전트", "cyberagent", "inven-cyberagent-umamusume-results"),
    ("대만 국가과학기술위원회", "national-science-and-technology-council", "appleeconomy-2024-04-16-nstc-prague"),
    ("사우디 데이터인공지능청", "saudi-data-and-artificial-intelligence-authority", "zdnet-2024-05-27-sdaia-seoul-digital-foundation"),
    ("킹 압둘라 과학기술대학", "king-abdullah-university-of-science-and-technology-kaust", "asiae-2009-08-26-kaust-opening"),
    ("AI21 랩스", "ai21-labs", "aipick-2025-12-31-nvidia-ai21"),
    ("텔아비브대학", "tel-aviv-university", "yeongnam-2019-08-13-tel-aviv-university"),
    ("싱가폴 기술디자인대학", "singapore-university-of-technology-design", "kics-2014-12-16-sutd"),
    # Japanese: ROR's labels of Japanese organizations
    ("東京大学", "university-of-tokyo", "ROR 057zh3y96"),
    ("京都大学", "kyoto-university", "ROR 02kpeqv85"),
    ("早稲田大学", "waseda-university", "ROR"),
    ("名古屋大学", "nagoya-university", "ROR 04chrp450"),
    ("東京工業大学", "tokyo-institute-of-technology", "ROR"),
    ("東京医科歯科大学", "tokyo-medical-and-dental-university", "ROR"),
    ("国立情報学研究所", "national-institute-of-informatics", "ROR"),
    ("理化学研究所", "riken", "ROR"),
    ("奈良先端科学技術大学院大学", "nara-institute-of-science-and-technology", "ROR"),
    ("富士通株式会社", "fujitsu", "ROR"),
    ("株式会社Preferred Networks", "preferred-networks", "ROR 05xeefy56"),
    ("ソニー株式会社", "sony", "ROR"),
    ("立命館大学", "ritsumeikan-university", "ROR"),
    ("株式会社国際電気通信基礎技術研究所", "advanced-telecommunications-research-institute", "ROR 01pe1d703"),
    # Japanese: LLM-jp's Japanese README
    ("サイバーエージェント", "cyberagent", "LLM-jp README.ja.md"),
    ("カラクリ", "karakuri", "LLM-jp README.ja.md"),
    ("ストックマーク", "stockmark", "LLM-jp README.ja.md"),
    ("楽天", "rakuten", "LLM-jp README.ja.md"),
    ("リクルート", "recruit-co-ltd", "LLM-jp README.ja.md"),
    ("マネーフォワード", "moneyforward", "LLM-jp README.ja.md"),
    ("野村総合研究所", "nomura-research-institute", "LLM-jp README.ja.md"),
    ("レトリバ", "retrieva", "LLM-jp README.ja.md"),
    ("東工大 岡崎研", "titech-okazaki-lab", "LLM-jp README.ja.md"),
    ("大規模言語モデル研究開発センター", "research-and-development-center-for-large-language-models", "LLM-jp README.ja.md"),
    ("東工大GPT", "titechgpt", "LLM-jp README.ja.md (a model)"),
    ("早大GPT", "wasedagpt", "LLM-jp README.ja.md (a model)"),
    ("日本語ニュースBART", "japanese-news-bart", "LLM-jp README.ja.md (a model)"),
    # Chinese: ROR's labels of Chinese organizations (simplified)
    ("清华大学", "tsinghua-university", "ROR 03cve4549"),
    ("北京大学", "peking-university", "ROR"),
    ("浙江大学", "zhejiang-university", "ROR"),
    ("复旦大学", "fudan-university", "ROR"),
    ("上海交通大学", "shanghai-jiao-tong-university", "ROR"),
    ("中国科学院", "chinese-academy-of-sciences", "ROR"),
    ("中国科学院计算技术研究所", "institute-of-computing-technology", "ROR 0090r4d87"),
    ("中兴通讯股份有限公司", "zte", "ROR 00rjhhq63"),
    ("华为技术有限公司", "huawei", "ROR 00cmhce21"),
    ("科大讯飞股份有限公司", "iflytek", "ROR 009pwww24"),
    ("北京智谱华章科技有限公司", "zhipu-ai", "ROR 005dzvw93"),
    ("西湖大学", "westlake-university", "ROR"),
    ("鹏城实验室", "peng-cheng-laboratory", "ROR 03qdqbt06"),
    ("新加坡国立大学", "nus", "ROR 01tgyzw49"),
    ("南洋理工大学", "nanyang-technological-university", "ROR 02e7b5302"),
    # Chinese: ROR's labels in traditional characters (Hong Kong, Taiwan)
    ("香港中文大學", "chinese-university-of-hong-kong-cuhk", "ROR 00t33hh48"),
    ("香港理工大學", "hong-kong-polytechnic-university", "ROR"),
    ("國立臺北科技大學", "national-taipei-university-of-technology", "ROR"),
    ("國家科學及技術委員會", "national-science-and-technology-council", "ROR"),
    ("亞洲大學", "asia-university", "ROR"),
    # Chinese: the Chinese list (中国大模型列表)
    ("蚂蚁集团", "ant-group", "awesome-llms-in-china l.88"),
    ("上海市人工智能实验室", "shanghai-ai-lab", "awesome-llms-in-china l.240"),
    ("智源人工智能研究院", "beijing-academy-of-artificial-intelligence-baai", "awesome-llms-in-china l.50"),
    ("零一万物", "01-ai", "awesome-llms-in-china l.58"),
    ("月之暗面", "moonshot", "awesome-llms-in-china l.274"),
    ("百川智能", "baichuan", "awesome-llms-in-china l.39"),
    ("云从科技", "cloudwalk", "awesome-llms-in-china"),
    ("文心一言", "ernie", "awesome-llms-in-china l.37 (a model)"),
    ("通义千问", "qwen", "awesome-llms-in-china l.40 (a model)"),
]


@pytest.fixture(scope="module")
def kg() -> ag.KnowledgeGraph:
    return ag.load()


def test_the_table_covers_the_three_languages() -> None:
    import re

    hangul = [n for n, _, _ in NATIVE_NAMES if re.search("[\uac00-\ud7a3]", n)]
    kana_or_kanji_jp = [n for n, _, s in NATIVE_NAMES if "LLM-jp" in s or re.search("[\u3040-\u30ff]", n)
                        or (s.startswith("ROR") and n.endswith(("大学", "研究所", "株式会社")) and "中国" not in n)]
    chinese = [n for n, _, s in NATIVE_NAMES if "china" in s or n.endswith(("大學", "公司", "委員會"))]
    assert len(NATIVE_NAMES) >= 60 and len(hangul) >= 15 and len(kana_or_kanji_jp) >= 15 and len(chinese) >= 15


@pytest.mark.parametrize(("name", "rid", "where"), NATIVE_NAMES, ids=[n for n, _, _ in NATIVE_NAMES])
def test_search_finds_the_record_by_its_native_name(kg: ag.KnowledgeGraph, name: str, rid: str, where: str) -> None:
    record = kg[rid]
    assert name in record.names(), f"{name!r} ({where}) is not a name of {rid}: {record.names()}"
    found = kg.search(name, limit=1)
    assert found and found[0].id == rid, f"{name!r} finds {[r.id for r in found]}, not {rid}"


def test_korean_spelling_variants_find_the_same_record(kg: ag.KnowledgeGraph) -> None:
    # the "LG AI연구원": ROR writes LG AI 연구원; search ignores spaces
    assert kg.search("LG AI연구원", limit=1)[0].id == "lg-ai-research"
