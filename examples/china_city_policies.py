"""China's national AI policies and those of its three leading AI cities, with goals and target years."""

import asiaai_graph as ag

kg = ag.load()
for policy in sorted(kg.policies(country="CN"), key=lambda p: (p.jurisdiction != "CN", p.jurisdiction, p.id)):
    where = kg[policy.jurisdiction]
    print(f"\n[{where.name} / {where.label_in('ko')}] {policy.name} ({policy.kind})")
    for event in sorted(policy.lifecycle, key=lambda e: e.date):
        print(f"  {event.describe()}")
    if policy.target_year:
        print(f"  target year {policy.target_year}")
    for goal in policy.goals:
        figure = goal.amount.describe() if goal.amount else goal.value.describe() if goal.value else ""
        print(f"  goal: {goal.text}" + (f" [{figure}]" if figure else "") + (f" by {goal.year}" if goal.year else ""))
    for provision in policy.provisions:
        print(f"  provides: {provision}")
    if policy.annual_budget:
        print(f"  annual budget: {policy.annual_budget.describe()}")
