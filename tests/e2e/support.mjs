// Shared e2e helpers: the built app on 127.0.0.1, Debian's Chromium through playwright-core,
// console capture (any panic or page error fails the test), and screenshots.
import { chromium } from 'playwright-core';
import fs from 'node:fs/promises';
import fsSync from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';
import { startStaticServer } from '../../tools/serve-dist.mjs';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SCREENSHOTS = path.join(ROOT, 'target/e2e/screenshots');
export const PHONE = { width: 375, height: 812 };
export const DESKTOP = { width: 1440, height: 900 };

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function launch({ thirdPartyStorage = false } = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    // This Chromium blocks third-party cookies and storage by default; the embedding tests
    // also run as in browsers that allow them (partitioned), where iframe mode saves drafts.
    args: thirdPartyStorage ? [...CHROMIUM_ARGS, "--disable-features=TrackingProtection3pcd"] : CHROMIUM_ARGS,
  });
}

/// The built app on 127.0.0.1, configured as a deployer does (kaiban.config.json fields) and
/// with the strict CSP derived from that configuration. `config` is read on every request,
/// so a test may complete it (e.g. allowedParentOrigins) once other servers have ports.
export async function serveApp({ config = {}, port = 0, proxy = null } = {}) {
  config.endpoint ??= 'http://127.0.0.1:8787/submissions';
  config.allowedParentOrigins ??= [];
  return startStaticServer({ root: path.join(ROOT, 'dist'), port, config, proxy });
}

/// A port of 127.0.0.1 that is free now (the app's origin must be known before a receiver
/// that names it in CORS is started, and the receiver's URL before the app is served).
export async function freeAppPort() {
  const probe = await serveApp();
  const port = Number(new URL(probe.url).port);
  await probe.close();
  return port;
}

/// `dir`, emptied (or made).
export function emptyFolder(dir) {
  fsSync.rmSync(dir, { recursive: true, force: true });
  fsSync.mkdirSync(dir, { recursive: true });
}

