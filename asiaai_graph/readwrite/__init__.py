"""Moving the graph into other tools: DataFrames, graph files and a JSON Schema for editors.

Each format lives in its own module and imports its heavy dependency (pandas,
networkx's writers) only when called, so ``import asiaai_graph`` stays light:

* :mod:`asiaai_graph.readwrite.frames` -- :func:`~asiaai_graph.readwrite.frames.to_frame`,
  one :class:`pandas.DataFrame` per record type (``kg.to_frame("model")``);
* :mod:`asiaai_graph.readwrite.graphformats` -- GraphML, GEXF and node-link JSON
  (``kg.write("asiaai.graphml")``);
* :mod:`asiaai_graph.readwrite.jsonschema` -- the JSON Schema of a data file
  (``asiaai-graph schema``).

Every format flattens a record the same way (see :func:`flatten`): one scalar
per column, related records by id *and* name, money as amount + currency +
qualifier, quantities as value + qualifier, dates as ISO text + precision.

Examples
--------
>>> import asiaai_graph as ag
>>> from asiaai_graph.readwrite import flatten
>>> kg = ag.load()
>>> row = flatten(kg, kg["deepseek-v3"])
>>> row["developers"], row["developer_names"], row["parameters"]
('deepseek', 'DeepSeek', 671000000000)
"""

from __future__ import annotations

from asiaai_graph.readwrite.flat import Scalar, columns, countries_of, flatten

__all__ = ["Scalar", "columns", "countries_of", "flatten"]
