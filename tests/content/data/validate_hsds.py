#!/usr/bin/env python3
"""Validates an export of `kioskctl export-hsds` against the HSDS 3.x JSON Schema files.

usage: validate_hsds.py SCHEMA_DIR FILE {services|organizations|kiosk}

References between schema files ("attribute.json") resolve from SCHEMA_DIR only (no network).
Exit 0 when every object validates; 1 with one line per problem otherwise; 2 on bad usage.
"""
import json
import pathlib
import sys

import jsonschema
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012


def main():
    if len(sys.argv) != 4 or sys.argv[3] not in ("services", "organizations", "kiosk"):
        print(__doc__, file=sys.stderr)
        return 2
    schema_dir = pathlib.Path(sys.argv[1])
    data = json.loads(pathlib.Path(sys.argv[2]).read_text(encoding="utf-8"))
    kind = sys.argv[3]

    resources = []
    for path in sorted(schema_dir.glob("*.json")):
        if path.name == "openapi.json":
            continue
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((path.name, Resource.from_contents(contents, default_specification=DRAFT202012)))
    registry = Registry().with_resources(resources)

    def validator(name):
        if name == "compiled/service.json":
            schema = json.loads((schema_dir / "compiled" / "service.json").read_text(encoding="utf-8"))
        else:
            schema = registry.contents(name)
        return jsonschema.Draft202012Validator(schema, registry=registry)

    checks = []  # (validator name, object, where)
    if kind == "services":
        if not isinstance(data, list):
            print("services export must be a JSON array")
            return 1
        checks += [("compiled/service.json", item, f"[{i}]") for i, item in enumerate(data)]
        checks += [("service.json", item, f"[{i}]") for i, item in enumerate(data)]
    elif kind == "organizations":
        if not isinstance(data, list):
            print("organizations export must be a JSON array")
            return 1
        for i, org in enumerate(data):
            checks.append(("organization.json", org, f"[{i}]"))
            for j, service in enumerate(org.get("services", [])):
                checks.append(("service.json", service, f"[{i}].services[{j}]"))
    else:
        if not isinstance(data, dict) or data.get("x_kiosk_format") != 1:
            print("kiosk export must be an object with x_kiosk_format 1")
            return 1
        checks += [("taxonomy.json", t, f"taxonomies[{i}]") for i, t in enumerate(data.get("taxonomies", []))]
        checks += [("taxonomy_term.json", t, f"taxonomy_terms[{i}]") for i, t in enumerate(data.get("taxonomy_terms", []))]
        for i, org in enumerate(data.get("organizations", [])):
            checks.append(("organization.json", org, f"organizations[{i}]"))
            for j, service in enumerate(org.get("services", [])):
                checks.append(("service.json", service, f"organizations[{i}].services[{j}]"))
        checks += [("location.json", l, f"locations[{i}]") for i, l in enumerate(data.get("locations", []))]

    validators = {}
    problems = 0
    for name, obj, where in checks:
        if name not in validators:
            validators[name] = validator(name)
        for error in validators[name].iter_errors(obj):
            path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
            print(f"{where}{path}: {error.message} ({name})")
            problems += 1
    if not checks:
        print("nothing to validate")
        return 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
