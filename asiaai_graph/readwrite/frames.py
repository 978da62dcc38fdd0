"""The records as :mod:`pandas` DataFrames: one row per record, flat readable columns.

Needs pandas: ``pip install pandas`` (or, in the asiaai_graph checkout, ``pip install -e '.[pandas]'``).
The columns follow :mod:`asiaai_graph.readwrite` (related records by id *and*
name, money as amount + currency + qualifier, dates as ISO text + precision);
a frame has every column its record type can have, whatever the data holds,
plus one ``name_*`` column per label language the records use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from asiaai_graph.readwrite.flat import LANGUAGES, column_types, flatten
from asiaai_graph.schema import RECORD_TYPES, Entity

if TYPE_CHECKING:
    import pandas as pd

    from asiaai_graph.graph.knowledge_graph import KnowledgeGraph

__all__ = ["to_frame", "to_frames"]

MISSING_PANDAS = (
    "DataFrames need pandas: pip install pandas "
    "(or, in the asiaai_graph checkout, pip install -e '.[pandas]')"
)


_DTYPES = {"str": "string", "int": "Int64", "bool": "boolean"}


def to_frame(kg: KnowledgeGraph, record_type: str, sources: bool = False) -> pd.DataFrame:
    """The records of one type (``"organization"``, ``"model"``, ...) as a DataFrame.

    With ``sources``, each field also gets a ``<field>_sources`` column: the ids
    of the sources whose citations state it (``"; "``-joined), so the source of
    every cell is at hand (details: :meth:`~asiaai_graph.KnowledgeGraph.sources_of`).

    Examples
    --------
    >>> import asiaai_graph as ag
    >>> from asiaai_graph.readwrite.frames import to_frame
    >>> df = to_frame(ag.load(), "model")
    >>> row = df.set_index("id").loc["deepseek-v3"]
    >>> row["name_ko"], row["developer_names"], int(row["training_cost"]), row["training_cost_currency"]
    ('딥시크 V3', 'DeepSeek', 5580000, 'USD')
    >>> str(df["parameters"].dtype), str(df["released"].dtype), str(df["open_weights"].dtype)
    ('Int64', 'string', 'boolean')
    >>> cited = to_frame(ag.load(), "model", sources=True).set_index("id").loc["deepseek-v3"]
    >>> cited["parameters_sources"].split("; ")[:2]
    ['bespick-2025', 'deepseek-v3-technical-report']

    >>> to_frame(ag.load(), "modle")
    Traceback (most recent call last):
    ...
    ValueError: unknown record type 'modle'; one of: source, country, place, ...
    """
    try:
        import pandas as pd
    except ImportError as exc:
        raise ImportError(MISSING_PANDAS) from exc
    records = kg.records(record_type)
    model = RECORD_TYPES[record_type]
    used = {lang for r in records if isinstance(r, Entity) for lang in r.labels}
    langs = [lang for lang in LANGUAGES if lang in used]
    types = column_types(model, langs)
    rows = [flatten(kg, r) for r in records]
    data: dict[str, Any] = {}
    for column, kind in types.items():
        values = [row.get(column) for row in rows]
        dtype: Any
        if kind == "number":
            # whole numbers as Int64 when they fit; FLOP counts (~1e24) do not, and become Float64
            whole = all(v is None or (isinstance(v, int) and -2**63 <= v < 2**63) for v in values)
            dtype = "Int64" if whole else "Float64"
        else:
            dtype = _DTYPES[kind]
        data[column] = pd.array(values, dtype=dtype)
    if sources and issubclass(model, Entity):
        for field in model.citable_fields():
            column = f"{field}_sources"
            data[column] = pd.array([_cited(r, field) for r in records], dtype="string")
            types[column] = "str"
    return pd.DataFrame(data, columns=list(types))


def _cited(record: Any, field: str) -> str | None:
    """The ids of the sources whose citations of ``record`` state ``field``, or ``None``."""
    ids = dict.fromkeys(c.source for c in record.sources if c.supports(field))
    return "; ".join(ids) if ids else None


def to_frames(kg: KnowledgeGraph, sources: bool = False) -> dict[str, pd.DataFrame]:
    """Every record type as a DataFrame, keyed by record type (types without records included).

    Examples
    --------
    >>> import asiaai_graph as ag
    >>> from asiaai_graph.readwrite.frames import to_frames
    >>> frames = to_frames(ag.load())
    >>> list(frames)[:3], len(frames["country"]) > 3
    (['source', 'country', 'place'], True)
    """
    return {t: to_frame(kg, t, sources) for t in RECORD_TYPES}
