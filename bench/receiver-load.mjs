// The reference receiver under attack, on 127.0.0.1 only, bounded in count and time: 50 honest
// submissions in parallel (each a distinct package signed with fresh keys, retrying on 503 as
// the app does) while hostile clients send many-part bodies, slow bodies and oversized
// packages, and /healthz is probed every 100 ms. Prints a markdown table; run through bench/run
// (or alone: `node bench/receiver-load.mjs`, after `cargo build --release -p kaiban-verify`).
//
// Holds when every honest submission is stored exactly once, /healthz never takes longer than
// HEALTH_BOUND_MS, and the receiver's peak RSS stays under RSS_BOUND_MB.
import { execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import * as jose from 'jose';
import canonicalize from 'canonicalize';
import { requiredSigners } from '../docs/recipes/verify-package.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const BINARY = process.env.KAIBAN_VERIFY ?? path.join(ROOT, 'target/release/kaiban-verify');
const DATA = path.join(ROOT, 'target/bench/receiver-load');
const HONEST = Number(process.env.HONEST ?? 50);
const SLOW = Number(process.env.SLOW ?? 20);
const MANY_PARTS = Number(process.env.MANY_PARTS ?? 4);
const OVERSIZED = Number(process.env.OVERSIZED ?? 4);
const STALLED = Number(process.env.STALLED ?? 4);
const ENDLESS = Number(process.env.ENDLESS ?? 4);
const DEADLINE_MS = 120_000; // every client and probe stops by then
const HEALTH_BOUND_MS = 500;
const RSS_BOUND_MB = 300;
const TYP = 'application/vnd.kaiban.registration+jws';
const LEASE = Buffer.from('%PDF-1.4 lease of room 1501, Building 3');

// --- the receiver --------------------------------------------------------------------------
fs.rmSync(DATA, { recursive: true, force: true });
fs.mkdirSync(DATA, { recursive: true });
const receiver = spawn(BINARY, ['serve', '--port', '0', '--data-dir', DATA, '--allow-origin', '*'], { stdio: ['ignore', 'pipe', 'inherit'] });
const port = await new Promise((resolve, reject) => {
  receiver.stdout.once('data', (chunk) => {
    const match = String(chunk).match(/127\.0\.0\.1:(\d+)/);
    match ? resolve(Number(match[1])) : reject(new Error(`receiver said: ${chunk}`));
  });
  receiver.once('exit', (code) => reject(new Error(`receiver exited with ${code}`)));
});
const stopAt = Date.now() + DEADLINE_MS;
const rssMb = () => {
  const status = fs.readFileSync(`/proc/${receiver.pid}/status`, 'utf8');
  return Number(status.match(/VmHWM:\s+(\d+)/)[1]) / 1024;
};

// --- packages ------------------------------------------------------------------------------
const rfc3339 = (secs) => new Date(secs * 1000).toISOString().slice(0, 19) + 'Z';

// The application exactly as kaiban-core serialises it (every field present): the payload
// must be the canonical form of what the receiver parses, or it is refused as not canonical.
const SAMPLE = execFileSync(BINARY, ['sample', '--investors', '5'], { encoding: 'utf8' });

async function honestPackage(n) {
  const app = JSON.parse(SAMPLE);
  app.attachments[0].sha256 = crypto.createHash('sha256').update(LEASE).digest('hex');
  app.attachments[0].size = LEASE.length;
  const now = Math.floor(Date.now() / 1000);
  const signers = [...requiredSigners(app)].map(([person_id, s]) => ({ person_id, name: s.name, roles: [...s.roles] }));
  const payload = {
    application: app,
    application_id: `load-${n}-${crypto.randomUUID()}`,
    created_at: rfc3339(now - 60),
    required_signers: signers,
    attachments: app.attachments.map(({ name, media_type, size, sha256 }) => ({ name, media_type, size, sha256 })),
  };
  const bytes = new TextEncoder().encode(canonicalize(payload));
  const signatures = [];
  for (const signer of signers) {
    const key = await jose.generateKeyPair('ES256');
    const jwk = await jose.exportJWK(key.publicKey);
    const header = { alg: 'ES256', typ: TYP, kid: await jose.calculateJwkThumbprint(jwk, 'sha256'), jwk, iat: now - 30, kaiban_signer: signer.person_id };
    const jws = await new jose.FlattenedSign(bytes).setProtectedHeader(header).sign(key.privateKey);
    signatures.push({ protected: jws.protected, signature: jws.signature });
  }
  const pkg = JSON.stringify({ payload: Buffer.from(bytes).toString('base64url'), signatures });
  return { pkg, key: crypto.createHash('sha256').update(pkg).digest('base64url') };
}

const BOUNDARY = 'kaibanLOADboundary';
function part(name, type, bytes) {
  return Buffer.concat([Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`), bytes, Buffer.from('\r\n')]);
}
const end = Buffer.from(`--${BOUNDARY}--\r\n`);

async function post(body, key, signal) {
  const started = performance.now();
  const answer = await fetch(`http://127.0.0.1:${port}/submissions`, {
    method: 'POST',
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'idempotency-key': key },
    body,
    signal,
  });
  const text = await answer.text();
  return { status: answer.status, retryAfter: Number(answer.headers.get('retry-after') ?? 0), text, ms: performance.now() - started };
}

