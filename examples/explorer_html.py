"""The interactive explorer: one HTML file that works offline; open it in any browser."""

import tempfile
from pathlib import Path

import asiaai_graph as ag
from asiaai_graph.views.explorer import write_html

kg = ag.load()
folder = Path(tempfile.mkdtemp(prefix="asiaai-graph-"))

everything = write_html(kg, folder / "explorer.html")  # asiaai-graph html -o explorer.html
korea = write_html(kg, folder / "explorer-kr.html", country="KR", lang="ko")  # ... --country KR --lang ko
for path, ids in ((folder / "explorer.html", everything), (folder / "explorer-kr.html", korea)):
    print(f"{path}: {path.stat().st_size:,} bytes, {len(ids)} entities")
print("Korea's page shows:", ", ".join(kg[i].label_in("ko") for i in korea[:8]), "...")
print("Open it with: python -m webbrowser", (folder / "explorer.html").as_uri())
