"""Pictures: China's AI ecosystem labelled in Korean, DeepSeek's neighbourhood, and the investment chart."""

import tempfile
from pathlib import Path

import asiaai_graph as ag
from asiaai_graph.views.draw import chart, draw

kg = ag.load()
folder = Path(tempfile.mkdtemp(prefix="asiaai-graph-"))

ids = draw(kg, "CN", folder / "cn-ecosystem-ko.png", lang="ko")  # asiaai-graph draw CN -o ... --lang ko
print(f"China's ecosystem: {len(ids)} records, e.g. {', '.join(kg[i].label_in('ko') for i in ids[1:6])}")

ids = draw(kg, "deepseek", folder / "deepseek.svg", depth=2)  # asiaai-graph draw deepseek --depth 2 -o ...
print(f"DeepSeek within two relations: {len(ids)} records")

chart(kg, folder / "private-ai-investment.png")  # asiaai-graph chart private-ai-investment -o ...
for path in sorted(folder.iterdir()):
    print(f"{path.name}: {path.stat().st_size:,} bytes")
