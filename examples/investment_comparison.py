"""China vs the US vs Korea: private AI investment and other figures, from the indicators, with their sources."""

import asiaai_graph as ag

kg = ag.load()
print("Private AI investment")
rows = sorted(kg.indicators(measure="private_ai_investment"), key=lambda i: (str(i.period), i.subject))
for ind in rows:
    assert ind.amount is not None
    source = kg.sources_of(ind)[0]
    print(f"  {ind.period}  {kg[ind.subject].name:<14} {ind.amount.describe():<48} [{source.id}]")

by_year: dict[str, dict[str, float]] = {}
for ind in rows:
    assert ind.amount is not None
    if ind.amount.currency == "USD":
        by_year.setdefault(str(ind.period), {})[ind.subject] = float(ind.amount.amount)
for year, amounts in by_year.items():
    if "CN" in amounts:
        for other in ("US", "KR"):
            if other in amounts:
                print(f"  {year}: {other} / CN = {amounts[other] / amounts['CN']:.2f}")

print("\nOther figures about China, Korea and the US")
for code in ("CN", "KR", "US"):
    for ind in kg.indicators(subject=code):
        if ind.measure == "private_ai_investment":
            continue
        figure = ind.amount.describe() if ind.amount else ind.value.describe() if ind.value else ""
        print(f"  {code} {ind.measure:<34} {figure:<28} {ind.period or ''}")
