// Embedding in a district portal: iframe mode on another origin (events, height, theme,
// foreign messages ignored), in-page mode in a shadow root on a page with hostile CSS
// (looks and works the same, leaks nothing), and the strict CSP (nothing violates it).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { launch, serveApp, startReceiver, openPage, seedDraft, watchContentSecurityPolicy, assertNoProblems, screenshot, example, ROOT, SCREENSHOTS, DESKTOP, PHONE } from './support.mjs';
import { startStaticServer } from '../../tools/serve-dist.mjs';
import { signEveryoneHere } from './wizard.mjs';

const RECEIVED = path.join(ROOT, 'target/e2e/received-embed');
const PORTAL_RED = '#a4141a';
let browser, app, portal, foreign, receiver, appConfig;
let portalOrigin, foreignOrigin;

/// A page the test writes on the fly, served from its own origin.
function pageServer(pages) {
  const server = http.createServer((req, res) => {
    const body = pages[new URL(req.url, 'http://x').pathname];
    if (req.url === '/favicon.ico') return res.writeHead(204).end();
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(body ?? '');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ port: server.address().port, pages, close: () => new Promise((r) => server.close(r)) })));
}

before(async () => {
  fs.rmSync(RECEIVED, { recursive: true, force: true });
  fs.mkdirSync(RECEIVED, { recursive: true });
  // Ports first: the app's CSP and allow-list name the portal, the receiver's CORS both.
  appConfig = { allowedParentOrigins: [] };
  app = await serveApp({ config: appConfig });
  portal = await startStaticServer({ root: path.join(ROOT, 'public'), substitute: { KAIBAN_APP_URL: app.url } });
  // Same machine, other host names: three distinct origins, as in production.
  portalOrigin = `http://localhost:${new URL(portal.url).port}`;
  foreign = await pageServer({});
  foreignOrigin = `http://127.0.0.1:${foreign.port}`;
  receiver = await startReceiver({ dataDir: RECEIVED, allowOrigin: app.url.replace(/\/$/, ''), extraArgs: ['--allow-origin', portalOrigin] });
  appConfig.endpoint = receiver.url;
  appConfig.allowedParentOrigins.push(portalOrigin);
  browser = await launch({ thirdPartyStorage: true });
});
after(async () => {
  await browser?.close();
  await Promise.all([app?.close(), portal?.close(), foreign?.close()]);
  receiver?.stop();
});

/// A viewport screenshot (full-page captures re-lay out the page and garble cross-origin frames).
async function viewportShot(page, name, selector = '#kaiban') {
  await page.locator(selector).evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await fs.promises.mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/// Records every kaiban:* event that reaches the host document.
async function recordHostEvents(context) {
  await context.addInitScript(() => {
    window.kaibanEvents = [];
    for (const type of ['ready', 'step', 'draft-saved', 'submitted', 'error']) {
      document.addEventListener(`kaiban:${type}`, (e) => window.kaibanEvents.push({ type, detail: e.detail }));
    }
  });
}

async function openPortal(viewport = DESKTOP, url = `${portalOrigin}/embed-demo.html`) {
  const context = await browser.newContext({ viewport });
  context.setDefaultTimeout(15_000);
  await recordHostEvents(context);
  await watchContentSecurityPolicy(context);
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(`console: ${m.text()}`); });
  await page.goto(url);
  return page;
}

const events = (page, type) => page.evaluate((type) => window.kaibanEvents.filter((e) => e.type === type), type);
const waitForEvent = (page, type, predicate = '() => true') =>
  page.waitForFunction(([type, predicate]) => window.kaibanEvents.some((e) => e.type === type && (0, eval)(predicate)(e.detail)), [type, predicate]);

function appFrame(page) {
  return page.frames().find((f) => f.url().startsWith(app.url));
}

async function iframeFitsContent(page) {
  const frame = appFrame(page);
  await page.waitForFunction(async () => true);
  const content = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  const box = await page.locator('#kaiban iframe').boundingBox();
  return { content, iframe: Math.round(box.height), inner: await frame.evaluate(() => document.documentElement.scrollHeight - window.innerHeight) };
}

