"""Finding entities by any name, in any script (asiaai_graph.graph.search), against the curated data."""

from __future__ import annotations

import itertools
import subprocess
import sys
import unicodedata

import pytest

import asiaai_graph as ag
from asiaai_graph.graph.search import Matches, NameIndex, fold, resolve, to_pinyin

# --- ranking: (language, query, expected first hit) -----------------------------------------------
# Left out because the data has no such label (and none may be added without a public source):
# バイドゥ (Baidu in katakana), ディープシーク (DeepSeek), アリババ (Alibaba).
RANKING: list[tuple[str, str, str]] = [
    # English, and misspelled English
    ("en", "Baidu", "baidu"),
    ("en", "TSMC", "tsmc"),
    ("en", "Taiwan", "TW"),
    ("en", "Stanford", "stanford-university"),
    ("en", "McKinsey", "mckinsey"),
    ("en", "Deepsek", "deepseek"),
    ("en", "Samsnug", "samsung-electronics"),
    ("en", "Stanfrod", "stanford-university"),
    ("en", "McKinsy", "mckinsey"),
    ("en", "Hunyaun", "hunyuan"),
    ("en", "Tencnet Cloud", "tencent-cloud"),
    ("en", "Sensetiem", "sensetime"),
    ("en", "seek", "deepseek"),
    ("en", "Tence", "tencent"),  # the shortest name starting so, before "Tencent Hunyuan"
    # Korean: the articles' spellings, other spellings of foreign names (one jamo apart), typos
    ("ko", "바이두", "baidu"),
    ("ko", "매킨지", "mckinsey"),
    ("ko", "맥킨지", "mckinsey"),
    ("ko", "스탠포드", "stanford-university"),
    ("ko", "스탠퍼드", "stanford-university"),
    ("ko", "스탠퍼드 대학", "stanford-university"),
    ("ko", "텐센드", "tencent"),
    ("ko", "카카우", "kakao"),
    ("ko", "네이바", "naver"),
    ("ko", "알리바바클라우드", "alibaba-cloud"),
    ("ko", "삼성", "samsung-electronics"),
    ("ko", "심천", "shenzhen"),
    # Chinese, simplified (the data may hold either script)
    ("zh-Hans", "台湾", "TW"),
    ("zh-Hans", "台积电", "tsmc"),
    ("zh-Hans", "台湾积体电路制造", "tsmc"),
    ("zh-Hans", "深度求索", "deepseek"),
    ("zh-Hans", "通义千问", "qwen"),
    ("zh-Hans", "清华大学", "tsinghua-university"),
    ("zh-Hans", "东京大学", "university-of-tokyo"),
    ("zh-Hans", "百渡", "baidu"),  # a homophone typed by mistake
    # Chinese, traditional
    ("zh-Hant", "臺灣", "TW"),
    ("zh-Hant", "台積電", "tsmc"),
    ("zh-Hant", "騰訊", "tencent"),
    ("zh-Hant", "華為", "huawei"),
    ("zh-Hant", "阿里雲", "alibaba-cloud"),
    ("zh-Hant", "字節跳動", "bytedance"),
    ("zh-Hant", "北京大學", "peking-university"),
    ("zh-Hant", "通義千問", "qwen"),
    # pinyin, toneless or with tones, with or without spaces
    ("pinyin", "shenzhen", "shenzhen"),
    ("pinyin", "tongyi qianwen", "qwen"),
    ("pinyin", "Tōngyì Qiānwèn", "qwen"),
    ("pinyin", "shendu qiusuo", "deepseek"),
    ("pinyin", "Tengxun", "tencent"),
    ("pinyin", "zijietiaodong", "bytedance"),
    ("pinyin", "taiji dian", "tsmc"),
    ("pinyin", "qinghua daxue", "tsinghua-university"),
    ("pinyin", "kuangshi", "megvii"),
    ("pinyin", "Xianggang", "hong-kong"),
    ("pinyin", "Zhongguo", "CN"),
    # Japanese: katakana, hiragana, half width, a dash for the long-vowel mark
    ("ja", "ソニー", "sony"),
    ("ja", "そにー", "sony"),
    ("ja", "ｿﾆｰ", "sony"),
    ("ja", "ソニ-", "sony"),
    ("ja", "トヨタ", "toyota"),
    ("ja", "東京大学", "university-of-tokyo"),
    ("ja", "日本", "JP"),
]


