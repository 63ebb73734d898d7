// Measured (not simulated) loads on an emulated slow phone: the network Lighthouse's mobile
// preset assumes (150 ms round trip, 1.6 Mbit/s, paced by a proxy in front of the app so that
// every request is slowed, the wasm fetched by the compile worker included) and a 4× slower
// CPU. Lighthouse simulates from an unthrottled load instead, and cannot see that the worker's
// wasm download comes before the wizard is usable: its TTI is too early. Markdown on stdout.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { chromium } from 'playwright-core';
import { serveApp, wakeApp, seedDraft, example, ROOT } from '../tests/e2e/support.mjs';

const RUNS = Number(process.env.SLOW_PHONE_RUNS ?? 5);
const RTT_MS = 150;
const BYTES_PER_MS = (1638.4 * 1024) / 8 / 1000;

/// A proxy to `target` that delays each response by a round trip and paces all bodies
/// together at the throttled rate; `throttled = false` passes everything straight through.
function slowProxy(target) {
  let nextFree = 0;
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const proxy = http.createServer((req, res) => {
    const upstream = http.request(`${target}${req.url}`, { method: req.method, headers: req.headers }, async (answer) => {
      if (proxy.throttled) await sleep(RTT_MS);
      res.writeHead(answer.statusCode, answer.headers);
      for await (const chunk of answer) {
        for (let at = 0; at < chunk.length; at += 4096) {
          const piece = chunk.subarray(at, at + 4096);
          if (proxy.throttled) {
            nextFree = Math.max(nextFree, performance.now()) + piece.length / BYTES_PER_MS;
            await sleep(nextFree - performance.now());
          }
          res.write(piece);
        }
      }
      res.end();
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  proxy.throttled = false;
  return new Promise((resolve) => proxy.listen(0, '127.0.0.1', () => resolve(proxy)));
}

const server = await serveApp();
const proxy = await slowProxy(new URL(server.url).origin);
const url = `http://127.0.0.1:${proxy.address().port}/`;
const launchOptions = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
  viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true,
  // Without a service worker and with the HTTP cache off: the browser no longer has the app.
  serviceWorkers: 'block',
};

/// One measured load of `hash` in a fresh browser on `profile` (the draft, if any, is kept).
async function measure(profile, hash) {
  const context = await chromium.launchPersistentContext(profile, launchOptions);
  const page = context.pages()[0] ?? await context.newPage();
  const cdp = await context.newCDPSession(page);
  // The compile worker's fetch does not follow the page's cache settings: empty the cache.
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => {
    window.kbLoad = { lcp: 0, blocking: [] };
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.kbLoad.lcp = e.startTime; }).observe({ type: 'largest-contentful-paint', buffered: true });
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.kbLoad.blocking.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });
    document.addEventListener('kaiban:shown', () => { window.kbLoad.shown = performance.now(); });
  });
  proxy.throttled = true;
  await page.goto(`${url}${hash}`);
  await page.waitForFunction(() => window.kbLoad.shown, null, { timeout: 60_000 });
  await page.waitForTimeout(500);
  proxy.throttled = false;
  const result = await page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0].startTime;
    const { lcp, shown, blocking } = window.kbLoad;
    const tbt = blocking.filter(([start]) => start >= fcp && start <= shown).reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0);
    return { fcp, lcp, shown, tbt };
  });
  await context.close();
  return result;
}

async function seededProfile() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kaiban-slow-'));
  const context = await chromium.launchPersistentContext(profile, launchOptions);
  const page = context.pages()[0] ?? await context.newPage();
  await page.goto(url);
  await wakeApp(page);
  await seedDraft(page, example('llc'));
  await page.goto(`${url}#/capital`);
  await page.reload();
  await page.locator('h1', { hasText: '注册资本与出资' }).waitFor();
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('kaiban.resume_view'))?.step === 'capital');
  await context.close();
  return profile;
}

const scenarios = [
  ['link into the wizard (new visitor)', () => fs.mkdtempSync(path.join(os.tmpdir(), 'kaiban-slow-')), '#/capital'],
  ['capital step of a saved draft, app not cached', seededProfile, '#/capital'],
];
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const s = (v) => `${(v / 1000).toFixed(2)} s`;
console.log(`Measured on an emulated slow phone (${RTT_MS} ms round trip, 1.6 Mbit/s, CPU 4× slower), median of ${RUNS} loads.`);
console.log();
console.log('| page | first paint (FCP) | largest paint (LCP) | wizard usable (copy replaced) | blocking time FCP → usable |');
console.log('|---|---|---|---|---|');
for (const [label, prepare, hash] of scenarios) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const profile = await prepare();
    runs.push(await measure(profile, hash));
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const m = (key) => median(runs.map((r) => r[key]));
  console.log(`| ${label} | ${s(m('fcp'))} | ${s(m('lcp'))} | ${s(m('shown'))} | ${Math.round(m('tbt'))} ms |`);
}

