"""The commands about compute: clusters, hardware, compute, trained-on, compute-report.

``asiaai-graph clusters --country JP`` lists Japan's AI clusters with their owners and chips;
``hardware --maker huawei`` the chips a maker makes; ``compute CN --on 2025-06-30`` a country's
compute on a day in H100 equivalents (the rule: :mod:`asiaai_graph.graph.compute`); ``trained-on
--maker huawei`` the models trained on a maker's chips; ``compute-report`` how many clusters each
country has and how many chips each maker makes. Every word of the tables follows ``--lang``;
names, owners and makers can be given by id or by any name (``화웨이``, ``Huawei``).
"""

from __future__ import annotations

import argparse
from collections import Counter
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TextIO

from asiaai_graph.cli.commands import country_of, label_of, open_graph
from asiaai_graph.cli.output import as_json, dump, say, table
from asiaai_graph.utils.i18n import date_text, tr

if TYPE_CHECKING:
    from asiaai_graph.cli.registry import Commands
    from asiaai_graph.graph.knowledge_graph import KnowledgeGraph
    from asiaai_graph.schema import Quantity

__all__ = ["compute_report", "register", "run_clusters", "run_compute", "run_compute_report", "run_hardware",
           "run_trained_on"]

_COUNTRY_HELP = "a country: ISO 3166-1 code or name in any language (CN, cn, China, 중국)"


def register(commands: Commands) -> None:
    """Add clusters, hardware, compute, trained-on and compute-report to the parser."""
    p = commands.add("clusters", run_clusters, "AI compute clusters (supercomputers, GPU clusters), with owners and chips")
    p.add_argument("--country", help=_COUNTRY_HELP)
    p.add_argument("--owner", help="an owner: id or name (softbank, 소프트뱅크)")
    p.add_argument("--chip", help="a chip the cluster holds: id or name (nvidia-h100-sxm5-80gb)")
    p.add_argument("--status", choices=["existing", "planned", "decommissioned"])
    p = commands.add("hardware", run_hardware, "AI accelerators (chips), by maker or foundry")
    p.add_argument("--maker", help="the maker: id or name (huawei, 화웨이)")
    p.add_argument("--foundry", help="the foundry: id or name (tsmc, smic)")
    p = commands.add("compute", run_compute, "a country's AI compute on a day, in H100 equivalents of its clusters")
    p.add_argument("country", metavar="COUNTRY", help=_COUNTRY_HELP)
    p.add_argument("--on", metavar="YYYY-MM-DD", help="the day (default: today)")
    p.add_argument("--possible-duplicates", action="store_true",
                   help="also count clusters the source flags as possible duplicates of another row")
    p = commands.add("trained-on", run_trained_on, "models trained on a maker's chips, or on one chip")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--maker", help="the chips' maker: id or name (huawei)")
    which.add_argument("--chip", help="one chip: id or name (huawei-ascend-910)")
    commands.add("compute-report", run_compute_report, "clusters by country and chips by maker: what the graph holds")


def _quantity(q: Quantity | None) -> str:
    return q.describe() if q is not None else ""


def _h100(q: Quantity | None) -> str:
    """H100 equivalents to the whole H100 (Epoch's are estimates written to ten digits): ``646``, ``≈50,000``."""
    if q is None:
        return ""
    whole = f"{round(q.value):,}" if q.value >= 1 else f"{q.value:.2g}"
    return ("≈" if q.qualifier == "about" else "") + whole


def _names(kg: KnowledgeGraph, ids: Any, lang: str) -> str:
    return ", ".join(label_of(kg.raw(i), lang) for i in ids)


def run_clusters(args: argparse.Namespace, out: TextIO) -> int:
    kg = open_graph(args)
    owner = kg.resolve(args.owner, "organization") if args.owner else None
    chip = kg.resolve(args.chip, "accelerator") if args.chip else None
    found = kg.clusters(country=country_of(kg, args), owner=owner, chip=chip, status=args.status)
    if args.json:
        dump([as_json(c) for c in found], out)
        return 0
    lang = args.lang
    rows = [[c.id, c.label_in(lang), tr(f"status:{c.status}", lang), c.country or "", _names(kg, c.owners, lang),
             _names(kg, (x.chip for x in c.chips), lang), _h100(c.h100_equivalents),
             date_text(c.first_operational, lang) if c.first_operational else ""] for c in found]
    table([tr(f"col:{k}", lang) for k in ("id", "name", "status", "country", "owners", "chips", "h100e",
                                          "operational")], rows, out)
    return 0


def run_hardware(args: argparse.Namespace, out: TextIO) -> int:
    kg = open_graph(args)
    maker = kg.resolve(args.maker, "organization") if args.maker else None
    foundry = kg.resolve(args.foundry, "organization") if args.foundry else None
    found = kg.hardware(maker=maker, foundry=foundry)
    if args.json:
        dump([as_json(a) for a in found], out)
        return 0
    lang = args.lang
    rows = [[a.id, a.label_in(lang), _names(kg, a.makers, lang), a.chip_type or "",
             date_text(a.released, lang) if a.released else ""] for a in found]
    table([tr(f"col:{k}", lang) for k in ("id", "name", "makers", "type", "released")], rows, out)
    return 0