/// The reference receiver (target/debug/kaiban-verify) on a free port of 127.0.0.1.
export async function startReceiver({ dataDir, allowOrigin, extraArgs = [] }) {
  const { spawn } = await import('node:child_process');
  const binary = path.join(ROOT, 'target/debug/kaiban-verify');
  const child = spawn(binary, ['serve', '--port', '0', '--data-dir', dataDir, '--allow-origin', allowOrigin, ...extraArgs], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((resolve, reject) => {
    child.stdout.once('data', (chunk) => {
      const match = String(chunk).match(/127\.0\.0\.1:(\d+)/);
      match ? resolve(Number(match[1])) : reject(new Error(`receiver said: ${chunk}`));
    });
    child.once('exit', (code) => reject(new Error(`receiver exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}/submissions`, pid: child.pid, stop: () => child.kill('SIGTERM') };
}

/// A page in a fresh context (its own IndexedDB), with every console error and uncaught
/// exception collected in `page.problems`.
export async function openPage(browser, url, viewport = DESKTOP) {
  const page = await watchedPage(browser, { viewport });
  await page.goto(url);
  await page.locator('h1').first().waitFor();
  await wakeApp(page);
  return page;
}

/// A blank page in a fresh context (`options` for the context), with every console error and
/// uncaught exception collected in `page.problems`.
export async function watchedPage(browser, options) {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(15_000);
  await watchContentSecurityPolicy(context);
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // With the resource's address: "Failed to load resource" alone does not say which.
    if (m.type() === 'error') page.problems.push(`console: ${m.text()}${m.location()?.url ? ` (${m.location().url})` : ''}`);
  });
  return page;
}

/// A first-time visitor sees the pre-rendered start page and the wizard loads on their first
/// sign of intent (src/prerendered/); this moves the mouse, as they would, and waits until the
/// live app has taken over. tests/e2e/prerendered.test.mjs covers the time before that.
export async function wakeApp(page) {
  await page.mouse.move(1, 1);
  await page.locator('.kb-prerendered').waitFor({ state: 'detached' });
}

/// Every CSP violation in any frame is logged as a console error, which fails the test.
export async function watchContentSecurityPolicy(context) {
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`securitypolicyviolation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
}

export function assertNoProblems(page) {
  assert.deepEqual(page.problems, [], 'the page logged errors or panicked');
}

export async function screenshot(page, name, { fullPage = true } = {}) {
  await fs.mkdir(SCREENSHOTS, { recursive: true });
  // Below the viewport, `content-visibility: auto` skips painting the cards (and groups of them)
  // until they are scrolled near, so a full page would show them blank: shown as a reader
  // scrolling sees them. Through the CSSOM, which the page's CSP (style-src 'self') allows,
  // unlike a <style> tag.
  const cards = (visibility) =>
    page.evaluate((v) => {
      for (const card of document.querySelectorAll('.kb-card, .kb-card-group')) card.style.contentVisibility = v;
    }, visibility).catch(() => {});
  if (fullPage) await cards('visible');
  try {
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
  } finally {
    if (fullPage) await cards('');
  }
}

export async function heading(page) {
  return (await page.locator('h1').first().innerText()).trim();
}

/// Writes a raw draft record into the app's database (created by the app at its current
/// version). `json` may be any text, to plant old or corrupted records.
export async function putDraftRecord(page, id, json, extra = {}) {
  await appDatabaseReady(page);
  await page.evaluate(async ({ id, json, extra }) => {
    await new Promise((resolve, reject) => {
      const open = indexedDB.open('kaiban');
      open.onsuccess = () => {
        let tx;
        try { tx = open.result.transaction('drafts', 'readwrite'); } catch (e) { reject(e); return; }
        tx.objectStore('drafts').put({ id, schema_version: 1, application_json: json, step: 'start', title: '', created_at: 1, updated_at: Date.now(), revision: 1, ...extra });
        tx.oncomplete = () => { open.result.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
      };
      open.onerror = () => reject(open.error);
    });
  }, { id, json, extra });
}

/// Waits until the app has created its database (so fixtures never create it themselves).
export async function appDatabaseReady(page) {
  await page.waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name === 'kaiban' && d.version >= 2));
}

export async function seedDraft(page, application, id = 'fixture-draft') {
  await appDatabaseReady(page);
  await page.evaluate(async ({ app, id }) => {
    await new Promise((resolve, reject) => {
      const open = indexedDB.open('kaiban');
      open.onsuccess = () => {
        let tx;
        try { tx = open.result.transaction('drafts', 'readwrite'); } catch (e) { reject(e); return; }
        tx.objectStore('drafts').put({ id, schema_version: app.schema_version ?? 1, application_json: JSON.stringify(app), step: 'start', title: '', created_at: 1, updated_at: 1, revision: 1 });
        tx.oncomplete = () => { open.result.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
      };
      open.onerror = () => reject(open.error);
    });
    localStorage.setItem('kaiban.current_draft', id);
  }, { app: application, id });
}

/// A fresh page whose current draft is `application`, opened on `step`.
export async function openWithApplication(browser, url, application, step, viewport = DESKTOP) {
  const page = await openPage(browser, url, viewport);
  await seedDraft(page, application);
  await page.goto(`${url}#/${step}`);
  await page.reload();
  await page.locator('h1').first().waitFor();
  return page;
}

export function example(type) {
  return JSON.parse(fsSync.readFileSync(path.join(ROOT, `crates/kaiban-core/examples/applications/${type}.json`), 'utf8'));
}

/// Puts a lease on the attachments step as the domicile's proof.
export async function uploadLease(page) {
  await page.evaluate(() => { location.hash = '#/attachments'; });
  await page.locator('h1', { hasText: '附件材料' }).waitFor();
  await page.locator('#file-domicile').setInputFiles({ name: '租赁合同.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 lease of room 1501, 观山湖区') });
  await page.locator('.kb-file-name', { hasText: '租赁合同.pdf' }).waitFor();
}

/// The text of the file the page downloads when `click` runs.
export async function downloadText(page, click) {
  const download = page.waitForEvent('download');
  await click();
  return fsSync.readFileSync(await (await download).path(), 'utf8');
}

/// Signer `name`'s signing request, downloaded from `page`'s signing step and opened in a new
/// browser context (another device) at `viewport`: the request page, ready to read and sign.
export async function openRequestElsewhere(page, name, browser, url, viewport) {
  const request = await downloadText(page, () => page.locator('.kb-signer', { hasText: name }).getByRole('button', { name: /下载签名请求文件/ }).click());
  const remote = await openPage(browser, url, viewport);
  await remote.getByRole('button', { name: '我的草稿' }).click();
  await remote.locator('#request-import').setInputFiles({ name: 'request.json', mimeType: 'application/json', buffer: Buffer.from(request) });
  await remote.locator('h1', { hasText: '签名请求' }).waitFor();
  return remote;
}

/// The remote signer confirms and signs on their device; the signature file they download
/// is imported on the applicant's page, which then shows `name` as signed.
export async function signElsewhereAndBringBack(page, remote, name) {
  await remote.locator('#remote-sign-confirm').check();
  const signature = await downloadText(remote, () => remote.getByRole('button', { name: '签名并下载签名文件' }).click());
  assertNoProblems(remote);
  await remote.context().close();
  await page.locator('#signature-import').setInputFiles({ name: 'signature.json', mimeType: 'application/json', buffer: Buffer.from(signature) });
  await page.locator('.kb-signer', { hasText: name }).locator('.kb-signer-status', { hasText: '已签名' }).waitFor();
}

/// The LLC example with two natural-person shareholders (张伟, 李娜), a board of three, one
/// supervisor, and no uploaded file yet.
export function twoShareholderLlc() {
  const app = example('llc');
  app.investors = app.investors.filter((i) => i.person_id !== 'o-qianyun');
  app.investors[1].subscribed_fen = 40_000_000;
  app.investors[1].contributions = [{ method: 'cash', amount_fen: 40_000_000, due_date: '2029-12-31', appraisal_ref: '' }];
  app.persons = app.persons.filter((p) => p.id !== 'o-qianyun');
  app.beneficial_owners = { exemption_commitment: true, owners: [] };
  app.attachments = [];
  return app;
}

const AXE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');

/// WCAG 2.2 AA violations on the page as it is now.
export async function axeViolations(page) {
  // Evaluated through DevTools, not as a <script> element, which the app's CSP would refuse.
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.evaluate(fsSync.readFileSync(AXE, 'utf8'));
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] } }));
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

