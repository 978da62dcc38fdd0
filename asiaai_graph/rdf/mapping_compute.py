"""How the compute records (accelerators, clusters) become RDF: their rows of the mapping table, as plain data.

:mod:`asiaai_graph.rdf.mapping` turns each row ``(field, kind, name, arg)`` into a
:class:`~asiaai_graph.rdf.mapping.FieldMap` and adds them to its ``FIELDS`` and ``SUB_FIELDS``:
``name`` is a schema relation for ``ref`` and ``refs`` fields (``made_by`` -> ``aag:madeBy``) and an
``aag:`` term otherwise; ``arg`` is the node kind of a ``node`` or ``nodes`` field, and the
"approximate" flag's ``aag:`` term of a ``date``. Kept apart so that the mapping module stays short;
it imports nothing.

Examples
--------
>>> [row[0] for row in CLUSTER[:3]]
['status', 'certainty', 'owners']
"""

from __future__ import annotations

__all__ = ["ACCELERATOR", "CHIP_COUNT", "CLUSTER"]

_QUANTITIES = (
    ("fp64_performance", "fp64Performance"), ("fp32_performance", "fp32Performance"),
    ("tf32_performance", "tf32Performance"), ("fp16_performance", "fp16Performance"),
    ("tensor_fp16_performance", "tensorFp16Performance"), ("fp8_performance", "fp8Performance"),
    ("fp4_performance", "fp4Performance"), ("int16_performance", "int16Performance"),
    ("int8_performance", "int8Performance"), ("int4_performance", "int4Performance"), ("memory", "memory"),
    ("memory_bandwidth", "memoryBandwidth"), ("intranode_bandwidth", "intranodeBandwidth"),
    ("internode_bandwidth", "internodeBandwidth"), ("tdp", "tdp"), ("process_node", "processNode"),
    ("die_size", "dieSize"), ("transistors", "transistors"),
)

#: An accelerator's own fields (the entity's names, citations and disputes are added around them).
ACCELERATOR: tuple[tuple[str, str, str, str], ...] = (
    ("chip_type", "str", "chipType", ""),
    ("makers", "refs", "made_by", ""),
    ("foundries", "refs", "fabricated_by", ""),
    ("released", "date", "released", "releasedApproximate"),
    ("release_price", "node", "releasePrice", "money"),
    *((field, "node", term, "quantity") for field, term in _QUANTITIES),
    ("trained_models", "refs", "used_to_train", ""),
)

#: A compute cluster's own fields.
CLUSTER: tuple[tuple[str, str, str, str], ...] = (
    ("status", "str", "status", ""),
    ("certainty", "str", "certainty", ""),
    ("owners", "refs", "owned_by", ""),
    ("users", "refs", "used_by", ""),
    ("user_groups", "strs", "userGroup", ""),
    ("country", "ref", "in_country", ""),
    ("place", "ref", "located_in", ""),
    ("location", "str", "location", ""),
    ("first_operational", "date", "firstOperational", "firstOperationalApproximate"),
    ("planned_operational", "date", "plannedOperational", "plannedOperationalApproximate"),
    ("decommissioned", "date", "decommissioned", "decommissionedApproximate"),
    ("single_cluster", "bool", "singleCluster", ""),
    ("chips", "nodes", "chips", "chip_count"),
    ("chip_count", "node", "chipCount", "quantity"),
    ("h100_equivalents", "node", "h100Equivalents", "quantity"),
    ("power", "node", "power", "quantity"),
    ("hardware_cost", "node", "hardwareCost", "money"),
    ("sector", "str", "sector", ""),
    ("builds_upon", "refs", "builds_upon", ""),
    ("superseded_by", "refs", "superseded_by", ""),
    ("possible_duplicate", "bool", "possibleDuplicate", ""),
    ("possible_duplicate_of", "refs", "possible_duplicate_of", ""),
)

#: A cluster's chip count (a sub-record): which chip (an ``aag:`` term, not a relation: it is the node's key),
#: how many.
CHIP_COUNT: tuple[tuple[str, str, str, str], ...] = (
    ("chip", "ref", "chip", ""),
    ("quantity", "node", "quantity", "quantity"),
)