def run_compute(args: argparse.Namespace, out: TextIO) -> int:
    kg = open_graph(args)
    country = kg.resolve(args.country, "country")
    total = kg.compute(country, on=args.on, possible_duplicates=args.possible_duplicates)
    if args.json:
        dump({"country": total.country, "on": total.on.isoformat(), "h100_equivalents": str(total.h100_equivalents),
              "approximate": list(total.approximate), "clusters": list(total.clusters),
              "left_out": [{"id": i, "why": why} for i, why in total.left_out], "rule": total.rule}, out)
        return 0
    lang = args.lang
    say(tr("compute:total", lang, country=label_of(kg.raw(country), lang), on=total.on.isoformat(),
           total=f"{'≈' if total.approximate else ''}{round(total.h100_equivalents):,}", count=len(total.clusters)), out)
    if total.approximate:
        say(tr("compute:approximate", lang, count=len(total.approximate)), out)
    if total.clusters:
        clusters = {c.id: c for c in kg.clusters(country=country)}
        rows = [[c.id, c.label_in(lang), _h100(c.h100_equivalents),
                 date_text(c.first_operational, lang) if c.first_operational else ""]
                for c in (clusters[i] for i in total.clusters)]
        table([tr(f"col:{k}", lang) for k in ("id", "name", "h100e", "operational")], rows, out)
    if total.left_out:
        say(tr("compute:left_out", lang, count=len(total.left_out)), out)
    say(tr("compute:rule", lang), out)
    return 0


def run_trained_on(args: argparse.Namespace, out: TextIO) -> int:
    kg = open_graph(args)
    maker = kg.resolve(args.maker, "organization") if args.maker else None
    chip = kg.resolve(args.chip, "accelerator") if args.chip else None
    found = kg.trained_on(maker=maker, chip=chip)
    if args.json:
        dump([as_json(m) for m in found], out)
        return 0
    lang = args.lang
    chips = {a.id: a for a in kg.hardware()}
    rows = []
    for m in found:
        used = [c for c, a in chips.items() if m.id in a.trained_models or c in m.training_hardware]
        used = [c for c in used if maker in chips[c].makers] if maker else [c for c in used if c == chip]
        rows.append([m.id, m.label_in(lang), _names(kg, m.developers, lang), _names(kg, used, lang)])
    table([tr(f"col:{k}", lang) for k in ("id", "name", "developers", "trained_on")], rows, out)
    return 0


def compute_report(kg: KnowledgeGraph) -> dict[str, Any]:
    """Clusters per country (existing, planned, decommissioned, and the existing ones' H100 equivalents) and
    chips per maker, as plain data.

    Examples
    --------
    >>> import asiaai_graph as ag
    >>> report = compute_report(ag.load())
    >>> report["countries"]["CN"]["clusters"] > report["countries"]["JP"]["clusters"] > 0
    True
    >>> report["makers"]["huawei"] >= 19
    True
    """
    countries: dict[str, dict[str, Any]] = {}
    for c in kg.clusters():
        row = countries.setdefault(c.country or "", {"clusters": 0, "existing": 0, "planned": 0, "decommissioned": 0,
                                                     "h100_equivalents_existing": Decimal(0)})
        row["clusters"] += 1
        row[c.status] += 1
        if c.status == "existing" and c.h100_equivalents is not None:
            row["h100_equivalents_existing"] += c.h100_equivalents.value
    makers = Counter(m for a in kg.hardware() for m in a.makers)
    return {"countries": dict(sorted(countries.items(), key=lambda kv: (-kv[1]["clusters"], kv[0]))),
            "makers": dict(sorted(makers.items(), key=lambda kv: (-kv[1], kv[0])))}


def run_compute_report(args: argparse.Namespace, out: TextIO) -> int:
    kg = open_graph(args)
    report = compute_report(kg)
    if args.json:
        dump({"countries": {c: {k: str(v) if isinstance(v, Decimal) else v for k, v in row.items()}
                            for c, row in report["countries"].items()}, "makers": report["makers"]}, out)
        return 0
    lang = args.lang
    say(tr("compute:by_country", lang), out)
    rows = [[c, label_of(kg.raw(c), lang) if c in kg else tr("compute:no_country", lang), str(r["clusters"]), str(r["existing"]), str(r["planned"]),
             f"{round(r['h100_equivalents_existing']):,}"] for c, r in report["countries"].items()]
    table([tr(f"col:{k}", lang) for k in ("id", "country", "clusters", "existing", "planned", "h100e_existing")],
          rows, out)
    say(tr("compute:by_maker", lang), out)
    table([tr(f"col:{k}", lang) for k in ("id", "maker", "accelerators")],
          [[m, label_of(kg.raw(m), lang), str(n)] for m, n in report["makers"].items()], out)
    return 0
