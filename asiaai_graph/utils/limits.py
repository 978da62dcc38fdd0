"""The bounds every reader holds input to, in one place (see SECURITY.md).

Each bound is far above what real data needs and far below what would exhaust
a machine: the reason is given with each. They apply to every spelling of the
input (literal values, aliases, merge keys), so no way of writing a file gets
round them.

Examples
--------
>>> MAX_FILE_SIZE
67108864
>>> MAX_EXPANDED_CHARS == MAX_FILE_SIZE
True
"""

from __future__ import annotations

__all__ = [
    "MAX_ANSWER_BYTES",
    "MAX_RDF_BYTES",
    "MAX_ROR_BYTES",
    "MAX_ROR_LINE",
    "STORE_DEADLINE",
    "MAX_DECIMAL_EXPONENT",
    "MAX_DEPTH",
    "MAX_EXPANDED_CHARS",
    "MAX_EXPANDED_NODES",
    "MAX_FILE_SIZE",
    "MAX_NUMBER_DIGITS",
    "MAX_RESULT_BYTES",
    "MAX_RESULT_ROWS",
    "SNAPSHOT_SIZE_FACTOR",
    "QUERY_DEADLINE",
    "SPARQL_TIMEOUT",
]

MAX_FILE_SIZE = 64 * 1024 * 1024
"""Files larger than this many bytes are refused (``load(..., max_file_size=)`` overrides it).

Reason: 64 MiB holds about 100,000 records (the benchmark's 100k-organization
data is 64 MB in 20 files); a bigger file is a mistake or an attack, and is
best split anyway. A snapshot is held to the sum of its files' limits.
"""

MAX_EXPANDED_CHARS = MAX_FILE_SIZE
"""A YAML document may hold at most this many characters of text (keys and values), aliases expanded.

Reason: aliases must not let a file carry more text than a file at the size
limit could spell out without them. Aliases share one Python object, but
validation, the snapshot and every export write each use out in full, so a
"billion laughs" of a few hundred KB would otherwise become gigabytes.
"""

MAX_EXPANDED_NODES = 4_000_000
"""A YAML document may hold at most this many values (scalars, mappings, lists), aliases expanded.

Reason: a record is 10 to 40 values, so a file at the size limit holds at most
about 3 million of them (the benchmark data: about 20 bytes a value); 4 million
leaves room, while a dense literal list (``[0,0,0,...]``, 2 bytes a value) or an
alias bomb made of empty lists, which the character bound does not see, is
stopped before it builds tens of millions of objects.
"""

MAX_DEPTH = 64
"""Mappings and lists may nest at most this deep.

Reason: records nest at most 6 levels (section, list, record, field, list,
value); 64 is ample, and stops deep documents before recursive validators and
serializers hit Python's recursion limit.
"""

MAX_NUMBER_DIGITS = 40
"""A number written in YAML may have at most this many digits.

Reason: the largest figures in the domain are about 10^26 (training compute in
FLOP) and amounts in small currency units (10^16 for trillions of rupiah);
40 digits leave room, while Python refuses integers of more than 4,300 digits
with an exception, and converting huge ones takes quadratic time.
"""

MAX_DECIMAL_EXPONENT = 40
"""Decimal figures (quantities, amounts) must lie between 10^-40 and 10^40 in magnitude (or be zero).

Reason: as for :data:`MAX_NUMBER_DIGITS`; text such as ``"1e999999999"`` is a
valid decimal, but writing it out in full (the exports do) takes gigabytes.
The same bound holds for at most :data:`MAX_NUMBER_DIGITS` significant digits.
"""

SNAPSHOT_SIZE_FACTOR = 4
"""A snapshot may be at most this many times the size limit of the files it was made from, in bytes.

A snapshot holds each record's JSON (about the size of its YAML) and the
indexes (about as much again): the benchmark data's snapshots are 1.5 to 2
times the YAML's size. Aliases may expand a file up to its size limit
(:data:`~asiaai_graph.utils.limits.MAX_EXPANDED_CHARS`), so four times the limit
covers every valid snapshot, and stops a cache hit from reading a file of any
size the cache folder happens to hold.
"""

