// The pre-rendered start page (src/prerendered/): a first-time visitor gets it without the
// wasm, the wasm comes on the first sign of intent, a click made meanwhile is not lost, the
// hand-over moves nothing, and the copies are exactly what the app draws. A link into a step
// shows that step before the wasm arrives: the applicant's own last screen, or for a new
// visitor the first step.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowserAndApp, allSaved, watchContentSecurityPolicy, assertNoProblems, screenshot, heading, seedDraft, example, PHONE, DESKTOP } from './support.mjs';
import { captureStartPage, captureFirstStep, openStartPage, copyPath, firstStepPath, LOCALES } from '../../tools/prerender.mjs';
import fs from 'node:fs';

const shared = sharedBrowserAndApp({ before, after });

/// A fresh visitor's page that has not moved the mouse yet; `hold` delays the wasm until released.
async function visit(url, { viewport = DESKTOP, hold = false, init, serviceWorkers = 'allow' } = {}) {
  const context = await shared.browser.newContext({ viewport, serviceWorkers });
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
  if (hold) await holdWasm(page);
  await page.goto(url);
  await page.locator('h1').first().waitFor();
  return page;
}

/// Delays the wasm until `page.release()`.
async function holdWasm(page) {
  const held = new Promise((resolve) => { page.release = resolve; });
  await page.unroute(/_bg\.wasm$/);
  await page.route(/_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
}

function observeLayoutShifts() {
  window.shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.shifts.push(`${entry.value} ${entry.sources.map((s) => s.node?.className).join(', ')}`);
  }).observe({ type: 'layout-shift', buffered: true });
}

const live = (page) => page.locator('.kb-prerendered').waitFor({ state: 'detached' });

/// The texts that describe the question and each answer of the first step in `scope` (what
/// aria-describedby points to).
const descriptions = (scope) => scope.evaluate((root) => {
  const describedBy = (el) => (el?.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent.trim() ?? `missing #${id}`).join(' | ');
  return {
    question: describedBy(root.querySelector('fieldset')),
    radios: [...root.querySelectorAll('input[type="radio"]')].map(describedBy),
  };
});
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
    const firstStep = await captureFirstStep(shared.browser, shared.server.url, locale);
    assert.equal(firstStep, fs.readFileSync(firstStepPath(locale), 'utf8'), `src/prerendered/first-step.${locale}.html is stale: run ./x prerender`);
  }
});

