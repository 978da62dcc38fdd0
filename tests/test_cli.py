"""The command line, driven through ``main`` as a runner, and once as the installed script."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys

import pytest

from asiaai_graph.cli import main

from conftest import FIXTURES, SAMPLE

SAMPLE_ARGS = ["--no-curated", "--data", str(SAMPLE)]


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def test_llm_builders_table() -> None:
    code, text = run("llm-builders", *SAMPLE_ARGS)
    assert code == 0
    lines = text.splitlines()
    assert lines[0].split() == ["ID", "NAME", "COUNTRY", "LLMS"]
    assert any(line.split()[:3] == ["deepseek", "DeepSeek", "CN"] and "DeepSeek-V3" in line for line in lines)


def test_llm_builders_json_in_korean_sample() -> None:
    code, text = run("llm-builders", "--country", "CN", "--json", *SAMPLE_ARGS)
    data = json.loads(text)
    assert code == 0 and [(o["id"], o["llms"]) for o in data] == [("baidu", ["ernie"]), ("deepseek", ["deepseek-v3"])]


def test_search_in_korean() -> None:
    code, text = run("search", "바이두", "--json", *SAMPLE_ARGS)
    assert code == 0 and json.loads(text)[0]["id"] == "baidu"
    code, text = run("search", "바이두", "--lang", "ko", *SAMPLE_ARGS)
    assert "바이두" in text.splitlines()[2]
    assert run("search", "zzzz", *SAMPLE_ARGS)[1].startswith("nothing matches")


def test_show_lists_relations_and_sources() -> None:
    code, text = run("show", "deepseek-v3", *SAMPLE_ARGS)
    assert code == 0
    assert "developed_by" in text and "bespick-2025-china-ai" in text and "6,710억" in text
    data = json.loads(run("show", "sensetime-2018-round", "--json", *SAMPLE_ARGS)[1])
    assert data["record"]["amount"] == {"amount": "600000000", "currency": "USD"}
    assert {"relation": "investee", "id": "sensetime", "name": "SenseTime", "record_type": "organization"} in data["relations"]
    assert [s["id"] for s in data["sources"]] == ["fnnews-2018-china-ai"]


def test_show_unknown_id(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("show", "deepsek", *SAMPLE_ARGS)[0] == 1
    assert "did you mean: deepseek" in capsys.readouterr().err


def test_list_with_filters() -> None:
    code, text = run("list", "organization", "--country", "CN", "--kind", "startup", "--json", *SAMPLE_ARGS)
    assert [o["id"] for o in json.loads(text)] == ["deepseek", "sensetime"]
    code, text = run("list", "source", *SAMPLE_ARGS)
    assert code == 0 and "fnnews-2018-china-ai" in text


def test_validate_good_and_bad(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("validate", "--no-curated", str(SAMPLE))[0] == 0
    code, text = run("validate", "--no-curated", str(FIXTURES / "invalid" / "unknown_field.yaml"))
    assert code == 1
    err = capsys.readouterr().err
    assert "unknown_field.yaml:10: record baidu, field ceo: unknown field 'ceo'" in err
    code, text = run("validate", "--no-curated", "--json", str(FIXTURES / "invalid" / "no_source.yaml"))
    assert code == 1 and json.loads(text)["problems"][0]["record"] == "naver"


def test_stats() -> None:
    data = json.loads(run("stats", "--json", *SAMPLE_ARGS)[1])
    assert data["organization"] == 4 and data["relations"] > 0


def test_usage_errors_exit_2() -> None:
    with pytest.raises(SystemExit) as info:
        main(["list", "spaceship"])
    assert info.value.code == 2


def test_installed_console_script() -> None:
    script = shutil.which("asiaai-graph")
    command = [script] if script else [sys.executable, "-m", "asiaai_graph"]
    done = subprocess.run([*command, "llm-builders", "--json", *SAMPLE_ARGS], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert {o["id"] for o in json.loads(done.stdout)} == {"baidu", "deepseek"}
