"""The command line's words in the language of ``--lang``: table headers, record types, kinds, field names.

Headers and record types come from :data:`asiaai_graph.utils.i18n.TEXTS` (the table every
view shares); kinds and field names from the explorer's ``strings.json``, so a kind reads
the same in the explorer and in a terminal. A word without a translation stays English.

Examples
--------
>>> heads(["ID", "NAME", "TYPE", "DETAILS"], "ko")
['ID', '이름', '유형', '세부 정보']
>>> kind_word("startup", "ko"), type_word("organization", "ja"), field_word("parameters", "zh")
('스타트업', '組織', '参数')
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from importlib.resources import files
from typing import Any

from asiaai_graph.utils.i18n import TEXTS, tr

__all__ = ["field_word", "heads", "kind_word", "relation_word", "type_word"]


@functools.cache
def _strings() -> dict[str, Any]:
    table: dict[str, Any] = json.loads((files("asiaai_graph.views.explorer") / "strings.json").read_text("utf-8"))
    return table


def heads(words: Sequence[str], lang: str) -> list[str]:
    """Table headers (``ID``, ``NAME``...) in ``lang``; a header with no entry stays as it is."""
    return [tr(f"head:{w}", lang) if f"head:{w}" in TEXTS else w for w in words]


def type_word(record_type: str, lang: str) -> str:
    """A record type (``organization``) in ``lang``."""
    return tr(f"type:{record_type}", lang) if f"type:{record_type}" in TEXTS else record_type


def kind_word(kind: str, lang: str) -> str:
    """A record's kind (``startup``, ``llm``, ``law``) in ``lang``."""
    entry = _strings()["kinds"].get(kind)
    return str(entry.get(lang) or entry["en"]) if entry else kind


def field_word(field: str, lang: str) -> str:
    """A field's name (``parameters``) in ``lang``; in English, and where no word is known, as written."""
    if lang == "en":
        return field
    entry = _strings()["fields"].get(field)
    if entry:
        return str(entry.get(lang) or entry["en"])
    return tr(f"field:{field}", lang) if f"field:{field}" in TEXTS else field


def relation_word(relation: str, lang: str) -> str:
    """A relation (``developed_by``; ``^developed_by`` read from the other end) in ``lang``; in English as written."""
    if lang == "en":
        return relation
    name = relation.lstrip("^")
    word = tr(f"rel:{name}", lang) if f"rel:{name}" in TEXTS else name
    return ("^" + word) if relation.startswith("^") else word