// Beside the peers (../shared/peers, set up in target/peers by bench/peers.mjs): the same
// proxy pacing, the same CPU, a new visitor's link for each. "First input accepted" is when a
// tap on the first step's first choice first shows its effect: the tap is repeated every
// 100 ms from when the choice is on screen (a tap on an engine's page before it has rendered
// finds nothing to tap). Kaiban's pre-rendered first step takes the answer before the wizard
// has loaded and hands it to the wizard (src/prerendered/boot.js; tests/e2e/prerendered.test.mjs
// checks that the answer becomes the application's): its radio checked counts, in the copy or
// on the live page.
const KIT = path.join(ROOT, 'target/peers');
if (fs.existsSync(path.join(KIT, 'node_modules/survey-core'))) {
  const { startServer } = await import(path.join(KIT, 'serve.mjs'));
  const kit = await startServer({ root: KIT, encoding: 'br' });
  const kitProxy = await slowProxy(new URL(kit.url).origin);
  const kitUrl = `http://127.0.0.1:${kitProxy.address().port}/`;
  // Each target: where to tap (an element, or its nearest ancestor with a size), and what shows
  // that the tap was taken: an engine's dropdown opens (aria-expanded), Kaiban's radio is checked
  // (the pre-rendered first step's, or the live page's; never an inert copy's).
  const engine = {
    choice: () => window.__peerInput?.('companyType'),
    taken: () => Boolean(document.querySelector('[aria-expanded="true"]')),
  };
  const targets = [
    ['SurveyJS 2.5 (same LLC form)', kitProxy, `${kitUrl}surveyjs/`, engine],
    ['Form.io 5.6 (same LLC form)', kitProxy, `${kitUrl}formio/`, engine],
    ['Kaiban', proxy, `${url}#/name`, {
      choice: () => 'input[type="radio"][value="llc"]',
      taken: () => {
        const radio = [...document.querySelectorAll('input[type="radio"][value="llc"]')].find((r) => !r.closest('[inert]'));
        return Boolean(radio?.checked);
      },
    }],
    // The same tap, counted only once the live wizard shows it (the early copy hands the answer
    // over): when the wizard itself takes input.
    ['Kaiban, the live wizard (not the early copy)', proxy, `${url}#/name`, {
      choice: () => 'input[type="radio"][value="llc"]',
      taken: () => {
        const radio = [...document.querySelectorAll('input[type="radio"][value="llc"]')].find((r) => !r.closest('[inert], .kb-prerendered'));
        return Boolean(radio?.checked);
      },
    }],
  ];
  const firstInput = async (via, link, { choice, taken }) => {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kaiban-slow-'));
    const context = await chromium.launchPersistentContext(profile, launchOptions);
    const page = context.pages()[0] ?? await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.clearBrowserCache');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    let bytes = 0;
    let counting = true;
    cdp.on('Network.loadingFinished', (e) => { if (counting) bytes += e.encodedDataLength; });
    await cdp.send('Network.enable');
    // Sources inlined, not eval'ed: Kaiban's CSP refuses eval.
    await page.addInitScript(`(() => {
      const taken = ${taken};
      window.kbFirst = {};
      const look = () => { if (!window.kbFirst.taken && taken()) window.kbFirst.taken = performance.now(); };
      new MutationObserver(look).observe(document, { subtree: true, childList: true, attributes: true });
      addEventListener('click', () => setTimeout(look), true);
      addEventListener('change', look, true);
    })()`);
    via.throttled = true;
    await page.goto(link, { waitUntil: 'commit' });
    const deadline = Date.now() + 60_000;
    while (!(await page.evaluate(() => window.kbFirst?.taken ?? 0)) && Date.now() < deadline) {
      const box = await page.evaluate(`(() => {
        const selector = (${choice})();
        let el = selector && document.querySelector(selector);
        while (el && el.getBoundingClientRect().width === 0) el = el.parentElement;
        const r = el?.getBoundingClientRect();
        return r && r.width > 0 && r.bottom > 0 && r.top < innerHeight ? [r.x + r.width / 2, r.y + r.height / 2] : null;
      })()`).catch(() => null);
      if (box) await page.mouse.click(box[0], box[1]);
      await page.waitForTimeout(100);
    }
    counting = false;
    via.throttled = false;
    const result = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      taken: window.kbFirst.taken ?? NaN,
    }));
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
    return { ...result, bytes };
  };
  console.log();
  console.log(`Beside the peers, in the same run: a new visitor's link, through the same paced proxy and CPU, median of ${RUNS} loads each.`);
  console.log();
  console.log('| app | first paint (FCP) | first input accepted (a tap on the first choice shows its effect) | bytes transferred until then |');
  console.log('|---|---|---|---|');
  // The kit's server compresses a file the first time it is asked for it: one load of each,
  // unthrottled and unmeasured, first.
  for (const [, , link] of targets) {
    const context = await chromium.launchPersistentContext('', launchOptions);
    const page = context.pages()[0] ?? await context.newPage();
    await page.goto(link, { waitUntil: 'networkidle' });
    await context.close();
  }
  const runs = new Map(targets.map(([label]) => [label, []]));
  for (let i = 0; i < RUNS; i++) {
    // Interleaved, so that a slower moment of the machine falls on all three alike.
    for (const [label, via, link, probe] of targets) runs.get(label).push(await firstInput(via, link, probe));
  }
  for (const [label] of targets) {
    const m = (key) => median(runs.get(label).map((r) => r[key]));
    console.log(`| ${label} | ${s(m('fcp'))} | ${s(m('taken'))} | ${(m('bytes') / 1024).toFixed(0)} KiB |`);
  }
  kitProxy.close();
  await kit.close();
} else {
  console.log();
  console.log('(the peer kit is not set up in target/peers: run node bench/peers.mjs first for the table beside the peers)');
}
proxy.close();
await server.close();
