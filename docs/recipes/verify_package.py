"""Verify a Kaiban registration package in Python, as docs/package-format.md describes.

The submitter controls every byte of the package, so this recipe trusts nothing it says
about itself: it derives who must sign and which attachments must be there from the
application, checks that the payload's lists say the same, verifies every signature entry on
its own with joserfc (the private header parameters `iat` and `kaiban_signer` registered, as
joserfc refuses unknown ones by default), and checks the timestamps.

    pip install -r docs/recipes/requirements.txt
    python docs/recipes/verify_package.py target/received/KB-…   # a case folder

Exit 0 when valid; otherwise the refusal codes are printed and the exit status is 1.
`./x test` runs it on every package the end-to-end tests delivered, and on forgeries.
"""

import base64
import hashlib
import json
import sys
import time
from datetime import datetime
from pathlib import Path

import rfc8785
from joserfc import jws
from joserfc.errors import JoseError
from joserfc.jwk import ECKey
from joserfc.jws import JWSRegistry
from joserfc.registry import HeaderParameter

TYP = "application/vnd.kaiban.registration+jws"
MAX_PACKAGE_BYTES = 4 * 1024 * 1024
MAX_SIGNATURE_WORK_BYTES = 256 * 1024 * 1024  # entries × payload length: what checking them hashes
CLOCK_SKEW_SECONDS = 5 * 60
SIGNING_WINDOW_SECONDS = 30 * 24 * 60 * 60
COMPANY_TYPES = {"llc", "one_person_llc", "joint_stock"}

REGISTRY = JWSRegistry(
    header_registry={
        "iat": HeaderParameter("Signing time, seconds since the epoch", "int", required=True),
        "kaiban_signer": HeaderParameter("person_id of the signer", "str", required=True),
    },
    algorithms=["ES256"],
)
# joserfc's defaults (512-byte headers, 128 kB payloads) are below what a real package needs.
REGISTRY.max_header_length = 4096
REGISTRY.max_payload_length = MAX_PACKAGE_BYTES


def b64decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def required_signers(app: dict) -> dict:
    """person_id -> (name, roles): every investor; for companies the legal representative,
    directors, supervisors and manager; executing partners' delegates; the finance officer
    and the liaison. Only people who are in the application; each once."""
    people = {}
    for person in app.get("persons", []):
        people.setdefault(person["id"], person)
    signers = {}

    def add(person_id, role):
        if person_id and person_id in people:
            signers.setdefault(person_id, (people[person_id]["name"], set()))[1].add(role)

    for investor in app.get("investors", []):
        add(investor["person_id"], "investor")
    officers = app.get("officers", {})
    if app.get("entity_type") in COMPANY_TYPES:
        add(officers.get("legal_representative_id"), "legal_representative")
        for director in officers.get("directors", []):
            add(director["person_id"], "director")
        for supervisor in officers.get("supervisors", []):
            add(supervisor["person_id"], "supervisor")
        add(officers.get("manager_id"), "manager")
    for partner in app.get("executing_partners", []):
        add(partner.get("delegate_id"), "executing_partner_delegate")
    add(app.get("finance_officer_id"), "finance_officer")
    add(app.get("liaison_id"), "liaison")
    return signers


def attachment_refs(app: dict) -> list:
    return sorted((a["sha256"], a["name"], a["media_type"], a["size"]) for a in app.get("attachments", []))