@pytest.fixture(scope="module")
def index(kg: ag.KnowledgeGraph) -> NameIndex:
    return kg.name_index


@pytest.mark.parametrize(("lang", "query", "expected"), RANKING, ids=[f"{q}-{e}" for _, q, e in RANKING])
def test_ranking_table(kg: ag.KnowledgeGraph, lang: str, query: str, expected: str) -> None:
    assert expected in kg, f"{expected} is not in the data"
    hits = [r.id for r in kg.search(query, limit=5)]
    assert hits[:1] == [expected], (lang, query, hits)


def test_the_table_covers_every_language() -> None:
    assert {lang for lang, _, _ in RANKING} == {"en", "ko", "zh-Hans", "zh-Hant", "pinyin", "ja"}


def test_every_name_of_every_record_finds_it_exactly(kg: ag.KnowledgeGraph, index: NameIndex) -> None:
    """Names are folded in bulk when the index is built and one at a time for a query: both agree."""
    missing = [(rid, name) for rid in kg for name in (rid, *kg._names[rid]) if fold(name) and rid not in index.exact(name)]
    assert missing == []


# --- folding ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("a", "b"), [
    ("臺灣", "台湾"), ("台灣積體電路製造", "台湾积体电路制造"), ("騰訊", "腾讯"), ("東京大學", "东京大学"),
    ("そにー", "ソニー"), ("ｿﾆｰ", "ソニー"), ("ソニ－", "ソニー"), ("ソニ〜", "ソニー"), ("トヨタ", "とよた"),
    ("Ｑｗｅｎ ２.５", "qwen 2.5"), ("DeepSeek-V3", "deepseek v3"), ("딥시크 V3", "딥시크v3"),
])
def test_fold_makes_spellings_meet(a: str, b: str) -> None:
    assert fold(a) == fold(b) != ""


def test_fold_keeps_apart_what_differs() -> None:
    assert fold("ソニー") != fold("ソニ")  # the long vowel is kept
    assert fold("a-b") == "ab" and fold("ア-B") == "アーb"  # a dash is a long vowel only after kana
    assert fold("매킨지") != fold("맥킨지")  # Korean spellings meet through close matching, not folding


def test_fold_is_idempotent_on_every_name(kg: ag.KnowledgeGraph) -> None:
    names = [n for rid in kg for n in kg._names[rid]]
    assert [fold(fold(n)) for n in names] == [fold(n) for n in names]


# --- romanisation -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("重庆", "chongqing"), ("长沙", "changsha"), ("厦门", "xiamen"), ("银行", "yinhang"), ("成都", "chengdu"),
    ("重慶", "chongqing"), ("通義千問", "tongyiqianwen"), ("绿", "lv"), ("深圳2025", "shenzhen2025"),
])
def test_to_pinyin_reads_words_in_context(text: str, expected: str) -> None:
    assert to_pinyin(text) == expected


def test_to_pinyin_agrees_with_pypinyin_on_every_chinese_name(kg: ag.KnowledgeGraph) -> None:
    from pypinyin import lazy_pinyin

    import unicodedata

    def plain(text: str) -> str:  # Latin letters beside the Chinese ones lose their tone marks in ours
        return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))

    han = sorted({fold(n) for rid in kg for n in kg._names[rid] if any("\u4e00" <= c <= "\u9fff" for c in n)})
    assert len(han) > 30
    assert [plain(to_pinyin(h)) for h in han] == [plain("".join(lazy_pinyin(h))) for h in han]


def test_every_pinyin_reading_is_read_as_pinyin() -> None:
    """Only queries spelled in pinyin syllables are read as pinyin: every reading pypinyin knows is one."""
    from pypinyin.constants import PINYIN_DICT

    chars = {f"c{code}": (chr(code),) for code in PINYIN_DICT if "\u4e00" <= chr(code) <= "\u9fff"}
    index = NameIndex(chars)
    every = [to_pinyin(name) for (name,) in chars.values()]
    unread = {r for r in every if not r.isascii()}  # simplified to a rare character pypinyin cannot read
    assert len(unread) < len(every) / 50
    readings = sorted(set(every) - unread - {"hm", "hng", "m", "n", "ng"})  # interjections are not read
    assert len(readings) > 400
    assert [r for r in readings if index.lookup(r).total == 0] == []
    for english in ("alib", "deepseek", "samsung", "hanbit"):  # not pinyin: nothing found, pypinyin not needed
        assert index.lookup(english).total == 0


