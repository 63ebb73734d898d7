// docs/recipes/verify-licence.mjs on the e-licences the end-to-end tests issued (each must
// verify against its receiver's published key set, also run as the docs' command) and on what
// an attacker makes of them (each must be refused): the items changed and re-signed with a fresh
// key under the authority's kid, a fresh key carried in the header, another typ signed by the
// real authority key, a credit code with a wrong check character signed by the real key.
// Run by `./x test` after the e2e tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import * as jose from 'jose';
import { verifyLicence, validCreditCode } from '../../docs/recipes/verify-licence.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TYP = 'application/vnd.kaiban.licence+jws';

/// [{licence file, key set file, data folder}] under target/e2e.
function issued(dir = path.join(ROOT, 'target/e2e')) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (!entry.isDirectory()) return [];
    const full = path.join(dir, entry.name);
    const licence = path.join(full, 'licence.jws');
    if (fs.existsSync(licence)) return [{ licence, keys: path.join(dir, '.licence-keys.json'), data: dir }];
    return entry.name.startsWith('KB-') ? [] : issued(full);
  });
}

const licences = issued();
const read = (f) => fs.readFileSync(f, 'utf8').trim();
const b64 = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/// The authority's private key from the receiver's data folder (the test plays the registrar to
/// make honest controls and typ/check-character forgeries with the real key).
async function authorityKey(data, publicJwk) {
  const d = Buffer.from(read(path.join(data, '.authority-key')), 'hex').toString('base64url');
  return jose.importJWK({ kty: 'EC', crv: 'P-256', x: publicJwk.x, y: publicJwk.y, d }, 'ES256');
}

async function signed(header, payload, key) {
  return new jose.CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader(header).sign(key);
}

test('every licence the e2e tests issued verifies with the Node recipe, also as the docs run it', async () => {
  assert.ok(licences.length > 0, 'no licence under target/e2e (run the e2e tests first)');
  for (const { licence, keys } of licences) {
    const { licence: items, error } = await verifyLicence(read(licence), JSON.parse(read(keys)));
    assert.equal(error, undefined, licence);
    assert.ok(validCreditCode(items.credit_code) && items.name, licence);
    const printed = execFileSync('node', [path.join(ROOT, 'docs/recipes/verify-licence.mjs'), licence, keys], { encoding: 'utf8' });
    assert.match(printed, new RegExp(`^${items.credit_code} `));
  }
});

test('forged licences are refused; the same licence signed by the authority verifies', async () => {
  assert.ok(licences.length > 0, 'no licence under target/e2e (run the e2e tests first)');
  for (const { licence, keys, data } of licences) {
    const jws = read(licence);
    const keySet = JSON.parse(read(keys));
    const header = jose.decodeProtectedHeader(jws);
    const items = JSON.parse(Buffer.from(jws.split('.')[1], 'base64url'));
    const authority = await authorityKey(data, keySet.keys[0]);
    const fresh = await jose.generateKeyPair('ES256');
    const freshJwk = await jose.exportJWK(fresh.publicKey);
    const other = { ...items, name: '冒名顶替有限公司' };
    // The check character of a code one character off.
    const wrongCode = items.credit_code.slice(0, 17) + (items.credit_code[17] === '0' ? '1' : '0');

    // Honest control: the registrar signs the same items again.
    const honest = await verifyLicence(await signed(header, items, authority), keySet);
    assert.deepEqual(honest, { licence: items }, 'the honest control');

    const forgeries = {
      'licence.signature_invalid': [
        await signed(header, other, fresh.privateKey), // changed and re-signed under the authority's kid
        await signed(header, items, fresh.privateKey), // the same items under a fresh key
        `${jws.split('.')[0]}.${b64(other)}.${jws.split('.')[2]}`, // the items swapped under the real signature
      ],
      'licence.embedded_key': [await signed({ ...header, jwk: freshJwk, kid: await jose.calculateJwkThumbprint(freshJwk) }, other, fresh.privateKey)],
      'licence.unknown_key': [await signed({ ...header, kid: await jose.calculateJwkThumbprint(freshJwk) }, other, fresh.privateKey)],
      'licence.not_a_licence': [
        await signed({ ...header, typ: 'application/vnd.kaiban.registration+jws' }, items, authority),
        await signed({ ...header, typ: undefined }, items, authority),
      ],
      'licence.credit_code_invalid': [await signed(header, { ...items, credit_code: wrongCode }, authority)],
      'licence.malformed': ['not a jws', `${b64('{')}.${b64(items)}.AAAA`],
    };
    for (const [code, list] of Object.entries(forgeries)) {
      for (const forged of list) assert.deepEqual(await verifyLicence(forged, keySet), { error: code }, code);
    }
  }
});

test('the credit-code check of the recipe agrees with GB 32100 examples', () => {
  // Published codes of real enterprises (their licences are public).
  for (const code of ['91350100M000100Y43', '91110000802100433B', '914403001922038216']) assert.ok(validCreditCode(code), code);
  for (const code of ['91350100M000100Y44', '91110000802100433', 'I1110000802100433B']) assert.ok(!validCreditCode(code), code);
});