// --- clients -------------------------------------------------------------------------------
// /healthz is probed from a worker thread: its own event loop, so the latency measured is the
// receiver's, not this process's while it pushes hostile bodies.
const PROBE = `
  const { parentPort, workerData } = require('node:worker_threads');
  const health = [];
  let probing = true;
  parentPort.on('message', () => { probing = false; });
  (async () => {
    while (probing && Date.now() < workerData.stopAt) {
      const started = performance.now();
      try {
        const answer = await fetch(workerData.url, { signal: AbortSignal.timeout(5000) });
        await answer.text();
        health.push(answer.ok ? performance.now() - started : Infinity);
      } catch {
        health.push(Infinity);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    parentPort.postMessage(health);
  })();
`;
let health = [];
let stopProbe = () => {};
function probeHealth() {
  const worker = new Worker(PROBE, { eval: true, workerData: { url: `http://127.0.0.1:${port}/healthz`, stopAt } });
  stopProbe = () => worker.postMessage('stop');
  return new Promise((resolve) => worker.once('message', (values) => { health = values; worker.terminate(); resolve(); }));
}

/// As the app does: the same key on every attempt, retrying 503 after Retry-After.
async function honestClient(n, results) {
  const { pkg, key } = await honestPackage(n);
  const body = Buffer.concat([part('package', 'application/jose+json', Buffer.from(pkg)), part('attachment-0', 'application/pdf', LEASE), end]);
  const started = performance.now();
  let attempts = 0;
  while (Date.now() < stopAt) {
    attempts += 1;
    const answer = await post(body, key).catch((e) => ({ status: 0, text: String(e), retryAfter: 1 }));
    if (answer.status === 201 || answer.status === 200) {
      results.push({ status: answer.status, attempts, ms: performance.now() - started, receipt: JSON.parse(answer.text).receipt_id });
      return;
    }
    if (answer.status !== 503 && answer.status !== 0) {
      results.push({ status: answer.status, attempts, ms: performance.now() - started, error: answer.text });
      return;
    }
    await new Promise((r) => setTimeout(r, Math.max(answer.retryAfter, 1) * 1000));
  }
  results.push({ status: 'timeout', attempts });
}

const hostile = { manyParts: [], oversized: [], endless: [], slow: [], stalled: [] };
let hostileRunning = true;

async function manyPartsClient(template) {
  const tiny = Buffer.concat(Array.from({ length: 100_000 }, (_, i) => part(`p${i}`, 'application/pdf', Buffer.from('x'))));
  const body = Buffer.concat([part('package', 'application/jose+json', Buffer.from(template)), tiny, end]);
  while (hostileRunning && Date.now() < stopAt) {
    const answer = await post(body, crypto.randomUUID()).catch((e) => ({ status: 0, ms: 0 }));
    hostile.manyParts.push(answer);
  }
}

