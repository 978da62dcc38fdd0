"""How figures are typed in RDF so that every supported SPARQL engine can compare and sort them.

A figure (a quantity's value, an amount of money, their upper bounds) is a
:class:`~decimal.Decimal`. SPARQL engines hold ``xsd:decimal`` in different
ways: Oxigraph in a 128-bit integer with 18 fractional digits (about
±1.7 × 10^20), Virtuoso in 40 digits, Jena without a bound. A value beyond an
engine's range is not a number to it: comparisons fail silently
(``FILTER(?v > 1e24)`` finds nothing) and sorting may abort the process.

So a figure is written as ``xsd:decimal`` when it is *portable*: less than
10^15 in magnitude with at most 18 fractional digits (every engine holds it, and a
sum of 100,000 of them still fits Oxigraph's range). Any other figure (training compute
in FLOP, 10^24) is written as ``xsd:double``, which every engine compares, and
its exact decimal text is kept beside it (``aag:exactValue``, ``aag:exactUpper``,
plain strings), so reading the export back gives the very same ``Decimal``.

Examples
--------
>>> from decimal import Decimal
>>> number_terms(Decimal("671000000000"))
('671000000000', 'http://www.w3.org/2001/XMLSchema#decimal', None)
>>> number_terms(Decimal("3.96E+23"))
('3.96e+23', 'http://www.w3.org/2001/XMLSchema#double', '396000000000000000000000')
>>> read_number("3.96e+23", "http://www.w3.org/2001/XMLSchema#double", "396000000000000000000000")
Decimal('396000000000000000000000')
"""

from __future__ import annotations

import math
from decimal import Decimal, InvalidOperation

__all__ = [
    "EXACT",
    "PORTABLE_DIGITS",
    "XSD_DECIMAL",
    "XSD_DOUBLE",
    "decimal_lexical",
    "double_lexical",
    "is_portable",
    "number_terms",
    "read_number",
    "result_decimal",
]

_XSD = "http://www.w3.org/2001/XMLSchema#"
_AAG = "https://w3id.org/asiaai-graph/ontology#"
XSD_DECIMAL = _XSD + "decimal"
XSD_DOUBLE = _XSD + "double"
_NUMERIC = frozenset({XSD_DECIMAL, XSD_DOUBLE, _XSD + "float", _XSD + "integer"})

#: The predicate of a figure -> the predicate that keeps its exact text when it is written as a double.
EXACT = {_AAG + "value": _AAG + "exactValue", _AAG + "upper": _AAG + "exactUpper"}

#: A portable ``xsd:decimal`` has fewer than this many digits before the point ...
PORTABLE_DIGITS = 15
#: ... and at most this many after it (Oxigraph's scale).
_PORTABLE_SCALE = 18
#: How far a double may be from its exact text: Virtuoso 7.2 writes doubles with 6 significant digits.
_DOUBLE_DIGITS = 1e-5
#: The longest lexical form read as a number: a figure of the schema is at most 40 digits and an
#: exponent (see asiaai_graph.utils.limits), so anything longer is not one of ours.
_MAX_LEXICAL = 100


def decimal_lexical(value: Decimal) -> str:
    """The ``xsd:decimal`` lexical form of ``value``: no exponent, the stated digits kept.

    Examples
    --------
    >>> decimal_lexical(Decimal("1.5E+3")), decimal_lexical(Decimal("0.050")), decimal_lexical(Decimal("-0"))
    ('1500', '0.050', '0')
    """
    text = format(value, "f")
    return "0" if text == "-0" else text


def is_portable(value: Decimal) -> bool:
    """Whether every supported engine holds ``value`` as an ``xsd:decimal`` (see the module notes).

    Examples
    --------
    >>> is_portable(Decimal("999999999999999.5")), is_portable(Decimal("1E+15")), is_portable(Decimal("1E-19"))
    (True, False, False)
    """
    if not value:
        return True
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)  # a finite Decimal (the schema refuses NaN and infinities)
    return value.adjusted() < PORTABLE_DIGITS and -exponent <= _PORTABLE_SCALE


def double_lexical(value: Decimal) -> str:
    """The ``xsd:double`` lexical form of the double nearest ``value``: Python's shortest ``repr``, as rdflib writes it.

    Examples
    --------
    >>> double_lexical(Decimal("396000000000000008388608")), double_lexical(Decimal("-1E-19"))
    ('3.96e+23', '-1e-19')
    """
    return repr(float(value))


def number_terms(value: Decimal) -> tuple[str, str, str | None]:
    """``(lexical form, datatype, exact text or None)`` of a figure: a portable decimal, or a double and its exact text.

    Examples
    --------
    >>> number_terms(Decimal("0.050"))
    ('0.050', 'http://www.w3.org/2001/XMLSchema#decimal', None)
    >>> number_terms(Decimal("1E-20"))
    ('1e-20', 'http://www.w3.org/2001/XMLSchema#double', '0.00000000000000000001')
    """
    if is_portable(value):
        return decimal_lexical(value), XSD_DECIMAL, None
    return double_lexical(value), XSD_DOUBLE, decimal_lexical(value)


def _decimal(text: str) -> Decimal:
    if len(text) > _MAX_LEXICAL:
        raise ValueError(f"a number of {len(text)} characters")
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        raise ValueError(f"not a decimal: {text[:40]}") from None
    if not value.is_finite():
        raise ValueError(f"not a finite number: {text!r}")
    return value


def read_number(lexical: str, datatype: str | None, exact: str | None = None) -> Decimal:
    """The figure a literal states: its exact text if given (checked against the literal), else its lexical form.

    Raises ``ValueError`` for a literal that is not a finite number of a numeric
    datatype, text longer than any figure, or an exact text that is not the
    literal's value (to 5 significant digits: some stores round the doubles they give back).

    Examples
    --------
    >>> read_number("1500", XSD_DECIMAL), read_number("1.5E3", XSD_DOUBLE)
    (Decimal('1500'), Decimal('1.5E+3'))
    >>> read_number("1.0E24", XSD_DOUBLE, "2000000000000000000000000")
    Traceback (most recent call last):
    ...
    ValueError: the exact value 2000000000000000000000000 is not the double 1.0E24
    >>> read_number("INF", XSD_DOUBLE)
    Traceback (most recent call last):
    ...
    ValueError: not a finite number: 'INF'
    """
    if datatype not in _NUMERIC:
        raise ValueError(f"not a decimal: {lexical[:40]} is not of a numeric datatype")
    value = _decimal(lexical)
    if exact is None:
        return value
    stated = _decimal(exact)
    if not math.isclose(float(stated), float(value), rel_tol=_DOUBLE_DIGITS, abs_tol=0.0):
        raise ValueError(f"the exact value {exact} is not the double {lexical}")
    return stated


#: A decimal in a query's answer beyond 10^±this is given as its text: writing it out (JSON, a table)
#: would build an integer of that many digits.
MAX_RESULT_EXPONENT = 1000


def result_decimal(text: str) -> Decimal | str:
    """An ``xsd:decimal`` of a query's answer as a ``Decimal``; its text when ill-formed, over 100 characters or beyond 10^±1000.

    Examples
    --------
    >>> result_decimal("1500.25"), result_decimal("1e999999999"), result_decimal("lots")
    (Decimal('1500.25'), '1e999999999', 'lots')
    """
    try:
        value = _decimal(text)
    except ValueError:
        return text
    return value if not value or abs(value.adjusted()) <= MAX_RESULT_EXPONENT else text
