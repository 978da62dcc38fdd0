"""How the command line prints: aligned tables (CJK-aware), record rows, JSON.

Examples
--------
>>> import io
>>> buf = io.StringIO()
>>> table(["ID", "NAME"], [["baidu", "바이두"]], buf)
>>> print(buf.getvalue())
ID     NAME
-----  ------
baidu  바이두
<BLANKLINE>
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TextIO

from asiaai_graph.flat import describe

if TYPE_CHECKING:
    from asiaai_graph.schema import Record

__all__ = ["as_json", "details", "dump", "fmt", "row", "table", "width"]


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], out: TextIO) -> None:
    widths = [max([width(h)] + [width(r[i]) for r in rows]) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c + " " * (w - width(c)) for c, w in zip(cells, widths)).rstrip()

    print(line(headers), file=out)
    print(line(["-" * w for w in widths]), file=out)
    for row in rows:
        print(line(row), file=out)


def fmt(value: Any) -> str:
    if isinstance(value, dict):  # labels
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    return describe(value)


def details(record: Record) -> str:
    parts: list[str] = []
    for name in ("kind", "country", "jurisdiction", "developers", "makers", "subject", "measure",
                 "parameters", "amount", "value", "released", "launched", "date", "period", "target_year"):
        value = getattr(record, name, None)
        if value not in (None, ()):
            parts.append(fmt(value))
    return " · ".join(parts)


def row(record: Record, lang: str) -> list[str]:
    return [record.id, record.label_in(lang), record.record_type, details(record)]


def as_json(record: Record) -> dict[str, Any]:
    data: dict[str, Any] = {"record_type": record.record_type}
    data.update(record.model_dump(mode="json", exclude_defaults=True))
    return data


def dump(data: Any, out: TextIO) -> None:
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")
