"""The commands about laws and money: policies, timeline, investments, and the data report.

Each ``run_*`` function takes the parsed arguments and the output stream and
returns the exit code; :func:`register` adds them to the parser. Tables speak
``--lang``: headers, steps of a policy's life, and names where the data has them.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TextIO

from asiaai_graph.cli.commands import country_of, open_graph
from asiaai_graph.cli.output import UsageError, as_json, dump, say, table
from asiaai_graph.cli.words import kind_word
from asiaai_graph.utils.i18n import tr

if TYPE_CHECKING:
    from asiaai_graph.cli.registry import Commands
    from asiaai_graph.graph.knowledge_graph import KnowledgeGraph
    from asiaai_graph.schema import Investment, Policy

__all__ = ["register", "run_investments", "run_policies", "run_report", "run_timeline"]

_PASSED = ("passed", "adopted", "approved")
_PROMULGATED = ("promulgated", "published", "announced")
_IN_FORCE = ("in_force", "partially_in_force")


def register(commands: Commands) -> None:
    """Add policies, timeline, investments and report to the parser."""
    where = "a country (ISO code or name in any language) or a city or province (id or name)"
    p = commands.add("policies", run_policies, "AI laws, strategies and programmes, with their key dates")
    p.add_argument("--country", help="a country: ISO 3166-1 code or name in any language; its cities included")
    p.add_argument("--jurisdiction", metavar="PLACE", help=where + ": exactly that jurisdiction")
    p.add_argument("--kind", help="law, regulation, strategy, plan, guideline, programme, funding_scheme...")
    p.add_argument("--in-force-on", metavar="DATE", help="only those in force on DATE (2026-01-22, 2025-06, 2024)")
    p.add_argument("--passed-in", metavar="YEAR", type=int, help="only those passed, adopted or approved in YEAR")
    p.add_argument("--issued-by", metavar="ORG", help="only those a body issued (id or name)")
    p.add_argument("--status", help="only those with this stated status (in_force, pending, promulgated...)")
    p = commands.add("timeline", run_timeline, "the dated steps of a policy, or of every policy of a country or city")
    p.add_argument("of", metavar="POLICY_OR_PLACE", help="a policy, a country or a city: id or name in any language")
    p.add_argument("--draw", metavar="FILE", help="also draw the timeline to a .png, .svg or .pdf file")
    p = commands.add("investments", run_investments,
                     "funding rounds, infrastructure commitments and government AI funds")
    p.add_argument("--investee", help="the company funded (id or name); its rounds are listed in date order")
    p.add_argument("--investor", help="an investor (id or name)")
    p.add_argument("--country", help="the country the money goes to (the investee's, or a target's)")
    p.add_argument("--year", type=int, help="the year of the investment")
    p.add_argument("--kind", help="equity_round, ipo, debt, infrastructure, programme, government_fund, grant...")
    p.add_argument("--status", help="completed, announced, in_talks, reported, planned, pledged, cancelled")
    p.add_argument("--totals", action="store_true", help="also sum the amounts by currency (never converted)")
    p.add_argument("--draw", metavar="FILE", help="with --investee: also draw its rounds to a .png, .svg or .pdf file")
    commands.add("report", run_report, "what the data covers: policies by jurisdiction and kind, investments by "
                 "country and year, LLM builders by country")


def _resolve(kg: KnowledgeGraph, text: str | None, types: str | tuple[str, ...]) -> str | None:
    return kg.resolve(text, types) if text else None


def _first(p: Policy, events: Sequence[str]) -> str:
    """The date of the first kind of step in ``events`` the policy has (its earliest): passed before approved."""
    for event in events:
        dates = [e.date for e in p.lifecycle if e.event == event]
        if dates:
            return str(min(dates))
    return ""


def _label(kg: KnowledgeGraph, rid: str | None, lang: str) -> str:
    return kg[rid].label_in(lang) if rid and rid in kg else (rid or "")


def run_policies(args: argparse.Namespace, out: TextIO) -> int:
    kg = open_graph(args)
    try:
        found = kg.policies(country=country_of(kg, args), kind=args.kind,
                            jurisdiction=_resolve(kg, args.jurisdiction, ("country", "place")),
                            in_force_on=args.in_force_on, passed_in=args.passed_in,
                            issued_by=_resolve(kg, args.issued_by, ("organization", "person")), status=args.status)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    found = sorted(found, key=lambda p: (p.jurisdiction, min((str(e.date) for e in p.lifecycle), default="9"), p.id))
    if args.json:
        dump([as_json(p) for p in found], out)
        return 0
    lang = args.lang
    headers = [tr(f"col:{c}", lang) for c in ("id", "name", "kind", "where", "passed", "promulgated", "in_force",
                                               "status")]
    rows = [[p.id, p.label_in(lang), kind_word(p.kind, lang), _label(kg, p.jurisdiction, lang), _first(p, _PASSED),
             _first(p, _PROMULGATED), _first(p, _IN_FORCE),
             tr(f"event:{p.status}", lang) if p.status and f"event:{p.status}" in _EVENT_WORDS else (p.status or "")]
            for p in found]
    table(headers, rows, out)
    return 0


_EVENT_WORDS = frozenset(f"event:{e}" for e in (*_PASSED, *_PROMULGATED, *_IN_FORCE, "proposed", "consultation",
                                                   "amended", "superseded", "repealed", "expired", "lapsed",
                                                   "withdrawn"))


def run_timeline(args: argparse.Namespace, out: TextIO) -> int:
    kg = open_graph(args)
    of = kg.resolve(args.of, ("policy", "country", "place"))
    steps = kg.timeline(of)
    if args.draw:
        from asiaai_graph.views.histories import draw_timeline

        draw_timeline(kg, of, args.draw, lang=args.lang)
    if args.json:
        dump([{"date": str(s.date), "event": s.event, "policy": s.policy.id, **({"note": s.note} if s.note else {})}
              for s in steps], out)
        return 0
    lang = args.lang
    table([tr(f"col:{c}", lang) for c in ("date", "event", "policy", "id")],
          [[str(s.date), tr(f"event:{s.event}", lang), s.policy.label_in(lang), s.policy.id] for s in steps], out)
    return 0


def _investors(i: Investment, kg: KnowledgeGraph, lang: str) -> str:
    return ", ".join(_label(kg, r.organization, lang) + ("*" if r.lead else "") for r in i.investors)


def run_investments(args: argparse.Namespace, out: TextIO) -> int:
    kg = open_graph(args)
    investee = _resolve(kg, args.investee, "organization")
    try:
        found = kg.investments(investor=_resolve(kg, args.investor, "organization"), investee=investee,
                               country=country_of(kg, args), year=args.year, kind=args.kind, status=args.status)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    from asiaai_graph.graph.histories import date_key

    found = sorted(found, key=lambda i: (date_key(i.date), i.id))
    if args.draw:
        if investee is None:
            raise UsageError("--draw draws one company's rounds: give --investee")
        from asiaai_graph.views.histories import draw_funding

        draw_funding(kg, investee, args.draw, lang=args.lang)
    if args.json:
        data: Any = [as_json(i) for i in found]
        if args.totals:
            data = {"investments": data, "totals": [t._asdict() | {"amount": str(t.amount)} for t in kg.totals(found)]}
        dump(data, out)
        return 0
    lang = args.lang
    headers = [tr(f"col:{c}", lang) for c in ("date", "investee", "kind", "round", "amount", "investors",
                                               "valuation", "status", "id")]
    rows = [[str(i.date or ""), _label(kg, i.investee, lang) or ", ".join(_label(kg, t, lang) for t in i.targets),
             kind_word(i.kind, lang), i.round or "", i.amount.describe() if i.amount else "", _investors(i, kg, lang),
             i.post_money_valuation.describe() if i.post_money_valuation else "",
             tr(f"status:{i.status}", lang) if i.status else "", i.id]
            for i in found]
    table(headers, rows, out)
    if args.totals:
        say("\n" + tr("note:totals", lang), out)
        table([tr(f"col:{c}", lang) for c in ("currency", "total", "records")],
              [[t.currency, ("≥ " if t.approximate else "") + f"{t.amount:,}", str(t.records)]
               for t in kg.totals(found)], out)
    return 0


def run_report(args: argparse.Namespace, out: TextIO) -> int:
    kg = open_graph(args)
    lang = args.lang
    policies = kg.policies()
    by_place: dict[str, Counter[str]] = {}
    for p in policies:
        by_place.setdefault(p.jurisdiction, Counter())[p.kind] += 1
    investments = kg.investments()
    by_country: dict[str, Counter[str]] = {}
    for country in kg.records("country"):
        for i in kg.investments(country=country.id):
            by_country.setdefault(country.id, Counter())[str(i.date.year) if i.date else "?"] += 1
    builders = {c.id: len(kg.llm_builders(country=c.id)) for c in kg.records("country")}
    if args.json:
        dump({"policies": {j: dict(c) for j, c in sorted(by_place.items())},
              "investments": {c: dict(y) for c, y in sorted(by_country.items())},
              "llm_builders": {c: n for c, n in sorted(builders.items()) if n}}, out)
        return 0
    say(f"{tr('type:policy', lang)}: {len(policies)} / {len(by_place)} {tr('col:jurisdiction', lang).lower()}", out)
    table([tr(f"col:{c}", lang) for c in ("jurisdiction", "count", "by_kind")],
          [[_label(kg, j, lang), str(sum(c.values())), ", ".join(f"{k} {n}" for k, n in c.most_common())]
           for j, c in sorted(by_place.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))], out)
    say(f"\n{tr('type:investment', lang)}: {len(investments)}", out)
    table([tr(f"col:{c}", lang) for c in ("country", "count", "by_year")],
          [[_label(kg, c, lang) if c else "?", str(sum(y.values())), ", ".join(f"{k} {n}" for k, n in sorted(y.items()))]
           for c, y in sorted(by_country.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))], out)
    say("\nLLM builders", out)
    table([tr("col:country", lang), tr("col:count", lang)],
          [[_label(kg, c, lang), str(n)] for c, n in sorted(builders.items(), key=lambda kv: (-kv[1], kv[0])) if n],
          out)
    return 0
