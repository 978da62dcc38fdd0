"""kg.to_frame / kg.to_frames: one row per record, flat readable columns, pandas optional."""

from __future__ import annotations

import builtins
import sys
from typing import Any

import pytest

import asiaai_graph as ag
from asiaai_graph.schema import RECORD_TYPES

pd = pytest.importorskip("pandas")


def test_one_row_per_record_with_readable_columns(sample: ag.KnowledgeGraph) -> None:
    df = sample.to_frame("model")
    assert list(df["id"]) == ["deepseek-v3", "ernie"]
    v3 = df.set_index("id").loc["deepseek-v3"]
    assert v3["name"] == "DeepSeek-V3" and v3["name_ko"] == "딥시크 V3"
    assert v3["developers"] == "deepseek" and v3["developer_names"] == "DeepSeek"
    assert v3["parameters"] == 671_000_000_000 and v3["parameters_qualifier"] == "exact"
    assert v3["active_parameters"] == 37_000_000_000 and v3["active_parameters_qualifier"] == "about"
    assert (v3["training_cost"], v3["training_cost_currency"]) == (5_580_000, "USD")
    assert v3["training_cost_equivalents"] == sample["deepseek-v3"].training_cost.equivalents[0].describe()  # type: ignore[attr-defined]
    assert (v3["training_duration"], v3["training_duration_unit"]) == (2, "month")
    assert bool(v3["open_weights"]) is True
    assert v3["sources"] == "bespick-2025-china-ai"
    ernie = df.set_index("id").loc["ernie"]
    assert (ernie["released"], ernie["released_precision"]) == ("2019", "year")
    assert pd.isna(ernie["parameters"])


def test_amounts_dates_and_sub_records(sample: ag.KnowledgeGraph) -> None:
    row = sample.to_frame("investment").iloc[0]
    assert (row["amount"], row["currency"], row["amount_qualifier"]) == (600_000_000, "USD", "exact")
    assert (row["date"], row["date_precision"], bool(row["date_approximate"])) == ("2018-04", "month", False)
    assert (row["investors"], row["investor_names"], row["investors_detail"]) == ("alibaba", "Alibaba", "alibaba (lead)")
    assert (row["investee"], row["investee_name"]) == ("sensetime", "SenseTime")
    assert row["post_money_valuation"] == 4_500_000_000
    indicator = sample.to_frame("indicator").set_index("id").loc["cn-private-ai-investment-2023"]
    assert (indicator["amount"], indicator["amount_qualifier"], indicator["subject_name"]) == (7_760_000_000, "about", "China")
    source = sample.to_frame("source").set_index("id").loc["fnnews-2018-china-ai"]
    assert (source["published"], bool(source["published_approximate"])) == ("2018", True)


def test_columns_are_typed_and_stable(sample: ag.KnowledgeGraph) -> None:
    df = sample.to_frame("model")
    assert str(df["parameters"].dtype) == "Int64"
    assert str(df["open_weights"].dtype) == "boolean"
    assert str(df["name"].dtype) == "string"
    assert "variant_count" in df.columns  # no record has one, the column is there all the same
    assert df.columns.is_unique
    people = sample.to_frame("person")  # none in the sample: an empty frame with the columns
    assert len(people) == 0 and "affiliation_names" in people.columns


def test_to_frames_covers_every_type(sample: ag.KnowledgeGraph) -> None:
    frames = sample.to_frames()
    assert list(frames) == list(RECORD_TYPES)
    for record_type, df in frames.items():
        assert len(df) == len(sample.records(record_type))


def test_curated_frames(kg: ag.KnowledgeGraph) -> None:
    frames = kg.to_frames()
    orgs = frames["organization"].set_index("id")
    assert orgs.loc["baidu", "name_ko"] == "바이두" and orgs.loc["baidu", "country"] == "CN"
    assert sum(len(df) for df in frames.values()) == len(kg)


def test_clear_message_without_pandas(sample: ag.KnowledgeGraph, monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_pandas(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "pandas" or name.startswith("pandas."):
            raise ImportError("No module named 'pandas'")
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "pandas", raising=False)
    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(ImportError, match=r"pip install pandas \(or, in the asiaai_graph checkout, pip install -e '\.\[pandas\]'\)"):
        sample.to_frame("model")


def test_importing_the_package_does_not_import_pandas_or_matplotlib() -> None:
    import subprocess

    code = ("import sys, asiaai_graph, asiaai_graph.readwrite, asiaai_graph.views.draw, asiaai_graph.views.explorer; "
            "print(sorted(m for m in ('pandas', 'matplotlib', 'networkx') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
