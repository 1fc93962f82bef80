#!/usr/bin/env python3
"""Validates an export of `kioskctl export-hsds` against the HSDS 3.x JSON Schema files.

usage: validate_hsds.py SCHEMA_DIR FILE {services|organizations|kiosk}

References between schema files ("attribute.json") resolve from SCHEMA_DIR only (no network).
Exit 0 when every object validates (an empty list too); 1 with one line per problem otherwise;
2 on bad usage.
"""
import json
import pathlib
import sys

import jsonschema

try:  # jsonschema >= 4.18 resolves $ref through `referencing`
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012
except ImportError:  # Debian 12's jsonschema 4.10 uses RefResolver
    Registry = None


def main():
    if len(sys.argv) != 4 or sys.argv[3] not in ("services", "organizations", "kiosk"):
        print(__doc__, file=sys.stderr)
        return 2
    schema_dir = pathlib.Path(sys.argv[1])
    data = json.loads(pathlib.Path(sys.argv[2]).read_text(encoding="utf-8"))
    kind = sys.argv[3]

    schemas = {}
    for path in sorted(schema_dir.glob("*.json")):
        if path.name != "openapi.json":
            schemas[path.name] = json.loads(path.read_text(encoding="utf-8"))
    compiled = json.loads((schema_dir / "compiled" / "service.json").read_text(encoding="utf-8"))
    base = schema_dir.resolve().as_uri() + "/"

    if Registry is not None:
        registry = Registry().with_resources(
            (base + name, Resource.from_contents(contents, default_specification=DRAFT202012))
            for name, contents in schemas.items())

    def validator(name):
        schema = dict(compiled if name == "compiled/service.json" else schemas[name])
        # References ("attribute.json") are relative to the file they are in.
        schema["$id"] = base + name
        if Registry is not None:
            return jsonschema.Draft202012Validator(schema, registry=registry)
        store = {base + n: c for n, c in schemas.items()}
        resolver = jsonschema.RefResolver(base_uri=base + name, referrer=schema, store=store)
        return jsonschema.Draft202012Validator(schema, resolver=resolver)

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
        print("nothing to validate (an empty list is valid HSDS)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
