"""docs/recipes/verify_package.py on the packages the end-to-end tests delivered (each must
verify) and on forgeries of them re-signed with fresh keys (each must be refused).
Run by `./x test` with the project's .venv after the e2e tests."""

import base64
import glob
import hashlib
import json
import sys
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "docs" / "recipes"))

import rfc8785  # noqa: E402
from joserfc import jws  # noqa: E402
from joserfc.jwk import ECKey  # noqa: E402
from verify_package import REGISTRY, TYP, b64decode, verify_case, verify_package  # noqa: E402

CASES = sorted(Path(p).parent for p in glob.glob(str(ROOT / "target/e2e/**/KB-*/package.jws.json"), recursive=True))


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def load(case: Path):
    package = json.loads((case / "package.jws.json").read_text())
    payload = json.loads(b64decode(package["payload"]))
    received = {}
    for file in (case / "attachments").iterdir():
        data = file.read_bytes()
        received[hashlib.sha256(data).hexdigest()] = len(data)
    return package, payload, received


def signed(payload: dict, signers, iat: int, key=None) -> bytes:
    """The attacker's package: `payload` canonicalised and signed for each of `signers` with
    fresh keys (or one `key` for all), so every signature in it verifies."""
    payload_bytes = rfc8785.dumps(payload)
    entries = []
    for person_id in signers:
        own = key or ECKey.generate_key("P-256")
        jwk = own.as_dict(private=False)
        jwk.pop("kid", None)
        header = {"alg": "ES256", "typ": TYP, "kid": own.thumbprint(), "jwk": jwk, "iat": iat, "kaiban_signer": person_id}
        flat = jws.serialize_json({"protected": header}, payload_bytes, own, registry=REGISTRY)
        entries.append({"protected": flat["protected"], "signature": flat["signature"]})
    return json.dumps({"payload": b64(payload_bytes), "signatures": entries}).encode()


class PythonRecipe(unittest.TestCase):
    def setUp(self):
        self.assertTrue(CASES, "no delivered package under target/e2e (run the e2e tests first)")
        with_files = [c for c in CASES if any((c / "attachments").iterdir())]
        self.assertTrue(with_files, "no delivered package with an attachment")
        self.package, self.payload, self.received = load(with_files[0])
        headers = [json.loads(b64decode(e["protected"])) for e in self.package["signatures"]]
        self.iat = max(h["iat"] for h in headers)
        self.everyone = [s["person_id"] for s in self.payload["required_signers"]]

    def test_every_delivered_package_verifies(self):
        for case in CASES:
            self.assertEqual(verify_case(case), [], case.name)

    def test_the_honest_package_resigned_with_fresh_keys_verifies(self):
        self.assertEqual(verify_package(signed(self.payload, self.everyone, self.iat), self.received, self.iat + 60), [])

    def test_forgeries_are_refused(self):
        cut = dict(self.payload, required_signers=self.payload["required_signers"][:1])
        dropped = dict(self.payload, attachments=[])
        one_key = ECKey.generate_key("P-256")
        first = self.payload["application"]["persons"][0]
        twin_app = dict(self.payload["application"], persons=[*self.payload["application"]["persons"], dict(first, name="李四")])
        twin = dict(self.payload, application=twin_app)
        cases = {
            "application.duplicate_person_id": (signed(twin, self.everyone, self.iat), self.received),
            "signers.list_mismatch": (signed(cut, self.everyone[:1], self.iat), self.received),
            "signers.shared_key": (signed(self.payload, self.everyone, self.iat, key=one_key), self.received),
            "attachments.list_mismatch": (signed(dropped, self.everyone, self.iat), {}),
            "attachment.unreferenced": (signed(self.payload, self.everyone, self.iat), {**self.received, "00" * 32: 3}),
            "entry.iat_future": (signed(self.payload, self.everyone, self.iat + 86400), self.received),
        }
        for code, (package, received) in cases.items():
            refusals = verify_package(package, received, self.iat + 60)
            self.assertIn(code, refusals, code)

    def test_a_flipped_signature_byte_is_refused(self):
        package = json.loads(signed(self.payload, self.everyone, self.iat))
        signature = bytearray(b64decode(package["signatures"][0]["signature"]))
        signature[5] ^= 1
        package["signatures"][0]["signature"] = b64(bytes(signature))
        self.assertIn("entry.signature_invalid", verify_package(json.dumps(package).encode(), self.received, self.iat + 60))


if __name__ == "__main__":
    unittest.main(verbosity=2)