/// A part whose headers never end: 8 MiB of one header line (the parser would buffer it all).
async function endlessHeadersClient() {
  const body = Buffer.concat([Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="package"\r\nX-Pad: `), Buffer.alloc(8 * 1024 * 1024, 0x61)]);
  while (hostileRunning && Date.now() < stopAt) {
    const answer = await post(body, crypto.randomUUID()).catch(() => ({ status: 0, ms: 0 }));
    hostile.endless.push(answer);
  }
}

async function oversizedClient() {
  const body = Buffer.concat([part('package', 'application/jose+json', Buffer.alloc(5 * 1024 * 1024, 0x20)), end]);
  while (hostileRunning && Date.now() < stopAt) {
    const answer = await post(body, crypto.randomUUID()).catch(() => ({ status: 0, ms: 0 }));
    hostile.oversized.push(answer);
  }
}

/// Sends a request head and the start of a body, then nothing: the receiver must cut it off
/// after its 20 s idle limit (408), not hold the slot for ever.
function stalledClient() {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const started = performance.now();
    const finish = (outcome) => {
      socket.destroy();
      hostile.stalled.push({ outcome, seconds: (performance.now() - started) / 1000 });
      resolve();
    };
    const guard = setTimeout(() => finish('still open after 40 s'), 40_000);
    socket.on('connect', () => socket.write(`POST /submissions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=${BOUNDARY}\r\nIdempotency-Key: stalled-${crypto.randomUUID()}\r\nContent-Length: 10000\r\n\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="package"\r\n\r\n{`));
    socket.once('data', (chunk) => { clearTimeout(guard); finish(`answered ${String(chunk).slice(9, 12)}`); });
    socket.on('error', () => { clearTimeout(guard); finish('reset'); });
  });
}

/// Sends a request head and then one byte every 5 s (under the 20 s idle limit), holding a
/// submission slot for as long as the receiver allows.
function slowClient() {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let timer;
    let finished = false;
    const done = (outcome) => {
      if (finished) return;
      finished = true;
      clearInterval(timer);
      socket.destroy();
      hostile.slow.push(outcome);
      resolve();
    };
    socket.on('connect', () => {
      socket.write(`POST /submissions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=${BOUNDARY}\r\nIdempotency-Key: slow-${crypto.randomUUID()}\r\nContent-Length: 10000000\r\n\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="package"\r\n\r\n{`);
      timer = setInterval(() => {
        if (!hostileRunning || Date.now() > stopAt) done('ended by the client');
        else socket.write(' ');
      }, 5_000);
    });
    socket.on('data', (chunk) => done(`answered ${String(chunk).slice(9, 12)}`));
    socket.on('error', () => done('reset'));
    socket.on('close', () => done('closed'));
  });
}

// --- run -----------------------------------------------------------------------------------
const started = performance.now();
const probe = probeHealth();
const template = (await honestPackage('template')).pkg;
const slow = Array.from({ length: SLOW }, () => slowClient());
const stalled = Array.from({ length: STALLED }, () => stalledClient());
await new Promise((r) => setTimeout(r, 500)); // the slow bodies hold their slots first
const attackers = [
  ...Array.from({ length: MANY_PARTS }, () => manyPartsClient(template)),
  ...Array.from({ length: OVERSIZED }, () => oversizedClient()),
  ...Array.from({ length: ENDLESS }, () => endlessHeadersClient()),
];
const honest = [];
await Promise.all(Array.from({ length: HONEST }, (_, n) => honestClient(n, honest)));
const honestSeconds = (performance.now() - started) / 1000;
hostileRunning = false;
await Promise.all([...attackers, ...slow, ...stalled]);
stopProbe();
await probe;
const peakRss = rssMb();
receiver.kill('SIGTERM');

const stored = fs.readdirSync(DATA).filter((d) => !d.startsWith('.'));
const receipts = new Set(honest.map((h) => h.receipt).filter(Boolean));
const created = honest.filter((h) => h.status === 201).length;
const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const healthMax = Math.max(...health);
const count = (list, status) => list.filter((a) => a.status === status).length;
const slowOutcomes = Object.entries(hostile.slow.reduce((m, o) => ({ ...m, [o]: (m[o] ?? 0) + 1 }), {})).map(([k, v]) => `${v} ${k}`).join(', ');
const stalledOk = hostile.stalled.every((s) => s.outcome === 'answered 408');
const ok = stalledOk && created === HONEST && receipts.size === HONEST && stored.length === HONEST && healthMax <= HEALTH_BOUND_MS && peakRss <= RSS_BOUND_MB;

console.log(`| measure | result | bound |
|---|---|---|
| honest submissions (50 in parallel, fresh keys, retry on 503) | ${created} × 201, ${receipts.size} receipts, ${stored.length} cases stored, in ${honestSeconds.toFixed(1)} s | each stored exactly once |
| attempts per honest submission (503 then retry) | median ${quantile(honest.map((h) => h.attempts), 0.5)}, max ${Math.max(...honest.map((h) => h.attempts))} | — |
| many-part bodies (100 000 parts after a valid package) | ${hostile.manyParts.length} sent: ${count(hostile.manyParts, 422)} × 422, ${count(hostile.manyParts, 503)} × 503, ${count(hostile.manyParts, 0)} cut off mid-upload | refused |
| oversized packages (5 MiB) | ${hostile.oversized.length} sent: ${count(hostile.oversized, 413)} × 413, ${count(hostile.oversized, 503)} × 503, ${count(hostile.oversized, 0)} cut off mid-upload | refused |
| part headers that never end (8 MiB) | ${hostile.endless.length} sent: ${count(hostile.endless, 400)} × 400, ${count(hostile.endless, 503)} × 503, ${count(hostile.endless, 0)} cut off mid-upload | refused after 1 MiB |
| stalled bodies (head, then silence) | ${STALLED}: ${Object.entries(hostile.stalled.reduce((m, s) => ({ ...m, [s.outcome]: [...(m[s.outcome] ?? []), s.seconds] }), {})).map(([o, t]) => `${t.length} × ${o} after ${Math.min(...t).toFixed(1)}–${Math.max(...t).toFixed(1)} s`).join(', ')} | 408 after the 20 s idle limit |
| slow bodies (1 byte / 5 s) | ${SLOW} held open: ${slowOutcomes} | never stored |
| /healthz during the run (${health.length} probes) | median ${quantile(health, 0.5).toFixed(1)} ms, p99 ${quantile(health, 0.99).toFixed(1)} ms, max ${healthMax.toFixed(1)} ms | ≤ ${HEALTH_BOUND_MS} ms |
| receiver peak RSS (VmHWM) | ${peakRss.toFixed(0)} MB | ≤ ${RSS_BOUND_MB} MB |
| verdict | ${ok ? 'holds' : 'FAILS'} | |`);
if (!ok) {
  console.error(JSON.stringify(honest.filter((h) => h.status !== 201).slice(0, 3).map((h) => ({ ...h, error: JSON.parse(h.error ?? "{}").detail?.problems ?? h.error }))));
  process.exit(1);
}
