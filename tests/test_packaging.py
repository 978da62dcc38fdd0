"""The wheel carries the curated data (one source of truth: top-level data/)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import ROOT


def test_wheel_contains_every_data_file(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "--target", "wheel", "--directory", str(tmp_path)],
        cwd=ROOT, check=True, capture_output=True,
    )
    (wheel,) = tmp_path.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    data_files = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "data").rglob("*.yaml"))
    assert data_files, "no curated data found"
    for rel in data_files:
        assert f"asiaai_graph/{rel}" in names, rel
    assert "asiaai_graph/py.typed" in names
    assert not any(n.startswith("tests/") or n.startswith("data/") for n in names)
