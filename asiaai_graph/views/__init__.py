"""What people look at: pictures (:mod:`~asiaai_graph.views.draw`), the HTML explorer
(:mod:`~asiaai_graph.views.explorer`) and notebook cards (:mod:`~asiaai_graph.views.notebook`),
with the parts they share: which records a view shows (:mod:`~asiaai_graph.views.subgraphs`),
colours per kind (:mod:`~asiaai_graph.views.style`) and CJK fonts (:mod:`~asiaai_graph.views.fonts`).
"""
