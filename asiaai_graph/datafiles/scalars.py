"""YAML 1.1 plain scalars as PyYAML's safe loader reads them, with their digits bounded.

:func:`resolve` gives an untagged scalar's value (an integer, a float, a date or
timestamp, a boolean, null, or the text itself); :func:`tagged` checks a value
against an explicit core tag (``!!int 3``); both raise :class:`BadScalar` for a
value that cannot be built (``2024-02-30``, ``0b_``, a number of 500 digits).

Examples
--------
>>> resolve("0x1F"), resolve("1_000"), resolve("2024-05-21"), resolve("on"), resolve("x")
(31, 1000, datetime.date(2024, 5, 21), True, 'x')
>>> WORDS["on"]
True
>>> tagged(TAG + "int", "12")
12
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Callable
from typing import Any

from asiaai_graph.utils.limits import MAX_NUMBER_DIGITS

__all__ = ["BUILD", "NUMERIC", "SCALAR_TAGS", "TAG", "WORDS", "BadScalar", "resolve", "tag_refused", "tagged"]

TAG = "tag:yaml.org,2002:"
#: Explicit scalar tags accepted (they are what the untagged value would resolve to, or force a string).
SCALAR_TAGS = frozenset(TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp"))

NUMBER_DIGIT = re.compile(r"[0-9a-fA-F]")


@functools.cache
def implicit_resolvers() -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    """PyYAML's implicit resolvers (YAML 1.1): first character -> [(tag, pattern)], as its safe loader uses them."""
    import yaml

    return {k: [(t, rx) for t, rx in v] for k, v in yaml.resolver.Resolver.yaml_implicit_resolvers.items()}


@functools.cache
def timestamp_pattern() -> re.Pattern[str]:
    import yaml

    return re.compile(yaml.constructor.SafeConstructor.timestamp_regexp.pattern, re.X)


class BadScalar(Exception):
    """A scalar that cannot be built."""


def check_digits(value: str) -> None:
    if len(value) <= MAX_NUMBER_DIGITS:
        return
    digits = len(NUMBER_DIGIT.findall(value))
    if digits > MAX_NUMBER_DIGITS:
        raise BadScalar(f"a number of {digits} digits is too long (at most {MAX_NUMBER_DIGITS}): write it as text or with fewer digits")


def to_int(value: str) -> int:
    check_digits(value)
    text = value.replace("_", "")
    sign, text = (-1, text[1:]) if text[0] == "-" else (1, text[1:] if text[0] == "+" else text)
    try:
        if text.startswith(("0b", "0x")):
            return sign * int(text[2:], 2 if text[1] == "b" else 16)
        if ":" in text:  # sexagesimal (base 60), as YAML 1.1 has it
            return sign * functools.reduce(lambda total, part: total * 60 + int(part), text.split(":"), 0)
        return sign * int(text, 8 if text[0] == "0" and text != "0" else 10)
    except ValueError:
        raise BadScalar(f"{value!r} is not a valid integer") from None


def to_float(value: str) -> float:
    check_digits(value)
    text = value.replace("_", "").lower()
    sign, text = (-1.0, text[1:]) if text[0] == "-" else (1.0, text[1:] if text[0] == "+" else text)
    if text == ".inf":
        return sign * float("inf")
    if text == ".nan":
        return float("nan")
    try:
        if ":" in text:
            return sign * functools.reduce(lambda total, part: total * 60 + float(part), text.split(":"), 0.0)
        return sign * float(text)
    except ValueError:
        raise BadScalar(f"{value!r} is not a valid number") from None


def timestamp_value(value: str) -> _dt.date:
    m = timestamp_pattern().match(value)
    if m is None:
        raise BadScalar(f"{value!r} is not a valid date or time")
    v = m.groupdict()
    try:
        if not v["hour"]:
            return _dt.date(int(v["year"]), int(v["month"]), int(v["day"]))
        fraction = 0
        if v["fraction"]:
            fraction = int((v["fraction"][:6]).ljust(6, "0"))
        tz = None
        if v["tz_sign"]:
            delta = _dt.timedelta(hours=int(v["tz_hour"]), minutes=int(v["tz_minute"] or 0))
            tz = _dt.timezone(-delta if v["tz_sign"] == "-" else delta)
        elif v["tz"]:
            tz = _dt.timezone.utc
        return _dt.datetime(int(v["year"]), int(v["month"]), int(v["day"]), int(v["hour"]), int(v["minute"]),
                            int(v["second"]), fraction, tzinfo=tz)
    except ValueError as exc:
        raise BadScalar(f"impossible date {value!r}: {exc}") from None


BUILD: dict[str, Callable[[str], Any]] = {
    TAG + "int": to_int,
    TAG + "float": to_float,
    TAG + "timestamp": timestamp_value,
    TAG + "bool": lambda v: WORDS[v],
    TAG + "null": lambda v: None,
}


def resolve(value: str) -> Any:
    """A plain scalar's value, resolved as PyYAML's safe loader resolves it."""
    for tag, pattern in implicit_resolvers().get(value[:1], ()):
        if pattern.match(value):
            build = BUILD.get(tag)
            return value if build is None else build(value)  # merge ('<<') and value ('=') keys stay text
    return value


#: The plain words YAML 1.1 reads as booleans or null (PyYAML's resolver patterns, spelled out).
WORDS: dict[str, Any] = {
    **{w: True for w in ("yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON")},
    **{w: False for w in ("no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF")},
    **{w: None for w in ("~", "null", "Null", "NULL")},
}
#: First characters of plain scalars that may be numbers or dates.
NUMERIC = frozenset("-+.0123456789")


def tagged(tag: str, value: str) -> Any:
    """A scalar with an explicit core tag: it must be what that tag says."""
    if tag == TAG + "str":
        return value
    for t, pattern in implicit_resolvers().get(value[:1], ()):
        if t == tag and pattern.match(value):
            return BUILD[tag](value)
    if tag == TAG + "null" and value == "":
        return None
    raise BadScalar(f"{value!r} is not a valid {tag.removeprefix(TAG)}")


def tag_refused(tag: str) -> str:
    shown = "!!" + tag.removeprefix(TAG) if tag.startswith(TAG) else tag
    return (f"the YAML tag {shown!r} is not allowed: data files hold plain mappings, lists, text, numbers, "
            "booleans and dates")
