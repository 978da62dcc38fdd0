"""The base layer: what every other layer may use, and which imports nothing above it.

Errors (:mod:`~asiaai_graph.utils.errors`), the bounds on input
(:mod:`~asiaai_graph.utils.limits`), the interface's words in four languages
(:mod:`~asiaai_graph.utils.i18n`), a progress line, text made safe to show, a
pause of the garbage collector, and the table of modules that moved
(:mod:`~asiaai_graph.utils.moved`).
"""