test('iframe mode on another origin: events, height follows content, host theme, foreign messages ignored', async () => {
  const page = await openPortal();
  await waitForEvent(page, 'ready');
  const frame = appFrame(page);
  assert.ok(frame, 'the wizard loads in the portal iframe');
  await frame.locator('h1').first().waitFor();

  // Height: the iframe is exactly as tall as its document, with nothing to scroll inside.
  await page.waitForFunction(() => document.querySelector('#kaiban iframe').style.height !== '720px');
  let fit = await iframeFitsContent(page);
  assert.ok(Math.abs(fit.content - fit.iframe) <= 1 && fit.inner <= 0, `start page: ${JSON.stringify(fit)}`);
  const startHeight = fit.iframe;

  // Theme: the host's colour reaches the wizard's primary elements.
  const primary = await frame.evaluate(() => getComputedStyle(document.querySelector('.kb-header')).backgroundColor);
  assert.equal(primary, 'rgb(164, 20, 26)', 'the header uses the portal red');
  await screenshot(page, 'embed-iframe-portal-1440');

  // Steps: start a new application; the host hears each step, and the height follows.
  await frame.getByRole('button', { name: '开始申请' }).first().click();
  await frame.locator('#entity-llc').waitFor();
  await waitForEvent(page, 'step', '(d) => d.name === "entity-type" && d.index === 0');
  await frame.locator('label[for="entity-llc"]').click();
  await waitForEvent(page, 'draft-saved', '(d) => typeof d.draftId === "string" && d.draftId.length > 0');
  await page.waitForFunction((h) => Math.abs(parseFloat(document.querySelector('#kaiban iframe').style.height) - h) > 5, startHeight);
  fit = await iframeFitsContent(page);
  assert.ok(Math.abs(fit.content - fit.iframe) <= 1 && fit.inner <= 0, `entity step: ${JSON.stringify(fit)}`);
  await frame.getByRole('button', { name: '继续' }).click();
  await waitForEvent(page, 'step', '(d) => d.index === 1');
  const step = (await events(page, 'step')).at(-1).detail;
  assert.equal(typeof step.name, 'string');
  assert.ok(step.count > 5);

  // A page from a foreign origin, framed by the portal, tries to switch the wizard to English.
  foreign.pages['/evil.html'] = `<script>
    setInterval(() => {
      for (let i = 0; i < parent.length; i++) {
        const f = parent[i];
        try { f.postMessage({ kaiban: 1, type: 'locale', detail: 'en' }, '*'); } catch (e) {}
        try { f.postMessage({ kaiban: 1, type: 'config', detail: { locale: 'en', theme: { primary: '#000000' } } }, '*'); } catch (e) {}
      }
    }, 50);
  </script>`;
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.evaluate((src) => { const f = document.createElement('iframe'); f.src = src; f.title = 'foreign'; document.body.append(f); }, `${foreignOrigin}/evil.html`);
  await page.waitForFunction(() => true);
  await new Promise((r) => setTimeout(r, 600));
  assert.match(await frame.locator('h1').first().innerText(), /[\u4e00-\u9fff]/, 'still in Chinese');
  assert.ok(warnings.some((w) => w.includes(`ignored a message from ${foreignOrigin}`)), `the app logs what it ignored: ${warnings.join(' | ')}`);
  // The allowed host can do the same thing (so the check above could fail).
  await page.evaluate(() => { document.getElementById('kaiban').dataset.locale = 'en'; });
  await frame.locator('html[lang="en"]').waitFor({ state: 'attached' });
  assert.doesNotMatch(await frame.locator('h1').first().innerText(), /[\u4e00-\u9fff]{2}/);
  assertNoProblems(page);
  await page.context().close();
});

test('iframe mode: a complete submission reaches the receiver and the host hears kaiban:submitted', async () => {
  const page = await openPortal(PHONE);
  await waitForEvent(page, 'ready');
  const frame = appFrame(page);
  // The draft lives in the iframe's own (partitioned) storage: seed it from inside the frame.
  await seedDraft(frame, example('individual_business'));
  await frame.evaluate(() => { location.hash = '#/signing'; location.reload(); });
  await waitForEvent(page, 'ready');
  const wizard = appFrame(page);
  await wizard.locator('h1', { hasText: '签名与提交' }).waitFor();
  await signEveryoneHere(wizard);
  await wizard.locator('#submit-application').click();
  await wizard.locator('.kb-panel-title', { hasText: '申请已提交' }).waitFor();
  await waitForEvent(page, 'submitted');
  const [submitted] = await events(page, 'submitted');
  assert.match(submitted.detail.receiptId, /\S{6,}/);
  assert.ok(fs.existsSync(path.join(RECEIVED, submitted.detail.receiptId, 'package.jws.json')), 'the receipt names the stored package');
  await viewportShot(page, 'embed-iframe-submitted-phone');
  assertNoProblems(page);
  await page.context().close();
});

