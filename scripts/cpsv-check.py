#!/usr/bin/env python3
"""Validate a CPSV-AP 3.2.0 JSON-LD document against the official SHACL shapes, offline.

  scripts/cpsv-check.py --url http://127.0.0.1:8080/api/v1/observatory/services.jsonld
  scripts/cpsv-check.py --file data.jsonld [--shapes PATH] [--inference none|rdfs]

Run it with the project's checks venv (.venv-checks/bin/python, pyshacl 0.40.1 + rdflib); started
with a bare python3 it re-runs itself with that venv when pyshacl is missing.

- The shapes default to <repo>/../shared/standards/cpsv-ap-3.2.0/cpsv-ap-SHACL.ttl.
- Validation is offline: no owl:imports are followed, no inference by default (`--inference rdfs`
  also mixes in the vocabulary cpsv-ap.ttl next to the shapes, so e.g. a cv:PublicOrganisation is
  also checked as an org:Organization / foaf:Agent). A remote @context is not fetched, except the
  official SEMIC CPSV-AP 3.2.0 context, which is read from cpsv-ap.jsonld next to the shapes.
- Prints each violation as focus node, property path, value and message, grouped by focus node.

Exit status: 0 conforms and at least one cpsv:PublicService; 1 violations or no cpsv:PublicService;
2 usage, network, or parse errors. Last line: `cpsv-check: OK ...` or `cpsv-check: FAIL ...`.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import urllib.error
import urllib.request
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_PY = ROOT / ".venv-checks" / "bin" / "python"
DEFAULT_SHAPES = ROOT.parent / "shared" / "standards" / "cpsv-ap-3.2.0" / "cpsv-ap-SHACL.ttl"
SEMIC_CONTEXT_URLS = {
    "https://semiceu.github.io/uri.semic.eu-generated/CPSV-AP/releases/3.2.0/context/cpsv-ap.jsonld",
    "http://semiceu.github.io/uri.semic.eu-generated/CPSV-AP/releases/3.2.0/context/cpsv-ap.jsonld",
}

try:  # re-run with the checks venv when started with a bare python3
    import pyshacl  # noqa: F401
    import rdflib  # noqa: F401
except ImportError:
    if VENV_PY.exists() and not os.environ.get("CPSV_CHECK_REEXEC"):
        os.environ["CPSV_CHECK_REEXEC"] = "1"
        os.execv(str(VENV_PY), [str(VENV_PY), *sys.argv])
    sys.exit("cpsv-check: pyshacl and rdflib are needed (pip install pyshacl==0.40.1)")

import pyshacl  # noqa: E402
from rdflib import RDF, Graph, Literal, Namespace, URIRef  # noqa: E402

SH = Namespace("http://www.w3.org/ns/shacl#")
CPSV = Namespace("http://purl.org/vocab/cpsv#")


def fail_usage(message: str) -> None:
    print(f"cpsv-check: ERROR {message}", file=sys.stderr)
    sys.exit(2)


def read_source(args: argparse.Namespace) -> tuple[str, bytes]:
    if args.file:
        try:
            return args.file, Path(args.file).read_bytes()
        except OSError as error:
            fail_usage(f"cannot read {args.file}: {error}")
    request = urllib.request.Request(args.url, headers={"Accept": "application/ld+json, application/json;q=0.9"})
    try:
        with urllib.request.urlopen(request, timeout=args.timeout) as response:
            return args.url, response.read()
    except (urllib.error.URLError, OSError, ValueError) as error:
        fail_usage(f"cannot fetch {args.url}: {error}")
    raise AssertionError("unreachable")


def local_contexts(document: object, semic_context: object | None) -> object:
    """Replaces the official SEMIC context URL by its local copy; refuses any other remote context."""
    if isinstance(document, dict):
        out = {}
        for key, value in document.items():
            if key == "@context":
                out[key] = resolve_context(value, semic_context)
            else:
                out[key] = local_contexts(value, semic_context)
        return out
    if isinstance(document, list):
        return [local_contexts(item, semic_context) for item in document]
    return document


def resolve_context(context: object, semic_context: object | None) -> object:
    if isinstance(context, list):
        return [resolve_context(item, semic_context) for item in context]
    if isinstance(context, str):
        if context in SEMIC_CONTEXT_URLS and semic_context is not None:
            return semic_context
        fail_usage(f"remote @context {context!r} is not fetched (offline check); inline it")
    return context


def parse_data(name: str, raw: bytes, shapes: Path) -> Graph:
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        fail_usage(f"{name} is not UTF-8 JSON: {error}")
    semic_file = shapes.parent / "cpsv-ap.jsonld"
    semic_context = None
    if semic_file.exists():
        semic_context = json.loads(semic_file.read_text("utf-8")).get("@context")
    document = local_contexts(document, semic_context)
    graph = Graph()
    try:
        graph.parse(data=json.dumps(document), format="json-ld")
    except Exception as error:  # rdflib raises many kinds
        fail_usage(f"{name} is not readable JSON-LD: {type(error).__name__}: {error}")
    return graph


def short(graph: Graph, term: object) -> str:
    if term is None:
        return "-"
    if isinstance(term, URIRef):
        try:
            return graph.namespace_manager.normalizeUri(term)
        except Exception:
            return f"<{term}>"
    if isinstance(term, Literal):
        text = str(term)
        if len(text) > 80:
            text = text[:77] + "..."
        suffix = f"@{term.language}" if term.language else (f"^^{short(graph, term.datatype)}" if term.datatype else "")
        return json.dumps(text, ensure_ascii=False) + suffix
    return str(term)


def report_results(results: Graph) -> int:
    for prefix, namespace in [
        ("cpsv", "http://purl.org/vocab/cpsv#"), ("cv", "http://data.europa.eu/m8g/"),
        ("dct", "http://purl.org/dc/terms/"), ("skos", "http://www.w3.org/2004/02/skos/core#"),
        ("foaf", "http://xmlns.com/foaf/0.1/"), ("locn", "http://www.w3.org/ns/locn#"),
    ]:
        results.bind(prefix, namespace, override=True)
    by_focus: dict[str, list[str]] = defaultdict(list)
    count = 0
    for result in results.subjects(RDF.type, SH.ValidationResult):
        count += 1
        severity = results.value(result, SH.resultSeverity)
        severity_name = str(severity).rsplit("#", 1)[-1] if severity else "Violation"
        path = short(results, results.value(result, SH.resultPath))
        value = short(results, results.value(result, SH.value))
        messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
        component = short(results, results.value(result, SH.sourceConstraintComponent))
        line = f"  {severity_name}: path {path}, value {value}, {component}: {'; '.join(messages) or '-'}"
        by_focus[short(results, results.value(result, SH.focusNode))].append(line)
    for focus in sorted(by_focus):
        print(f"{focus}:")
        for line in sorted(by_focus[focus]):
            print(line)
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--url", help="URL serving the JSON-LD document")
    source.add_argument("--file", help="path of the JSON-LD document")
    parser.add_argument("--shapes", type=Path, default=DEFAULT_SHAPES, help=f"SHACL shapes (default {DEFAULT_SHAPES})")
    parser.add_argument("--inference", choices=["none", "rdfs"], default="none",
                        help="none (default) or rdfs with the vocabulary cpsv-ap.ttl next to the shapes")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds for --url (default 30)")
    args = parser.parse_args()

    if not args.shapes.is_file():
        fail_usage(f"shapes file {args.shapes} not found (use --shapes PATH)")
    name, raw = read_source(args)
    data = parse_data(name, raw, args.shapes)
    shapes = Graph().parse(args.shapes, format="turtle")
    ontology = None
    if args.inference == "rdfs":
        vocabulary = args.shapes.parent / "cpsv-ap.ttl"
        if not vocabulary.is_file():
            fail_usage(f"--inference rdfs needs {vocabulary}")
        ontology = Graph().parse(vocabulary, format="turtle")

    services = set(data.subjects(RDF.type, CPSV.PublicService))
    conforms, results, _ = pyshacl.validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference=args.inference,
        do_owl_imports=False, allow_warnings=False, allow_infos=False, advanced=False,
    )
    violations = report_results(results)
    summary = f"{name}: {len(data)} triples, {len(services)} cpsv:PublicService, {violations} SHACL result(s)"
    problems = []
    if not conforms:
        problems.append("does not conform")
    if not services:
        problems.append("no cpsv:PublicService node")
    if problems:
        print(f"cpsv-check: FAIL {summary} ({', '.join(problems)})")
        return 1
    print(f"cpsv-check: OK {summary} (conforms to {args.shapes.name}, inference {args.inference})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
