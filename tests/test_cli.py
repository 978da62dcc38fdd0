"""The command line, driven through ``main`` as a runner, and once as the installed script."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

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


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("columns", [60, 120])
def test_tables_fit_the_terminal_and_keep_cells_whole_in_a_pipe(monkeypatch: pytest.MonkeyPatch, columns: int) -> None:
    from asiaai_graph.cli.output import width

    monkeypatch.setenv("COLUMNS", str(columns))  # shutil.get_terminal_size reads it first
    out = _Terminal()
    assert main(["llm-builders"], out=out) == 0
    shown = out.getvalue().splitlines()
    piped = run("llm-builders")[1].splitlines()
    assert max(map(width, piped)) > 240  # whole cells: the longest lists of LLMs alone are longer
    assert len(shown) == len(piped) and max(map(width, shown)) <= columns
    assert any("…" in line for line in shown) and not any("…" in line for line in piped)
    kt = next(line for line in shown if line.startswith("kt "))
    assert kt.split()[:3] == ["kt", "KT", "KR"] and "Mi:dm" in kt


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


# --- commands that explain themselves (issue 12) ------------------------------------------------

TERMINAL = FIXTURES / "terminal"


@pytest.mark.parametrize(("name", "marker"), [("x.gexf", "<gexf"), ("x.graphml", "<graphml"), ("x.ttl", "@prefix"),
                                               ("x.nt", "<https://"), ("x.jsonld", '"@context"')])
def test_export_takes_the_format_from_the_suffix(tmp_path: Path, name: str, marker: str,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / name
    assert main(["export", "-o", str(path), *SAMPLE_ARGS], out=io.StringIO()) == 0
    assert marker in path.read_text(encoding="utf-8")[:2000]
    assert "wrote" in capsys.readouterr().err  # says what it wrote, on stderr


def test_export_refuses_a_format_that_contradicts_the_suffix(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "-f", "graphml", "-o", str(tmp_path / "x.ttl"), *SAMPLE_ARGS], out=io.StringIO()) == 2
    err = capsys.readouterr().err
    assert "--format graphml contradicts the file name" in err and "name the file .graphml" in err
    assert not (tmp_path / "x.ttl").exists()
    # .xml holds RDF/XML, GraphML or GEXF: no contradiction
    assert main(["export", "-f", "graphml", "-o", str(tmp_path / "x.xml"), *SAMPLE_ARGS], out=io.StringIO()) == 0
    assert "<graphml" in (tmp_path / "x.xml").read_text(encoding="utf-8")[:2000]
    assert main(["export", "-o", str(tmp_path / "x.csv"), *SAMPLE_ARGS], out=io.StringIO()) == 2
    assert "cannot tell the format of" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [
    ["export", "-o", "{}/x.ttl"], ["export", "-f", "gexf", "-o", "{}/x.gexf"], ["draw", "CN", "-o", "{}/x.png"],
    ["chart", "-o", "{}/x.png"], ["html", "-o", "{}/x.html"], ["schema", "-o", "{}/x.json"],
])
def test_a_missing_output_folder_is_one_clear_line(tmp_path: Path, argv: list[str],
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "no" / "such"
    argv = [a.format(missing) for a in argv]
    extra = SAMPLE_ARGS if argv[0] != "schema" else []
    assert main([*argv, *extra], out=io.StringIO()) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert f"the folder '{missing}' does not exist; create it first (mkdir -p {missing})" in err
    assert not missing.exists()


def test_sparql_says_a_query_file_does_not_exist(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sparql", "missing.rq", *SAMPLE_ARGS], out=io.StringIO()) == 2
    err = capsys.readouterr().err
    assert "no such query file: 'missing.rq'" in err and "syntax" not in err.lower()
    assert main(["sparql", str(tmp_path / "queries/llms"), *SAMPLE_ARGS], out=io.StringIO()) == 2
    query = tmp_path / "count.sparql"
    query.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", encoding="utf-8")
    code, text = run("sparql", str(query), "--json", *SAMPLE_ARGS)
    assert code == 0 and json.loads(text)[0]["n"] > 100


def test_search_says_how_many_it_leaves_out(capsys: pytest.CaptureFixture[str]) -> None:
    code, text = run("search", "i", "--limit", "3", *SAMPLE_ARGS)
    total = len(json.loads(run("search", "i", "--limit", "0", "--json", *SAMPLE_ARGS)[1]))
    assert code == 0 and total > 3
    assert len(text.splitlines()) == 2 + 3 + 1
    assert text.splitlines()[-1] == f"3 of {total} shown; --limit N for more, --limit 0 for all"
    code, text = run("search", "i", "--limit", "3", "--json", *SAMPLE_ARGS)
    assert len(json.loads(text)) == 3  # the note goes to stderr, the JSON stays JSON
    assert f"3 of {total} shown" in capsys.readouterr().err
    code, text = run("search", "i", "--limit", "0", *SAMPLE_ARGS)
    assert "shown" not in text and len(text.splitlines()) == 2 + total
    with pytest.raises(SystemExit) as info:
        main(["search", "i", "--limit", "-1"])
    assert info.value.code == 2


def test_list_help_names_the_record_type_and_the_kind_apart(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["list", "--help"])
    help_text = capsys.readouterr().out
    assert "[--kind KIND] TYPE" in " ".join(help_text.split())
    assert help_text.count("KIND") == 2  # the usage line and --kind's own line
    assert "the record type: source, country" in " ".join(help_text.split())
    assert main(["list", "source", "--kind", "report", *SAMPLE_ARGS], out=io.StringIO()) == 2
    assert "list source takes no --country, --region or --kind" in capsys.readouterr().err


def _write_yaml(folder: Path, text: str) -> Path:
    path = folder / "records.yaml"
    path.write_text(text, encoding="utf-8")
    return path


UNPUBLISHED = """
sources:
  - id: memo
    title: An undated memo
    kind: report
    published: "2024~"
    language: en
