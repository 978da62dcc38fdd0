"""The JSON Schema of a data file, generated from the record models, for editors.

A data file is a mapping from a section name (``organizations``, ``models``,
...) to a list of records (in an overlay, headed ``overlay:``, each names its record by
id and gives only what it changes); the schema describes exactly that, with each
record's fields, their types, allowed values and descriptions. Point your
editor's YAML support at it (see ``data/README.md``) to get completion and
red squiggles while you write records. ``asiaai-graph schema -o FILE`` writes it.

The schema checks the shape of each record; what it cannot say (that a
referenced id exists, that ``upper`` is above ``value``, that a code is a real
ISO code) is left to ``asiaai-graph validate``.
"""

from __future__ import annotations

import json
from typing import Any

from asiaai_graph.schema import SECTIONS

__all__ = ["SCHEMA_ID", "data_file_schema", "dumps"]

SCHEMA_ID = "https://asiaai-graph.invalid/schema/data-file.json"
"""The schema's ``$id``: a name, not a place to fetch it from."""

# Shorthands the models accept before validation, which pydantic cannot see:
# a bare number for a Quantity, a bare source id for a Citation.
_SHORTHANDS: dict[str, dict[str, Any]] = {
    "Quantity": {"type": "number", "description": "A bare number means an exact value."},
    "Citation": {"type": "string", "pattern": r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
                 "description": "A bare source id: a citation without a quote."},
}


def data_file_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one YAML data file, as a dict.

    Examples
    --------
    >>> from asiaai_graph.readwrite.jsonschema import data_file_schema
    >>> schema = data_file_schema()
    >>> schema["else"]["properties"]["models"]["items"], schema["then"]["properties"]["models"]["items"]
    ({'$ref': '#/$defs/AIModel'}, {'$ref': '#/$defs/AIModelOverlay'})
    >>> schema["$defs"]["AIModel"]["additionalProperties"], "developers" in schema["$defs"]["AIModel"]["required"]
    (False, True)
    """
    from pydantic.json_schema import models_json_schema

    models = list(SECTIONS.values())
    _, top = models_json_schema([(m, "validation") for m in models], ref_template="#/$defs/{model}")
    defs: dict[str, Any] = top["$defs"]
    for name, shorthand in _SHORTHANDS.items():
        if name in defs:
            full = defs[name]
            defs[name] = {"anyOf": [shorthand, {k: v for k, v in full.items() if k not in ("title", "description")}],
                          "title": full.get("title", name), "description": full.get("description", "")}
    for model in models:  # an overlay's record names its record by id and gives only what it changes
        full = defs[model.__name__]
        defs[model.__name__ + "Overlay"] = {**full, "title": f"{full.get('title', model.__name__)} (overlay)",
                                            "required": [f for f in full.get("required", ()) if f in ("id", "sources")]}
    properties: dict[str, Any] = {
        section: {"type": "array", "description": f"{model.__name__} records (record type '{model.record_type}')."}
        for section, model in SECTIONS.items()
    }
    properties["overlay"] = {"type": "string", "description": "An overlay: what it corrects or adds (data/README.md)."}
    properties["reference"] = {"type": "string", "description": "A reference table: what it holds (data/README.md)."}
    items = {section: {"items": {"$ref": f"#/$defs/{model.__name__}"}} for section, model in SECTIONS.items()}
    overlay_items = {section: {"items": {"$ref": f"#/$defs/{model.__name__}Overlay"}}
                     for section, model in SECTIONS.items()}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "asiaai_graph data file",
        "description": "A YAML file of curated records: each section (organizations, models, ...) "
        "holds a list of records of one kind. See data/README.md.",
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
        "if": {"required": ["overlay"]},
        "then": {"properties": overlay_items},
        "else": {"properties": items},
        "$defs": dict(sorted(defs.items())),
    }


def dumps() -> str:
    """The schema as indented JSON text, the way ``asiaai-graph schema`` writes it.

    >>> from asiaai_graph.readwrite.jsonschema import dumps
    >>> dumps().startswith('{\\n  "$schema": "https://json-schema.org/draft/2020-12/schema"')
    True
    """
    return json.dumps(data_file_schema(), ensure_ascii=False, indent=2) + "\n"
