"""How the command line prints: text made safe for a terminal, aligned tables (CJK-aware), record rows, JSON.

Everything from the data (names, descriptions, quotes, field names in error
messages) goes through :func:`clean` (:func:`asiaai_graph.safetext.clean`)
before it reaches a terminal, so a
record cannot retitle the window, write the clipboard or clear the screen
with escape sequences, nor reorder a line with bidi controls. JSON keeps
every value exactly, escaped so that it is safe to print too.

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

import functools
import json
import unicodedata
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from asiaai_graph.i18n import date_text
from asiaai_graph.safetext import JSON_UNSAFE, clean

if TYPE_CHECKING:
    from asiaai_graph.schema import Record

__all__ = ["UsageError", "as_json", "clean", "details", "dump", "dumps", "fmt", "row", "say", "table", "width", "wrap"]


class UsageError(Exception):
    """A command given the wrong arguments: the CLI prints the message and exits with 2."""


def say(text: str, stream: TextIO) -> None:
    """Print a message that may hold data to ``stream``, cleaned line by line (its own newlines kept)."""
    print("\n".join(clean(line) for line in text.split("\n")), file=stream)


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal: 2 for wide (CJK) characters, 0 for combining ones.

    >>> width("Naver"), width("네이버"), width("e\u0301")
    (5, 6, 1)
    """
    if text.isascii():  # most cells: no lookup per character
        return len(text)
    return sum(map(_char_width, text))


@functools.lru_cache(maxsize=4096)
def _char_width(ch: str) -> int:
    return 0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def _pieces(word: str, columns: int) -> Iterator[str]:
    """A word wider than ``columns`` (CJK text has no spaces) cut into pieces that fit."""
    piece = ""
    for ch in word:
        if piece and width(piece + ch) > columns:
            yield piece
            piece = ""
        piece += ch
    if piece:
        yield piece


def wrap(text: str, columns: int) -> list[str]:
    """``text`` (already cleaned) in lines of at most ``columns`` terminal columns, broken at spaces.

    >>> wrap("중국의 AI 스타트업 딥시크는 역대 오픈소스 모델 중", 16)   # Hangul takes two columns
    ['중국의 AI', '스타트업', '딥시크는 역대', '오픈소스 모델 중']
    >>> wrap("매개변수6,710억개를자랑하는", 10)                         # no space: cut where it must
    ['매개변수6,', '710억개를', '자랑하는']
    """
    lines: list[str] = []
    line = ""
    for word in text.split():
        for piece in _pieces(word, columns):
            if line and width(line) + 1 + width(piece) > columns:
                lines.append(line)
                line = piece
            else:
                line = f"{line} {piece}" if line else piece
    if line or not lines:
        lines.append(line)
    return lines


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], out: TextIO) -> None:
    """Aligned columns; every cell is :func:`clean`-ed."""
    rows = [[clean(c) for c in r] for r in rows]
    widths = [max([width(h)] + [width(r[i]) for r in rows]) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c + " " * (w - width(c)) for c, w in zip(cells, widths)).rstrip()

    print(line(headers), file=out)
    print(line(["-" * w for w in widths]), file=out)
    for r in rows:
        print(line(r), file=out)


def fmt(value: Any, lang: str = "en") -> str:
    """A field's value as one line of text; approximate dates read in ``lang`` (``2024년경``)."""
    from asiaai_graph.schema import PartialDate

    if isinstance(value, dict):  # labels
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    if isinstance(value, PartialDate):
        return date_text(value, lang)
    from asiaai_graph.flat import describe

    return describe(value)


_DETAILS = ("kind", "country", "jurisdiction", "developers", "makers", "subject", "measure", "parameters", "amount",
            "value", "released", "launched", "date", "period", "target_year")


def details(record: Record, lang: str = "en") -> str:
    """The few fields that tell records of a type apart, joined with ``·``."""
    parts: list[str] = []
    for name in _DETAILS:
        value = getattr(record, name, None)
        if value not in (None, ()):
            parts.append(fmt(value, lang))
    return " · ".join(parts)


def row(record: Record, lang: str) -> list[str]:
    return [record.id, record.label_in(lang), record.record_type, details(record, lang)]


def as_json(record: Record) -> dict[str, Any]:
    data: dict[str, Any] = {"record_type": record.record_type}
    data.update(record.model_dump(mode="json", exclude_defaults=True))
    return data


def dumps(data: Any) -> str:
    r"""``data`` as indented JSON that is safe to print: the same values, with terminal controls as ``\uXXXX``.

    >>> print(dumps({"name": "a\x1b[2J\u202eb\x9b"}))
    {
      "name": "a\u001b[2J\u202eb\u009b"
    }
    """
    text = json.dumps(data, ensure_ascii=False, indent=2)
    # those characters only occur inside JSON strings, where \uXXXX means the same character
    return JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def dump(data: Any, out: TextIO) -> None:
    """Write :func:`dumps` of ``data`` and a newline."""
    out.write(dumps(data))
    out.write("\n")
