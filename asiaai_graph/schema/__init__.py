"""The typed records of the knowledge graph and the value types they share.

* :mod:`~asiaai_graph.schema.values` -- value types (``PartialDate``, ``Quantity``, ``Money``, ``Citation``...);
* :mod:`~asiaai_graph.schema.records` -- record types (``Organization``, ``AIModel``...), ``SECTIONS``, ``RECORD_TYPES``;
* :mod:`~asiaai_graph.schema.terms` -- controlled vocabularies (kinds, measures, regions, qualifiers);
* :mod:`~asiaai_graph.schema.codes` -- ISO 3166-1 and ISO 4217 code tables.

Every record kind is a frozen pydantic model that forbids unknown fields. A data
file is a YAML mapping from a *section* name (``organizations``, ``models``, ...)
to a list of records of that kind; :data:`SECTIONS` maps each section to its
model. References to other records are plain ids; each model declares in
``refs`` which of its fields point where and under which relation name, and
the loader checks them and turns them into graph edges.

Examples
--------
>>> from asiaai_graph import Quantity, Money, PartialDate
>>> Quantity.model_validate({"value": 100_000_000_000, "qualifier": "at_least"}).describe()
'≥ 100,000,000,000'
>>> Money.model_validate({"amount": 600_000_000, "currency": "USD"}).describe()
'600,000,000 USD'
>>> PartialDate.parse("2024-05").precision
'month'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from asiaai_graph.schema.records import (
        AIModel,
        Country,
        Entity,
        Indicator,
        Investment,
        Organization,
        Partnership,
        Person,
        Place,
        Policy,
        Product,
        Record,
        RECORD_TYPES,
        Ref,
        SECTIONS,
        Source,
        section_adapter,
    )
    from asiaai_graph.schema.terms import (
        Accessibility,
        InvestmentKind,
        InvestmentStatus,
        LanguageTag,
        LifecycleEventKind,
        Measure,
        ModelKind,
        OrganizationCategory,
        OrganizationKind,
        PolicyKind,
        PolicyStatus,
        Qualifier,
        Region,
    )
    from asiaai_graph.schema.values import (
        Affiliation,
        Citation,
        Dispute,
        Goal,
        InvestorRole,
        LifecycleEvent,
        Money,
        PartialDate,
        Period,
        Quantity,
        StatedValue,
    )

__all__ = [
    "AIModel",
    "Accessibility",
    "Affiliation",
    "Citation",
    "Country",
    "Dispute",
    "Entity",
    "Goal",
    "Indicator",
    "Investment",
    "InvestmentKind",
    "InvestmentStatus",
    "InvestorRole",
    "LanguageTag",
    "LifecycleEvent",
    "LifecycleEventKind",
    "Measure",
    "ModelKind",
    "Money",
    "Organization",
    "OrganizationCategory",
    "OrganizationKind",
    "PartialDate",
    "Partnership",
    "Period",
    "Person",
    "Place",
    "Policy",
    "PolicyKind",
    "PolicyStatus",
    "Product",
    "Qualifier",
    "Quantity",
    "RECORD_TYPES",
    "Record",
    "Ref",
    "Region",
    "SECTIONS",
    "Source",
    "StatedValue",
    "section_adapter",
]

#: Public name -> the module of this package that defines it (imported on first use, PEP 562:
#: the vocabularies in ``terms`` and ``codes`` can be used without importing pydantic).
_HOMES: dict[str, str] = {
    "AIModel": "records",
    "Affiliation": "values",
    "Citation": "values",
    "Country": "records",
    "Dispute": "values",
    "Entity": "base",
    "Goal": "values",
    "Indicator": "records",
    "Investment": "records",
    "InvestorRole": "values",
    "InvestmentKind": "terms",
    "InvestmentStatus": "terms",
    "LifecycleEvent": "values",
    "LifecycleEventKind": "terms",
    "Period": "values",
    "PolicyKind": "terms",
    "PolicyStatus": "terms",
    "Accessibility": "terms",
    "LanguageTag": "terms",
    "Measure": "terms",
    "ModelKind": "terms",
    "Money": "values",
    "Organization": "records",
    "OrganizationCategory": "terms",
    "OrganizationKind": "terms",
    "PartialDate": "values",
    "Partnership": "records",
    "Person": "records",
    "Place": "records",
    "Policy": "records",
    "Product": "records",
    "Qualifier": "terms",
    "Quantity": "values",
    "RECORD_TYPES": "records",
    "Record": "base",
    "Ref": "base",
    "Region": "terms",
    "SECTIONS": "records",
    "Source": "base",
    "StatedValue": "values",
    "section_adapter": "records",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'asiaai_graph.schema' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"asiaai_graph.schema.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