/// Waits until the service worker has installed (precached the app) and controls the page.
export async function controlledByServiceWorker(page) {
  const controlled = () => page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 30_000 }).then(() => true, () => false);
  if (await controlled()) return;
  const state = await serviceWorkerState(page);
  throw new Error(`the service worker does not control the page after 30 s: ${JSON.stringify(state)}`);
}

/// What the page's service worker registration is doing, for a failure message.
async function serviceWorkerState(page) {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    if (!registration) return { registration: null };
    const worker = (w) => (w ? { state: w.state, url: w.scriptURL } : null);
    const caches_ = await caches.keys();
    return { installing: worker(registration.installing), waiting: worker(registration.waiting), active: worker(registration.active), caches: caches_, readyState: document.readyState, url: location.href };
  });
}

/// Registers before/after hooks that start the reference receiver (its cases in `received`),
/// serve the app submitting to it and launch Chromium, once per file. Cross-origin (the
/// receiver allows the app's origin) by default; `sameOrigin`: behind the app's own /api/, as a
/// deployment's nginx would proxy it.
export function appWithReceiver(hooks, { received, sameOrigin = false }) {
  const shared = { browser: null, server: null, receiver: null };
  hooks.before(async () => {
    emptyFolder(received);
    const port = await freeAppPort();
    const origin = `http://127.0.0.1:${port}`;
    shared.receiver = await startReceiver({ dataDir: received, allowOrigin: origin });
    const endpoint = sameOrigin ? `${origin}/api/submissions` : shared.receiver.url;
    const proxy = sameOrigin ? { prefix: '/api/', target: shared.receiver.url.replace(/submissions$/, '') } : null;
    shared.server = await serveApp({ port, config: { endpoint }, proxy });
    shared.browser = await launch();
  });
  hooks.after(async () => {
    await shared.browser?.close();
    await shared.server?.close();
    shared.receiver?.stop();
  });
  return shared;
}

/// Registers before/after hooks that serve the built app, with the reference receiver behind
/// it as every deployment has a backend (its cases in a temporary folder), and launch Chromium
/// once per file; the returned object's `browser` and `server` are set once the hooks have run.
export function sharedBrowserAndApp(hooks) {
  const shared = { browser: null, server: null, receiver: null };
  hooks.before(async () => {
    const port = await freeAppPort();
    const dataDir = fsSync.mkdtempSync(path.join(os.tmpdir(), 'kaiban-receiver-'));
    shared.receiver = await startReceiver({ dataDir, allowOrigin: `http://127.0.0.1:${port}` });
    shared.server = await serveApp({ port, config: { endpoint: shared.receiver.url } });
    shared.browser = await launch();
  });
  hooks.after(async () => {
    await shared.browser?.close();
    await shared.server?.close();
    shared.receiver?.stop();
  });
  return shared;
}

/// Waits until every change is stored. The status line stays calm while a change is being
/// written (src/app/status.rs: it keeps showing the last outcome), so this reads the line's
/// `saveState` property, the session's true state. `scope`: a page, frame or frame locator.
export async function allSaved(scope, { timeout = 30_000 } = {}) {
  const line = scope.locator('.kb-save:not(.kb-prerendered *)');
  const until = Date.now() + timeout;
  let state;
  for (;;) {
    state = await line.evaluate((el) => el.saveState, null, { timeout: Math.max(1, until - Date.now()) }).catch(() => undefined);
    if (state === 'saved') return;
    if (Date.now() > until) throw new Error(`changes not stored after ${timeout} ms (save state: ${state})`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
