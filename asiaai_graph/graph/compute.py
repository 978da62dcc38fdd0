"""The questions about compute: clusters, accelerators, what models were trained on, a country's compute on a date.

:class:`ComputeQueries` is a part of :class:`~asiaai_graph.KnowledgeGraph`, like
:class:`~asiaai_graph.graph.queries.Queries`: each helper checks its filters and
answers from the graph's indexes.

**A country's compute on a date** (:meth:`ComputeQueries.compute`) is the sum of the
H100 equivalents of the clusters located in the country that were running on that date:

1. a cluster counts when its status is ``existing`` (or ``decommissioned`` with a
   decommissioning date after the day asked about) and its first operational date is on or
   before that day; a date known only to the month or year counts from the month's or the
   year's *last* day (a cluster first operational in "2024" counts on 2024-12-31, not on
   2024-06-30: only then is it sure to be running);
2. planned clusters never count; a cluster whose first operational date or H100
   equivalents the source does not give cannot be counted, and is listed as left out;
3. a cluster the source flags as a possible duplicate of another row is left out (it may
   already be counted under that row), unless ``possible_duplicates=True``;
4. the source's certainty (confirmed, likely, unlikely) does not change the sum; each
   counted cluster's certainty is in the answer.

Examples
--------
>>> import asiaai_graph as ag
>>> kg = ag.load()
>>> total = kg.compute("JP", on="2025-06-30")
>>> total.h100_equivalents > 0 and all(kg[c].country == "JP" for c in total.clusters)
True
"""

from __future__ import annotations

import calendar
import datetime as _dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from asiaai_graph.graph.queries import EntityOrId
    from asiaai_graph.schema import Accelerator, AIModel, ComputeCluster, PartialDate

__all__ = ["COMPUTE_RULE", "ComputeQueries", "ComputeTotal", "last_day", "first_day"]

COMPUTE_RULE = (
    "the sum of the H100 equivalents of the country's clusters running on the date: status existing (or "
    "decommissioned after the date), first operational on or before it (a date known to the month or year counts "
    "from its last day); planned clusters, clusters without a first operational date or H100 equivalents, and "
    "clusters the source flags as possible duplicates are left out"
)
"""The rule of :meth:`ComputeQueries.compute`, in one sentence (the CLI prints it)."""

_STATUSES = ("existing", "planned", "decommissioned")


def last_day(date: PartialDate) -> _dt.date:
    """The last day a date of known precision may mean: ``2024`` -> 2024-12-31, ``2024-02`` -> 2024-02-29.

    Examples
    --------
    >>> from asiaai_graph import PartialDate
    >>> last_day(PartialDate.parse(2024)), last_day(PartialDate.parse("2024-02")), last_day(PartialDate.parse("2024-02-03"))
    (datetime.date(2024, 12, 31), datetime.date(2024, 2, 29), datetime.date(2024, 2, 3))
    """
    month = date.month or 12
    day = date.day or calendar.monthrange(date.year, month)[1]
    return _dt.date(date.year, month, day)


def first_day(date: PartialDate) -> _dt.date:
    """The first day a date of known precision may mean: ``2024`` -> 2024-01-01.

    Examples
    --------
    >>> from asiaai_graph import PartialDate
    >>> first_day(PartialDate.parse(2024)), first_day(PartialDate.parse("2024-05"))
    (datetime.date(2024, 1, 1), datetime.date(2024, 5, 1))
    """
    return _dt.date(date.year, date.month or 1, date.day or 1)


def _day(on: str | _dt.date | None) -> _dt.date:
    if on is None:
        return _dt.date.today()
    if isinstance(on, _dt.datetime):
        return on.date()
    if isinstance(on, _dt.date):
        return on
    try:
        return _dt.date.fromisoformat(on)
    except ValueError:
        raise ValueError(f"on={on!r} is not a day (YYYY-MM-DD)") from None


@dataclass(frozen=True)
class ComputeTotal:
    """A country's compute on a day: the sum, the clusters counted, and those left out with the reason."""

    country: str
    on: _dt.date
    h100_equivalents: Decimal
    clusters: tuple[str, ...]
    """The clusters counted, largest first."""
    left_out: tuple[tuple[str, str], ...] = field(default=())
    """(cluster id, why it is not counted) for the country's clusters that are not running on the day or cannot
    be counted; planned clusters are not listed."""
    approximate: tuple[str, ...] = ()
    """The counted clusters whose H100 equivalents the source gives as approximate (Epoch's anonymised Chinese
    rows, rounded to one significant figure): the sum is then about, not exact."""
    rule: str = COMPUTE_RULE

    def describe(self) -> str:
        """One line: ``JP on 2025-06-30: 123,456 H100 equivalents from 12 clusters``.

        Examples
        --------
        >>> ComputeTotal("KR", _dt.date(2025, 1, 1), Decimal(1500), ("a", "b")).describe()
        'KR on 2025-01-01: 1,500 H100 equivalents from 2 clusters'
        >>> ComputeTotal("CN", _dt.date(2025, 1, 1), Decimal(1500), ("a", "b"), approximate=("b",)).describe()
        'CN on 2025-01-01: about 1,500 H100 equivalents from 2 clusters (1 of them approximate)'
        """
        about = "about " if self.approximate else ""
        rounded = f" ({len(self.approximate)} of them approximate)" if self.approximate else ""
        return f"{self.country} on {self.on.isoformat()}: {about}{self.h100_equivalents:,} H100 equivalents from " \
               f"{len(self.clusters)} clusters{rounded}"


