"""Filters the listing commands share: a region, a place, a year, and a sort key.

``--region`` takes a named group of countries (:mod:`asiaai_graph.schema.regions`:
Asia, East Asia, Southeast Asia, South Asia, Central Asia, Western Asia, the Gulf);
``--place`` a city, province or Hong Kong, by any of its names (its organizations
are those headquartered or with an office there, or in a place within it);
``--year`` a year of the record's main date (a model's release, a policy's
announcement, an investment's date); ``--sort FIELD`` orders by a figure or a date,
largest or latest first (``--ascending`` for the other way), records without it last.

Examples
--------
>>> import asiaai_graph as ag
>>> kg = ag.load()
>>> in_place(kg, "hong-kong", ["sensetime", "baidu", "chinese-university-of-hong-kong-cuhk"])
['sensetime', 'chinese-university-of-hong-kong-cuhk']
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from asiaai_graph.cli.output import UsageError

if TYPE_CHECKING:
    from asiaai_graph.graph.knowledge_graph import KnowledgeGraph
    from asiaai_graph.schema import Record

__all__ = ["DATE_FIELDS", "add_filters", "country_of", "filter_ids", "in_place", "main_dates", "sort_records"]

#: Record type -> the date a --year filter reads.
DATE_FIELDS = {"model": "released", "policy": "lifecycle", "investment": "date", "partnership": "started",
               "indicator": "period", "product": "launched", "organization": "founded"}


def main_dates(kg: KnowledgeGraph, rid: str, field: str) -> list[str]:
    """The dates a --year filter reads, as text (``2024-12-26``, ``2025``): a policy's are all its steps'."""
    if field == "lifecycle":
        return [str(e.date) for e in getattr(kg[rid], "lifecycle", ())]
    return [str(kg.raw(rid).get(field) or "")]


def add_filters(p: argparse.ArgumentParser, *, year: bool = True, sort: bool = True) -> None:
    """Add --country, --region, --place (and --year, --sort, --ascending) to a listing command."""
    p.add_argument("--country", help="a country: ISO 3166-1 code or name in any language (CN, cn, China, 중국)")
    p.add_argument("--region", help="a named group of countries: Asia, East Asia, Southeast Asia, South Asia, "
                                    "Central Asia, Western Asia, the Gulf (also in Korean: 동아시아...)")
    p.add_argument("--place", help="a city, province or special administrative region, by any of its names "
                                   "(Shenzhen, 'Hong Kong', 홍콩): organizations based or with an office there")
    if year:
        p.add_argument("--year", type=int, metavar="YYYY",
                       help="records whose main date falls in this year (a model's release, any step of a "
                            "policy's lifecycle, an investment's date)")
    if sort:
        p.add_argument("--currency", metavar="CODE", help="investments whose amount is in this currency (USD, CNY, "
                                                          "KRW...): amounts are never converted")
        p.add_argument("--sort", metavar="FIELD", help="order by a figure or a date, largest or latest first "
                                                       "(parameters, training_compute, released, amount...)")
        p.add_argument("--ascending", action="store_true", help="with --sort: smallest or earliest first")


def country_of(kg: KnowledgeGraph, args: argparse.Namespace) -> str | None:
    """The country ``--country`` names; a place (Hong Kong, Shenzhen) is an error that names its country."""
    from asiaai_graph.utils.errors import NotFound

    if not args.country:
        return None
    try:
        return kg.resolve(args.country, "country")
    except NotFound:
        try:
            place = kg.resolve(args.country, "place")
        except NotFound:
            raise
        country = kg.raw(place).get("country")
        where = f"a place in {country} ({kg.raw(country)['name']})" if country else "a region spanning countries"
        raise UsageError(f"{args.country!r} is {where}, not a country: use --place {args.country!r} for its "
                         f"organizations" + (f", or --country {country}" if country else "")) from None


def _within(kg: KnowledgeGraph, place: str) -> set[str]:
    """``place`` and every place part of it."""
    found = {place}
    grew = True
    while grew:
        more = {p for p in kg.ids("place") if kg.raw(p).get("part_of") in found} - found
        found |= more
        grew = bool(more)
    return found


def in_place(kg: KnowledgeGraph, place: str, ids: Sequence[str]) -> list[str]:
    """Of ``ids``, those in ``place``: organizations there, models by them, policies of it, investments in it."""
    places = _within(kg, place)
    orgs = {o for o in kg.ids("organization")
            if kg.raw(o).get("headquarters") in places or places & set(kg.raw(o).get("offices", ()))}
    out = []
    for rid in ids:
        data = kg.raw(rid)
        if (rid in orgs or set(data.get("developers", ())) & orgs or data.get("jurisdiction") in places
                or data.get("investee") in orgs or places & set(data.get("targets", ()))
                or data.get("subject") in places | orgs):
            out.append(rid)
    return out


def filter_ids(kg: KnowledgeGraph, record_type: str, ids: Sequence[str], args: argparse.Namespace) -> list[str]:
    """``ids`` narrowed by --region, --place and --year."""
    from asiaai_graph.schema.regions import region_codes

    out = list(ids)
    if getattr(args, "region", None):
        try:
            codes = region_codes(args.region)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
        inside = {i for c in codes if c in kg for i in kg.ids(record_type, country=c)}
        out = [i for i in out if i in inside]
    if getattr(args, "place", None):
        out = in_place(kg, kg.resolve(args.place, "place"), out)
    if getattr(args, "year", None) is not None:
        field = DATE_FIELDS.get(record_type)
        if field is None:
            raise UsageError(f"list {record_type} takes no --year")
        out = [i for i in out if any(d.startswith(f"{args.year:04d}") for d in main_dates(kg, i, field))]
    if getattr(args, "currency", None):
        code = args.currency.upper()
        out = [i for i in out if getattr(getattr(kg[i], "amount", None), "currency", None) == code]
    return out


def _key(value: Any) -> Any:
    from decimal import Decimal

    from asiaai_graph.schema import Money, PartialDate, Quantity

    if isinstance(value, Quantity):
        return value.upper or value.value
    if isinstance(value, Money):
        return value.upper or value.amount
    if isinstance(value, PartialDate):
        return (value.year, value.month or 0, value.day or 0)
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return value
    return None


def sort_records(records: Sequence[Record], field: str, ascending: bool = False) -> list[Record]:
    """``records`` ordered by a figure or a date (largest or latest first), those without it last, then by id.

    Amounts of money are compared only within one currency (nothing is converted).
    """
    from asiaai_graph.schema import Money

    if records and not any(field in type(r).model_fields for r in records):
        known = sorted(f for f, info in type(records[0]).model_fields.items()
                       if _sortable(info.annotation))
        raise UsageError(f"{records[0].record_type} has no field {field!r} to sort by; figures and dates: "
                         f"{', '.join(known)}")
    values = [getattr(r, field, None) for r in records]
    currencies = {v.currency for v in values if isinstance(v, Money)}
    if len(currencies) > 1:
        raise UsageError(f"{field} is in {len(currencies)} currencies ({', '.join(sorted(currencies))}): amounts are "
                         "kept in their original currency and not compared across them; add --currency (USD, CNY...)")
    keyed = [(_key(v), r) for v, r in zip(values, records)]
    have = sorted(((k, r) for k, r in keyed if k is not None), key=lambda pair: (pair[0], pair[1].id),
                  reverse=not ascending)
    return [r for _, r in have] + sorted((r for k, r in keyed if k is None), key=lambda r: r.id)


def _sortable(annotation: Any) -> bool:
    text = str(annotation)
    return any(word in text for word in ("Quantity", "Money", "PartialDate", "int"))
