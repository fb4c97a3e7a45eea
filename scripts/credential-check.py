#!/usr/bin/env python3
"""Verify the platform's certificates (Open Badges 3.0 credentials as VC-JWT, EdDSA) with an independent library.

  iceda trainings credentials --limit 5 | scripts/credential-check.py --jwks URL -

For each token (one per line): the signature is verified with PyJWT against the public key published at the JWKS
URL, and the payload is checked for the fields Open Badges 3.0 requires (`@context` with the VC 2.0 and OB 3.0.3
contexts, `id`, `type` with VerifiableCredential and OpenBadgeCredential, `issuer` with an id, `validFrom`, `name`,
`credentialSubject` with an `achievement` that has `id`, `type`, `name`, `description`, `criteria`) and for the
JWT claims `iss`, `jti`, `nbf`. A copy of each token with one payload character changed must fail verification.
Exit status: 0 all good, 1 a check failed, 2 usage or network errors. Last line: `credential-check: OK …` or `FAIL …`.
"""
from __future__ import annotations

import argparse
import base64
import json
import sys
import urllib.request

import jwt
from jwt import PyJWK

VC2 = "https://www.w3.org/ns/credentials/v2"
OB3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"


def problems_of(payload: dict) -> list[str]:
    problems = []
    context = payload.get("@context") or []
    if not (isinstance(context, list) and context[:1] == [VC2] and OB3 in context):
        problems.append("@context must start with the VC 2.0 context and include the OB 3.0.3 context")
    for name in ("id", "validFrom", "name", "iss", "jti", "nbf"):
        if not payload.get(name):
            problems.append(f"{name} is missing")
    types = payload.get("type") or []
    if "VerifiableCredential" not in types or "OpenBadgeCredential" not in types:
        problems.append("type must hold VerifiableCredential and OpenBadgeCredential")
    issuer = payload.get("issuer")
    if not (isinstance(issuer, dict) and issuer.get("id")):
        problems.append("issuer.id is missing")
    subject = payload.get("credentialSubject") or {}
    achievement = subject.get("achievement") if isinstance(subject, dict) else None
    if not isinstance(achievement, dict):
        problems.append("credentialSubject.achievement is missing")
    else:
        for name in ("id", "type", "name", "description", "criteria"):
            if not achievement.get(name):
                problems.append(f"credentialSubject.achievement.{name} is missing")
    return problems


def tampered(token: str) -> str:
    header, payload, signature = token.split(".")
    raw = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    changed = raw.replace(b'"name"', b'"nama"', 1) if b'"name"' in raw else raw + b" "
    return header + "." + base64.urlsafe_b64encode(changed).decode().rstrip("=") + "." + signature


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", help="tokens, one per line, or - for standard input")
    parser.add_argument("--jwks", required=True, help="URL of the JWK Set")
    args = parser.parse_args()
    try:
        with urllib.request.urlopen(args.jwks, timeout=60) as response:
            keys = json.load(response)["keys"]
        text = sys.stdin.read() if args.file == "-" else open(args.file, encoding="utf-8").read()
    except Exception as error:
        print(f"credential-check: cannot read the inputs: {error}")
        return 2
    tokens = [line.strip() for line in text.splitlines() if line.count(".") == 2]
    if not tokens:
        print("credential-check: FAIL no credential to check")
        return 1
    by_kid = {key.get("kid"): PyJWK(key, algorithm="EdDSA") for key in keys}
    failed = 0
    for token in tokens:
        header = jwt.get_unverified_header(token)
        kid = (header.get("kid") or "").split("#")[-1]
        key = by_kid.get(kid)
        if key is None:
            print(f"FAIL kid {kid!r} is not in the JWK Set")
            failed += 1
            continue
        try:
            payload = jwt.decode(token, key.key, algorithms=["EdDSA"], options={"verify_aud": False})
        except jwt.PyJWTError as error:
            print(f"FAIL signature or claims: {error}")
            failed += 1
            continue
        problems = problems_of(payload)
        for problem in problems:
            print(f"FAIL {payload.get('jti', '?')}: {problem}")
        failed += bool(problems)
        try:
            jwt.decode(tampered(token), key.key, algorithms=["EdDSA"], options={"verify_aud": False})
            print(f"FAIL {payload.get('jti', '?')}: a changed copy verified")
            failed += 1
        except jwt.InvalidSignatureError:
            pass
    if failed:
        print(f"credential-check: FAIL {failed} of {len(tokens)} credentials")
        return 1
    print(f"credential-check: OK {len(tokens)} credentials verified with PyJWT (EdDSA) and checked against Open Badges 3.0")
    return 0


if __name__ == "__main__":
    sys.exit(main())
