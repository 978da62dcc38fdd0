"""The questions from the README, one line each."""

import asiaai_graph as ag

kg = ag.load()
print(kg)

v3 = kg["deepseek-v3"]
print(f"{v3.name}: {v3.parameters.describe()} parameters, {v3.active_parameters.describe()} active")

print("바이두 ->", kg.search("바이두")[0].name, "| 百度 ->", kg.search("百度")[0].name)

for relation, other in kg.neighbors("baidu"):
    print(f"  baidu {relation:<18} {other.id}")

steps = kg.path("naver", "deepseek") or []
print("naver → deepseek:", " / ".join(f"{a.id} -{rel}-> {b.id}" for a, rel, b in steps))

for source in kg.sources_of("deepseek-v3"):
    print("source:", source.publisher, source.title, source.published)
