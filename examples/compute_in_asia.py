"""Who holds the compute: Asia's AI clusters, the chips in them, and what was trained on Chinese chips.

Run from anywhere with the package installed::

    python examples/compute_in_asia.py

Data: Epoch AI, 'Data on GPU Clusters' and 'Data on Machine Learning Hardware' (CC BY 4.0),
imported into the graph with every fact citing its row.
"""

from __future__ import annotations

import asiaai_graph as ag


def main() -> None:
    kg = ag.load()

    print("Japan's five largest existing clusters (H100 equivalents):")
    japan = [c for c in kg.clusters(country="JP", status="existing") if c.h100_equivalents]
    for c in sorted(japan, key=lambda c: -c.h100_equivalents.value)[:5]:  # type: ignore[union-attr]
        owners = ", ".join(kg[o].label for o in c.owners) or "(not named)"
        chips = ", ".join(kg[x.chip].label for x in c.chips) or "(not named)"
        print(f"  {c.name}: {c.h100_equivalents.describe()}, owned by {owners}, chips {chips}")  # type: ignore[union-attr]

    print("\nCompute on 2025-06-30, by the rule of kg.compute:")
    for country in ("CN", "JP", "KR", "IN", "SA", "SG"):
        total = kg.compute(country, on="2025-06-30")
        print(f"  {kg[country].label}: {total.h100_equivalents:,.0f} H100 equivalents "
              f"from {len(total.clusters)} clusters ({len(total.left_out)} left out)")

    print("\nModels trained on Huawei's chips:")
    for model in kg.trained_on(maker="huawei"):
        chips = [kg[c].label for c in model.training_hardware] or ["(the chip's record lists it)"]
        print(f"  {model.name} ({', '.join(kg[d].label for d in model.developers)}): {', '.join(chips)}")

    ascend = kg["huawei-ascend-910b"]
    print(f"\n{ascend.label}: made by {', '.join(kg[m].label for m in ascend.makers)}, "  # type: ignore[attr-defined]
          f"fabricated by {', '.join(kg[f].label for f in ascend.foundries)}")  # type: ignore[attr-defined]
    for c in ascend.sources:  # type: ignore[attr-defined]
        print(f"  source: {kg[c.source].label} ({c.locator})")


if __name__ == "__main__":
    main()
