"""Epoch AI's ML hardware as records: the chips of Asian makers, and every chip the graph already names.

**Scope.** A chip row is imported when

1. its maker is an Asian organization: one the data folder places in Asia (Huawei, Alibaba: curated
   records of China), or one of :data:`ASIAN_MAKERS`, the manufacturer spellings of this file that
   name makers in China and Japan (each with the evidence for it; the list only decides which rows
   come in, no record states a country from it); or
2. a record of the graph already names the chip: a model of the data folder was trained on it (the
   model files' Training hardware) or an Asian cluster holds it (the GPU clusters file); or
3. its ``ML models`` cell names a model the graph holds (an imported row of an Epoch model file).

The other rows (non-Asian makers' chips that no record of the graph names) are not in scope. What
the data folder holds comes from ``GraphUse`` (built by the import from the loaded data), so the
model files and the clusters file are imported first (the order of ``imports.json``).

**What each record holds**, from which column: ``name`` (Hardware name); ``chip_type`` (Type, as
written); ``makers`` (Manufacturer) and ``foundries`` (Foundry) as organizations matched through
:class:`~asiaai_graph.importers.matching.Matcher`; ``released`` (Release date: a day as written, but a first of the month reads as
the month and 1 January as the year, as in the model files, since the file uses them where only those are
known: 23 of its 170 dates fall on a 1st, twice as many as on any other day);
``release_price`` (Release price (USD)); every performance, memory, bandwidth, power, process,
die and transistor figure in its column's unit (:data:`~asiaai_graph.importers.epoch_hardware.FIGURES`,
12 significant digits); ``trained_models``: the models of ``ML models`` that the graph holds, found
by the Epoch model row they were imported from (``Model=<name>``); the others are noted. The
citation's ``links`` are the datasheet links, the price's sources and the URLs in Epoch's notes;
the notes themselves are the citation's note.

Examples
--------
>>> from decimal import Decimal
>>> figure(Decimal("958571428571.4286"), "FLOP/s"), figure(Decimal("0"), "W")
({'value': Decimal('958571428571'), 'unit': 'FLOP/s'}, None)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from asiaai_graph.importers.build import Builder
from asiaai_graph.importers.epoch_hardware import FIGURES
from asiaai_graph.importers.epoch_records import significant
from asiaai_graph.importers.regions import is_asian_code

if TYPE_CHECKING:
    from asiaai_graph.importers.epoch_hardware import HardwareRow, HardwareTable
    from asiaai_graph.importers.matching import Matcher
    from asiaai_graph.schema import Source

__all__ = ["ASIAN_MAKERS", "GraphUse", "figure", "hardware_records", "hardware_source", "in_scope"]

#: Manufacturer spellings of the ML hardware file that name makers in Asia, with the evidence; makers the
#: data folder already places in Asia (Huawei, Alibaba) need no entry. Used only to decide the scope.
ASIAN_MAKERS: Mapping[str, str] = {
    "Cambricon": "ROR https://ror.org/00r2rga43, Cambricon (China); its chips' notes link cambricon.com",
    "Kunlunxin Baidu": "its chips are the Baidu Kunlun line (Baidu: curated, China)",
    "MetaX": "its chips' datasheets are Chinese pages (csdn.net, eastmoney.com, metax-tech.com)",
    "Iluvatar CoreX": "its chips are Tianshu Zhixin (天数智芯) parts, documented on zhihu.com",
    "Moore Threads (Tencent)": "its MTT S4000's datasheet is en.mthreads.com; it trained MooER",
    "Biren": "its BR100's datasheet is birentech.com and its Hot Chips 34 talk",
    "Hygon": "its Shensuan-1 (深算) is documented in Chinese brokers' reports (dfcfw.com, cmbi.info)",
    "Sunway": "its SW26010-Pro's source calls it 'China's secretive Sunway Pro CPU' (tomshardware.com)",
    "National University of Defense Technology": "ROR https://ror.org/05d2yfz11 (China)",
    "PEZY": "PEZY-SC2 chips are the primary chips of Japanese clusters in Epoch's GPU clusters file",
}


@dataclass(frozen=True)
class GraphUse:
    """What the data folder already holds that decides this file's scope and links (see the module docstring)."""

    countries: Mapping[str, str] = field(default_factory=dict)
    """Organization id -> ISO country code."""
    chips: frozenset[str] = frozenset()
    """Accelerator ids that a model's training hardware or an Asian cluster's chips name."""
    models: Mapping[str, str] = field(default_factory=dict)
    """An Epoch model file's model name (its ``Model=`` locator) -> the model record imported from that row."""


