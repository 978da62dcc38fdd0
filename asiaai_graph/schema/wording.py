"""How figures read: numbers with separators or in exact scientific notation, units in words.

:meth:`Quantity.describe <asiaai_graph.schema.Quantity.describe>` and
:meth:`Money.describe <asiaai_graph.schema.Money.describe>` read their numbers and units here.
"""

from __future__ import annotations

from decimal import Decimal

__all__ = ["SCIENTIFIC", "number_text", "unit_text"]


#: From this size on a figure reads in scientific notation (a FLOP count), its digits kept exactly.
SCIENTIFIC = Decimal("1e16")


def number_text(value: Decimal | None) -> str:
    """A number as people read it: thousands separators, or exact scientific notation when huge.

    >>> number_text(Decimal("37000000000")), number_text(Decimal("3407800000000000000000000")), number_text(Decimal("2.5"))
    ('37,000,000,000', '3.4078e+24', '2.5')
    """
    if value is not None and abs(value) >= SCIENTIFIC:
        mantissa, _, exponent = f"{value.normalize():E}".partition("E")
        return f"{mantissa.rstrip('0').rstrip('.') if '.' in mantissa else mantissa}e{exponent}"
    return f"{value:,}"


def unit_text(unit: str, value: Decimal | None = None) -> str:
    """A unit as a reader reads it: plural after a number other than 1, explained when it is a dataset's own.

    >>> unit_text("month", Decimal(2)), unit_text("month", Decimal(1)), unit_text("FLOP", Decimal(5))
    ('months', 'month', 'FLOP')
    >>> unit_text("gradients", Decimal(7))
    "gradients (Epoch AI's count of training data: one per data point a gradient is computed on)"
    """
    from asiaai_graph.utils.i18n import TEXTS

    if value is not None and value == 1 and unit in _SINGULAR:
        return unit
    return TEXTS[f"unit:{unit}"][0] if f"unit:{unit}" in TEXTS else unit


#: Units written in the singular in the data (``unit: month``), said in the plural after other numbers.
_SINGULAR = frozenset({"app", "company", "contest", "model", "month", "patent", "person", "portrait", "year"})
