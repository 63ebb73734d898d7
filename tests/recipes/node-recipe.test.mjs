// docs/recipes/verify-package.mjs on the packages the end-to-end tests delivered (each must
// verify) and on forgeries of them re-signed with fresh keys (each must be refused).
// Run by `./x test` after the e2e tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import * as jose from 'jose';
import canonicalize from 'canonicalize';
import { verifyCase, verifyPackage } from '../../docs/recipes/verify-package.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TYP = 'application/vnd.kaiban.registration+jws';

function cases(dir = path.join(ROOT, 'target/e2e')) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (!entry.isDirectory()) return [];
    return fs.existsSync(path.join(full, 'package.jws.json')) && entry.name.startsWith('KB-') ? [full] : cases(full);
  }).sort();
}

/// The attacker's package: `payload` canonicalised and signed for each signer with fresh keys
/// (or one `key` for all), so every signature in it verifies.
async function signed(payload, signers, iat, key = null) {
  const bytes = new TextEncoder().encode(canonicalize(payload));
  const signatures = [];
  for (const signer of signers) {
    const own = key ?? await jose.generateKeyPair('ES256');
    const jwk = await jose.exportJWK(own.publicKey);
    const header = { alg: 'ES256', typ: TYP, kid: await jose.calculateJwkThumbprint(jwk, 'sha256'), jwk, iat, kaiban_signer: signer };
    const jws = await new jose.FlattenedSign(bytes).setProtectedHeader(header).sign(own.privateKey);
    signatures.push({ protected: jws.protected, signature: jws.signature });
  }
  return Buffer.from(JSON.stringify({ payload: Buffer.from(bytes).toString('base64url'), signatures }));
}

function load(folder) {
  const pkg = JSON.parse(fs.readFileSync(path.join(folder, 'package.jws.json'), 'utf8'));
  const payload = JSON.parse(Buffer.from(pkg.payload, 'base64url').toString('utf8'));
  const received = new Map();
  for (const name of fs.readdirSync(path.join(folder, 'attachments'))) {
    const bytes = fs.readFileSync(path.join(folder, 'attachments', name));
    received.set(crypto.createHash('sha256').update(bytes).digest('hex'), bytes.length);
  }
  const iat = Math.max(...pkg.signatures.map((e) => JSON.parse(Buffer.from(e.protected, 'base64url')).iat));
  return { payload, received, iat, everyone: payload.required_signers.map((s) => s.person_id) };
}

const delivered = cases();

test('every package the e2e tests delivered verifies with the Node recipe', async () => {
  assert.ok(delivered.length > 0, 'no delivered package under target/e2e (run the e2e tests first)');
  for (const folder of delivered) assert.deepEqual(await verifyCase(folder), [], folder);
});

test('re-signed with fresh keys, the honest package verifies and every forgery is refused', async () => {
  const withFiles = delivered.filter((folder) => fs.readdirSync(path.join(folder, 'attachments')).length > 0);
  assert.ok(withFiles.length > 0, 'no delivered package with an attachment');
  const { payload, received, iat, everyone } = load(withFiles[0]);
  const now = iat + 60;
  assert.deepEqual(await verifyPackage(await signed(payload, everyone, iat), received, now), []);
  const oneKey = await jose.generateKeyPair('ES256');
  const app = payload.application;
  const twin = { ...payload, application: { ...app, persons: [...app.persons, { ...app.persons[0], name: '李四' }] } };
  const forgeries = {
    'application.duplicate_person_id': [await signed(twin, everyone, iat), received],
    'signers.list_mismatch': [await signed({ ...payload, required_signers: payload.required_signers.slice(0, 1) }, everyone.slice(0, 1), iat), received],
    'signers.shared_key': [await signed(payload, everyone, iat, oneKey), received],
    'attachments.list_mismatch': [await signed({ ...payload, attachments: [] }, everyone, iat), new Map()],
    'attachment.unreferenced': [await signed(payload, everyone, iat), new Map([...received, ['00'.repeat(32), 3]])],
    'entry.iat_future': [await signed(payload, everyone, iat + 86_400), received],
  };
  for (const [code, [pkg, files]] of Object.entries(forgeries)) {
    const refusals = await verifyPackage(pkg, files, now);
    assert.ok(refusals.includes(code), `${code}: ${refusals}`);
  }
});

// docs/package-format.md, "Reading the documents": `kaiban-verify documents` on every delivered
// package writes an index and one readable page per document of the filing.
test('kaiban-verify documents writes every delivered package\'s documents as pages', async () => {
  const { execFileSync } = await import('node:child_process');
  const os = await import('node:os');
  const found = cases();
  assert.ok(found.length > 0, 'the e2e tests delivered packages');
  for (const folder of found) {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'kaiban-documents-'));
    const printed = execFileSync(path.join(ROOT, 'target/debug/kaiban-verify'), ['documents', path.join(folder, 'package.jws.json'), '--out', out], { encoding: 'utf8' });
    const pages = fs.readdirSync(out).filter((name) => name !== 'index.html');
    assert.ok(pages.includes('application_form.html'), `${folder}: ${pages}`);
    assert.equal(printed.trim().split('\n').length, pages.length, 'one line per page written');
    const index = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
    for (const page of pages) assert.ok(index.includes(`href="${page}"`), `${page} is in the index`);
    fs.rmSync(out, { recursive: true, force: true });
  }
});
