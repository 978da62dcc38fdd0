"""``python -m asiaai_graph`` runs the command-line interface."""

from asiaai_graph.cli import main

raise SystemExit(main())
