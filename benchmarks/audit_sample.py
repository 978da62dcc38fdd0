"""Draw a random sample of imported compute facts, each beside the dataset row and cells it was read from.

For the independent audit of issue 20 ("30 random imported facts against their rows"). Run from the
checkout, with the datasets beside it (``../shared/datasets``) or named by ``ASIAAI_GRAPH_DATASETS``::

    python benchmarks/audit_sample.py                 # 30 facts, a fresh seed (printed, to draw them again)
    python benchmarks/audit_sample.py --n 30 --seed 2026

A fact is one field of one imported record, as the import file in ``data/datasets/`` holds it (before
merging with other sources): a cluster's field (``epoch-gpu-clusters.yaml``), a chip's field
(``epoch-ml-hardware.yaml``), or a model's ``training_hardware`` (the Epoch model files' imports). Each
is printed with the record, the field and its value, the dataset file and line where the row starts,
the row's locator, and the raw text of the cells that state the field, so that a reviewer can compare
them without opening anything else (and open ``file:line`` to see the whole row). Record ids are
shown with their names: a referenced id (an owner, a chip) is followed by the record's name.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from asiaai_graph.importers import read_clusters, read_epoch, read_hardware
from asiaai_graph.importers.epoch_hardware import FIGURES
from asiaai_graph.readwrite.flat import describe
from asiaai_graph.schema import Record, section_adapter

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "data" / "datasets"
DATASETS = Path(os.environ.get("ASIAAI_GRAPH_DATASETS") or HERE.parent.parent / "shared" / "datasets")

#: Import file -> (dataset file, what its rows are read with).
FILES = {
    "epoch-gpu-clusters.yaml": "epoch-gpu-clusters/gpu_clusters.csv",
    "epoch-ml-hardware.yaml": "epoch-ml-hardware/ml_hardware.csv",
    "epoch-notable-ai-models.yaml": "epoch-notable-ai-models/notable-ai-models.csv",
    "epoch-all-ai-models.yaml": "epoch-all-ai-models/all_ai_models.csv",
}

#: A field of a cluster -> the columns of its row that state it.
CLUSTER_COLUMNS = {
    "status": ["Status"], "certainty": ["Certainty"], "owners": ["Owner"], "users": ["Users"],
    "user_groups": ["Users"], "country": ["Country"], "place": ["Country"], "location": ["Location"],
    "first_operational": ["First Operational Date", "First Operational Date Note"],
    "planned_operational": ["First Operational Date Note"],
    "decommissioned": ["Decommissioned Date (if applicable)"], "single_cluster": ["Single cluster?"],
    "chips": ["Chip type (primary)", "Chip quantity (primary)", "Chip type (secondary)", "Chip quantity (secondary)"],
    "chip_count": ["Total number of AI chips"], "h100_equivalents": ["H100 equivalents"],
    "power": ["Power Capacity (MW)"], "hardware_cost": ["Hardware Cost"], "sector": ["Sector"],
    "builds_upon": ["Builds Upon"], "superseded_by": ["Superseded by"], "possible_duplicate": ["Possible Duplicate"],
    "possible_duplicate_of": ["Possible Duplicate Of"],
}
#: A field of a chip -> the columns of its row that state it.
HARDWARE_COLUMNS = {
    "chip_type": ["Type"], "makers": ["Manufacturer"], "foundries": ["Foundry"], "released": ["Release date"],
    "release_price": ["Release price (USD)"], "trained_models": ["ML models"],
    **{field: [column] for column, (field, _) in FIGURES.items()},
}


def imported(name: str) -> list[Record]:
    """The records of one import file as it holds them (validated; not merged with other sources, not cross-checked)."""
    data = yaml.load((DATA / name).read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return [r for section, items in data.items() if section != "import"
            for r in section_adapter(section).validate_python(items)]


def _facts() -> Iterator[tuple[str, Any, str, Any]]:
    """(import file, record, field, value) for every fact of the compute imports, in a fixed order."""
    for name in FILES:
        for record in sorted(imported(name), key=lambda r: r.id):
            if record.record_type not in ("cluster", "accelerator", "model") or (
                    record.record_type == "accelerator" and not name.startswith("epoch-ml")):
                continue  # a chip a model or cluster row only names is no fact of that row's
            fields = ["training_hardware"] if record.record_type == "model" else [
                f for c in getattr(record, "sources", ())[:1] for f in c.fields]
            for field in fields:
                value = getattr(record, field, None)
                if value not in (None, ()):
                    yield name, record, field, value


def _show(value: Any, names: dict[str, str]) -> str:
    if isinstance(value, tuple) and all(isinstance(v, str) for v in value):
        return ", ".join(f"{v} ({names[v]})" if v in names else v for v in value)
    if isinstance(value, str) and value in names:
        return f"{value} ({names[value]})"
    return describe(value)


class Rows:
    """The dataset rows behind the imports, found by their locators."""

    def __init__(self) -> None:
        self.clusters = read_clusters(DATASETS / FILES["epoch-gpu-clusters.yaml"])
        self.hardware = {r.hardware: r for r in read_hardware(DATASETS / FILES["epoch-ml-hardware.yaml"]).rows}
        self.models: dict[str, dict[str, Any]] = {}
        counts = self.clusters.names()
        self.unique = {r.cluster: r for r in self.clusters.rows if counts[r.cluster] == 1}

    def model_row(self, file: str, model: str) -> Any:
        if file not in self.models:
            table = read_epoch(DATASETS / FILES[file], skip_bad_rows=True)
            self.models[file] = {}
            for row in table.rows:
                self.models[file].setdefault(row.model, row)
        return self.models[file][model]

    def find(self, file: str, locator: str) -> tuple[Any, list[str] | None]:
        """The row a locator names, and the columns a field maps to (``None``: the caller picks)."""
        if file == "epoch-gpu-clusters.yaml":
            name, _, line = locator.removeprefix("Name=").partition(", line ")
            return (self.clusters.at_line(int(line)) if line else self.unique[name]), None
        if file == "epoch-ml-hardware.yaml":
            return self.hardware[locator.removeprefix("Hardware name=")], None
        return self.model_row(file, locator.removeprefix("Model=")), ["Training hardware"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=30, help="how many facts (default 30)")
    parser.add_argument("--seed", type=int, help="the random seed (default: a fresh one, printed)")
    args = parser.parse_args(argv)
    if not DATASETS.is_dir():
        print(f"no datasets at {DATASETS}; set ASIAAI_GRAPH_DATASETS", file=sys.stderr)
        return 2
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(10**6)
    names = {r.id: r.label for name in FILES for r in imported(name)}
    facts = list(_facts())
    sample = random.Random(seed).sample(facts, min(args.n, len(facts)))
    rows = Rows()
    print(f"{len(sample)} of {len(facts)} imported facts, seed {seed} (python benchmarks/audit_sample.py "
          f"--n {args.n} --seed {seed} draws them again)\n")
    for n, (file, record, field, value) in enumerate(sample, 1):
        citation = next(c for c in record.sources if field in c.fields)
        row, columns = rows.find(file, citation.locator or "")
        columns = columns or (CLUSTER_COLUMNS if record.record_type == "cluster" else HARDWARE_COLUMNS)[field]
        lines = [f"#{n} data/datasets/{file}",
                 f"  record: {record.id} ({record.label}), {'an' if record.record_type[0] in 'aeiou' else 'a'} {record.record_type}",
                 f"  field:  {field} = {_show(value, names)}",
                 f"  row:    {row.file}:{row.line} ({citation.locator})"]
        lines += [f"  cell {column!r}: {row.cells.get(column, '')!r}" for column in columns]
        if citation.note:
            lines.append(f"  note:   {citation.note}")
        print("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
