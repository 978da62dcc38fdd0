"""Pictures: a country's ecosystem, an entity's neighbourhood, the investment chart; CLI draw and chart."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import asiaai_graph as ag
from asiaai_graph import draw as drawing
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
    assert {t.get_text() for t in legend.get_texts()} >= {"country", "organization", "model", "policy", "investment"}
    out = tmp_path / "cn.png"
    drawing.draw(sample, "CN", out, lang="ko")
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and out.stat().st_size > 20_000


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


def test_warns_without_a_cjk_font(sample: ag.KnowledgeGraph, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(drawing, "find_cjk_font", lambda lang="ko": None)
    with pytest.warns(UserWarning, match="no CJK font found"):
        drawing.figure(sample, "baidu", lang="ko")


def test_cjk_font_is_found_when_installed() -> None:
    from matplotlib import font_manager

    if not any("CJK" in f.name for f in font_manager.fontManager.ttflist):
        pytest.skip("no CJK font installed (Debian: fonts-noto-cjk)")
    assert drawing.find_cjk_font("ko") == "Noto Sans CJK KR" or drawing.find_cjk_font("ko")


def test_investment_chart(sample: ag.KnowledgeGraph, tmp_path: Path) -> None:
    fig = drawing.chart_figure(sample, "private-ai-investment", lang="ko")
    ax = fig.axes[0]
    assert ax.get_ylabel() == "billion USD"
    heights = sorted(round(p.get_height(), 2) for p in ax.patches)
    assert heights == [1.4, 7.76]
    assert {"중국", "한국"} <= set(texts(fig)) and "≈ 7.76" in texts(fig)
    out = tmp_path / "chart.svg"
    drawing.chart(sample, out)
    assert out.read_text(encoding="utf-8").startswith("<?xml")
    with pytest.raises(ValueError, match="no dated indicators"):
        drawing.chart_figure(sample, "llm_count")


def test_cli_draw_and_chart(tmp_path: Path) -> None:
    out = io.StringIO()
    assert main(["draw", "CN", "-o", str(tmp_path / "cn.svg"), "--lang", "ko", *SAMPLE_ARGS], out=out) == 0
    assert "wrote" in out.getvalue() and (tmp_path / "cn.svg").stat().st_size > 0
    assert main(["draw", "ernie", "--depth", "2", "-o", str(tmp_path / "e.png"), *SAMPLE_ARGS], out=io.StringIO()) == 0
    assert main(["chart", "private-ai-investment", "-o", str(tmp_path / "c.png"), *SAMPLE_ARGS], out=io.StringIO()) == 0
    assert (tmp_path / "c.png").stat().st_size > 0
    assert main(["chart", "no-such-measure", "-o", str(tmp_path / "d.png"), *SAMPLE_ARGS], out=io.StringIO()) == 1


def test_curated_pictures(kg: ag.KnowledgeGraph, tmp_path: Path) -> None:
    ids = drawing.draw(kg, "CN", tmp_path / "cn.png", lang="ko")
    assert {"baidu", "tencent", "deepseek", "deepseek-v3", "shanghai"} <= set(ids)
    drawing.chart(kg, tmp_path / "investment.png")
