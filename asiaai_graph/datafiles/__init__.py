"""The data files: YAML read safely, validated into records, merged by id, and written back.

:mod:`~asiaai_graph.datafiles.files` reads bytes within bounds,
:mod:`~asiaai_graph.datafiles.parse` turns YAML text into plain values with every
problem located, :mod:`~asiaai_graph.datafiles.read` validates them into records,
:mod:`~asiaai_graph.datafiles.merge` folds a curated record and the dataset
imports of the same id into one, and :mod:`~asiaai_graph.datafiles.write` writes
records in the curated format.
"""
