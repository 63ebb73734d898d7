// The pre-rendered start page (src/prerendered/): a first-time visitor gets it without the
// wasm, the wasm comes on the first sign of intent, a click made meanwhile is not lost, the
// hand-over moves nothing, and the copies are exactly what the app draws.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowserAndApp, watchContentSecurityPolicy, assertNoProblems, screenshot, heading, PHONE, DESKTOP } from './support.mjs';
import { captureStartPage, openStartPage, copyPath, LOCALES } from '../../tools/prerender.mjs';
import fs from 'node:fs';

const shared = sharedBrowserAndApp({ before, after });

/// A fresh visitor's page that has not moved the mouse yet; `hold` delays the wasm until released.
async function visit(url, { viewport = DESKTOP, hold = false, init } = {}) {
  const context = await shared.browser.newContext({ viewport });
  context.setDefaultTimeout(15_000);
  await watchContentSecurityPolicy(context);
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') page.problems.push(`console: ${m.text()}`);
  });
  page.requested = [];
  page.on('request', (r) => page.requested.push(new URL(r.url()).pathname));
  let release = () => {};
  if (hold) {
    const held = new Promise((resolve) => { release = resolve; });
    await page.route(/_bg\.wasm$/, async (route) => {
      await held;
      await route.continue();
    });
  }
  page.release = release;
  await page.goto(url);
  await page.locator('h1').first().waitFor();
  return page;
}

function observeLayoutShifts() {
  window.shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.shifts.push(`${entry.value} ${entry.sources.map((s) => s.node?.className).join(', ')}`);
  }).observe({ type: 'layout-shift', buffered: true });
}

const live = (page) => page.locator('.kb-prerendered').waitFor({ state: 'detached' });
const wasmRequested = (page) => page.requested.some((p) => p.endsWith('.wasm'));

test('a first-time visitor reads the start page without downloading the wizard; intent loads it', async () => {
  const page = await visit(shared.server.url);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  assert.equal(await heading(page), '在线开办企业');
  assert.equal(wasmRequested(page), false, 'the wasm was fetched before any sign of intent');
  assert.equal(await page.locator('.kb-prerendered').count(), 1);
  await page.mouse.move(200, 200);
  await live(page);
  assert.equal(wasmRequested(page), true);
  assert.equal(await heading(page), '在线开办企业');
  assertNoProblems(page);
  await page.context().close();
});

test('a click on the start page before the wizard has loaded is carried out once it has', async () => {
  const page = await visit(shared.server.url, { hold: true });
  await page.getByRole('button', { name: '开始申请' }).click();
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('kb-waking')), true, 'the wait is shown');
  assert.equal(await heading(page), '在线开办企业', 'nothing happens while the wasm is held back');
  page.release();
  await page.locator('h1', { hasText: '您要设立哪种类型的企业？' }).waitFor();
  assert.match(page.url(), /#\/entity-type$/);
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('kb-waking')), false);
  assertNoProblems(page);
  await page.context().close();
});

test('the hand-over moves nothing: no layout shift, the same pixels, phone and desktop', async () => {
  for (const [label, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
    const page = await visit(shared.server.url, { viewport, hold: true, init: observeLayoutShifts });
    const twoFrames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await twoFrames();
    assert.deepEqual(await page.evaluate(() => window.shifts), [], `layout shifted while loading (${label})`);
    const before = await page.screenshot({ fullPage: true });
    await screenshot(page, `prerendered-start-${label}`);
    // A full-page screenshot resizes the viewport for a moment, which shifts layout by itself.
    await twoFrames();
    await page.evaluate(() => { window.shifts = []; });
    await page.mouse.move(viewport.width - 2, viewport.height - 2);
    page.release();
    await live(page);
    await twoFrames();
    assert.deepEqual(await page.evaluate(() => window.shifts), [], `layout shifted in the hand-over (${label})`);
    const after = await page.screenshot({ fullPage: true });
    assert.ok(before.equals(after), `the live start page differs from the copy (${label}); see target/e2e/screenshots`);
    assertNoProblems(page);
    await page.context().close();
  }
});

test('the committed copies are exactly what the app draws (else run ./x prerender)', async () => {
  for (const locale of Object.keys(LOCALES)) {
    const page = await openStartPage(shared.browser, shared.server.url, locale);
    const drawn = await captureStartPage(page, locale);
    assert.equal(drawn, fs.readFileSync(copyPath(locale), 'utf8'), `src/prerendered/start.${locale}.html is stale: run ./x prerender`);
    await page.context().close();
  }
});

test('an English-speaking returning visitor gets the English copy; a link into a step skips the copy', async () => {
  const english = await visit(shared.server.url, { init: () => localStorage.setItem('kaiban.locale', 'en') });
  assert.equal(await heading(english), 'Register a new business online');
  assert.equal(await english.evaluate(() => document.documentElement.lang), 'en');
  await english.context().close();

  // A link into a step the new applicant cannot reach yet: sent to the first step.
  const deep = await visit(`${shared.server.url}#/capital`, { viewport: PHONE, init: observeLayoutShifts });
  // No intent needed: the wizard loads at once and the start page is never shown.
  await deep.locator('h1', { hasText: '您要设立哪种类型的企业？' }).waitFor();
  assert.equal(wasmRequested(deep), true);
  // The new draft is saved by itself; its status line changes without moving anything.
  assert.match(deep.url(), /#\/entity-type$/);
  await deep.locator('.kb-save[data-state="saved"]').waitFor();
  assert.deepEqual(await deep.evaluate(() => window.shifts), [], 'layout shifted');
  assertNoProblems(deep);
  await deep.context().close();
});

test('keyboard: focus on the copy stays on the same control when the app takes over', async () => {
  const page = await visit(shared.server.url, { hold: true });
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement.textContent);
  assert.equal(focused, '我的草稿');
  page.release();
  await live(page);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), focused);
  await page.keyboard.press('Enter');
  await page.locator('h1', { hasText: '我的申请草稿' }).waitFor();
  assertNoProblems(page);
  await page.context().close();
});

test('if the wizard cannot be downloaded the visitor is told, in both languages, how to retry', async () => {
  const page = await visit(shared.server.url);
  await page.route(/_bg\.wasm$/, (route) => route.abort('internetdisconnected'));
  await page.getByRole('button', { name: '开始申请' }).click();
  const failure = page.getByRole('alert');
  await failure.waitFor();
  assert.match(await failure.innerText(), /无法加载.*重新加载.*could not be loaded.*reload the page/s);
  assert.equal(await heading(page), '在线开办企业', 'the page stays readable');
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('kb-waking')), false, 'no endless progress bar');
  await screenshot(page, 'prerendered-load-failed-desktop', { fullPage: false });

  await page.unroute(/_bg\.wasm$/);
  await page.getByRole('button', { name: '开始申请' }).click();
  await page.locator('h1', { hasText: '您要设立哪种类型的企业？' }).waitFor();
  assert.equal(await failure.isVisible(), false);
  await page.context().close();
});