SPARQL_TIMEOUT = 60.0
"""Seconds a SPARQL query in memory may run (``kg.sparql(query, timeout=)`` overrides it).

Reason: every competency query of ``examples/queries/`` answers in well under a
second on the curated data and in a few seconds on the benchmark's 100,000
organizations; a query still running after a minute is a cartesian product or a
mistake, and the engine cannot be interrupted from Python, so it is stopped.
"""

MAX_RESULT_ROWS = 1_000_000
"""Rows a SPARQL answer may hold, in memory or from a store (``max_rows=`` overrides it).

Reason: a row is a dict of Python values, a few hundred bytes; a million rows
is several hundred MB, more than any question about the graph needs (the whole
curated export is about 200,000 triples). A query or a server that ignores
``LIMIT`` is stopped here rather than filling memory.
"""

MAX_RESULT_BYTES = 256 * 1024 * 1024
"""Characters the values of an in-memory SPARQL answer may hold in all (``max_bytes=`` overrides it).

Reason: rows are bounded by :data:`MAX_RESULT_ROWS`, but one row may hold a
``GROUP_CONCAT`` of the whole graph again and again: a 300 MB value took the
process to 3.3 GB as it was converted, sent from the child and unpickled. The
curated export is about 2 MB of N-Triples, so 256 Mi characters (the bound
of a store's answer, :data:`MAX_ANSWER_BYTES`) is far above any real answer.
"""

MAX_ANSWER_BYTES = 256 * 1024 * 1024
"""Bytes a triple store's answer to a query may hold (``max_bytes=`` overrides it).

Reason: the curated graph's whole export is about 2 MB of N-Triples; a
million result rows in JSON is about 200 MB. A server that ignores ``LIMIT``
or streams forever, or announces a ``Content-Length`` of 10^12, is stopped here
before the answer fills memory.
"""

MAX_RDF_BYTES = 1024 * 1024 * 1024
"""Bytes an RDF document read by ``from_rdf`` (or pulled from a store) may hold (``max_bytes=`` overrides it).

Reason: the RDF export is 8 to 10 times the size of its YAML, so the largest
graph the YAML bound admits (64 MiB, about 100,000 records) exports to about
600 MB of N-Triples; 1 GiB reads that back, and stops a pull or a file of
any size.
"""

STORE_DEADLINE = 3600.0
"""Seconds one request to a store may take in all, every attempt and pause included (``deadline=``).

Reason: the per-read ``timeout`` does not stop a server that drips one byte
every few seconds. The largest push measured (4.1 million triples, the
benchmark's 100,000 organizations, non-atomic) took 70 s; an hour is far
beyond any real transfer. Queries use ``QUERY_DEADLINE``.
"""

QUERY_DEADLINE = 300.0
"""Seconds a query to a store may take in all (``deadline=``): five times the default per-read timeout."""

MAX_ROR_BYTES = 256 * 1024 * 1024
"""Bytes a ROR JSON Lines file may decompress to (``read_ror(max_bytes=)`` overrides it).

Reason: the file bound (:data:`MAX_FILE_SIZE`) holds the compressed bytes only,
and gzip packs 2 GiB of spaces into 2 MB. ROR's records of Asia (14,963 records,
2.6 MB gzipped) decompress to 19 MB; 256 MiB is more than ten times that, and
stops a "gzip bomb" before it fills memory.
"""

MAX_ROR_LINE = 1024 * 1024
"""Bytes one line (one record) of a ROR JSON Lines file may hold (``read_ror(max_line=)`` overrides it).

Reason: the longest record of ROR's records of Asia is 17 kB; a line is read
whole before it is parsed, so a file of one endless line would otherwise be
held in memory up to :data:`MAX_ROR_BYTES`.
"""
