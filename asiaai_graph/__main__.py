"""``python -m asiaai_graph`` runs the command-line interface."""

from asiaai_graph.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
