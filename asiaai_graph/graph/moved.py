"""Ids that changed: ``kg.moved()``, and old ids that still find their record.

:class:`Moved` is a part of :class:`~asiaai_graph.KnowledgeGraph`. The loader gives the
graph the curated data's table of ids that changed (``data/moved.tsv``,
:mod:`asiaai_graph.datafiles.moved`); item access, ``get``, query filters and
``resolve`` read an old id as the id it is now, with a
:class:`~asiaai_graph.utils.errors.MovedIdWarning` saying so.

Examples
--------
>>> import asiaai_graph as ag
>>> "zhong-xing-tong-xun" in ag.load().moved()
True
"""

from __future__ import annotations

__all__ = ["Moved"]


class Moved:
    """Old ids over ``_moved``, which the graph sets up: old id -> (the id it is now, why it changed)."""

    _moved: dict[str, tuple[str, str]]

    def _moved_to(self, key: str) -> str | None:
        """The id an old id now names (warning that it moved), or ``None``."""
        target = self._moved.get(key)
        if target is None:
            return None
        import warnings

        from asiaai_graph.utils.errors import MovedIdWarning

        warnings.warn(MovedIdWarning(f"{key!r} is now {target[0]!r} ({target[1]})"), stacklevel=3)
        return target[0]

    def moved(self) -> dict[str, tuple[str, str]]:
        """Ids that changed, each mapped to the id it is now and why (``data/moved.tsv``).

        ``kg[old]``, ``kg.get(old)`` and query filters find the new record, with a
        :class:`~asiaai_graph.utils.errors.MovedIdWarning`; ``old in kg`` is false.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> kg = ag.load()
        >>> kg.moved()["zhong-xing-tong-xun"][0]
        'zte'
        >>> import warnings
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     kg["zhong-xing-tong-xun"].id, str(caught[0].message).startswith("'zhong-xing-tong-xun' is now 'zte'")
        ('zte', True)
        """
        return dict(self._moved)
