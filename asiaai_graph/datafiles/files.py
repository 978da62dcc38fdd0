"""Reading data files safely: bounded bytes, their digest, and text that reads as an editor shows it.

:func:`read_bytes` reads a file once, within a size limit; its SHA-256 is what
the snapshot cache is keyed by (:class:`FileDigest`). :func:`decode` turns the
bytes into text and refuses characters that make an editor show something
else than what a YAML parser reads: the line breaks YAML 1.1 honours but
editors do not (U+0085, U+2028, U+2029: a comment could end in the middle of
what looks like one line, and line numbers would drift), control characters,
bidirectional overrides (they reorder what a reviewer sees), and a byte order
mark after the start. Each refusal names its line and column.

Examples
--------
>>> decode("name: 바이두\\n".encode())
('name: 바이두\\n', None)
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, NamedTuple

from asiaai_graph.utils.errors import DataError, Problem

__all__ = ["FORBIDDEN_CHARACTERS", "FileDigest", "ParseProblem", "curated_files", "decode", "display_path",
           "read_bytes"]


class ParseProblem(NamedTuple):
    """One problem in a document: its line (1-based, as editors count), where in the document, what."""

    line: int | None
    path: tuple[Any, ...]
    message: str


# Characters refused anywhere in a data file:
# C0 controls but tab, LF and CR; DEL and the C1 controls (U+0085 NEL among them); the Unicode line
# and paragraph separators (YAML 1.1 ends lines and comments at U+0085, U+2028 and U+2029, editors
# mostly do not); bidirectional embeddings, overrides and isolates (they reorder what a reviewer
# sees); a byte order mark after the start; the noncharacters U+FFFE and U+FFFF.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]")
#: The characters a data file may not hold (the loader refuses them), for writers that must not produce them.
FORBIDDEN_CHARACTERS = _FORBIDDEN
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def curated_files(folder: Path) -> list[Path]:
    """The curated YAML files of a data folder, sorted: every ``*.yaml`` under it but the imports in ``datasets/``
    and the reference tables in ``reference/`` (written by a script, not curated).

    The records of the five articles lie at the top; bundles of records curated from public pages in
    ``policies/``, ``investments/`` and ``builders/`` (see ``data/README.md``).
    """
    return sorted(p for p in folder.rglob("*.yaml") if not {"datasets", "reference"} & set(p.relative_to(folder).parts))


def display_path(path: Path) -> str:
    """The path as the user will recognise it: relative below the working directory, else absolute.

    Examples
    --------
    >>> from pathlib import Path
    >>> display_path(Path.cwd() / "my_records" / "models.yaml")
    'my_records/models.yaml'
    """
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


class FileDigest(NamedTuple):
    """A file as it was read: its path and the SHA-256 of the bytes read."""

    path: Path
    digest: bytes


def read_bytes(path: Path, max_size: int) -> bytes:
    """The bytes of ``path``, or a :class:`DataError` when it cannot be read or is over ``max_size`` bytes.

    The size is checked on the open file and again on what was read, so a file
    that grows while it is read is refused too.

    Examples
    --------
    >>> from asiaai_graph.loading.loader import curated_data_dir
    >>> read_bytes(curated_data_dir() / "sources.yaml", 10)
    Traceback (most recent call last):
    ...
    asiaai_graph.utils.errors.DataError: 1 problem in the data:
      .../sources.yaml: file is ... bytes, over the limit of 10 bytes
    """
    shown = display_path(path)
    try:
        with path.open("rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            data = fh.read(max_size + 1) if size <= max_size else b""
    except OSError as exc:
        raise DataError([Problem(shown, None, None, None, f"cannot read the file: {exc.strerror or exc}")]) from None
    if size > max_size or len(data) > max_size:
        size = max(size, len(data))
        raise DataError([Problem(shown, None, None, None, f"file is {size} bytes, over the limit of {max_size} bytes")])
    return data


def _line_of(text: str, offset: int) -> int:
    return len(_LINE_BREAK.findall(text, 0, offset)) + 1


def decode(data: bytes) -> tuple[str | None, ParseProblem | None]:
    """UTF-8 bytes (an optional byte order mark first) as text, or the located reason they are refused.

    Examples
    --------
    >>> decode("name: 바이두\\n".encode())
    ('name: 바이두\\n', None)
    >>> decode("a: 1\\n# note\\u2028b: 2\\n".encode())[1].message
    'character U+2028 (line separator) at column 7 is not allowed: it ends a line in YAML but not in most editors'
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        prefix = data[: exc.start].decode("utf-8", "replace")
        line = _line_of(prefix, len(prefix))
        return None, ParseProblem(line, (), f"not UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start}")
    bad = _FORBIDDEN.search(text)
    if bad is None:
        return text, None
    ch = bad.group()
    line = _line_of(text, bad.start())
    column = bad.start() - max(text.rfind("\n", 0, bad.start()), text.rfind("\r", 0, bad.start()))
    import unicodedata

    name = {"\u2028": "line separator", "\u2029": "paragraph separator", "\x85": "next line",
            "\ufeff": "byte order mark"}.get(ch) or unicodedata.name(ch, "control character").lower()
    why = ("it ends a line in YAML but not in most editors" if ch in "\x85\u2028\u2029"
           else "it changes how the text is displayed" if "\u202a" <= ch <= "\u2069"
           else "invisible or control characters hide what a file says")
    return None, ParseProblem(line, (), f"character U+{ord(ch):04X} ({name}) at column {column} is not allowed: {why}")


