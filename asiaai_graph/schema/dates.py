"""Dates known to a year, a month or a day, possibly approximate: :class:`PartialDate`.

Written in YAML as ``2024``, ``"2024-05"`` or ``2024-05-21``, with a trailing
``~`` when the date is an inference (EDTF level 0 and its "approximate").

Examples
--------
>>> PartialDate.parse("2024-05").precision
'month'
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any, Literal

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

__all__ = ["PartialDate"]

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(~)?$")


class PartialDate:
    """A calendar date known to a year, a month or a day, possibly approximate.

    Written in YAML as ``2024``, ``"2024-05"`` or ``2024-05-21`` (the subset of
    ISO 8601 / EDTF level 0), with a trailing ``~`` when the date itself is an
    inference (EDTF's "approximate"), e.g. ``"2018~"``.

    Examples
    --------
    >>> d = PartialDate.parse("2024-09")
    >>> (d.year, d.month, d.day, d.precision)
    (2024, 9, None, 'month')
    >>> str(PartialDate.parse(2018)), str(PartialDate.parse("2018~"))
    ('2018', '2018~')
    >>> PartialDate.parse("2024-02-30")
    Traceback (most recent call last):
    ...
    ValueError: impossible date '2024-02-30': day is out of range for month
    """

    __slots__ = ("year", "month", "day", "approximate")

    year: int
    month: int | None
    day: int | None
    approximate: bool

    def __init__(
        self, year: int, month: int | None = None, day: int | None = None, approximate: bool = False
    ) -> None:
        if day is not None and month is None:
            raise ValueError("a day needs a month")
        if not 1 <= year <= 9999:
            raise ValueError(f"impossible year {year}")
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"impossible month {month}")
        if day is not None:
            assert month is not None
            _dt.date(year, month, day)  # raises ValueError on 2024-02-30
        object.__setattr__(self, "year", year)
        object.__setattr__(self, "month", month)
        object.__setattr__(self, "day", day)
        object.__setattr__(self, "approximate", approximate)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("PartialDate is immutable")

    def __reduce__(self) -> tuple[type[PartialDate], tuple[int, int | None, int | None, bool]]:
        return (PartialDate, (self.year, self.month, self.day, self.approximate))

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        """Read a YAML value (``int``, ``str`` or ``datetime.date``) as a date."""
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, _dt.datetime):
            raise ValueError("a date, not a date and time, is expected")
        if isinstance(value, _dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, bool):
            raise ValueError(f"expected a date like 2024, '2024-05' or 2024-05-21, got {value!r}")
        if isinstance(value, int):
            return cls(value)
        if isinstance(value, str):
            m = _DATE_RE.match(value.strip())
            if m:
                y, mo, d, approx = m.groups()
                try:
                    return cls(int(y), int(mo) if mo else None, int(d) if d else None, bool(approx))
                except ValueError as exc:
                    raise ValueError(f"impossible date {value!r}: {exc}") from None
        raise ValueError(f"expected a date like 2024, '2024-05' or 2024-05-21, got {value!r}")

    @property
    def precision(self) -> Literal["year", "month", "day"]:
        """``"year"``, ``"month"`` or ``"day"``."""
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def isoformat(self) -> str:
        """The date without the approximate marker: ``2024``, ``2024-05``, ``2024-05-21``."""
        s = f"{self.year:04d}"
        if self.month is not None:
            s += f"-{self.month:02d}"
        if self.day is not None:
            s += f"-{self.day:02d}"
        return s

    def _key(self) -> tuple[int, int, int, bool]:
        return (self.year, self.month or 0, self.day or 0, self.approximate)

    def __str__(self) -> str:
        return self.isoformat() + ("~" if self.approximate else "")

    def __repr__(self) -> str:
        return f"PartialDate({str(self)!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PartialDate) and self._key() == other._key()

    def __lt__(self, other: PartialDate) -> bool:
        return self._key() < other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        def validate(value: object) -> PartialDate:
            try:
                return cls.parse(value)
            except ValueError as exc:
                raise PydanticCustomError("partial_date", str(exc)) from None

        return core_schema.no_info_plain_validator_function(
            validate, serialization=core_schema.plain_serializer_function_ser_schema(str)
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "anyOf": [
                {"type": "integer", "minimum": 1, "maximum": 9999},
                {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?~?$"},
            ],
            "description": "A date to year, month or day precision; '~' marks an approximate date.",
        }
