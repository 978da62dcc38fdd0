"""The bounds every reader holds input to, in one place (see SECURITY.md).

Examples
--------
>>> MAX_FILE_SIZE
67108864
"""

from __future__ import annotations

__all__ = ["MAX_EXPANDED_NODES", "MAX_FILE_SIZE"]

MAX_FILE_SIZE = 64 * 1024 * 1024
"""Files larger than this many bytes are refused (``load(..., max_file_size=)`` overrides it)."""

MAX_EXPANDED_NODES = 100_000
"""An alias-expanded YAML document may hold at most this many nodes, or 4x its raw node count."""
