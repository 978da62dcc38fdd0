"""Pictures: a country's ecosystem, an entity's neighbourhood, the investment chart; CLI draw and chart."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import asiaai_graph as ag
from asiaai_graph.views import draw as drawing
from asiaai_graph.cli import main

from conftest import SAMPLE

pytest.importorskip("matplotlib")

SAMPLE_ARGS = ["--no-curated", "--data", str(SAMPLE)]


def texts(fig: object) -> list[str]:
    from matplotlib.text import Text

    return [t.get_text() for t in fig.findobj(Text)]  # type: ignore[attr-defined]


def test_ecosystem_selection(sample: ag.KnowledgeGraph) -> None:
    ids = drawing.ecosystem(sample, "CN")
    assert ids[0] == "CN"
    # organizations, their models, the policies of the country's cities with the city, investments in and out
    assert {"alibaba", "baidu", "deepseek", "sensetime", "deepseek-v3", "ernie", "shanghai",
            "shanghai-ai-industry-regulation", "sensetime-2018-round"} <= set(ids)
    assert "KR" not in ids and not any(sample[i].record_type == "source" for i in ids)
    with pytest.raises(ValueError, match="not a country"):
        drawing.ecosystem(sample, "baidu")


def test_neighbourhood_selection(sample: ag.KnowledgeGraph) -> None:
    assert drawing.neighbourhood(sample, "ernie", depth=0) == ["ernie"]
    one = drawing.neighbourhood(sample, "ernie")
    assert set(one) == {"ernie", "baidu"}
    two = drawing.neighbourhood(sample, "ernie", depth=2)
    assert {"ernie", "baidu", "CN"} <= set(two) and "bespick-2025-china-ai" not in two


def test_country_picture_in_korean(sample: ag.KnowledgeGraph, tmp_path: Path) -> None:
    fig = drawing.figure(sample, "CN", lang="ko")
    labels = texts(fig)
    assert "중국의 AI 생태계" in labels and "바이두" in labels and "딥시크 V3" in labels
    legend = fig.axes[0].get_legend()
    assert legend.get_title().get_text() == "유형"
    assert {t.get_text() for t in legend.get_texts()} >= {"국가", "기관", "모델", "정책", "투자"}
    assert "개발사" in labels and "developed by" not in labels  # edge labels too
    out = tmp_path / "cn.png"
    drawing.draw(sample, "CN", out, lang="ko")
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and out.stat().st_size > 20_000


def _ascii_words(fig: object, names: set[str]) -> list[str]:
    """Texts with an English word in them (lower-case letters: not AI, USD) that are not record names."""
    import re

    found = []
    for text in texts(fig):
        rest = text
        for name in sorted(names, key=len, reverse=True):  # titles hold a name
            rest = rest.replace(name, "")
        if re.search("[a-z]{2,}", rest):
            found.append(text)
    return found


@pytest.mark.parametrize("lang", ["ko", "zh", "ja"])
def test_every_word_of_a_picture_is_translated(sample: ag.KnowledgeGraph, lang: str) -> None:
    for target in ("CN", "deepseek-v3"):
        fig = drawing.figure(sample, target, lang=lang)
        names = {r.label_in(lang) for r in sample.values()}
        wrapped = {drawing._wrap(n) for n in names}
        assert _ascii_words(fig, names | wrapped) == [], target
    fig = drawing.chart_figure(sample, "private-ai-investment", lang=lang)
    names = {r.label_in(lang) for r in sample.values()}
    leftovers = _ascii_words(fig, names)
    # the currency code and the publisher's name are data, not words of the interface
    assert all("USD" in t or "Bespin Global" in t for t in leftovers), leftovers


def test_colours_and_order_do_not_change_with_the_language(sample: ag.KnowledgeGraph) -> None:
    def series(lang: str) -> list[tuple[str, tuple[float, ...]]]:
        ax = drawing.chart_figure(sample, "private-ai-investment", lang=lang).axes[0]
        return [(sample.search(t.get_text())[0].id, tuple(p.get_facecolor()))
                for t, p in zip(ax.get_legend().get_texts(), ax.get_legend().legend_handles)]

    english = series("en")
    assert [s for s, _ in english] == ["CN", "KR"]
    for lang in ("ko", "zh", "ja"):
        assert series(lang) == english

    def nodes(lang: str) -> list[tuple[tuple[float, ...], tuple[float, ...]]]:
        ax = drawing.figure(sample, "CN", lang=lang).axes[0]
        return [(tuple(c.get_offsets()[0]), tuple(c.get_facecolor()[0])) for c in ax.collections]

    assert nodes("ko") == nodes("en") == nodes("ja")


def test_the_translation_table_is_complete() -> None:
    from typing import get_args

    from asiaai_graph.utils.i18n import LANGUAGES, TEXTS, tr
    from asiaai_graph.schema import RECORD_TYPES, Indicator

    assert all(len(row) == len(LANGUAGES) and all(row) for row in TEXTS.values())
    relations = {r.relation for m in RECORD_TYPES.values() for r in m.refs}
    measures = get_args(Indicator.model_fields["measure"].annotation)
    for key in [f"type:{t}" for t in RECORD_TYPES] + [f"rel:{r}" for r in relations] + [f"measure:{m}" for m in measures]:
        assert key in TEXTS, key
        # a translation differs from the English, or is a name that reads the same (GPT, LLM...)
        assert {tr(key, lang) for lang in LANGUAGES[1:]} != {tr(key, "en")}, key


def test_entity_picture_svg_is_deterministic(sample: ag.KnowledgeGraph, tmp_path: Path) -> None:
    a, b = tmp_path / "a.svg", tmp_path / "b.svg"
    drawing.draw(sample, "deepseek-v3", a, depth=2)
    drawing.draw(sample, "deepseek-v3", b, depth=2)
    assert a.read_bytes() == b.read_bytes()
    assert "developed by" in texts(drawing.figure(sample, "deepseek-v3"))


def test_bad_target_and_suffix(sample: ag.KnowledgeGraph, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"use a \.png, \.svg or \.pdf file"):
        drawing.draw(sample, "CN", tmp_path / "cn.bmp")
    with pytest.raises(ag.NotFound):
        drawing.draw(sample, "deepsek", tmp_path / "x.png")


def test_warns_once_without_a_cjk_font(sample: ag.KnowledgeGraph, monkeypatch: pytest.MonkeyPatch,
                                      tmp_path: Path) -> None:
    import warnings

    from asiaai_graph.views import fonts

    monkeypatch.setattr(fonts, "find_cjk_font", lambda lang="ko": None)  # where font_families looks
    monkeypatch.setattr(fonts, "_warned", False)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        drawing.draw(sample, "CN", tmp_path / "a.png", lang="ko")
        drawing.draw(sample, "baidu", tmp_path / "b.png", lang="zh")
        drawing.chart(sample, tmp_path / "c.png", lang="ja")
    messages = [str(w.message) for w in caught]
    assert len(messages) == 1, messages[:5]  # not one per missing glyph, not one per picture
    assert "sudo apt-get install fonts-noto-cjk" in messages[0] and "dnf install" in messages[0]
    assert "macOS and Windows have one already" in messages[0]


def test_a_cjk_font_missing_from_a_stale_font_cache_is_found_on_disk(
        sample: ag.KnowledgeGraph, monkeypatch: pytest.MonkeyPatch) -> None:
    """matplotlib's cache built before fonts-noto-cjk was installed lists no CJK font: find the file itself."""
    import warnings

    from matplotlib import font_manager

    from asiaai_graph.views import fonts

    files = fonts.cjk_font_files("ko")
    if not files:
        pytest.skip("no CJK font file on this machine (Debian/Ubuntu: sudo apt-get install fonts-noto-cjk)")
    manager = font_manager.fontManager
    stale = [f for f in manager.ttflist if fonts.needs_cjk([f.name]) is False and "CJK" not in f.name
             and not any(f.name.startswith(family) for family in fonts._FAMILIES)]
    monkeypatch.setattr(manager, "ttflist", stale)
    monkeypatch.setattr(fonts, "_searched", set())
    manager._findfont_cached.cache_clear()
    try:
        assert fonts._known_cjk_font("ko") is None  # the stale cache knows none
        name = drawing.find_cjk_font("ko")
        assert name is not None and any(Path(f.fname).name == Path(files[0]).name for f in manager.ttflist)
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a missing glyph would be a warning
            drawing.figure(sample, "CN", lang="ko").savefig(io.BytesIO(), format="png")
    finally:
        manager._findfont_cached.cache_clear()


