"""The record types of compute: AI accelerators (chips) and the clusters (supercomputers, facilities) that hold them.

An :class:`Accelerator` is a chip model (Huawei's Ascend 910B, NVIDIA's H800): who makes it and
which foundry fabricates it, its type, release and price, its performance at each numerical
precision, memory, bandwidth, power and process node. A :class:`ComputeCluster` is an AI
supercomputer, a GPU cluster or a planned facility: its status and how certain it is, who owns and
uses it, where it is, when it first ran, its chips and how many, its performance in H100
equivalents, power, hardware cost and sector, and the clusters it builds upon or is superseded by.

Performance figures are operations per second at one precision, in the unit the source uses
(``FLOP/s`` for floating point, ``OP/s`` for integers); memory in bytes, bandwidth in bytes or bits
per second, power in watts (a chip) or megawatts (a cluster), as their ``unit`` says.

Examples
--------
>>> from asiaai_graph.schema import Accelerator, ComputeCluster
>>> chip = Accelerator(id="ascend-910b", name="Huawei Ascend 910B", makers=["huawei"], sources=["s"])
>>> chip.makers, [r.relation for r in Accelerator.refs]
(('huawei',), ['made_by', 'fabricated_by', 'used_to_train'])
>>> c = ComputeCluster(id="abci", name="ABCI", status="existing", country="JP",
...                    chips=[{"chip": "nvidia-v100", "quantity": 4352}], sources=["s"])
>>> c.chips[0].quantity.describe(), c.status
('4,352', 'existing')
"""

from __future__ import annotations

from typing import ClassVar

from pydantic import field_validator

from asiaai_graph.schema.base import Entity, Ref
from asiaai_graph.schema.terms import Certainty, ClusterSector, ClusterStatus
from asiaai_graph.schema.values import Money, PartialDate, Quantity, Value

__all__ = ["PERFORMANCE_FIELDS", "Accelerator", "ChipCount", "ComputeCluster"]

#: The performance fields of an accelerator, from the widest number format to the narrowest.
PERFORMANCE_FIELDS: tuple[str, ...] = (
    "fp64_performance", "fp32_performance", "tf32_performance", "fp16_performance", "tensor_fp16_performance",
    "fp8_performance", "fp4_performance", "int16_performance", "int8_performance", "int4_performance",
)


def _not_negative(value: Quantity | None) -> Quantity | None:
    """A count, a rate or a size is zero or more."""
    if value is not None and any(x is not None and x < 0 for x in (value.value, value.upper)):
        raise ValueError(f"a count, rate or size is not negative, got {value.describe()}")
    return value


class ChipCount(Value):
    """One kind of chip in a cluster, and how many of it the source states (``None`` when it states none)."""

    chip: str
    quantity: Quantity | None = None

    _count = field_validator("quantity")(lambda v: _not_negative(v))


class Accelerator(Entity):
    """An AI accelerator: a GPU, TPU, NPU or other chip that AI models are trained or run on.

    ``trained_models`` are the models the source says were trained on the chip (a model's own
    ``training_hardware`` says the same from the model's side).
    """

    record_type: ClassVar[str] = "accelerator"
    section: ClassVar[str] = "accelerators"
    refs: ClassVar[tuple[Ref, ...]] = (
        Ref("makers", "made_by", ("organization",)),
        Ref("foundries", "fabricated_by", ("organization",)),
        Ref("trained_models", "used_to_train", ("model",)),
    )

    chip_type: str | None = None
    """The kind of chip in the source's words (Epoch AI: ``GPU``, ``TPU``, ``NPU``, ``XPU``, ``ASIC``...)."""
    makers: tuple[str, ...] = ()
    foundries: tuple[str, ...] = ()
    released: PartialDate | None = None
    release_price: Money | None = None
    fp64_performance: Quantity | None = None
    fp32_performance: Quantity | None = None
    tf32_performance: Quantity | None = None
    fp16_performance: Quantity | None = None
    tensor_fp16_performance: Quantity | None = None
    """Tensor-core performance at FP16 or BF16 (FLOP/s)."""
    fp8_performance: Quantity | None = None
    fp4_performance: Quantity | None = None
    int16_performance: Quantity | None = None
    int8_performance: Quantity | None = None
    int4_performance: Quantity | None = None
    memory: Quantity | None = None
    """Memory per board (``byte``)."""
    memory_bandwidth: Quantity | None = None
    intranode_bandwidth: Quantity | None = None
    internode_bandwidth: Quantity | None = None
    tdp: Quantity | None = None
    """Thermal design power (``W``)."""
    process_node: Quantity | None = None
    """The process size (``nm``)."""
    die_size: Quantity | None = None
    transistors: Quantity | None = None
    trained_models: tuple[str, ...] = ()

    _sizes = field_validator(*PERFORMANCE_FIELDS, "memory", "memory_bandwidth", "intranode_bandwidth",
                             "internode_bandwidth", "tdp", "process_node", "die_size", "transistors")(
        lambda v: _not_negative(v))


class ComputeCluster(Entity):
    """An AI compute cluster: a supercomputer, a GPU cluster, a data centre's AI hardware, existing or planned.

    ``country`` is where it stands (empty when the source does not say); ``owners`` and ``users``
    are organizations, ``user_groups`` the users the source names without naming an organization
    ("Cloud", "Academia"). ``h100_equivalents`` is the cluster's performance in units of NVIDIA
    H100s as the source computes it.
    """

    record_type: ClassVar[str] = "cluster"
    section: ClassVar[str] = "clusters"
    refs: ClassVar[tuple[Ref, ...]] = (
        Ref("owners", "owned_by", ("organization",)),
        Ref("users", "used_by", ("organization",)),
        Ref("country", "in_country", ("country",)),
        Ref("place", "located_in", ("place",)),
        Ref("chips", "uses_chip", ("accelerator",), key="chip"),
        Ref("builds_upon", "builds_upon", ("cluster",)),
        Ref("superseded_by", "superseded_by", ("cluster",)),
        Ref("possible_duplicate_of", "possible_duplicate_of", ("cluster",)),
    )

    status: ClusterStatus
    certainty: Certainty | None = None
    owners: tuple[str, ...] = ()
    users: tuple[str, ...] = ()
    user_groups: tuple[str, ...] = ()
    country: str | None = None
    place: str | None = None
    location: str | None = None
    """Where it stands, in the source's words (``Abu Dhabi, United Arab Emirates``)."""
    first_operational: PartialDate | None = None
    planned_operational: PartialDate | None = None
    """For a planned cluster, when it is planned to run (``Planned 2026``: 2026)."""
    decommissioned: PartialDate | None = None
    single_cluster: bool | None = None
    """Whether the source counts it as one cluster (``False``: several sites or systems counted together)."""
    chips: tuple[ChipCount, ...] = ()
    chip_count: Quantity | None = None
    """The total number of AI chips."""
    h100_equivalents: Quantity | None = None
    power: Quantity | None = None
    hardware_cost: Money | None = None
    sector: ClusterSector | None = None
    builds_upon: tuple[str, ...] = ()
    superseded_by: tuple[str, ...] = ()
    possible_duplicate: bool | None = None
    """The source's flag: this row may describe a cluster another row already counts."""
    possible_duplicate_of: tuple[str, ...] = ()

    _counts = field_validator("chip_count", "h100_equivalents", "power")(lambda v: _not_negative(v))