test('an English-speaking returning visitor gets the English copy; a new visitor\'s link into a step shows the first step at once', async () => {
  const english = await visit(shared.server.url, { init: () => localStorage.setItem('kaiban.locale', 'en') });
  assert.equal(await heading(english), 'Register a new business online');
  assert.equal(await english.evaluate(() => document.documentElement.lang), 'en');
  await english.context().close();

  // A link into a step the new applicant cannot reach yet: sent to the first step, which is
  // on screen before the wizard has loaded.
  const deep = await visit(`${shared.server.url}#/capital`, { viewport: PHONE, init: observeLayoutShifts, hold: true });
  assert.equal(await heading(deep), '您要设立哪种类型的企业？');
  assert.equal(await deep.locator('.kb-prerendered .kb-page').getAttribute('inert'), null, 'the first step takes its answer at once (next test)');
  assert.equal(await deep.locator('.kb-save').innerText(), '正在载入…');
  deep.release();
  await live(deep);
  // No intent needed: the wizard loads at once and the start page is never shown.
  await deep.locator('h1', { hasText: '您要设立哪种类型的企业？' }).waitFor();
  assert.equal(wasmRequested(deep), true);
  // The new draft is saved by itself; its status line changes without moving anything.
  assert.match(deep.url(), /#\/entity-type$/);
  await allSaved(deep);
  assert.deepEqual(await deep.evaluate(() => window.shifts), [], 'layout shifted');
  // The first step needs no places: the division index (a few long tasks on a phone) is
  // fetched on the way to the step that parses the name.
  const indexFetched = () => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/divisions/index.json'));
  assert.equal(await deep.evaluate(indexFetched), false, 'the division index was fetched for the first step');
  await deep.locator('#entity-llc').check();
  await deep.getByRole('button', { name: '继续' }).click();
  await deep.locator('h1', { hasText: '企业名称' }).waitFor();
  await deep.waitForFunction(indexFetched);
  assertNoProblems(deep);
  await deep.context().close();
});

test('a new visitor\'s first step takes the answer before the wizard has loaded, and the wizard carries it on', async () => {
  const page = await visit(`${shared.server.url}#/name`, { viewport: PHONE, hold: true });
  const copy = page.locator('.kb-prerendered');
  assert.equal(await heading(page), '您要设立哪种类型的企业？');
  const choice = (title) => copy.getByRole('radio', { name: new RegExp(`^${title}`) });
  // A tap on an answer's words, then on another's circle: each is taken at once.
  await copy.locator('.kb-radio-title', { hasText: /^股份有限公司$/ }).click();
  assert.equal(await choice('股份有限公司').isChecked(), true, 'a tap on the words is taken at once');
  await choice('有限责任公司').click();
  assert.equal(await choice('股份有限公司').isChecked(), false, 'one answer at a time');
  await page.keyboard.press('ArrowDown');
  assert.equal(await choice('一人有限责任公司').isChecked(), true, 'the arrow keys move the answer');
  await screenshot(page, 'prerendered-first-step-early-phone', { fullPage: false });
  const early = await descriptions(copy);
  await copy.getByRole('button', { name: '继续' }).click();
  assert.equal(await heading(page), '您要设立哪种类型的企业？', 'Continue waits for the wizard');
  assert.equal(await page.locator('.kb-prerendered').count(), 1);

  page.release();
  await live(page);
  await page.locator('h1', { hasText: '企业名称' }).waitFor();
  assert.match(page.url(), /#\/name$/);
  await allSaved(page);
  await page.getByRole('button', { name: '返回' }).click();
  await page.locator('h1', { hasText: '您要设立哪种类型的企业？' }).waitFor();
  assert.equal(await page.locator('#entity-one_person_llc').isChecked(), true, 'the answer given before the wizard loaded is the application\'s');
  assert.ok(early.radios.length >= 7 && early.radios.every((d) => d.length > 0), `each early answer is described by its hint: ${JSON.stringify(early)}`);
  assert.deepEqual(early, await descriptions(page.locator('#kb-main')), 'the early step describes its question and answers as the wizard does');
  assertNoProblems(page);
  await page.context().close();
});

test('an answer on the early first step with no Continue is kept, and the focus stays on it', async () => {
  const page = await visit(`${shared.server.url}#/entity-type`, { hold: true });
  await page.keyboard.press('Tab');
  let tabs = 0;
  while (!(await page.evaluate(() => document.activeElement.matches('.kb-prerendered input[type="radio"]'))) && tabs++ < 30) await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  page.release();
  await live(page);
  const chosen = page.locator('#entity-joint_stock');
  await page.waitForFunction(() => document.querySelector('#entity-joint_stock')?.checked);
  assert.equal(await chosen.evaluate((el) => el === document.activeElement), true, 'the focus is on the answer');
  await page.keyboard.press('Enter');
  await page.locator('h1', { hasText: '企业名称' }).waitFor();
  assertNoProblems(page);
  await page.context().close();
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

/// The applicant's capital step, drawn live from a saved draft; the resume view is written.
async function returningApplicant(viewport) {
  const page = await visit(`${shared.server.url}#/start`, { viewport, serviceWorkers: 'block' });
  await page.mouse.move(5, 5);
  await live(page);
  await seedDraft(page, example('llc'));
  await page.goto(`${shared.server.url}#/capital`);
  await page.reload();
  await page.locator('h1', { hasText: '注册资本与出资' }).waitFor();
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('kaiban.resume_view'))?.step === 'capital');
  return page;
}

test('a returning applicant whose browser no longer has the app sees their own last screen at once, then the live one in its place', async () => {
  for (const [label, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
    const page = await returningApplicant(viewport);
    await holdWasm(page);
    await page.addInitScript(observeLayoutShifts);
    await page.reload();
    const copy = page.locator('.kb-prerendered');
    assert.equal(await heading(page), '注册资本与出资');
    assert.equal(await copy.getByRole('textbox').first().inputValue(), '100', 'the registered capital as it was left');
    assert.equal(await copy.locator('.kb-page').getAttribute('inert'), '', 'the copy cannot be typed into');
    assert.equal(await copy.locator('.kb-save').innerText(), '正在载入…');
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('kb-waking')), true, 'the wait is shown');
    // Drawn through the CSSOM: the page's CSP refuses style attributes.
    assert.notEqual(await copy.locator('.kb-progress-bar span').evaluate((el) => el.style.width), '');
    await screenshot(page, `prerendered-resume-${label}`, { fullPage: false });
    const masked = { mask: [page.locator('.kb-save')], clip: { x: 0, y: 8, width: viewport.width, height: viewport.height - 8 } };
    const before = await page.screenshot(masked);

    page.release();
    await live(page);
    await allSaved(page);
    assert.equal(await page.getByRole('textbox').first().inputValue(), '100');
    assert.deepEqual(await page.evaluate(() => window.shifts), [], `layout shifted (${label})`);
    const after = await page.screenshot(masked);
    assert.ok(before.equals(after), `the live capital step differs from the resume view (${label}); see target/e2e/screenshots`);
    await page.getByRole('textbox').first().fill('200');
    assert.equal(await page.getByRole('textbox').first().inputValue(), '200', 'the live page takes input');
    assertNoProblems(page);
    await page.context().close();
  }
});

test('if the wizard cannot be downloaded under a resume view, the banner says so and nothing still claims to be loading', async () => {
  const page = await returningApplicant(DESKTOP);
  await page.route(/_bg\.wasm$/, (route) => route.abort('internetdisconnected'));
  await page.reload();
  await page.getByRole('alert').waitFor();
  assert.equal(await heading(page), '注册资本与出资', 'the applicant\'s screen stays readable');
  assert.equal(await page.locator('.kb-prerendered .kb-save').isVisible(), false, '"Loading…" under the failure banner');
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('kb-waking')), false, 'no endless progress bar');
  await page.context().close();
});

