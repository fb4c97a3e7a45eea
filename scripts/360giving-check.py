#!/usr/bin/env python3
"""Validate a 360Giving Data Standard 1.4.3 data package (JSON) offline against the official schemas.

  scripts/360giving-check.py grants.json
  scripts/360giving-check.py --url URL
  iceda export grants --format 360giving | scripts/360giving-check.py -
  scripts/360giving-check.py --schemas DIR grants.json

Run it with the project's checks venv (.venv-checks/bin/python, jsonschema 4.26 + referencing); started
with a bare python3 it re-runs itself with that venv when jsonschema is missing.

- The schemas default to <repo>/../shared/standards/360giving/ (360-giving-package-schema.json and
  360-giving-schema.json). Validation uses Draft202012Validator, fully offline: the grant schema is
  registered under every `$ref` the package schema uses for it (the 1.4.3 package schema still points at
  the 1.4.2 URL) and under its own `$id`; any other remote reference is an error, never a download.
- Formats are checked (date-time strictly per RFC 3339, uri needs a scheme): the standard's dates are
  `oneOf [date-time, YYYY-MM-DD]`, which only works when date-time is really checked.
- Beyond the schema: grant identifiers must be unique (error); identifiers without the `360G-` prefix
  are reported as warnings.
- Each error is printed as `path: message`, with the alternatives of a failed oneOf/anyOf indented.

Exit status: 0 valid; 1 invalid; 2 usage, network, parse or schema-loading errors.
Last line: `360giving-check: OK ...` or `360giving-check: FAIL ...`.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import urllib.error
import urllib.request
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_PY = ROOT / ".venv-checks" / "bin" / "python"
DEFAULT_SCHEMAS = ROOT.parent / "shared" / "standards" / "360giving"
PACKAGE_SCHEMA = "360-giving-package-schema.json"
GRANT_SCHEMA = "360-giving-schema.json"

try:  # re-run with the checks venv when started with a bare python3
    import jsonschema  # noqa: F401
    import referencing  # noqa: F401
except ImportError:
    if VENV_PY.exists() and not os.environ.get("G360_CHECK_REEXEC"):
        os.environ["G360_CHECK_REEXEC"] = "1"
        os.execv(str(VENV_PY), [str(VENV_PY), *sys.argv])
    print("360giving-check: ERROR jsonschema and referencing are needed (pip install jsonschema==4.26.0)", file=sys.stderr)
    sys.exit(2)

from jsonschema import Draft202012Validator, FormatChecker  # noqa: E402
from referencing import Registry, Resource  # noqa: E402
from referencing.exceptions import NoSuchResource  # noqa: E402
from referencing.jsonschema import DRAFT202012  # noqa: E402

RFC3339 = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$"
)
URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$")


def fail_usage(message: str) -> None:
    print(f"360giving-check: ERROR {message}", file=sys.stderr)
    sys.exit(2)


def is_date_time(value: object) -> bool:
    """RFC 3339 date-time, checked without optional packages."""
    if not isinstance(value, str):
        return True
    match = RFC3339.match(value)
    if not match:
        return False
    year, month, day, hour, minute, second = (int(match.group(i)) for i in range(1, 7))
    try:
        datetime(year, month, day, hour, minute, min(second, 59))
    except ValueError:
        return False
    if second > 60 or (match.group(9) and (int(match.group(9)) > 23 or int(match.group(10)) > 59)):
        return False
    return True


def is_uri(value: object) -> bool:
    return not isinstance(value, str) or bool(URI.match(value))


def format_checker() -> FormatChecker:
    checker = FormatChecker()
    checker.checks("date-time")(is_date_time)
    checker.checks("uri")(is_uri)
    return checker


def read_source(args: argparse.Namespace) -> tuple[str, bytes]:
    if args.url:
        try:
            with urllib.request.urlopen(args.url, timeout=30) as response:
                return args.url, response.read()
        except (urllib.error.URLError, OSError) as error:
            fail_usage(f"cannot fetch {args.url}: {error}")
    if args.file == "-":
        return "<stdin>", sys.stdin.buffer.read()
    try:
        return args.file, Path(args.file).read_bytes()
    except OSError as error:
        fail_usage(f"cannot read {args.file}: {error}")
    raise AssertionError("unreachable")


def load_json(name: str, data: bytes) -> object:
    try:
        return json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        fail_usage(f"{name} is not UTF-8: {error}")
    except json.JSONDecodeError as error:
        fail_usage(f"{name} is not JSON: {error.msg} at line {error.lineno}, column {error.colno}")
    raise AssertionError("unreachable")


def refs(node: object) -> list[str]:
    """Every $ref value in a schema."""
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                found.append(value)
            else:
                found += refs(value)
    elif isinstance(node, list):
        for value in node:
            found += refs(value)
    return found


def build_validator(schema_dir: Path) -> Draft202012Validator:
    try:
        package = json.loads((schema_dir / PACKAGE_SCHEMA).read_text("utf-8"))
        grant = json.loads((schema_dir / GRANT_SCHEMA).read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        fail_usage(f"cannot load the schemas from {schema_dir}: {error}")
    grant_uris = {grant["$id"]} | {ref.split("#")[0] for ref in refs(package) if ref.split("#")[0].endswith("/" + GRANT_SCHEMA)}
    resource = Resource.from_contents(grant, default_specification=DRAFT202012)

    def offline(uri: str) -> Resource:
        raise NoSuchResource(ref=uri)

    registry = Registry(retrieve=offline).with_resources((uri, resource) for uri in sorted(grant_uris))
    Draft202012Validator.check_schema(package)
    Draft202012Validator.check_schema(grant)
    return Draft202012Validator(package, registry=registry, format_checker=format_checker())


def path_of(error) -> str:
    return "/".join(str(part) for part in error.absolute_path) or "(package)"


def message_of(error) -> str:
    """The validator's message, without dumping whole objects or long code lists."""
    if error.validator in ("oneOf", "anyOf"):
        return f"matches none of the {len(error.validator_value)} alternatives ({error.validator})"
    if error.validator == "enum" and len(error.validator_value) > 8:
        return f"{error.instance!r} is not one of the {len(error.validator_value)} allowed codes"
    message = error.message
    return message if len(message) <= 200 else message[:197] + "..."


