"""Read Epoch AI's *Data on Machine Learning Hardware* into typed rows.

Data: Epoch AI, "Data on Machine Learning Hardware", CC BY 4.0 — https://epoch.ai/data/machine-learning-hardware

One row is one chip (an accelerator model: "Huawei Ascend 910B", "NVIDIA H800 SXM5"). How cells are read:

* ``Manufacturer`` is one organization as written ("Kunlunxin Baidu", "Moore Threads (Tencent)");
  ``Foundry`` may list several separated by a comma with no space ("SMIC,TSMC").
* ``ML models`` lists the models Epoch says were trained on the chip, separated by a comma with no
  space (names keep their inner ", ": a paper's title), as the model files name them.
* Figures (performance at each precision, memory, bandwidth, TDP, process size, transistors, price)
  are read from their text into exact decimals, in the unit the column names (:data:`FIGURES`).
* ``Release date`` is a day as written; ``Last modified`` a timestamp.
* ``Link to datasheet`` and ``Source for the price`` hold URLs (several per cell); ``Notes`` is
  Epoch's free text, whose URLs are the row's sources too.

Examples
--------
>>> import csv, tempfile, os
>>> cells = {"Hardware name": "Huawei Ascend 910B", "Manufacturer": "Huawei", "Type": "GPU",
...          "Release date": "2022-03-17", "Process size (nm)": "7.0", "Foundry": "SMIC",
...          "TDP (W)": "400.0", "ML models": "Pangu Ultra,Pangu Ultra MoE",
...          "Link to datasheet": "https://archive.ph/cF945\\nhttps://cset.georgetown.edu/x"}
>>> with tempfile.TemporaryDirectory() as d:
...     path = os.path.join(d, "ml_hardware.csv")
...     with open(path, "w", encoding="utf-8", newline="") as f:
...         writer = csv.DictWriter(f, COLUMNS)
...         _ = writer.writeheader()
...         _ = writer.writerow(cells)
...     table = read_hardware(path)
>>> row = table.rows[0]
>>> row.hardware, row.manufacturer, row.foundries, row.ml_models, row.figures["tdp"]
('Huawei Ascend 910B', 'Huawei', ('SMIC',), ('Pangu Ultra', 'Pangu Ultra MoE'), Decimal('400.0'))
>>> row.links
('https://archive.ph/cF945', 'https://cset.georgetown.edu/x')
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from os import PathLike

from asiaai_graph.importers.epoch_cells import EpochValue, split_links
from asiaai_graph.importers.epoch_sheet import SheetRow, read_sheet
from asiaai_graph.importers.table import SourceRow, Table
from asiaai_graph.schema.values import PartialDate
from asiaai_graph.utils.errors import DataError

__all__ = ["COLUMNS", "DATASET", "FIGURES", "KINDS", "HardwareRow", "HardwareTable", "read_hardware"]

DATASET = "epoch-ml-hardware"

#: Figure column -> (the accelerator field it states, its unit).
FIGURES: Mapping[str, tuple[str, str]] = {
    "FP64 (double precision) performance (FLOP/s)": ("fp64_performance", "FLOP/s"),
    "FP32 (single precision) performance (FLOP/s)": ("fp32_performance", "FLOP/s"),
    "TF32 (TensorFloat-32) performance (FLOP/s)": ("tf32_performance", "FLOP/s"),
    "FP16 (half precision) performance (FLOP/s)": ("fp16_performance", "FLOP/s"),
    "Tensor-FP16/BF16 performance (FLOP/s)": ("tensor_fp16_performance", "FLOP/s"),
    "FP8 performance (FLOP/s)": ("fp8_performance", "FLOP/s"),
    "FP4 performance (FLOP/s)": ("fp4_performance", "FLOP/s"),
    "INT16 performance (OP/s)": ("int16_performance", "OP/s"),
    "INT8 performance (OP/s)": ("int8_performance", "OP/s"),
    "INT4 performance (OP/s)": ("int4_performance", "OP/s"),
    "Memory size per board (Byte)": ("memory", "byte"),
    "Memory bandwidth (byte/s)": ("memory_bandwidth", "byte/s"),
    "Intranode bandwidth (byte/s)": ("intranode_bandwidth", "byte/s"),
    "Internode bandwidth (bit/s)": ("internode_bandwidth", "bit/s"),
    "TDP (W)": ("tdp", "W"),
    "Process size (nm)": ("process_node", "nm"),
    "Die Size (mm^2)": ("die_size", "mm^2"),
    "Transistors (millions)": ("transistors", "million"),
}

#: How each column the importer uses is read (other columns are kept as text in ``cells``).
KINDS: Mapping[str, str] = {
    "Hardware name": "name", "Manufacturer": "name", "Type": "name", "Notes": "text", "Release date": "date",
    "Release price (USD)": "number", **dict.fromkeys(FIGURES, "number"), "Foundry": "list",
    "Link to datasheet": "urls", "Source for the price": "urls", "ML models": "list", "Last modified": "datetime",
}
#: The columns a file must have (every column of :data:`KINDS`).
COLUMNS: tuple[str, ...] = tuple(KINDS)


@dataclass(frozen=True, slots=True)
class HardwareRow(SourceRow):
    """One chip row, its cells parsed (``values``) and the fields an importer needs typed."""

    values: Mapping[str, EpochValue] = field(repr=False)
    hardware: str
    manufacturer: str | None = None
    chip_type: str | None = None
    release_date: PartialDate | None = None
    release_price_usd: Decimal | None = None
    figures: Mapping[str, Decimal] = field(default_factory=dict)
    """Accelerator field (``tdp``, ``fp16_performance``...) -> the number its column states."""
    foundries: tuple[str, ...] = ()
    ml_models: tuple[str, ...] = ()
    notes: str | None = None
    links: tuple[str, ...] = ()
    """The row's sources: the datasheet links, the price's sources and the URLs in its notes, in that order."""
    last_modified: _dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class HardwareTable(Table[HardwareRow]):
    """The rows of an ML hardware file (see :class:`~asiaai_graph.importers.table.Table`)."""


def _row(file: str, r: SheetRow) -> HardwareRow:
    v = r.values

    def text(column: str) -> str | None:
        value = v.get(column)
        return value if isinstance(value, str) else None

    def names(column: str) -> tuple[str, ...]:
        value = v.get(column)
        return tuple(x for x in value if isinstance(x, str)) if isinstance(value, tuple) else ()

    figures = {name: value for column, (name, _) in FIGURES.items() if isinstance(value := v.get(column), Decimal)}
    price, date, modified = v.get("Release price (USD)"), v.get("Release date"), v.get("Last modified")
    notes = text("Notes")
    links = (*names("Link to datasheet"), *names("Source for the price"), *split_links(notes or ""))
    return HardwareRow(
        DATASET, file, r.line, r.cells, r.name, values=v, hardware=r.name, manufacturer=text("Manufacturer"),
        chip_type=text("Type"), release_date=date if isinstance(date, PartialDate) else None,
        release_price_usd=price if isinstance(price, Decimal) else None, figures=figures,
        foundries=names("Foundry"), ml_models=names("ML models"), notes=notes, links=tuple(dict.fromkeys(links)),
        last_modified=modified if isinstance(modified, _dt.datetime) else None,
    )


def read_hardware(path: str | PathLike[str], *, skip_bad_rows: bool = False) -> HardwareTable:
    """Read Epoch AI's ML hardware CSV into a :class:`HardwareTable`.

    Raises :class:`~asiaai_graph.utils.errors.DataError` for a file that is not this dataset's CSV (a
    missing column), and, unless ``skip_bad_rows``, for every row that cannot be read (a cell that is
    not a number or date where one is due, a row without a name); each problem names the file, line,
    chip and column.
    """
    file = str(path)
    sheet = read_sheet(path, KINDS, COLUMNS, "Hardware name", skip_bad_rows=skip_bad_rows)
    if sheet.problems and not skip_bad_rows:  # pragma: no cover - read_sheet has raised
        raise DataError(list(sheet.problems))
    rows = tuple(_row(file, r) for r in sheet.rows)
    return HardwareTable(DATASET, file, "ml-hardware", sheet.columns, rows, sheet.problems)
