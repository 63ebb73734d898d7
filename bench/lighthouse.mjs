// Lighthouse 12.2.3 (13 needs Node 22), mobile preset, with Debian's Chromium: the start page
// (a new visitor), the capital step of a returning applicant's draft whose browser no longer
// has the app cached (the draft is kept, the service worker, its cache and the HTTP cache are
// not), and a new visitor's link into the wizard. Installs Lighthouse into target/bench/tools
// on first use.
import fs from 'node:fs';
import path from 'node:path';
import { execFile, execFileSync, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { chromium as playwright } from 'playwright-core';
import { serveApp, wakeApp, seedDraft, example, ROOT } from '../tests/e2e/support.mjs';

const tools = path.join(ROOT, 'target/bench/tools');
const cli = path.join(tools, 'node_modules/lighthouse/cli/index.js');
if (!fs.existsSync(cli)) {
  fs.mkdirSync(tools, { recursive: true });
  execFileSync('npm', ['install', '--prefix', tools, '--no-audit', '--no-fund', '--loglevel=error', '-E', 'lighthouse@12.2.3'], { stdio: 'inherit' });
}
// Lighthouse's own launcher loses the page with this Chromium ("Target closed"); attaching to a
// Chromium started here with a debugging port works.
const chromium = spawn(process.env.CHROMIUM_BINARY ?? '/usr/lib/chromium/chromium', [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--remote-debugging-port=0',
  `--user-data-dir=${fs.mkdtempSync(path.join(ROOT, 'target/bench/lh-profile-'))}`, 'about:blank',
], { stdio: ['ignore', 'ignore', 'pipe'] });
const port = await new Promise((resolve, reject) => {
  chromium.stderr.on('data', (chunk) => {
    const match = String(chunk).match(/DevTools listening on ws:\/\/[^:]+:(\d+)/);
    if (match) resolve(match[1]);
  });
  chromium.once('exit', (code) => reject(new Error(`chromium exited with ${code}`)));
});
const server = await serveApp();

const driver = await playwright.connectOverCDP(`http://127.0.0.1:${port}`);
const profile = driver.contexts()[0];
const origin = new URL(server.url).origin;
// Lighthouse clears the service worker and caches but keeps IndexedDB and localStorage, where
// a draft makes the next run a returning applicant; each scenario sets its own state.
async function prepare(seed, keepApp = false) {
  const page = await profile.newPage();
  const cdp = await profile.newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' });
  if (seed) {
    await page.goto(server.url);
    await wakeApp(page);
    await seedDraft(page, example('llc'));
    await page.goto(`${server.url}#/capital`);
    await page.reload();
    await page.locator('h1', { hasText: '注册资本与出资' }).waitFor();
    if (keepApp) {
      await page.waitForFunction(() => !!navigator.serviceWorker.controller);
      await page.close();
      return;
    }
    // The browser no longer has the app: no service worker, no caches. The draft stays.
    await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'service_workers,cache_storage' });
  }
  await cdp.send('Network.clearBrowserCache');
  await page.close();
}

const pages = [
  ['start page (new visitor)', server.url, false, []],
  ['link into the wizard (new visitor, lands on the first step)', `${server.url}#/capital`, false, []],
  ['mid-wizard: capital step of a saved draft, app not cached', `${server.url}#/capital`, true, ['--disable-storage-reset']],
  ['mid-wizard, the usual return: saved draft, app in the service worker cache', `${server.url}#/capital`, 'keep', ['--disable-storage-reset']],
];
// Lighthouse's scores vary from run to run (more so on a small, shared machine); as Lighthouse
// advises, each page is measured several times and the median run reported, with the range.
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 5);
console.log(`Median of ${RUNS} runs by performance score (range in brackets).`);
console.log();
console.log('| page | ended on | performance | accessibility | FCP | LCP | TBT | CLS | TTI |');
console.log('|---|---|---|---|---|---|---|---|---|');
// LIGHTHOUSE_PAGES=2,3 measures only those rows (0-based), e.g. while working on one.
const only = process.env.LIGHTHOUSE_PAGES?.split(',').map(Number);
for (const [index, [label, url, seed, flags]] of pages.entries()) {
  if (only && !only.includes(index)) continue;
  const reports = [];
  for (let run = 0; run < RUNS; run++) {
    await prepare(Boolean(seed), seed === 'keep');
    const out = path.join(ROOT, `target/bench/lighthouse-${index}-${run}.json`);
    // Asynchronously: the app's server runs in this process and must keep answering.
    await promisify(execFile)(process.execPath, [cli, url, '--quiet', '--output=json', `--output-path=${out}`, '--only-categories=performance,accessibility', `--port=${port}`, ...flags,
      // LIGHTHOUSE_SAVE_ASSETS=1 keeps each run's trace beside its report, for a profile.
      ...(process.env.LIGHTHOUSE_SAVE_ASSETS ? ['--save-assets'] : [])]);
    reports.push(JSON.parse(fs.readFileSync(out, 'utf8')));
  }
  const score = (report, id) => Math.round((report.categories[id]?.score ?? 0) * 100);
  const byPerformance = [...reports].sort((a, b) => score(a, 'performance') - score(b, 'performance'));
  const median = byPerformance[Math.floor(byPerformance.length / 2)];
  const range = (id) => {
    const scores = reports.map((r) => score(r, id));
    return Math.min(...scores) === Math.max(...scores) ? '' : ` (${Math.min(...scores)}–${Math.max(...scores)})`;
  };
  const audit = (id) => median.audits[id]?.displayValue ?? '—';
  console.log(`| ${label} | ${new URL(median.finalDisplayedUrl).hash || '#/'} | ${score(median, 'performance')}${range('performance')} | ${score(median, 'accessibility')}${range('accessibility')} | ${audit('first-contentful-paint')} | ${audit('largest-contentful-paint')} | ${audit('total-blocking-time')} | ${audit('cumulative-layout-shift')} | ${audit('interactive')} |`);
}
await server.close();
chromium.kill();