def verify_package(package_bytes: bytes, received: dict, now: int) -> list:
    """Refusal codes (empty: valid). `received`: SHA-256 hex -> size of every file that came
    with the package, hashed by you."""
    if len(package_bytes) > MAX_PACKAGE_BYTES:
        return ["package.too_large"]
    try:
        package = json.loads(package_bytes)
        payload_bytes = b64decode(package["payload"])
        payload = json.loads(payload_bytes)
        app = payload["application"]
    except (ValueError, KeyError, TypeError):
        return ["package.not_jws"]
    problems = []
    if rfc8785.dumps(payload) != payload_bytes:
        problems.append("payload.not_canonical")

    person_ids = [p.get("id") for p in app.get("persons", [])]
    if len(set(person_ids)) != len(person_ids):
        problems.append("application.duplicate_person_id")  # roles name people by id
    signers = required_signers(app)
    claimed = {
        s["person_id"]: (s["name"], set(s["roles"])) for s in payload.get("required_signers", [])
    }
    if claimed != signers or len(claimed) != len(payload.get("required_signers", [])):
        problems.append("signers.list_mismatch")
    entries = package.get("signatures", [])
    if not entries:
        problems.append("package.unsigned")
    if len(entries) > max(len(signers), 1):
        return problems + ["signers.too_many"]  # before checking any signature
    if len(entries) * len(package["payload"]) > MAX_SIGNATURE_WORK_BYTES:
        return problems + ["package.too_costly"]

    created = payload.get("created_at", "")
    try:
        if not (isinstance(created, str) and created.endswith("Z")):
            raise ValueError("created_at must be UTC")
        created_at = int(datetime.fromisoformat(created[:-1] + "+00:00").timestamp())
    except ValueError:
        created_at = None
        problems.append("payload.created_at_invalid")
    if created_at is not None and created_at > now + CLOCK_SKEW_SECONDS:
        problems.append("payload.created_at_future")

    signed = {}
    owner_of_key = {}
    for entry in entries:
        code, header = verify_entry(entry, package["payload"], created_at, now)
        if code:
            problems.append(code)
            continue
        signer = header["kaiban_signer"]
        signed[signer] = signed.get(signer, 0) + 1
        if owner_of_key.setdefault(header["kid"], signer) != signer:
            problems.append("signers.shared_key")
    for person_id in signers:
        count = signed.get(person_id, 0)
        if count != 1:
            problems.append("signers.missing" if count == 0 else "signers.duplicate")
    if any(s not in signers for s in signed):
        problems.append("signers.unexpected")

    expected = attachment_refs(app)
    if expected != attachment_refs(payload):
        problems.append("attachments.list_mismatch")
    for sha256, _name, _type, size in expected:
        if sha256 not in received:
            problems.append("attachment.missing")
        elif received[sha256] != size:
            problems.append("attachment.mismatch")
    if set(received) - {a[0] for a in expected}:
        problems.append("attachment.unreferenced")
    return problems


def verify_entry(entry: dict, payload: str, created_at, now: int):
    """(refusal code or None, protected header) for one signature entry, verified on its own
    with the key in its own header."""
    try:
        header = json.loads(b64decode(entry["protected"]))
    except (ValueError, KeyError, TypeError):
        return "entry.header_invalid", None
    if "crit" in header:  # no extension is understood, so none may be critical
        return "entry.crit", header
    if header.get("alg") != "ES256":
        return "entry.alg", header
    if header.get("typ") != TYP:
        return "entry.typ", header
    try:
        key = ECKey.import_key(header["jwk"])
    except (JoseError, ValueError, KeyError, TypeError):
        return "entry.jwk", header
    if key.thumbprint() != header.get("kid"):
        return "entry.kid", header
    iat = header.get("iat")
    if not isinstance(iat, int):
        return "entry.header_invalid", header
    if created_at is not None and iat < created_at - CLOCK_SKEW_SECONDS:
        return "entry.iat_before_created", header
    if created_at is not None and iat > created_at + SIGNING_WINDOW_SECONDS:
        return "entry.iat_stale", header
    if iat > now + CLOCK_SKEW_SECONDS:
        return "entry.iat_future", header
    flattened = {"payload": payload, "protected": entry["protected"], "signature": entry["signature"]}
    try:
        jws.deserialize_json(flattened, key, registry=REGISTRY)
    except (JoseError, ValueError):
        return "entry.signature_invalid", header
    return None, header


def verify_case(folder: Path, now=None) -> list:
    """A case folder as the reference receiver stores it: package.jws.json, attachments/."""
    received = {}
    attachments = folder / "attachments"
    if attachments.is_dir():
        for file in attachments.iterdir():
            data = file.read_bytes()
            received[hashlib.sha256(data).hexdigest()] = len(data)
    return verify_package((folder / "package.jws.json").read_bytes(), received, now or int(time.time()))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python verify_package.py CASE_FOLDER")
    refusals = verify_case(Path(sys.argv[1]))
    print("package valid" if not refusals else "refused: " + ", ".join(refusals))
    sys.exit(1 if refusals else 0)
