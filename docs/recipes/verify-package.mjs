// Verify a Kaiban registration package in Node, as docs/package-format.md describes.
//
// The submitter controls every byte of the package, so this recipe trusts nothing it says
// about itself: it derives who must sign and which attachments must be there from the
// application, checks that the payload's lists say the same, verifies every signature entry on
// its own with `jose` (never `generalVerify`, which succeeds when any ONE entry verifies), and
// checks the timestamps.
//
//   npm install jose canonicalize
//   node docs/recipes/verify-package.mjs target/received/KB-…   # a case folder
//
// Exit 0 when valid; otherwise the refusal codes are printed and the exit status is 1.
// `./x test` runs it on every package the end-to-end tests delivered, and on forgeries.
import * as jose from 'jose';
import canonicalize from 'canonicalize';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYP = 'application/vnd.kaiban.registration+jws';
const MAX_PACKAGE_BYTES = 4 * 1024 * 1024;
const MAX_SIGNATURE_WORK_BYTES = 256 * 1024 * 1024; // entries × payload length: what checking them hashes
const CLOCK_SKEW_SECONDS = 5 * 60;
const SIGNING_WINDOW_SECONDS = 30 * 24 * 60 * 60;
const COMPANY_TYPES = new Set(['llc', 'one_person_llc', 'joint_stock']);

/// person_id -> {name, roles}: every investor; for companies the legal representative,
/// directors, supervisors and manager; executing partners' delegates; the finance officer and
/// the liaison. Only people who are in the application; each once.
export function requiredSigners(app) {
  const people = new Map();
  for (const person of app.persons ?? []) if (!people.has(person.id)) people.set(person.id, person);
  const signers = new Map();
  const add = (id, role) => {
    if (!id || !people.has(id)) return;
    if (!signers.has(id)) signers.set(id, { name: people.get(id).name, roles: new Set() });
    signers.get(id).roles.add(role);
  };
  for (const investor of app.investors ?? []) add(investor.person_id, 'investor');
  const officers = app.officers ?? {};
  if (COMPANY_TYPES.has(app.entity_type)) {
    add(officers.legal_representative_id, 'legal_representative');
    for (const d of officers.directors ?? []) add(d.person_id, 'director');
    for (const s of officers.supervisors ?? []) add(s.person_id, 'supervisor');
    add(officers.manager_id, 'manager');
  }
  for (const partner of app.executing_partners ?? []) add(partner.delegate_id, 'executing_partner_delegate');
  add(app.finance_officer_id, 'finance_officer');
  add(app.liaison_id, 'liaison');
  return signers;
}

const signerKey = (id, name, roles) => JSON.stringify([id, name, [...roles].sort()]);
const attachmentKeys = (list) => (list ?? []).map((a) => JSON.stringify([a.sha256, a.name, a.media_type, a.size])).sort();

