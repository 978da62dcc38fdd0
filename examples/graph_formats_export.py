"""GraphML, GEXF and node-link JSON for Gephi, Cytoscape or networkx, read back to check."""

import json
import tempfile
from pathlib import Path

import networkx as nx

import asiaai_graph as ag

kg = ag.load()
folder = Path(tempfile.mkdtemp(prefix="asiaai-graph-"))
for fmt in ("graphml", "gexf", "json"):
    path = folder / f"asiaai.{fmt}"
    kg.write(path)  # the format comes from the suffix; kg.write(path, format="gexf") also works
    if fmt == "graphml":
        g = nx.read_graphml(path, force_multigraph=True)
    elif fmt == "gexf":
        g = nx.read_gexf(path)
    else:
        g = nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="edges")
    print(f"{path.name}: {path.stat().st_size:,} bytes, {g.number_of_nodes()} nodes, {g.number_of_edges()} edges")

node = g.nodes["deepseek-v3"]
print("deepseek-v3 attributes:", {k: node[k] for k in ("record_type", "name_ko", "developer_names", "parameters")})
print("its relations:", sorted({d["relation"] for _, _, d in g.out_edges("deepseek-v3", data=True)}))
