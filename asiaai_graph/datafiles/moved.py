"""Ids that changed: ``data/moved.tsv``, read, checked and applied to references.

A record's id changes when two records turn out to be one entity (``ma-yi-ji-tuan`` was Ant
Group, now ``ant-group``) or when a readable id replaces a made-up one (``zhong-xing-tong-xun``
is ``zte``). The old id keeps working: ``moved.tsv`` maps it to the new one, with the reason,
and

* a reference to an old id in any YAML file (curated, imported or a user's own) is read as
  the new id (:func:`redirect`), with a :class:`~asiaai_graph.utils.errors.MovedIdWarning`;
* ``kg["old-id"]``, ``kg.get``, query filters and the CLI find the new record, with a note;
* the RDF export states the old IRI ``owl:sameAs`` the new one.

The table is tab-separated with a header line (``old_id``, ``new_id``, ``reason``); ``#``
starts a comment. An old id may point at an id that moved again later: :func:`read_moved`
follows the chain, and refuses a cycle.

Examples
--------
>>> moved = {"ma-yi-ji-tuan": ("ant-group", "one entity")}
>>> from asiaai_graph.schema import AIModel
>>> m = AIModel(id="m", name="M", kind="llm", developers=["ma-yi-ji-tuan"], sources=["s"])
>>> redirect(m, moved).developers
('ant-group',)
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from asiaai_graph.utils.errors import DataError, Problem

if TYPE_CHECKING:
    from asiaai_graph.schema import Record

__all__ = ["MOVED_FILE", "Moved", "read_moved", "redirect", "redirect_warned", "redirected_fields"]

MOVED_FILE = "moved.tsv"

Moved = Mapping[str, tuple[str, str]]
"""Old id -> (the id it is now, why it changed)."""

_COLUMNS = ("old_id", "new_id", "reason")


def read_moved(path: str | Path) -> dict[str, tuple[str, str]]:
    """The table at ``path`` (empty when there is none), each old id mapped to the id it is now.

    Raises :class:`~asiaai_graph.utils.errors.DataError` naming the line of each bad row.

    >>> import tempfile, os
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = os.path.join(d, "moved.tsv")
    ...     _ = open(p, "w").write("old_id\\tnew_id\\treason\\na\\tb\\tmerged\\nb\\tc\\trenamed\\n")
    ...     read_moved(p)["a"]
    ('c', 'merged; then renamed')
    """
    from asiaai_graph.schema.terms import SLUG
    import re

    file = Path(path)
    if not file.is_file():
        return {}
    problems: list[Problem] = []
    table: dict[str, tuple[str, str]] = {}
    with file.open(encoding="utf-8", newline="") as fh:
        rows = [(n, line) for n, line in enumerate(fh, 1) if line.strip() and not line.startswith("#")]
    if rows and tuple(rows[0][1].rstrip("\r\n").split("\t")) != _COLUMNS:
        raise DataError([Problem(str(file), rows[0][0], None, None, "the header must be old_id / new_id / reason")])
    slug = re.compile(SLUG)
    for n, line in rows[1:]:
        cells = next(csv.reader([line.rstrip("\r\n")], delimiter="\t", quoting=csv.QUOTE_NONE))
        if len(cells) != 3 or not all(slug.match(c.strip()) for c in cells[:2]) or not cells[2].strip():
            problems.append(Problem(str(file), n, None, None, "three cells expected: two ids and a reason"))
            continue
        old, new, reason = (c.strip() for c in cells)
        if old in table or old == new:
            problems.append(Problem(str(file), n, old, None, f"{old!r} is moved twice, or to itself"))
            continue
        table[old] = (new, reason)
    out: dict[str, tuple[str, str]] = {}
    for old in table:
        new, reason = table[old]
        seen = {old}
        while new in table:
            if new in seen:
                problems.append(Problem(str(file), None, old, None, f"the moves of {old!r} go round in a cycle"))
                break
            seen.add(new)
            new, later = table[new]
            reason = f"{reason}; then {later}"
        out[old] = (new, reason)
    if problems:
        raise DataError(problems)
    return out


def redirected_fields(record: Record, moved: Moved) -> dict[str, Any]:
    """The reference fields of ``record`` that name an old id, with the new ids in their place."""
    update: dict[str, Any] = {}
    for ref in type(record).refs:
        value = getattr(record, ref.field)
        if value is None:
            continue
        items = value if isinstance(value, tuple) else (value,)
        changed = []
        for item in items:
            target = getattr(item, ref.key) if ref.key is not None else item
            if target in moved:
                new = moved[target][0]
                item = item.model_copy(update={ref.key: new}) if ref.key is not None else new
            changed.append(item)
        if changed != list(items):
            update[ref.field] = tuple(changed) if isinstance(value, tuple) else changed[0]
    return update


def redirect(record: Record, moved: Moved) -> Record:
    """``record`` with every reference to an old id read as the new id (the same record when there is none)."""
    update = redirected_fields(record, moved)
    return record.model_copy(update=update) if update else record


def redirect_warned(record: Record, moved: Moved, shown: str) -> Record:
    """``record`` with references to old ids read as the new ones, each change warned about (file ``shown``)."""
    update = redirected_fields(record, moved)
    if not update:
        return record
    import warnings

    from asiaai_graph.utils.errors import MovedIdWarning

    old = {ref: getattr(record, ref) for ref in update}
    warnings.warn(MovedIdWarning(f"{shown}: record {record.id}: {', '.join(update)} named moved ids "
                                 f"({old}); read as {update}"), stacklevel=3)
    return record.model_copy(update=update)
