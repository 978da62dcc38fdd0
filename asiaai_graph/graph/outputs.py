"""``kg.to_rdf``, ``kg.serialize``, ``kg.sparql``, ``kg.to_frame``, ``kg.write``: thin lazy delegations.

:class:`Outputs` is a part of :class:`~asiaai_graph.KnowledgeGraph`. Each
method imports its output module on first use (RDF, pandas and networkx's
writers stay unimported until needed) and hands it the graph; the output
modules use only the graph's public interface.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    import os

    import pandas as pd
    import rdflib

    from asiaai_graph.graph.knowledge_graph import KnowledgeGraph
    from asiaai_graph.store.endpoint import Endpoint
    from asiaai_graph.store.pushing import Pushed

__all__ = ["Outputs"]


def _kg(part: Outputs) -> KnowledgeGraph:
    """The graph this part belongs to (Outputs is only ever a base of KnowledgeGraph)."""
    return cast("KnowledgeGraph", part)


class Outputs:
    """Exports of the graph; every method delegates to the module named in its docstring."""


    def to_rdf(self, base: str | None = None) -> rdflib.Graph:
        """The graph as an :class:`rdflib.Graph` in the asiaai_graph vocabulary.

        ``base`` is the IRI namespace of the records (see :mod:`asiaai_graph.rdf`).

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> g = ag.load().to_rdf()
        >>> len(g) > 1000
        True
        """
        from asiaai_graph.rdf import to_rdf

        return to_rdf(_kg(self), base=base)

    def serialize(
        self,
        format: str = "turtle",
        destination: str | os.PathLike[str] | None = None,
        base: str | None = None,
    ) -> str | None:
        """Write the RDF export as ``turtle``, ``nt``, ``json-ld`` or ``xml``, like :meth:`rdflib.Graph.serialize`.

        Returns the text when ``destination`` is ``None``, else writes the file.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> ag.load().serialize(format="turtle").startswith("@prefix")
        True
        """
        from asiaai_graph.rdf import serialize

        return serialize(_kg(self), format=format, destination=destination, base=base)

    def sparql(
        self, query: str, base: str | None = None, *, endpoint: str | Endpoint | None = None,
        graph: str | None = None, **options: Any,
    ) -> list[dict[str, Any]]:
        """Run a SPARQL query over the RDF export; one dict per row, variable name to value.

        Locally it runs in Oxigraph: the export is loaded into an in-memory
        store on the first query and kept in ``kg.cache`` (see
        :mod:`asiaai_graph.rdf.sparql`). With ``endpoint``, the query runs in that triple store instead, against
        the named graph ``graph`` (default: where :meth:`push` puts this graph);
        ``options`` go to :func:`asiaai_graph.store.sparql` (``server``, ``auth``...).
        Delegates to :func:`asiaai_graph.rdf.sparql` or :func:`asiaai_graph.store.sparql`.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> rows = ag.load().sparql("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        >>> rows[0]["n"] > 1000
        True
        """
        if endpoint is not None:
            from asiaai_graph.store import default_graph_iri
            from asiaai_graph.store import sparql as store_sparql

            return store_sparql(endpoint, query, graph or default_graph_iri(_kg(self), base), **options)
        from asiaai_graph.rdf import sparql

        return sparql(_kg(self), query, base=base, **options)

    def push(self, endpoint: str | Endpoint, graph: str | None = None, **options: Any) -> Pushed:
        """Replace a named graph in a triple store with this graph (SPARQL 1.1 Graph Store Protocol).

        ``graph`` defaults to an IRI made of the library version and a digest of
        the data; ``options`` go to :func:`asiaai_graph.store.push` (``server``,
        ``auth``, ``base``, ``atomic``, ``timeout``...). Returns what was pushed
        (:class:`asiaai_graph.store.Pushed`: graph, triples, bytes, seconds).
        Delegates to :func:`asiaai_graph.store.push`; tested against a real
        Oxigraph server in ``tests/test_store.py``.
        """
        from asiaai_graph.store import push

        return push(_kg(self), endpoint, graph, **options)

    def to_frame(self, record_type: str, sources: bool = False) -> pd.DataFrame:
        """One record type as a :class:`pandas.DataFrame`, one row per record, flat columns.

        Needs pandas (``pip install pandas``, or ``pip install -e '.[pandas]'`` in the checkout). With
        ``sources``, a ``<field>_sources`` column per field names the sources that state it.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> df = ag.load().to_frame("model")
        >>> "deepseek-v3" in set(df["id"])
        True
        """
        from asiaai_graph.readwrite.frames import to_frame

        return to_frame(_kg(self), record_type, sources)

    def to_frames(self, sources: bool = False) -> dict[str, pd.DataFrame]:
        """Every record type as a DataFrame, keyed by record type.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> sorted(ag.load().to_frames())[:3]
        ['accelerator', 'cluster', 'country']
        """
        from asiaai_graph.readwrite.frames import to_frames

        return to_frames(_kg(self), sources)

    def write(self, path: str | os.PathLike[str], format: str | None = None) -> None:
        """Write the graph as ``graphml``, ``gexf`` or node-link ``json`` (guessed from the suffix).

        Examples
        --------
        >>> import asiaai_graph as ag, tempfile, pathlib
        >>> out = pathlib.Path(tempfile.mkdtemp()) / "asiaai.graphml"
        >>> ag.load().write(out)
        >>> out.stat().st_size > 0
        True
        """
        from asiaai_graph.readwrite.graphformats import write

        write(_kg(self), path, format=format)