organizations:
  - id: acme
    name: Acme AI
    kind: company
    founded: "2019-05~"
    sources:
      - source: memo
        quote: First quote.
      - source: memo
        quote: Second quote.
        note: A note on the second.
"""


def test_show_names_each_source_once_with_its_quotes_below(tmp_path: Path) -> None:
    data = ["--no-curated", "--data", str(_write_yaml(tmp_path, UNPUBLISHED))]
    code, text = run("show", "acme", *data)
    lines = text.splitlines()
    sources = lines[lines.index("Sources:") + 1:]
    assert code == 0
    assert sources == ["  [memo] An undated memo — 2024 (approx.)", "      “First quote.”", "      “Second quote.”",
                       "      note: A note on the second."]  # no publisher, no stray comma; one header
    assert "founded  2019-05 (approx.)" in lines
    assert "~" not in text


@pytest.mark.parametrize(("lang", "year", "month"), [("ko", "2024년경", "설립  2019년 5월경"),
                                                      ("zh", "约2024年", "成立  约2019年5月"),
                                                      ("ja", "2024年頃", "設立  2019年5月頃")])
def test_show_reads_approximate_dates_in_the_chosen_language(tmp_path: Path, lang: str, year: str,
                                                            month: str) -> None:
    data = ["--no-curated", "--data", str(_write_yaml(tmp_path, UNPUBLISHED))]
    text = run("show", "acme", "--lang", lang, *data)[1]
    assert f"[memo] An undated memo — {year}" in text and month in text  # the field's name in lang too


def test_show_of_the_sample_groups_quotes_by_source() -> None:
    text = run("show", "deepseek-v3", *SAMPLE_ARGS)[1]
    assert text.count("[bespick-2025-china-ai]") == 1 and text.count("“") >= 2


def test_multimodal_language_models_make_llm_builders(kg: object) -> None:
    code, text = run("llm-builders", "--json", "--region", "all")  # OpenAI is not Asian: every continent
    builders = {o["id"]: o["llms"] for o in json.loads(text)}
    assert code == 0 and builders["openai"] == ["gpt-4"]  # GPT-4's kind is multimodal; CLIP (vision) is not an LLM
    assert {"ernie", "ernie-4-0"} <= set(builders["baidu"])


# --- terminal injection (issue 10, class 9) -----------------------------------------------------

#: What a terminal would act on: ESC, BEL, the 8-bit CSI, DEL, bidi overrides and isolates.
RAW = ["\x1b", "\x07", "\x9b", "\x7f", "\u202e", "\u2066"]


def _no_raw_controls(text: str) -> None:
    found = [repr(ch) for ch in RAW if ch in text]
    assert found == [], found
    assert all(ch == "\n" or ch >= " " for ch in text)


def test_show_escapes_what_a_terminal_would_act_on() -> None:
    code, text = run("show", "evil-corp", "--no-curated", "--data", str(TERMINAL))
    assert code == 0
    _no_raw_controls(text)
    assert "Evil\\x1b]0;pwned\\x07 Corp" in text  # retitling the window, shown not done
    assert "clip\\x1b]52;c;cHduZWQ=\\x07 board" in text  # OSC 52 writes the clipboard
    assert "\\x1b[2J" in text and "csi\\x9b31m" in text and "del\\x7f" in text
    assert "악성\\u202egnp.exe 회사" in text  # the bidi override would show "exe.png"
    assert "\\u2066isolated\\u2069" in text and "bidi \\u202ereversed\\u202c" in text
    lines = text.splitlines()
    # a newline in a description starts an indented line, never a raw one
    assert lines[lines.index(next(ln for ln in lines if ln.startswith("description"))) + 1].strip() == "A second line."


def test_search_list_and_llm_builders_escape_names() -> None:
    for argv in (["search", "evil"], ["list", "organization"], ["list", "source"], ["search", "clip"]):
        code, text = run(*argv, "--no-curated", "--data", str(TERMINAL))
        assert code == 0, argv
        _no_raw_controls(text)
        assert "\\x1b" in text, argv


def test_validate_escapes_field_names_and_messages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text('organizations:\n  - id: bad\n    name: "x"\n    kind: company\n    "\\e]0;pwned\\a": 1\n'
                   '    sources: [nowhere]\n', encoding="utf-8")
    assert main(["validate", "--no-curated", str(bad)], out=io.StringIO()) == 1
    err = capsys.readouterr().err
    _no_raw_controls(err)
    assert "\\x1b]0;pwned\\x07" in err
    code, text = run("validate", "--no-curated", str(TERMINAL))
    assert code == 0 and text.startswith("valid: ")


def test_json_stays_valid_and_exact_but_safe_to_print() -> None:
    code, text = run("show", "evil-corp", "--json", "--no-curated", "--data", str(TERMINAL))
    _no_raw_controls(text)
    data = json.loads(text)
    assert data["record"]["name"] == "Evil\x1b]0;pwned\x07 Corp"
    assert data["record"]["labels"]["ko"] == "악성\u202egnp.exe 회사"
    assert "csi\x9b31m eight-bit" in data["record"]["aliases"] and "del\x7f char" in data["record"]["aliases"]


# --- progress -------------------------------------------------------------------------------------


def test_progress_shows_on_a_terminal_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    from asiaai_graph import cli
    from asiaai_graph.utils import progress

    assert not cli._want_progress(io.StringIO())  # a pipe or a file: no progress
    monkeypatch.setenv("ASIAAI_GRAPH_PROGRESS", "1")
    assert cli._want_progress(io.StringIO())
    monkeypatch.setenv("ASIAAI_GRAPH_PROGRESS", "0")
    buf = io.StringIO()
    progress.enable(buf, delay=0)  # what a terminal gets, at once instead of after a second
    try:
        assert main(["export", "-o", str(tmp_path / "x.ttl"), *SAMPLE_ARGS], out=io.StringIO()) == 0
    finally:
        progress.disable()
    shown = buf.getvalue()
    assert "\rloading the graph" in shown and f"exporting turtle to {tmp_path / 'x.ttl'}: done in" in shown
    assert main(["export", "-o", str(tmp_path / "y.ttl"), *SAMPLE_ARGS], out=io.StringIO()) == 0
    assert "\r" not in capsys.readouterr().err


# --- install lines that work as written --------------------------------------------------------


def test_every_install_hint_names_an_extra_that_exists() -> None:
    """asiaai_graph is installed from its checkout: hints say `pip install -e '.[extra]'`, never a PyPI name."""
    import re
    import tomllib

    from conftest import ROOT

    extras = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"])
    texts = {p: p.read_text(encoding="utf-8") for p in [ROOT / "README.md", *(ROOT / "asiaai_graph").rglob("*.py")]}
    hints = [(p, m) for p, t in texts.items() for m in re.findall(r"pip install (?:-e )?'\.\[([a-z,]+)\]'", t)]
    assert len(hints) >= 5
    for path, found in hints:
        assert set(found.split(",")) <= extras, (path, found)
    assert [p for p, t in texts.items() if re.search(r"pip install '?asiaai[-_]graph", t)] == []


def test_progress_is_silent_for_short_work_and_counts_steps_for_long_work() -> None:
    import time

    from asiaai_graph.utils import progress

    buf = io.StringIO()
    progress.enable(buf, delay=10)
    try:
        with progress.task("quick"):
            pass
        assert buf.getvalue() == ""  # under a second: nothing at all
        progress.enable(buf, delay=0.05)
        with progress.task("loading data", total=4) as t:
            for _ in range(4):
                time.sleep(0.1)
                t.advance()
    finally:
        progress.disable()
    shown = buf.getvalue()
    assert "\rloading data 1/4 (25%)" in shown or "\rloading data 2/4 (50%)" in shown
    assert "loading data 4/4 (100%): done in " in shown and shown.endswith(" s\n")
    assert shown.count("\n") == 1


def test_show_gives_each_field_its_sources_and_every_disputed_value(tmp_path: Path, cache_dir: Path) -> None:
    (tmp_path / "curated.yaml").write_text(
        "sources:\n- {id: report, title: Technical report, kind: paper, language: en}\n"
        "organizations:\n- {id: acme, name: Acme, kind: startup, sources: [report]}\n"
        "models:\n- id: acme-1\n  name: Acme-1\n  kind: llm\n  developers: [acme]\n  parameters: 7000000000\n"
        "  sources:\n  - {source: report, fields: [developers, parameters], quote: 7B parameters}\n",
        encoding="utf-8")
    (tmp_path / "epoch.yaml").write_text(
        "import: {importer: epoch, source: epoch-test, title: 'Epoch AI, Test', version: '2025-12-31'}\n"
        "sources:\n- {id: epoch-test, title: Test, kind: dataset, language: en}\n"
        "models:\n- id: acme-1\n  name: Acme-1\n  kind: llm\n  developers: [acme]\n  parameters: 6900000000\n"
        "  training_compute: {value: 1.2e+23, unit: FLOP, confidence: Likely}\n  sources:\n"
        "  - {source: epoch-test, fields: [developers, parameters, training_compute], locator: Model=Acme-1,"
        " links: ['https://example.org/acme-1']}\n",
        encoding="utf-8")
    code, text = run("show", "Acme-1", "--no-curated", "--data", str(tmp_path))
    assert code == 0
    lines = text.splitlines()
    # a disputed field names the sources of the value shown; the other value and its source are under Disputes
    assert any(line.startswith("parameters") and "7,000,000,000" in line and line.endswith("[report]")
               for line in lines)
    assert any(line.startswith("training_compute") and "(Likely)" in line and "[epoch-test]" in line for line in lines)
    disputes = text.split("Disputes:")[1].split("Sources:")[0]
    assert "* 7,000,000,000 [report]" in disputes and "  6,900,000,000 [epoch-test]" in disputes
    assert "the curated data takes precedence" in disputes
    sources = text.split("Sources:")[1]
    assert "row: Model=Acme-1" in sources and "https://example.org/acme-1" in sources
    assert "states: developers, parameters, training_compute" in sources


def test_stats_counts_organizations_without_a_country_apart_from_bodies_of_states(tmp_path: Path) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "organizations:\n"
        "  - {id: nowhere-labs, name: Nowhere Labs, kind: company, sources: [bespick-2025-china-ai]}\n"
        "  - {id: two-states, name: Two States Forum, kind: other, members: [CN, KR], sources: [bespick-2025-china-ai]}\n"
        "  - {id: half-states, name: Half Forum, kind: other, members: [CN, alibaba],"
        " sources: [bespick-2025-china-ai]}\n",
        encoding="utf-8")
    args = ["--no-curated", "--data", str(SAMPLE), "--data", str(extra)]
    data = json.loads(run("stats", "--json", *args)[1])
    # a forum whose members are all countries is placed by them; one with an organization among its members is not
    assert data["bodies_of_states"] == {"two-states": ["CN", "KR"]}
    assert data["organizations_without_country"]["total"] == 2
    assert data["organizations_without_country"]["by_source"] == {"bespick-2025-china-ai": 2}
    assert data["organizations_without_country"]["ids"] == ["half-states", "nowhere-labs"]
    text = run("stats", *args)[1]
    assert "organizations without a country: 2" in text
    assert "bodies of states, placed by their member countries: 1" in text and "two-states  CN KR" in text
    assert "국가들의 기구(회원국으로 위치 표시): 1곳" in run("stats", "--lang", "ko", *args)[1]
