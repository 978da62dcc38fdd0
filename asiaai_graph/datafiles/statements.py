"""When two stated values are one statement: equal, or one a more precise form of the other.

Merging (:mod:`asiaai_graph.datafiles.merge`) keeps a dispute only where sources disagree about
the same thing. Before values are compared they are read as statements:

* :func:`same`: equal as statements; a quantity's ``confidence`` is the source's opinion of its
  own figure, not part of it (it stays with the source that gives it);
* :func:`refines`: ``fine`` says what ``coarse`` says, more precisely: a date of the same day,
  month or year (2024-12-26 and 2024-12); a place within the other (Shenzhen in Guangdong); an
  exact figure within a bound or near an approximation (100,000,000,000 and "at least 100
  billion"; 37,000,000,000 and "about 37 billion"). Two exact figures that differ disagree
  (100 and 104 billion), however close: a size class written beside the exact count, "4b(3.8b)",
  is read as the count by the importer, before any comparison.

Figures compare only in one measure: the same unit (for money, the same currency and price
year). Different measures are different fields of the record, never a dispute (a dataset's size
in datapoints and its tokens; a stated cost and a 2023-dollar estimate).

Examples
--------
>>> from asiaai_graph.schema import Quantity, PartialDate
>>> refines(Quantity.model_validate(3_800_000_000), Quantity.model_validate({"value": 4_000_000_000, "qualifier": "about"}))
True
>>> refines(Quantity.model_validate(104), Quantity.model_validate(100))
False
>>> refines(PartialDate.parse("2024-12-26"), PartialDate.parse("2024-12"))
True
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

__all__ = ["refines", "same", "significant_digits"]


def same(a: Any, b: Any) -> bool:
    """Equal as statements: a quantity's confidence is the source's opinion, not part of the figure.

    >>> from asiaai_graph.schema import Quantity
    >>> same(Quantity(value=1, confidence="Likely"), Quantity(value=1, confidence="Confident"))
    True
    """
    from asiaai_graph.schema import Quantity

    if isinstance(a, Quantity) and isinstance(b, Quantity):
        return (a.value, a.qualifier, a.upper, a.unit) == (b.value, b.qualifier, b.upper, b.unit)
    return bool(a == b)


def significant_digits(value: Decimal) -> int:
    """How many significant digits a figure is written with (trailing zeros of a whole number are not).

    >>> significant_digits(Decimal(4_000_000_000)), significant_digits(Decimal("3.8e9")), significant_digits(Decimal(0))
    (1, 2, 1)
    """
    if value == 0:
        return 1
    return len(value.normalize().as_tuple().digits)


def _rounds_to(fine: Decimal, coarse: Decimal) -> bool:
    """Whether ``fine``, rounded to as many significant digits as ``coarse`` has, is ``coarse``."""
    digits = significant_digits(coarse)
    if significant_digits(fine) <= digits or fine == 0:
        return False
    exponent = fine.adjusted() - digits + 1
    return fine.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_UP) == coarse


def _within(value: Decimal, qualifier: str, bound: Decimal, upper: Decimal | None) -> bool:
    return {
        "at_least": value >= bound, "more_than": value > bound, "at_most": value <= bound,
        "less_than": value < bound, "about": value == bound or _rounds_to(value, bound),
        "between": upper is not None and bound <= value <= upper,
    }.get(qualifier, False)


def _figure(value: Any) -> tuple[Decimal, str, Decimal | None, tuple[Any, ...]] | None:
    """(number, qualifier, upper bound, measure) of a quantity or an amount of money, else ``None``."""
    from asiaai_graph.schema import Money, Quantity

    if isinstance(value, Quantity):
        return value.value, value.qualifier, value.upper, (value.unit,)
    if isinstance(value, Money):
        return value.amount, value.qualifier, value.upper, (value.currency, value.price_year)
    return None


def refines(fine: Any, coarse: Any, within: Mapping[str, str] | None = None) -> bool:
    """Whether ``fine`` states ``coarse`` more precisely (see the module docstring).

    ``within`` maps a place id to the place it is part of; without it places never refine.

    Examples
    --------
    >>> from asiaai_graph.schema import Quantity
    >>> refines(Quantity.model_validate(100_000_000_000),
    ...         Quantity.model_validate({"value": 100_000_000_000, "qualifier": "at_least"}))
    True
    >>> refines("shenzhen", "guangdong", {"shenzhen": "guangdong"}), refines("guangdong", "shenzhen", {"shenzhen": "guangdong"})
    (True, False)
    """
    from asiaai_graph.schema import PartialDate

    if isinstance(fine, str) and isinstance(coarse, str):
        return _inside(fine, coarse, within or {})
    if isinstance(fine, PartialDate) and isinstance(coarse, PartialDate):
        return fine.year == coarse.year and (coarse.month is None or (
            fine.month == coarse.month and (coarse.day is None or fine.day == coarse.day)))
    a, b = _figure(fine), _figure(coarse)
    if a is None or b is None or a[3] != b[3] or a[1] != "exact":
        return False
    return _within(a[0], b[1], b[0], b[2])


def _inside(place: str, other: str, within: Mapping[str, str]) -> bool:
    seen = {place}
    while place in within and within[place] not in seen:
        place = within[place]
        if place == other:
            return True
        seen.add(place)
    return False