/// An endpoint that refuses every package with reasons naming the applicant's people, as a
/// registrar's rule check may.
function refusingEndpoint(origin, names) {
  const server = http.createServer((req, res) => {
    const cors = { 'access-control-allow-origin': origin, 'access-control-allow-headers': 'content-type, idempotency-key', 'access-control-allow-methods': 'POST' };
    if (req.method === 'OPTIONS') return res.writeHead(204, cors).end();
    req.resume();
    req.on('end', () => {
      const findings = names.map((name) => ({ code: 'person.banned', message_zh: `${name}被限制担任法定代表人`, message_en: `${name} may not be a legal representative` }));
      res.writeHead(422, { ...cors, 'content-type': 'application/json' }).end(JSON.stringify({ error: 'application_invalid', detail: { findings } }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}/submissions`, close: () => new Promise((r) => server.close(r)) })));
}

test('iframe mode: a refusal is shown in the wizard, and the host hears of it without anyone\'s personal data', async () => {
  const application = example('individual_business');
  const personal = application.persons.flatMap((p) => [p.name, p.id_number]).filter(Boolean);
  const refusing = await refusingEndpoint(app.url.replace(/\/$/, ''), application.persons.map((p) => p.name));
  appConfig.endpoint = refusing.url;
  try {
    const page = await openPortal(PHONE);
    await waitForEvent(page, 'ready');
    await seedDraft(appFrame(page), application);
    await appFrame(page).evaluate(() => { location.hash = '#/signing'; location.reload(); });
    await waitForEvent(page, 'ready');
    const wizard = appFrame(page);
    await wizard.locator('h1', { hasText: '签名与提交' }).waitFor();
    await signEveryoneHere(wizard);
    await wizard.locator('#submit-application').click();
    await wizard.locator('.kb-error-summary', { hasText: '拒收' }).waitFor();
    assert.match(await wizard.locator('.kb-error-summary').innerText(), new RegExp(application.persons[0].name), 'the applicant sees the reasons');
    await waitForEvent(page, 'error', '(d) => d.code === "submission-refused"');
    const heard = JSON.stringify(await page.evaluate(() => window.kaibanEvents));
    for (const item of personal) assert.ok(!heard.includes(item), `the host heard ${item}: ${heard}`);
    page.problems = page.problems.filter((p) => !p.includes('status of 422'));
    assertNoProblems(page);
    await page.context().close();
  } finally {
    appConfig.endpoint = receiver.url;
    await refusing.close();
  }
});

test('iframe mode where the browser blocks third-party storage: the applicant is told at once and offered a new window', async () => {
  const strict = await launch();
  const context = await strict.newContext({ viewport: PHONE });
  await recordHostEvents(context);
  const page = await context.newPage();
  await page.goto(`${portalOrigin}/embed-demo.html`);
  await waitForEvent(page, 'error', '(d) => d.code === "storage"');
  const frame = appFrame(page);
  const open = frame.getByRole('link', { name: '在新窗口中打开' });
  await open.waitFor();
  assert.equal(await open.getAttribute('target'), '_blank');
  assert.equal(new URL(await open.getAttribute('href')).origin, new URL(app.url).origin);
  await viewportShot(page, 'embed-iframe-storage-blocked-phone');
  await strict.close();
});

const HOSTILE_CSS = `
  * { font-size: 30px !important; font-family: "Comic Sans MS", cursive !important; color: #0a0 !important; }
  input, select, textarea { display: none !important; }
  button { background: #f0f !important; padding: 40px !important; }
  div, section { border: 3px dashed red !important; margin: 7px !important; }
  h1, h2, p, a, label { letter-spacing: 5px !important; text-transform: uppercase !important; }
  html, body { margin: 0 !important; border: 0 !important; }
  #kaiban { border: 0 !important; margin: 0 !important; display: block !important; }`;

function hostilePortal(extraHead = '') {
  return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Portail hostile</title>
    <style>${HOSTILE_CSS}</style>${extraHead}</head><body>
    <div id="kaiban" data-kaiban data-mode="inline" data-locale="zh-CN"></div>
    <p id="host-text">Host paragraph</p><h1 id="host-heading">Host heading</h1><a id="host-link" href="#">link</a><button id="host-button">Host button</button>
    <script src="${app.url}embed.js"></script></body></html>`;
}

/// Pixels that differ between two PNG screenshots, compared in the browser's canvas.
async function differingPixels(page, a, b) {
  return page.evaluate(async ([a, b]) => {
    const load = (data) => new Promise((resolve) => { const img = new Image(); img.onload = () => resolve(img); img.src = `data:image/png;base64,${data}`; });
    const [ia, ib] = await Promise.all([load(a), load(b)]);
    const w = Math.min(ia.width, ib.width), h = Math.min(ia.height, ib.height);
    const pixels = (img) => { const c = new OffscreenCanvas(w, h); const g = c.getContext('2d'); g.drawImage(img, 0, 0); return g.getImageData(0, 0, w, h).data; };
    const pa = pixels(ia), pb = pixels(ib);
    let differ = 0;
    for (let i = 0; i < pa.length; i += 4) if (Math.abs(pa[i] - pb[i]) + Math.abs(pa[i + 1] - pb[i + 1]) + Math.abs(pa[i + 2] - pb[i + 2]) > 48) differ++;
    return { differ, total: w * h, sizes: [ia.width, ia.height, ib.width, ib.height] };
  }, [a.toString('base64'), b.toString('base64')]);
}

const hostStyles = (page) => page.evaluate(() => ['body', '#host-text', '#host-heading', '#host-link', '#host-button'].map((s) => {
  const cs = getComputedStyle(document.querySelector(s));
  return [s, cs.fontSize, cs.fontFamily, cs.color, cs.backgroundColor, cs.margin, cs.letterSpacing, cs.lineHeight, cs.boxSizing].join('|');
}));

test('in-page mode: a shadow root on a page with hostile CSS looks and works like the app page, and leaks nothing', async () => {
  const viewport = { width: 1280, height: 900 };
  // The reference: the app on its own page.
  const own = await openPage(browser, app.url, viewport);
  const clip = { x: 0, y: 0, width: 1280, height: 700 };
  const reference = await own.screenshot({ clip });
  await own.context().close();

  foreign.pages['/hostile.html'] = hostilePortal();
  const page = await openPortal(viewport, `${foreignOrigin}/hostile.html`);
  const before = await hostStyles(page);
  await waitForEvent(page, 'ready');
  await page.locator('#kaiban h1').first().waitFor();
  const embedded = await page.screenshot({ clip });
  await screenshot(page, 'embed-inpage-hostile-1280');
  const diff = await differingPixels(page, reference, embedded);
  assert.ok(diff.differ / diff.total < 0.005, `in-page rendering differs from the app page in ${diff.differ} of ${diff.total} pixels`);

  // Works: inputs visible and usable despite `input { display: none }`; Memory navigation.
  const hash = await page.evaluate(() => location.hash);
  await page.locator('#kaiban').getByRole('button', { name: '开始申请' }).first().click();
  const radio = page.locator('#kaiban #entity-llc');
  await radio.waitFor();
  assert.notEqual(await radio.evaluate((e) => getComputedStyle(e).display), 'none');
  await page.locator('#kaiban label[for="entity-llc"]').click();
  assert.equal(await radio.isChecked(), true);
  await waitForEvent(page, 'draft-saved');
  await page.locator('#kaiban').getByRole('button', { name: '继续' }).click();
  await waitForEvent(page, 'step', '(d) => d.index === 1');
  // The error summary link focuses the field inside the shadow root.
  await page.locator('#kaiban').getByRole('button', { name: '继续' }).click();
  const link = page.locator('#kaiban .kb-error-summary a').first();
  await link.click();
  assert.ok(await page.evaluate(() => document.getElementById('kaiban').shadowRoot.activeElement?.id?.startsWith('f-')), 'the summary link moved focus to its field');

  // Leaks nothing: the host's styles, language, title and URL are as they were.
  assert.deepEqual(await hostStyles(page), before, 'the host page looks the same');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
  assert.equal(await page.title(), 'Portail hostile');
  assert.equal(await page.evaluate(() => location.hash), hash);
  assert.equal(await page.evaluate(() => document.querySelectorAll('link[rel=stylesheet], style').length), 1, 'no stylesheet added to the host document');
  // The test builds' fault injection listens on the app's own page only, never on a portal's.
  await page.evaluate(() => dispatchEvent(new CustomEvent('kaiban-fault', { detail: 'panic' })));
  await page.locator('#kaiban').getByRole('button', { name: '继续' }).click();
  assert.equal(await page.locator('#kaiban .kb-crash').count(), 0, 'a portal page cannot crash the wizard');
  assertNoProblems(page);
  await page.context().close();
});

test('strict CSP: the app page carries it, a violation would be caught, and the app itself causes none', async () => {
  const response = await fetch(app.url);
  const csp = response.headers.get('content-security-policy');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|\*/);
  assert.match(csp, new RegExp(`connect-src 'self' ${new URL(receiver.url).origin.replace(/[.]/g, '\\.')}(;|$)`));
  assert.match(csp, new RegExp(`frame-ancestors 'self' ${portalOrigin}`));

  const page = await openPage(browser, app.url, PHONE);
  // Positive control: an injected inline script is refused and reported.
  await page.evaluate(() => { const s = document.createElement('script'); s.textContent = 'window.injected = true'; document.body.append(s); });
  await page.waitForFunction(() => true);
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(await page.evaluate(() => window.injected), undefined);
  assert.ok(page.problems.some((p) => p.includes('securitypolicyviolation')), `the violation was reported: ${page.problems}`);
  await page.context().close();
  // The complete journeys of every entity type (journeys.test.mjs) and the submissions run
  // under this same policy; openPage turns any violation into a failed test.
});
