"""What a new user met in the first hour (issue 22): one test, or a few, per wall.

Wall 8 (typed numbers in RDF and SPARQL) belongs to the RDF tests of issue 21.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import asiaai_graph as ag
from asiaai_graph.cli import main


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


# --- wall 5: organizations by acronym and short name ------------------------------------------


@pytest.mark.parametrize(("query", "expected"), [
    ("G42", "inception-g42"),                   # a word of its name, not the model GR-2 one edit away
    ("tii", "technology-innovation-institute"),  # the initials of its name
    ("MBZUAI", "mbzuai"),                       # the acronym in parentheses
    ("kaist", "kaist"),
])
def test_acronyms_and_short_names_rank_first(kg: ag.KnowledgeGraph, query: str, expected: str) -> None:
    assert kg.search(query)[0].id == expected


def test_a_common_word_is_no_short_name(kg: ag.KnowledgeGraph) -> None:
    # "Institute" is in many organizations' names: it finds them as part of a name, not as a short name
    from asiaai_graph.graph.search import short_names

    names = {"a": ("Alpha Institute",), "b": ("Beta Institute",), "c": ("Gamma Institute",),
             "d": ("Delta Institute",), "m": ("MediaTek Inc.",), "x": ("Med AI Technology",)}
    short = short_names(names, dict.fromkeys(names, "organization"))
    assert "Institute" not in short["a"] and "Alpha" in short["a"]
    from asiaai_graph.graph.search import NameIndex

    assert NameIndex(names, short).search("mediatek")[0] == "m"