test('the resume view is only shown for its own step and language, and goes with the draft', async () => {
  const page = await returningApplicant(DESKTOP);
  const loadingLine = async () => {
    await holdWasm(page);
    await page.reload();
    await page.locator('.kb-prerendered .kb-loading').waitFor();
    assert.equal(await page.locator('.kb-prerendered h1').count(), 0, 'a screen was shown that is not the one asked for');
    page.release();
    await live(page);
  };
  // Another page of the app (the list of drafts is not kept as a resume view).
  await page.goto(`${shared.server.url}#/drafts`);
  await loadingLine();
  // Another language.
  await page.evaluate(() => localStorage.setItem('kaiban.locale', 'en'));
  await page.goto(`${shared.server.url}#/capital`);
  await loadingLine();
  assert.equal(await heading(page), 'Capital and contributions');

  await page.evaluate(() => localStorage.setItem('kaiban.locale', 'zh-CN'));
  await page.goto(`${shared.server.url}#/drafts`);
  await page.reload();
  await page.locator('h1', { hasText: '我的申请草稿' }).waitFor();
  assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem('kaiban.resume_view')).draft), 'fixture-draft');
  await page.getByRole('button', { name: '删除', exact: true }).first().click();
  await page.getByText('已删除').waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('kaiban.resume_view')), null, 'the deleted draft\'s screen is still stored');
  assertNoProblems(page);
  await page.context().close();
});

test('where workers are unavailable the wizard is compiled in the page and loads all the same', async () => {
  const page = await visit(`${shared.server.url}#/capital`, { init: () => { delete window.Worker; } });
  await live(page);
  assert.equal(await heading(page), '您要设立哪种类型的企业？');
  assert.equal(await page.evaluate(() => typeof Worker), 'undefined', 'the page had workers after all');
  await page.locator('label[for="entity-llc"]').click();
  await allSaved(page);
  assertNoProblems(page);
  await page.context().close();
});
