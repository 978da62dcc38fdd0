"""Dated histories: a policy's or a country's policy timeline, a company's funding rounds, money totals.

:class:`Histories` is a part of :class:`~asiaai_graph.KnowledgeGraph`, over its
queries and edges. Dates keep their precision; a date known only to the year or
month sorts before the days of that year or month (``2024`` before ``2024-03``
before ``2024-03-07``), and an undated round comes last.

Examples
--------
>>> import asiaai_graph as ag
>>> kg = ag.load()
>>> [s.describe() for s in kg.timeline("kr-ai-basic-act") if s.policy.id == "kr-ai-basic-act"][1:4]
['2024-12-26 passed', '2025-01-14~ approved', '2025-01-21 promulgated']
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

from asiaai_graph.graph.queries import Queries

if TYPE_CHECKING:
    from asiaai_graph.graph.queries import EntityOrId
    from asiaai_graph.schema import Investment, Policy, Record
    from asiaai_graph.schema.values import PartialDate

__all__ = ["Histories", "Step", "Total", "date_key"]


def date_key(date: PartialDate | None) -> tuple[int, int, int]:
    """How dates of different precision sort: a year before its months, a month before its days; none last."""
    if date is None:
        return (10_000, 0, 0)
    return (date.year, date.month or 0, date.day or 0)


class Step(NamedTuple):
    """One dated step of a policy's life, in a timeline."""

    date: PartialDate
    event: str
    policy: Policy
    note: str | None = None

    def describe(self) -> str:
        """``2024-12-26 passed``."""
        return f"{self.date} {self.event.replace('_', ' ')}"


class Total(NamedTuple):
    """Money in one currency: the sum of the stated amounts, how many, and whether any is not exact."""

    currency: str
    amount: Decimal
    records: int
    approximate: bool
    """True when some amount is a bound, an approximation or a range (its lower end is summed)."""

    def describe(self) -> str:
        sign = "≥ " if self.approximate else ""
        return f"{sign}{self.amount:,} {self.currency} ({self.records})"


class Histories(Queries):
    """Timelines and funding histories over the graph's queries."""

    def __getitem__(self, key: str) -> Record:
        raise NotImplementedError

    def timeline(self, of: EntityOrId) -> list[Step]:
        """The dated steps of a policy, or of every policy of a country or place, in date order.

        For a policy, the steps of the policies that amend, implement or supersede it
        come too (an act, then its enforcement decree, then its amendment); each
        step names its policy.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> kg = ag.load()
        >>> steps = kg.timeline("kr-ai-basic-act")
        >>> ("kr-ai-basic-act-enforcement-decree", "consultation") in [(s.policy.id, s.event) for s in steps]
        True
        >>> {s.policy.jurisdiction for s in kg.timeline("KR")} >= {"KR", "seoul"}
        True
        """
        from asiaai_graph.schema import Policy

        rid = self.id_of(of, ("policy", "country", "place"), "of")
        record = self[rid]
        if isinstance(record, Policy):
            related = [p for p in self.policies() if rid in (*p.modifies, *p.implements, *p.supersedes)]
            policies: Iterable[Policy] = [record, *sorted(related, key=lambda p: p.id)]
        elif record.record_type == "country":
            policies = self.policies(country=rid)
        else:
            policies = self.policies(jurisdiction=rid)
        steps = [Step(e.date, e.event, p, e.note) for p in policies for e in p.lifecycle]
        return sorted(steps, key=lambda s: (date_key(s.date), s.policy.id, s.event))

    def funding_rounds(self, company: EntityOrId) -> list[Investment]:
        """The money a company raised (rounds, listings, grants), in date order, undated last.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> rounds = ag.load().funding_rounds("zhipu-ai")
        >>> len(rounds) >= 5 and rounds == sorted(rounds, key=lambda i: date_key(i.date))
        True
        """
        rid = self.id_of(company, "organization", "company")
        return sorted(self.investments(investee=rid), key=lambda i: (date_key(i.date), i.id))

    @staticmethod
    def totals(investments: Iterable[Investment]) -> list[Total]:
        """The stated amounts summed by currency, never converted; a bound or a range counts its lower end.

        Amounts in different currencies are not added up. Records that are parts of
        a larger one (a fund's slice for AI, a year of a five-year plan) are
        counted as given: pick the records you add.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> kg = ag.load()
        >>> [t.currency for t in kg.totals(kg.investments(investee="sensetime"))][:1]
        ['HKD']
        """
        sums: dict[str, list[Any]] = {}
        for i in investments:
            if i.amount is None:
                continue
            entry = sums.setdefault(i.amount.currency, [Decimal(0), 0, False])
            entry[0] += i.amount.amount
            entry[1] += 1
            entry[2] = entry[2] or i.amount.qualifier != "exact"
        return [Total(c, *sums[c]) for c in sorted(sums, key=lambda c: (-sums[c][1], c))]