def _why_not(cluster: ComputeCluster, day: _dt.date, possible_duplicates: bool) -> str | None:
    """Why ``cluster`` does not count on ``day`` (``None``: it counts); ``""``: a planned cluster."""
    if cluster.status == "planned":
        return ""
    if cluster.first_operational is None:
        return "no first operational date"
    if last_day(cluster.first_operational) > day:
        return f"first operational {cluster.first_operational}, after the day"
    if cluster.status == "decommissioned" and (cluster.decommissioned is None
                                               or first_day(cluster.decommissioned) <= day):
        return "decommissioned" + (f" {cluster.decommissioned}" if cluster.decommissioned else "")
    if cluster.h100_equivalents is None:
        return "no H100 equivalents"
    if cluster.possible_duplicate and not possible_duplicates:
        return "a possible duplicate of another row"
    return None


class ComputeQueries:
    """Compute queries over :meth:`select` and :meth:`id_of`, which the graph provides."""

    def select(self, record_type: str, **filters: Any) -> list[Any]:
        raise NotImplementedError

    def id_of(self, value: EntityOrId, record_type: str | tuple[str, ...] | None = None,
              param: str = "entity") -> str:
        raise NotImplementedError

    def clusters(self, country: EntityOrId | None = None, owner: EntityOrId | None = None,
                 chip: EntityOrId | None = None, status: str | None = None) -> list[ComputeCluster]:
        """Compute clusters, by the country they stand in, an owner, a chip they hold, or status
        (``existing``, ``planned``, ``decommissioned``).

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> kg = ag.load()
        >>> abci = [c for c in kg.clusters(country="JP") if c.name.startswith("AIST ABCI")]
        >>> bool(abci) and all(c.country == "JP" for c in abci)
        True
        >>> kg.clusters(status="running")
        Traceback (most recent call last):
        ...
        ValueError: status='running' is not one of: existing, planned, decommissioned
        """
        if status is not None and status not in _STATUSES:
            raise ValueError(f"status={status!r} is not one of: {', '.join(_STATUSES)}")
        c = self.id_of(country, "country", "country") if country is not None else None
        o = self.id_of(owner, "organization", "owner") if owner is not None else None
        ch = self.id_of(chip, "accelerator", "chip") if chip is not None else None
        return self.select("cluster", country=c, owner=o, chip=ch, status=status)

    def hardware(self, maker: EntityOrId | None = None, foundry: EntityOrId | None = None) -> list[Accelerator]:
        """AI accelerators (chips), optionally by maker or foundry.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> "huawei-ascend-910b" in [a.id for a in ag.load().hardware(maker="huawei")]
        True
        """
        m = self.id_of(maker, "organization", "maker") if maker is not None else None
        f = self.id_of(foundry, "organization", "foundry") if foundry is not None else None
        if m is not None and f is not None:
            return [a for a in self.select("accelerator", maker=m) if f in a.foundries]
        return self.select("accelerator", maker=m, foundry=f)

    def trained_on(self, maker: EntityOrId | None = None, chip: EntityOrId | None = None) -> list[AIModel]:
        """Models trained on a maker's chips, or on one chip: as the model's record says
        (``training_hardware``) or the chip's (``trained_models``).

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> kg = ag.load()
        >>> "huawei-ascend-910" in kg["pangu-sigma"].training_hardware
        True
        >>> "pangu-sigma" in [m.id for m in kg.trained_on(maker="huawei")]
        True
        """
        if maker is not None and chip is None:
            return self.select("model", chip_maker=self.id_of(maker, "organization", "maker"))
        if chip is not None and maker is None:
            return self.select("model", chip=self.id_of(chip, "accelerator", "chip"))
        raise ValueError("give one of maker= or chip=")

    def compute(self, country: EntityOrId, on: str | _dt.date | None = None, *,
                possible_duplicates: bool = False) -> ComputeTotal:
        """A country's AI compute on a day (default today), in H100 equivalents, by the rule of this module.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> kg = ag.load()
        >>> early, late = kg.compute("CN", on="2020-01-01"), kg.compute("CN", on="2025-06-30")
        >>> early.h100_equivalents < late.h100_equivalents
        True
        >>> sorted({why for _, why in late.left_out})[:1]
        ['a possible duplicate of another row']
        """
        cid = self.id_of(country, "country", "country")
        day = _day(on)
        counted: list[ComputeCluster] = []
        left: list[tuple[str, str]] = []
        for cluster in self.select("cluster", country=cid):
            why = _why_not(cluster, day, possible_duplicates)
            if why is None:
                counted.append(cluster)
            elif why:
                left.append((cluster.id, why))
        counted.sort(key=lambda c: (-c.h100_equivalents.value if c.h100_equivalents else 0, c.id))
        total = sum((c.h100_equivalents.value for c in counted if c.h100_equivalents), Decimal(0))
        approximate = tuple(c.id for c in counted if c.h100_equivalents and c.h100_equivalents.qualifier == "about")
        return ComputeTotal(cid, day, total, tuple(c.id for c in counted), tuple(left), approximate)