/// Refusal codes (empty: valid). `received`: Map of SHA-256 hex -> size of every file that
/// came with the package, hashed by you.
export async function verifyPackage(packageBytes, received, now = Math.floor(Date.now() / 1000)) {
  if (packageBytes.length > MAX_PACKAGE_BYTES) return ['package.too_large'];
  let pkg, payloadBytes, payload;
  try {
    pkg = JSON.parse(Buffer.from(packageBytes).toString('utf8'));
    payloadBytes = Buffer.from(pkg.payload, 'base64url');
    payload = JSON.parse(payloadBytes.toString('utf8'));
    if (!payload.application) throw new Error('no application');
  } catch {
    return ['package.not_jws'];
  }
  const app = payload.application;
  const problems = [];
  if (canonicalize(payload) !== payloadBytes.toString('utf8')) problems.push('payload.not_canonical');

  const personIds = (app.persons ?? []).map((p) => p.id);
  if (new Set(personIds).size !== personIds.length) problems.push('application.duplicate_person_id'); // roles name people by id
  const signers = requiredSigners(app);
  const derived = [...signers].map(([id, s]) => signerKey(id, s.name, s.roles)).sort();
  const claimed = (payload.required_signers ?? []).map((s) => signerKey(s.person_id, s.name, s.roles ?? [])).sort();
  if (JSON.stringify(derived) !== JSON.stringify(claimed)) problems.push('signers.list_mismatch');
  const entries = pkg.signatures ?? [];
  if (entries.length === 0) problems.push('package.unsigned');
  if (entries.length > Math.max(signers.size, 1)) return [...problems, 'signers.too_many']; // before any signature
  if (entries.length * pkg.payload.length > MAX_SIGNATURE_WORK_BYTES) return [...problems, 'package.too_costly'];

  const created = typeof payload.created_at === 'string' && payload.created_at.endsWith('Z') ? Date.parse(payload.created_at) : NaN;
  const createdAt = Number.isNaN(created) ? null : Math.floor(created / 1000);
  if (createdAt === null) problems.push('payload.created_at_invalid');
  else if (createdAt > now + CLOCK_SKEW_SECONDS) problems.push('payload.created_at_future');

  const signed = new Map();
  const ownerOfKey = new Map();
  for (const entry of entries) {
    const { code, header } = await verifyEntry(entry, pkg.payload, createdAt, now);
    if (code) {
      problems.push(code);
      continue;
    }
    signed.set(header.kaiban_signer, (signed.get(header.kaiban_signer) ?? 0) + 1);
    if (!ownerOfKey.has(header.kid)) ownerOfKey.set(header.kid, header.kaiban_signer);
    if (ownerOfKey.get(header.kid) !== header.kaiban_signer) problems.push('signers.shared_key');
  }
  for (const id of signers.keys()) {
    const count = signed.get(id) ?? 0;
    if (count !== 1) problems.push(count === 0 ? 'signers.missing' : 'signers.duplicate');
  }
  if ([...signed.keys()].some((id) => !signers.has(id))) problems.push('signers.unexpected');

  const expected = app.attachments ?? [];
  if (JSON.stringify(attachmentKeys(expected)) !== JSON.stringify(attachmentKeys(payload.attachments))) problems.push('attachments.list_mismatch');
  for (const a of expected) {
    if (!received.has(a.sha256)) problems.push('attachment.missing');
    else if (received.get(a.sha256) !== a.size) problems.push('attachment.mismatch');
  }
  const referenced = new Set(expected.map((a) => a.sha256));
  if ([...received.keys()].some((digest) => !referenced.has(digest))) problems.push('attachment.unreferenced');
  return problems;
}

/// {code, header} for one entry, verified on its own with the key in its own header.
async function verifyEntry(entry, payload, createdAt, now) {
  let header;
  try {
    header = JSON.parse(Buffer.from(entry.protected, 'base64url').toString('utf8'));
  } catch {
    return { code: 'entry.header_invalid' };
  }
  if ('crit' in header) return { code: 'entry.crit', header }; // no extension is understood
  if (header.alg !== 'ES256') return { code: 'entry.alg', header };
  if (header.typ !== TYP) return { code: 'entry.typ', header };
  let key;
  try {
    if (header.jwk?.kty !== 'EC' || header.jwk?.crv !== 'P-256') throw new Error('not P-256');
    if (header.kid !== await jose.calculateJwkThumbprint(header.jwk, 'sha256')) return { code: 'entry.kid', header };
    key = await jose.importJWK(header.jwk, 'ES256');
  } catch {
    return { code: 'entry.jwk', header };
  }
  if (!Number.isInteger(header.iat)) return { code: 'entry.header_invalid', header };
  if (createdAt !== null && header.iat < createdAt - CLOCK_SKEW_SECONDS) return { code: 'entry.iat_before_created', header };
  if (createdAt !== null && header.iat > createdAt + SIGNING_WINDOW_SECONDS) return { code: 'entry.iat_stale', header };
  if (header.iat > now + CLOCK_SKEW_SECONDS) return { code: 'entry.iat_future', header };
  try {
    await jose.flattenedVerify({ protected: entry.protected, payload, signature: entry.signature }, key, { algorithms: ['ES256'] });
  } catch {
    return { code: 'entry.signature_invalid', header };
  }
  return { code: null, header };
}

/// A case folder as the reference receiver stores it: package.jws.json, attachments/.
export async function verifyCase(folder, now) {
  const received = new Map();
  const attachments = path.join(folder, 'attachments');
  if (fs.existsSync(attachments)) {
    for (const name of fs.readdirSync(attachments)) {
      const bytes = fs.readFileSync(path.join(attachments, name));
      received.set(crypto.createHash('sha256').update(bytes).digest('hex'), bytes.length);
    }
  }
  return verifyPackage(fs.readFileSync(path.join(folder, 'package.jws.json')), received, now);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.length !== 3) {
    console.error('usage: node verify-package.mjs CASE_FOLDER');
    process.exit(2);
  }
  const refusals = await verifyCase(process.argv[2]);
  console.log(refusals.length ? `refused: ${refusals.join(', ')}` : 'package valid');
  process.exit(refusals.length ? 1 : 0);
}
