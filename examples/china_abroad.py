"""Chinese companies' moves abroad: partnerships, data centres and products, grouped by region."""

from collections import defaultdict

import asiaai_graph as ag

kg = ag.load()
chinese = {o.id for o in kg.organizations(country="CN")}


def region_of(place_id: str) -> str:
    record = kg[place_id]
    if isinstance(record, ag.Country):
        return record.region or record.name
    return record.name


moves: dict[str, list[str]] = defaultdict(list)
for p in kg.partnerships():
    if chinese & set(p.parties):
        for place in p.places:
            if place != "CN":
                moves[region_of(place)].append(f"partnership: {p.name} ({p.started or 'date not stated'})")
for inv in kg.investments():
    if chinese & {i.organization for i in inv.investors}:
        for target in inv.targets:
            if isinstance(kg[target], (ag.Country, ag.Place)) and target != "CN":
                moves[region_of(target)].append(f"investment: {inv.name} ({inv.date or 'date not stated'})")
for product in kg.records("product"):
    assert isinstance(product, ag.Product)
    if chinese & set(product.makers):
        for market in product.markets:
            if market != "CN":
                moves[region_of(market)].append(f"product: {product.name} ({product.launched or 'date not stated'})")

for region in sorted(moves):
    print(region)
    for line in sorted(set(moves[region])):
        print("  ", line)