def test_investment_chart(sample: ag.KnowledgeGraph, tmp_path: Path) -> None:
    fig = drawing.chart_figure(sample, "private-ai-investment", lang="ko")
    ax = fig.axes[0]
    assert ax.get_ylabel() == "단위: 억 USD"  # Korean counts in 억 (10^8), not in billions
    heights = sorted(round(p.get_height(), 2) for p in ax.patches)
    assert heights == [14.0, 77.6]
    assert {"중국", "한국"} <= set(texts(fig)) and "≈ 77.6" in texts(fig)
    assert "국가·연도별 민간 AI 투자" in texts(fig) and any(t.startswith("≈ 약") for t in texts(fig))
    english = drawing.chart_figure(sample, "private-ai-investment")
    assert english.axes[0].get_ylabel() == "billion USD"
    assert sorted(round(p.get_height(), 2) for p in english.axes[0].patches) == [1.4, 7.76]
    out = tmp_path / "chart.svg"
    drawing.chart(sample, out)
    assert out.read_text(encoding="utf-8").startswith("<?xml")
    with pytest.raises(ValueError, match="no dated figures of measure 'llm_count'.*: private_ai_investment"):
        drawing.chart_figure(sample, "llm_count")
    with pytest.raises(ValueError, match="unknown measure 'investment'; .*: private_ai_investment"):
        drawing.chart_figure(sample, "investment")


def test_cli_draw_and_chart(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = io.StringIO()
    assert main(["draw", "CN", "-o", str(tmp_path / "cn.svg"), "--lang", "ko", *SAMPLE_ARGS], out=out) == 0
    assert "wrote" in out.getvalue() and (tmp_path / "cn.svg").stat().st_size > 0
    assert main(["draw", "ernie", "--depth", "2", "-o", str(tmp_path / "e.png"), *SAMPLE_ARGS], out=io.StringIO()) == 0
    assert main(["chart", "private-ai-investment", "-o", str(tmp_path / "c.png"), *SAMPLE_ARGS], out=io.StringIO()) == 0
    assert (tmp_path / "c.png").stat().st_size > 0
    assert main(["chart", "no-such-measure", "-o", str(tmp_path / "d.png"), *SAMPLE_ARGS], out=io.StringIO()) == 1
    assert "measures with dated figures to chart: private_ai_investment" in capsys.readouterr().err


def test_curated_pictures(kg: ag.KnowledgeGraph, tmp_path: Path) -> None:
    ids = drawing.draw(kg, "CN", tmp_path / "cn.png", lang="ko")
    assert {"baidu", "tencent", "deepseek", "deepseek-v3", "shanghai"} <= set(ids)
    drawing.chart(kg, tmp_path / "investment.png")
