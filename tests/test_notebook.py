"""Notebook cards: a record and the graph as readable, escaped HTML (``_repr_html_``)."""

from __future__ import annotations

import html
import re

import asiaai_graph as ag
from asiaai_graph.views.notebook import graph_html, record_html

from conftest import FIXTURES


def _text(card: str) -> str:
    """The text a browser shows of a card (tags dropped, entities read)."""
    return html.unescape(re.sub(r"<[^>]+>", " ", card))


def test_a_record_card_has_names_facts_and_quoted_sources(sample: ag.KnowledgeGraph) -> None:
    record = sample["deepseek-v3"]
    card = record._repr_html_()
    assert card == record_html(record)
    text = _text(card)
    assert "DeepSeek-V3" in text and "딥시크 V3" in text and "한국어" in text  # names in each language
    assert "671,000,000,000" in text and "developers" in text  # key facts
    assert "bespick-2025-china-ai" in text and "“매개변수 6,710억 개를 자랑하는 ‘딥시크 V3’”" in text
    assert card.count("<blockquote") == 2 and text.count("bespick-2025-china-ai") == 1  # one entry per source
    with_graph = _text(record_html(record, sample))
    assert "Bespin Global — A rival for global AI hegemony: China's AI industry analysed — 2025-01-21" in with_graph


def test_approximate_dates_read_as_such(sample: ag.KnowledgeGraph) -> None:
    text = _text(record_html(sample["sensetime-2018-round"], sample))
    assert "2018-04" in text and "Financial News — " in text and "— 2018 (approx.)" in text  # the source's date
    assert "~" not in text


def test_a_record_card_escapes_markup_and_controls() -> None:
    evil = ag.Organization(id="x", name="<script>alert('x')</script>", labels={"ko": "악성\u202egnp.exe"},
                           description='"><img src=x onerror=alert(1)>\nline two', kind="company",
                           sources=[ag.Citation(source="s", quote="</blockquote><script>1</script>")])
    card = evil._repr_html_()
    assert "<script" not in card and "<img" not in card and "onerror=alert(1)>" not in card
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in card
    assert "\u202e" not in card and "악성\\u202egnp.exe" in card  # the override is shown, not obeyed
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;<br>line two" in card  # a newline is a line break
    kg = ag.load(FIXTURES / "terminal", curated=False, cache=False)
    card = record_html(kg["evil-corp"], kg)
    assert "\x1b" not in card and "\x07" not in card and "Evil\\x1b]0;pwned\\x07 Corp" in card


def test_the_graph_card_counts_records_and_says_how_to_ask(sample: ag.KnowledgeGraph) -> None:
    card = sample._repr_html_()
    assert card == graph_html(sample)
    text = " ".join(_text(card).split())
    stats = sample.stats()
    assert f"{len(sample)} records, {stats['relations']} relations" in text
    for record_type, n in stats.items():
        if record_type != "relations" and n:
            assert f"{record_type} {n}" in text
    assert 'kg.search("바이두")' in text and "kg.llm_builders(" in text and "kg.to_frame(" in text