def describe(error, depth: int = 0) -> list[str]:
    """The error and, for a failed oneOf/anyOf, what each alternative objected to."""
    label = ""
    if depth and error.relative_schema_path and isinstance(error.relative_schema_path[0], int):
        label = f"alternative {error.relative_schema_path[0] + 1}: "
    lines = ["    " * depth + f"{label}{path_of(error)}: {message_of(error)}"]
    if error.context and depth < 2:
        seen = set()
        for sub in sorted(error.context, key=lambda e: (list(map(str, e.schema_path)), e.message)):
            key = (tuple(map(str, sub.relative_schema_path)), path_of(sub), sub.message)
            if key not in seen:
                seen.add(key)
                lines += describe(sub, depth + 1)
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description="Validate a 360Giving 1.4.3 data package offline.")
    parser.add_argument("file", nargs="?", help="path of the JSON package, or - for standard input")
    parser.add_argument("--url", help="fetch the package from this URL instead")
    parser.add_argument("--schemas", type=Path, default=DEFAULT_SCHEMAS, help=f"schema folder (default {DEFAULT_SCHEMAS})")
    args = parser.parse_args()
    if bool(args.url) == bool(args.file):
        fail_usage("give exactly one of FILE, - or --url")

    name, data = read_source(args)
    document = load_json(name, data)
    validator = build_validator(args.schemas)

    errors: list[str] = []
    try:
        schema_errors = sorted(validator.iter_errors(document), key=lambda e: (list(map(str, e.absolute_path)), e.message))
    except Exception as error:  # an unresolvable remote $ref, for instance
        fail_usage(f"validation could not run offline: {error}")
    for error in schema_errors:
        errors += describe(error)

    warnings: list[str] = []
    grants = document.get("grants") if isinstance(document, dict) else None
    grants = grants if isinstance(grants, list) else []
    seen: dict[str, int] = {}
    for index, grant in enumerate(grants):
        identifier = grant.get("id") if isinstance(grant, dict) else None
        if not isinstance(identifier, str):
            continue
        if identifier in seen:
            errors.append(f"grants/{index}/id: duplicate identifier {identifier!r} (first at grants/{seen[identifier]})")
        else:
            seen[identifier] = index
        if not identifier.startswith("360G-"):
            warnings.append(f"grants/{index}/id: {identifier!r} does not start with the 360G- prefix")

    print(f"360giving-check: {name} against {args.schemas} (package + grant schema 1.4.3, Draft 2020-12, offline)")
    for line in warnings:
        print(f"  warning: {line}")
    for line in errors:
        print(f"  error: {line}" if not line.startswith("    ") else f"         {line}")
    error_count = sum(1 for line in errors if not line.startswith("    "))
    if error_count:
        print(f"360giving-check: FAIL {error_count} error(s), {len(warnings)} warning(s) in {len(grants)} grant(s)")
        sys.exit(1)
    print(f"360giving-check: OK {len(grants)} grant(s) valid, {len(warnings)} warning(s)")


if __name__ == "__main__":
    main()
