"""Validates TOML files against a JSON Schema, as an editor's TOML support would.

usage: python validate.py SCHEMA.json FILE.toml...

Prints a JSON object: per file, null when it is valid, else the first error's message (or
the TOML parser's). Exits 2 when the schema itself is not a valid draft-07 schema.
"""

import json
import sys
import tomllib

import jsonschema


def main() -> None:
    schema_path, *files = sys.argv[1:]
    with open(schema_path, encoding="utf-8") as schema_file:
        schema = json.load(schema_file)
    try:
        jsonschema.Draft7Validator.check_schema(schema)
    except jsonschema.SchemaError as error:
        print(f"not a draft-07 schema: {error.message}", file=sys.stderr)
        sys.exit(2)
    validator = jsonschema.Draft7Validator(schema)
    results = {}
    for path in files:
        try:
            with open(path, "rb") as toml_file:
                document = tomllib.load(toml_file)
        except tomllib.TOMLDecodeError as error:
            results[path] = f"invalid TOML: {error}"
            continue
        error = jsonschema.exceptions.best_match(validator.iter_errors(document))
        results[path] = None if error is None else f"{error.json_path}: {error.message}"
    print(json.dumps(results, ensure_ascii=False))


main()
