"""The JSON Schema of a data file, as editors use it (`asiaai-graph schema -o FILE` writes the same)."""

import json
import tempfile
from pathlib import Path

from asiaai_graph.readwrite.jsonschema import data_file_schema, dumps

schema = data_file_schema()
path = Path(tempfile.mkdtemp(prefix="asiaai-graph-")) / "asiaai-graph.schema.json"
path.write_text(dumps(), encoding="utf-8")
print(f"wrote {path} ({path.stat().st_size:,} bytes)")
print("sections:", ", ".join(schema["properties"]))
model = schema["$defs"]["AIModel"]
print("a model needs:", ", ".join(model["required"]))
print("model kinds:", ", ".join(model["properties"]["kind"]["enum"]))

try:
    import jsonschema
except ImportError:
    print("(pip install jsonschema to validate records here too)")
else:
    validator = jsonschema.Draft202012Validator(json.loads(path.read_text(encoding="utf-8")))
    record = {"models": [{"id": "my-model", "name": "My model", "kind": "llm", "sources": ["my-source"]}]}
    for error in validator.iter_errors(record):
        print("problem:", "/".join(map(str, error.absolute_path)), "-", error.message)
