// Verify a Kaiban e-licence (营业执照（电子）) in Node, as docs/case-lifecycle.md describes.
//
// A licence is worth what its signature is: this recipe trusts only the registration
// authority's published key set (GET /.well-known/kaiban-licence-keys), never a key the licence
// could bring along. It checks the protected header's `alg` and `typ` (a package entry or a
// withdrawal signed by some key is not a licence), picks the key by `kid`, verifies the ES256
// signature with `jose`, and checks the unified social credit code's GB 32100 check character.
//
//   npm install jose
//   node docs/recipes/verify-licence.mjs licence.jws keys.json
//
// Prints the licence's items and exits 0 when valid; otherwise prints why and exits 1.
// `./x test` runs it on the licences the end-to-end tests issued, and on forgeries.
import * as jose from 'jose';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYP = 'application/vnd.kaiban.licence+jws';
const MAX_LICENCE_BYTES = 64 * 1024;
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/// Whether `code` is 18 characters of GB 32100's alphabet ending in the right check character.
export function validCreditCode(code) {
  if (typeof code !== 'string' || code.length !== 18 || [...code].some((c) => !CHARSET.includes(c))) return false;
  const sum = [...code.slice(0, 17)].reduce((acc, c, i) => acc + CHARSET.indexOf(c) * WEIGHTS[i], 0);
  return code[17] === CHARSET[(31 - (sum % 31)) % 31];
}

/// `{licence}` when `jws` is a licence signed by a key of `keySet`; else `{error}`.
export async function verifyLicence(jws, keySet) {
  if (typeof jws !== 'string' || jws.length > MAX_LICENCE_BYTES) return { error: 'licence.too_large' };
  let header;
  try {
    header = jose.decodeProtectedHeader(jws);
  } catch {
    return { error: 'licence.malformed' };
  }
  if (header.alg !== 'ES256' || header.typ !== TYP) return { error: 'licence.not_a_licence' };
  if ('jwk' in header || 'jku' in header || 'x5c' in header) return { error: 'licence.embedded_key' };
  const jwk = (keySet.keys ?? []).find((k) => k.kid === header.kid && k.kty === 'EC' && k.crv === 'P-256');
  if (!jwk) return { error: 'licence.unknown_key' };
  let payload;
  try {
    const key = await jose.importJWK({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, 'ES256');
    ({ payload } = await jose.compactVerify(jws, key, { algorithms: ['ES256'] }));
  } catch {
    return { error: 'licence.signature_invalid' };
  }
  let licence;
  try {
    licence = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload));
  } catch {
    return { error: 'licence.malformed' };
  }
  if (!validCreditCode(licence.credit_code)) return { error: 'licence.credit_code_invalid' };
  return { licence };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [file, keys] = process.argv.slice(2);
  if (!file || !keys) {
    console.error('usage: node verify-licence.mjs LICENCE.jws KEYS.json');
    process.exit(2);
  }
  const { licence, error } = await verifyLicence(fs.readFileSync(file, 'utf8').trim(), JSON.parse(fs.readFileSync(keys, 'utf8')));
  if (error) {
    console.error(`not a valid licence: ${error}`);
    process.exit(1);
  }
  console.log(`${licence.credit_code} ${licence.name} (${licence.authority}, ${licence.established})`);
}
