"""Shared fixtures. The cache folder is pointed at a temporary folder for the whole run."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import asiaai_graph as ag

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"
SAMPLE = FIXTURES / "sample"
ROOT = HERE.parent

# Property-based tests (test_hostile*.py): a short, repeatable run in CI; ASIAAI_HYPOTHESIS_PROFILE=long by hand.
settings.register_profile("ci", max_examples=40, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                                 HealthCheck.function_scoped_fixture])
settings.register_profile("long", max_examples=2000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                                 HealthCheck.function_scoped_fixture])
settings.load_profile(os.environ.get("ASIAAI_HYPOTHESIS_PROFILE", "ci"))

_cache = tempfile.TemporaryDirectory(prefix="asiaai-graph-test-cache-")
os.environ["ASIAAI_GRAPH_CACHE_DIR"] = _cache.name


@pytest.fixture(scope="session")
def sample() -> ag.KnowledgeGraph:
    """The dozen-record sample, without the curated data."""
    return ag.load(SAMPLE, curated=False, cache=False)


@pytest.fixture(scope="session")
def kg() -> ag.KnowledgeGraph:
    """The curated knowledge graph."""
    return ag.load(cache=False)


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private, empty snapshot cache for one test."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("ASIAAI_GRAPH_CACHE_DIR", str(folder))
    monkeypatch.delenv("ASIAAI_GRAPH_NO_CACHE", raising=False)
    yield folder


# --- a real Oxigraph server for the store tests (tests/store_helpers.py) --------------------------


@pytest.fixture(scope="session")
def store_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """An ``oxigraph serve`` on a free loopback port with a temporary folder; stopped after the session."""
    from store_helpers import find_oxigraph, in_ci, oxigraph_server

    if find_oxigraph() is None:
        message = "the oxigraph server is not installed (it comes with the test extra: pip install -e '.[test]')"
        if in_ci():
            pytest.fail(message)
        pytest.skip(message)
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph") / "db") as url:
        yield url