def test_pinyin_u_umlaut_is_found_as_v_and_u() -> None:
    index = NameIndex({"lv": ("吕",), "other": ("Luna",)})
    assert index.search("lv") == ["lv"] and index.search("lü") == ["lv"]
    assert index.search("lu")[0] == "lv"


def test_pinyin_is_only_read_when_no_name_matches_exactly() -> None:
    index = NameIndex({"x1": ("Hua",), "x2": ("华为",), "x3": ("Hualian Group",)})
    assert index.search("hua") == ["x1", "x3"]  # an exact Latin name: pinyin is not read
    assert index.search("huawei") == ["x2"] and index.search("hua wei") == ["x2"]
    assert index.search("hual") == ["x3"] and "x2" not in index.search("huaw")  # "w" is not a syllable
    assert NameIndex({"x2": ("华为技术",)}).search("huawei") == ["x2"]  # the start of a pinyin reading


# --- Hangul jamo ------------------------------------------------------------------------------------


def test_one_jamo_apart_ranks_before_more() -> None:
    names = {"mckinsey": ("매킨지",), "mac": ("매킨토시",), "mint": ("민트",), "king": ("맥킹",)}
    assert NameIndex(names).search("맥킨지")[0] == "mckinsey"  # one jamo inserted
    names = {"stanford": ("스탠포드",), "stand": ("스탠드",), "stamp": ("스탬프",)}
    assert NameIndex(names).search("스탠퍼드")[0] == "stanford"  # one vowel replaced


def osa(a: str, b: str) -> int:
    """Optimal string alignment distance (edits: insert, delete, replace, swap two neighbours)."""
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i, j in itertools.product(range(1, len(a) + 1), range(1, len(b) + 1)):
        d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
        if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
            d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


def test_close_names_are_exactly_those_one_edit_away(kg: ag.KnowledgeGraph, index: NameIndex) -> None:
    """The trie walk over the sorted keys against brute force, for typos made from every kind of edit."""
    keys: dict[str, set[str]] = {}
    for rid in kg:
        for name in (rid, *kg._names[rid]):
            keys.setdefault(unicodedata.normalize("NFD", fold(name)), set()).add(rid)
    queries = []
    for name in ("Samsung", "Hunyuan", "Tencent Cloud", "McKinsey", "매킨지", "스탠포드", "카카오", "알리바바"):
        k = unicodedata.normalize("NFD", fold(name))
        queries += [k[:2] + k[3:], k[:2] + k[3] + k[2] + k[4:], k[:2] + "x" + k[2:], k[:1] + k[0] + k[2:]]
    checked = 0
    for q in queries:
        if any(k.startswith(q) for k in keys):  # answered by the exact and prefix step
            continue
        whole = {rid for k, rids in keys.items()
                 if abs(len(k) - len(q)) <= 1 and ord(k[0]) >> 8 == ord(q[0]) >> 8 and osa(q, k) <= 1
                 for rid in rids}
        hits = index.lookup(unicodedata.normalize("NFC", q), limit=1000)
        if whole:
            assert set(hits.ids[: len(whole)]) == whole, q
            checked += 1
    assert checked >= 20


# --- resolve ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "record_type", "expected"), [
    ("deepseek", None, "deepseek"), ("DeepSeek", None, "deepseek"), ("딥시크", None, "deepseek"),
    ("深度求索", None, "deepseek"), ("cn", "country", "CN"), ("중국", "country", "CN"), ("中國", None, "CN"),
    ("臺灣", "country", "TW"), ("台积电", "organization", "tsmc"), ("Deepseek V3", "model", "deepseek-v3"),
    ("ソニー", ("organization", "country"), "sony"),
])
def test_resolve_takes_an_id_or_any_exact_name(kg: ag.KnowledgeGraph, text: str,
                                               record_type: str | tuple[str, ...] | None, expected: str) -> None:
    assert kg.resolve(text, record_type) == expected
    assert resolve(kg.name_index, {i: kg[i].record_type for i in kg}, text, record_type) == expected


