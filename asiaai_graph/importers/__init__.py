"""Readers for the open datasets the graph imports from: each file becomes typed rows, faithfully.

Each reader streams its file once and returns a :class:`~asiaai_graph.importers.table.Table`
of rows that keep the dataset, the 1-based line where the row starts, the raw cells by
column, and the parsed values; nothing is invented, and a row that cannot be read is a
located :class:`~asiaai_graph.utils.errors.Problem`. Turning rows into graph records is a
separate, later step.

* :func:`read_epoch` — Epoch AI *Notable AI Models* and *All AI Models* (CC BY 4.0).
* :func:`read_llmjp`, :func:`pair_llmjp` — LLM-jp *Overview of Japanese LLMs* (Apache-2.0),
  English and Japanese READMEs.
* :func:`read_china_llms` — *Awesome LLMs In China* (Apache-2.0; credit 微信公众号「走向未来」
  and https://github.com/wgwang/awesome-LLMs-In-China).
* :func:`read_clusters` — Epoch AI *Data on GPU Clusters* (CC BY 4.0).
* :func:`read_hardware` — Epoch AI *Data on Machine Learning Hardware* (CC BY 4.0).
* :mod:`~asiaai_graph.importers.regions` — UN M49 Asia and Epoch's country spellings.

Examples
--------
>>> from asiaai_graph.importers import country_code, is_asian_code
>>> is_asian_code(country_code("Korea (Republic of)"))
True
"""

from asiaai_graph.importers.china_llms import ChinaLlmRow, ChinaLlmTable, read_china_llms
from asiaai_graph.importers.epoch import EpochRow, EpochTable, read_epoch
from asiaai_graph.importers.epoch_clusters import ClusterRow, ClusterTable, read_clusters
from asiaai_graph.importers.epoch_hardware import HardwareRow, HardwareTable, read_hardware
from asiaai_graph.importers.llmjp import LlmJpPair, LlmJpPairing, LlmJpRow, LlmJpTable, pair_llmjp, read_llmjp
from asiaai_graph.importers.regions import ASIA, country_code, is_asian_code
from asiaai_graph.importers.table import SourceRow, Table

__all__ = [
    "ASIA",
    "ChinaLlmRow",
    "ChinaLlmTable",
    "ClusterRow",
    "ClusterTable",
    "EpochRow",
    "EpochTable",
    "HardwareRow",
    "HardwareTable",
    "LlmJpPair",
    "LlmJpPairing",
    "LlmJpRow",
    "LlmJpTable",
    "SourceRow",
    "Table",
    "country_code",
    "is_asian_code",
    "pair_llmjp",
    "read_china_llms",
    "read_clusters",
    "read_epoch",
    "read_hardware",
    "read_llmjp",
]