def figure(value: Decimal | None, unit: str) -> dict[str, Any] | None:
    """A figure as a quantity in ``unit``, to 12 significant digits; nothing for none, zero or less."""
    return None if value is None or value <= 0 else {"value": significant(value), "unit": unit}


def hardware_source(version: str | None) -> Source:
    """The :class:`~asiaai_graph.schema.Source` record of the ML hardware dataset, at ``version``."""
    from asiaai_graph.schema import Source

    return Source(
        id="epoch-ml-hardware", title="Data on Machine Learning Hardware", publisher="Epoch AI", kind="dataset",
        language="en", url="https://epoch.ai/data/machine-learning-hardware", version=version, license="CC BY 4.0",
        credit="Epoch AI, 'Data on Machine Learning Hardware'",
        note="The CSV file of chips used in machine learning: performance by precision, memory, power, process, "
             "and the models Epoch AI records as trained on each.",
    )


def in_scope(row: HardwareRow, matcher: Matcher, use: GraphUse) -> str | None:
    """Why the row is in scope (``maker``, ``named``, ``models``), or ``None`` when it is not."""
    maker = row.manufacturer
    if maker and (maker in ASIAN_MAKERS or is_asian_code(use.countries.get(matcher.id("organization", maker)))):
        return "maker"
    if matcher.id("accelerator", row.hardware) in use.chips:
        return "named"
    if any(m in use.models for m in row.ml_models):
        return "models"
    return None


def _data(row: HardwareRow, matcher: Matcher, builder: Builder, use: GraphUse) -> tuple[dict[str, Any], list[str]]:
    makers, foundries = [], []
    if row.manufacturer:
        makers.append(rid := matcher.id("organization", row.manufacturer))
        builder.organization(rid, row.manufacturer, locator=f"Manufacturer={row.manufacturer}",
                             english_name=matcher.tables.display.get(rid))
    for name in row.foundries:
        foundries.append(rid := matcher.id("organization", name))
        builder.organization(rid, name, locator=f"Foundry={name}", english_name=matcher.tables.display.get(rid))
    data: dict[str, Any] = {"name": row.hardware, "chip_type": row.chip_type, "makers": makers,
                            "foundries": foundries, "released": row.release_date}
    price = row.release_price_usd
    if price is not None and price > 0:
        data["release_price"] = {"amount": significant(price), "currency": "USD"}
    for column, (name, unit) in FIGURES.items():
        data[name] = figure(row.figures.get(name), unit)
    data["trained_models"] = list(dict.fromkeys(use.models[m] for m in row.ml_models if m in use.models))
    missing = [m for m in row.ml_models if m not in use.models]
    return data, missing


def hardware_records(table: HardwareTable, matcher: Matcher, source: Source,
                     use: GraphUse) -> tuple[Builder, list[str]]:
    """The records the ML hardware file states about the chips in scope; also notes on what was not linked."""
    builder = Builder(source, table.file)
    notes: list[str] = []
    for row in table.rows:
        where = f"Hardware name={row.hardware}"
        if in_scope(row, matcher, use) is None or matcher.tables.excluded(source.id, where):
            continue
        data, missing = _data(row, matcher, builder, use)
        if missing:
            notes.append(f"{table.file}:{row.line}: {row.hardware}: ML models not in the graph: {', '.join(missing)}")
        builder.record("accelerator", matcher.id("accelerator", row.hardware, where), data, locator=where,
                       links=row.links, line=row.line, note=f"Notes: {row.notes}" if row.notes else None)
    return builder, notes