def test_resolve_lists_candidates_when_ambiguous(kg: ag.KnowledgeGraph) -> None:
    with pytest.raises(ag.NotFound) as info:
        kg.resolve("BAT")
    assert info.value.key == "BAT"
    assert "names 3 records" in str(info.value)
    assert {"baidu", "alibaba-group", "tencent"} <= set(str(info.value).replace(",", " ").split())


def test_resolve_never_guesses(kg: ag.KnowledgeGraph) -> None:
    for text in ("Deepsek", "맥킨지", "shendu qiusuo", "deep"):
        with pytest.raises(ag.NotFound) as info:
            kg.resolve(text)
        assert str(info.value).startswith(f"no record named {text!r}")
    assert kg.search("Deepsek")[0].id == "deepseek"
    with pytest.raises(ag.NotFound, match="no model named 'DeepSeek'; did you mean: .*deepseek-v3"):
        kg.resolve("DeepSeek", "model")


# --- totals -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["deepseek", "alibaba", "스탠포드", "台", "seek", "cloud", "ソ"])
def test_total_counts_every_match_of_the_answering_step(kg: ag.KnowledgeGraph, index: NameIndex, query: str) -> None:
    folded = {rid: [fold(n) for n in (rid, *kg._names[rid])] for rid in kg}
    key = fold(query)
    starting = {rid for rid, ks in folded.items() if any(k.startswith(key) for k in ks)}
    expected = starting or {rid for rid, ks in folded.items() if any(key in k for k in ks)}
    assert expected
    everything = index.lookup(query, limit=10_000)
    assert set(everything.ids) == expected and everything.total == len(expected)
    first = index.lookup(query, limit=2)
    assert first.total == len(expected) and first.ids == everything.ids[:2]


def test_a_record_found_by_pinyin_and_by_a_short_name_is_listed_once() -> None:
    # Epoch's "Kunlunxin (Baidu)" has the short name Kunlunxin, and its label 昆仑芯 reads kunlunxin
    index = NameIndex({"kunlunxin-baidu": ("Kunlunxin Baidu", "昆仑芯"), "baidu": ("Baidu", "百度")},
                      {"kunlunxin-baidu": ("Kunlunxin",)})
    assert index.lookup("kunlunxin") == Matches(["kunlunxin-baidu"], 1)


def test_no_search_lists_a_record_twice(kg: ag.KnowledgeGraph, index: NameIndex) -> None:
    queries = {w for rid in kg for n in kg._names[rid][:2] for w in n.split()[:1]}
    twice = {q: ids for q in sorted(queries) if len(ids := index.lookup(q, limit=50).ids) != len(set(ids))}
    assert not twice


def test_a_source_titled_like_an_entity_ranks_after_it(kg: ag.KnowledgeGraph) -> None:
    index = NameIndex({"wiki-g7": ("G7",), "g7": ("Group of Seven", "G7")}, later=["wiki-g7"])
    assert index.search("G7") == ["g7", "wiki-g7"]
    assert NameIndex({"wiki-g7": ("G7",), "g7": ("Group of Seven", "G7")}).search("G7") == ["wiki-g7", "g7"]
    assert kg.search("G7")[0].id == "g7"  # the curated data cites a Wikipedia page titled "G7"


def test_lookup_of_nothing() -> None:
    index = NameIndex({"a": ("Alpha",)})
    assert index.lookup("") == Matches([], 0) and index.lookup(" - ") == Matches([], 0)
    assert index.lookup("zzzz") == Matches([], 0)
    assert index.lookup("alpha", limit=0) == Matches([], 1)


# --- start-up ---------------------------------------------------------------------------------------


def test_heavy_search_modules_load_only_when_needed() -> None:
    code = (
        "import sys, asiaai_graph as ag\n"
        "heavy = ('opencc', 'pypinyin', 'rapidfuzz')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
        "kg = ag.load()\n"
        "kg.search('Baidu'); kg.search('딥시크')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
        "kg.search('shendu qiusuo')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[:3] == ["[]", "['opencc']", "['opencc', 'pypinyin']"]
