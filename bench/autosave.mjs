// Autosave write time for a 50-investor draft (median, p95) and app-shell start time from
// the service worker cache, in headless Chromium against the release build in dist/.
// Prints a markdown table; run through bench/run.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { launch, serveApp, openWithApplication, controlledByServiceWorker, ROOT } from '../tests/e2e/support.mjs';

const RUNS = Number(process.env.RUNS ?? 30);
const sample = JSON.parse(execFileSync(path.join(ROOT, 'target/debug/kaiban-verify'), ['sample', '--investors', '50'], { encoding: 'utf8' }));

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};

const server = await serveApp();
const browser = await launch();
const page = await openWithApplication(browser, server.url, sample, 'name');
// Time from "saving" to "saved" as the indicator shows it: serialise, IndexedDB put, commit.
await page.evaluate(() => {
  window.__saves = [];
  let started = 0;
  new MutationObserver(() => {
    const state = document.querySelector('.kb-save')?.dataset.state;
    if (state === 'saving') started = performance.now();
    if (state === 'saved' && started) { window.__saves.push(performance.now() - started); started = 0; }
  }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
});
const input = page.locator('#f-name-full');
for (let i = 0; i < RUNS; i++) {
  await input.fill(`贵阳云栈${'科'.repeat(1 + (i % 3))}技有限公司`);
  await page.waitForFunction((n) => window.__saves.length > n, i, { timeout: 10_000 });
}
const saves = await page.evaluate(() => window.__saves);

await controlledByServiceWorker(page);
const starts = [];
for (let i = 0; i < Math.min(RUNS, 20); i++) {
  await page.reload();
  await page.locator('h1').first().waitFor();
  starts.push(await page.evaluate(() => performance.now()));
}
await browser.close();
await server.close();

const ms = (v) => `${v.toFixed(1)} ms`;
console.log('| measure (headless Chromium, release build) | median | p95 | runs |');
console.log('|---|---|---|---|');
console.log(`| autosave write, 50-investor draft | ${ms(quantile(saves, 0.5))} | ${ms(quantile(saves, 0.95))} | ${saves.length} |`);
console.log(`| app shell start from the service worker cache (navigation to first heading) | ${ms(quantile(starts, 0.5))} | ${ms(quantile(starts, 0.95))} | ${starts.length} |`);
