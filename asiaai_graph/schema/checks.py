"""Checks shared by fields: bounded numbers, visible names, IRIs that strict RDF tools accept.

Examples
--------
>>> check_visible("바이두"), check_iri("https://www.naver.com/")
('바이두', 'https://www.naver.com/')
"""

from __future__ import annotations

import re
from decimal import Decimal

from asiaai_graph.utils.limits import MAX_DECIMAL_EXPONENT, MAX_NUMBER_DIGITS

__all__ = ["check_decimal", "check_iri", "check_visible"]



def check_decimal(value: Decimal) -> Decimal:
    """A finite decimal of at most ``MAX_NUMBER_DIGITS`` digits between 10^-40 and 10^40 (or zero).

    Examples
    --------
    >>> check_decimal(Decimal("671e9"))
    Decimal('6.71E+11')
    >>> check_decimal(Decimal("1e999999999"))
    Traceback (most recent call last):
    ...
    ValueError: 1E+999999999 is out of range: a figure lies between 1e-40 and 1e40
    """
    if not value.is_finite():
        raise ValueError(f"{value} is not a finite number")
    if value and not -MAX_DECIMAL_EXPONENT <= value.adjusted() <= MAX_DECIMAL_EXPONENT:
        raise ValueError(f"{value} is out of range: a figure lies between 1e-{MAX_DECIMAL_EXPONENT} "
                         f"and 1e{MAX_DECIMAL_EXPONENT}")
    if len(value.as_tuple().digits) > MAX_NUMBER_DIGITS:
        raise ValueError(f"a figure has at most {MAX_NUMBER_DIGITS} significant digits")
    return value


_INVISIBLE = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "Me", "Co", "Cn"})
_HANGUL_FILLERS = frozenset("\u115f\u1160\u3164\uffa0")


def check_visible(value: str) -> str:
    """A name with at least one visible character (not only spaces, marks or invisible format characters).

    Examples
    --------
    >>> check_visible("바이두")
    '바이두'
    >>> check_visible("\\u200b \\u3164")
    Traceback (most recent call last):
    ...
    ValueError: a name needs at least one visible character
    """
    import unicodedata

    if not any(unicodedata.category(ch) not in _INVISIBLE and ch not in _HANGUL_FILLERS for ch in value):
        raise ValueError("a name needs at least one visible character")
    return value


_UCS = ("\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef\U00010000-\U0001fffd\U00020000-\U0002fffd\U00030000-\U0003fffd"
        "\U00040000-\U0004fffd\U00050000-\U0005fffd\U00060000-\U0006fffd\U00070000-\U0007fffd\U00080000-\U0008fffd"
        "\U00090000-\U0009fffd\U000a0000-\U000afffd\U000b0000-\U000bfffd\U000c0000-\U000cfffd\U000d0000-\U000dfffd"
        "\U000e1000-\U000efffd")
_PRIVATE = "\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd"
_PCT = "%[0-9A-Fa-f]{2}"
_SUB_DELIMS = "!$&'()*+,;="
_IUNRESERVED = f"A-Za-z0-9\\-._~{_UCS}"
_IPCHAR = f"(?:[{_IUNRESERVED}{re.escape(_SUB_DELIMS)}:@]|{_PCT})"
# RFC 3987 section 2.2, for absolute http(s) IRIs with an authority (host required):
_IRI = re.compile(
    "^https?://"
    f"(?:(?P<userinfo>(?:[{_IUNRESERVED}{re.escape(_SUB_DELIMS)}:]|{_PCT})*)@)?"
    f"(?:\\[(?P<ip>[^\\]]*)\\]|(?P<host>(?:[{_IUNRESERVED}{re.escape(_SUB_DELIMS)}]|{_PCT})+))"
    "(?::[0-9]*)?"
    f"(?:/{_IPCHAR}*)*"
    f"(?:\\?(?:{_IPCHAR}|[{_PRIVATE}/?])*)?"
    f"(?:#(?:{_IPCHAR}|[/?])*)?$"
)
_IPV_FUTURE = re.compile(f"^v[0-9A-Fa-f]+\\.[A-Za-z0-9\\-._~{re.escape(_SUB_DELIMS)}:]+$")


def check_iri(value: str) -> str:
    """An absolute ``http``/``https`` IRI as RFC 3987 defines it (what strict RDF parsers accept).

    Examples
    --------
    >>> check_iri("https://www.naver.com/대한민국?q=1#top")
    'https://www.naver.com/대한민국?q=1#top'
    >>> check_iri("https://example.com/%zz")
    Traceback (most recent call last):
    ...
    ValueError: not a valid IRI (RFC 3987): 'https://example.com/%zz'
    """
    m = _IRI.match(value)
    ok = m is not None
    if m is not None and m.group("ip") is not None:
        import ipaddress

        ip = m.group("ip")
        try:
            ok = "%" not in ip and ipaddress.IPv6Address(ip) is not None
        except ValueError:
            ok = _IPV_FUTURE.match(ip) is not None
    if not ok:
        raise ValueError(f"not a valid IRI (RFC 3987): {value!r}")
    return value
