// The pages after the first step are a wasm module of their own (src/steps/later.rs,
// tools/split.mjs): a new visitor's first step does not wait for them, and a failed fetch of
// them is a network fault like any other: said at the page, in both languages, with the draft
// kept and a way to try again. No crash screen, and no copy left on screen for ever.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, serveApp, wakeApp, watchedPage, seedDraft, example, screenshot, axeViolations, heading, PHONE,
} from './support.mjs';

const LATER = /\/kaiban-later-[0-9a-f]{16}\.wasm$/;
let browser, app;

before(async () => {
  app = await serveApp();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await app?.close();
});

/// A page in a fresh context without a service worker (its precache would fetch the module
/// behind the test's back), with the wasm requests in order.
async function visitor(viewport = PHONE) {
  const page = await watchedPage(browser, { viewport, serviceWorkers: 'block' });
  page.wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) page.wasm.push(new URL(r.url()).pathname); });
  return page;
}

/// The problems besides what a failed fetch of the module logs (the browser, and the loader).
const unexpectedProblems = (page) => page.problems.filter((p) => !/kaiban-later-|Failed to fetch|ERR_INTERNET_DISCONNECTED/.test(p));

/// Holds the later pages' module: `fail()` answers with a network error, `pass()` lets it through.
async function holdLaterPages(page) {
  let answer;
  const answered = new Promise((resolve) => { answer = resolve; });
  await page.route(LATER, async (route) => ((await answered) === 'fail' ? route.abort('internetdisconnected') : route.continue()));
  return { fail: () => answer('fail'), pass: () => answer('pass') };
}

const notice = (page) => page.getByRole('alert').filter({ hasText: /这一页未能载入|This page could not be loaded/ });

test('a new visitor\'s first step works without the later pages; a failed fetch of them is said, the draft kept, and a retry recovers', async () => {
  const page = await visitor();
  const later = await holdLaterPages(page);
  await page.goto(`${app.url}#/entity-type`);
  await page.locator('.kb-prerendered').waitFor({ state: 'detached' });

  // The live first step took over while the later pages' module was still on its way.
  assert.ok(page.wasm.some((p) => /_bg\.wasm$/.test(p)), 'the first module was fetched');
  // Requested in the browser's next idle time, without anything more from the visitor.
  for (let waited = 0; !page.wasm.some((p) => LATER.test(p)) && waited < 5_000; waited += 50) await page.waitForTimeout(50);
  assert.ok(page.wasm.some((p) => LATER.test(p)), 'the later pages are fetched once the first step is on show');
  const llc = page.getByRole('radio', { name: /^有限责任公司/ });
  await llc.check();

  // Its fetch fails; Continue shows the name step's place with the notice, not a crash.
  later.fail();
  await page.getByRole('button', { name: '继续' }).click();
  await notice(page).waitFor();
  assert.match(await notice(page).innerText(), /网络出错.*不会丢失/s);
  assert.match(page.url(), /#\/name$/);
  assert.equal(await heading(page), '企业名称', 'the page still says where the applicant is');
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'later-pages-failed-375');

  // In English too.
  await page.locator('.kb-lang').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.match(await notice(page).innerText(), /network error.*Nothing you have entered is lost/s);
  await page.locator('.kb-lang').click();
  await page.waitForFunction(() => document.documentElement.lang !== 'en');

  // The network is back: Try again draws the name step from the module.
  await page.unroute(LATER);
  await notice(page).getByRole('button', { name: '重新加载' }).click();
  await page.locator('#kb-main form h1', { hasText: '企业名称' }).waitFor();
  assert.equal(await notice(page).count(), 0);
  // Its bytes went to the compile worker, not through the page's main thread (tools/split.mjs):
  // the browser fetched the module, but the page itself received none of it.
  const received = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => e.decodedBodySize > 0).map((e) => new URL(e.name).pathname));
  assert.ok(received.some((p) => /_bg\.wasm$/.test(p)), `the page's own downloads are listed: ${received}`);
  assert.ok(!received.some((p) => LATER.test(p)), `the page received the later module itself: ${received}`);

  // The choice made before the failure was kept: back on the first step it is still checked.
  await page.locator('.kb-back').click();
  assert.equal(await llc.isChecked(), true);
  assert.deepEqual(unexpectedProblems(page), []);
  await page.context().close();
});

test('a returning applicant\'s link into a later step, with the module unreachable, shows the notice in place of the copy', async () => {
  const page = await visitor();
  await page.goto(app.url);
  await wakeApp(page);
  await seedDraft(page, example('llc'));
  await page.route(LATER, (route) => route.abort('internetdisconnected'));
  await page.goto(`${app.url}#/capital`);
  await page.reload();

  // Not left on the inert copy or on "Loading…": the notice, with the page around it live.
  await notice(page).waitFor();
  await page.locator('.kb-prerendered').waitFor({ state: 'detached' });
  assert.equal(await page.locator('.kb-step-content .kb-loading').count(), 0);

  await page.unroute(LATER);
  await notice(page).getByRole('button', { name: '重新加载' }).click();
  await page.locator('#kb-main form h1', { hasText: '注册资本' }).waitFor();
  assert.deepEqual(unexpectedProblems(page), []);
  await page.context().close();
});

test('a returning applicant\'s draft on the first step waits for the module: nothing is saved over it, and a retry opens it', async () => {
  const page = await visitor();
  await page.goto(app.url);
  await wakeApp(page);
  await seedDraft(page, example('llc'));
  const stored = () => page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('kaiban');
    open.onsuccess = () => {
      const get = open.result.transaction('drafts').objectStore('drafts').get('fixture-draft');
      get.onsuccess = () => { open.result.close(); resolve({ revision: get.result.revision, json: get.result.application_json, current: localStorage.getItem('kaiban.current_draft') }); };
      get.onerror = () => reject(get.error);
    };
    open.onerror = () => reject(open.error);
  }));
  const before = await stored();
  await page.route(LATER, (route) => route.abort('internetdisconnected'));
  await page.goto(`${app.url}#/entity-type`);
  await page.reload();

  // Drafts are read in the later pages' module: the first step cannot show this draft without
  // it, so the notice takes the copy's place, in both languages, with axe clean.
  await notice(page).waitFor();
  await page.locator('.kb-prerendered').waitFor({ state: 'detached' });
  assert.equal(await page.locator('.kb-loading').count(), 0, 'nothing still claims to be loading');
  assert.equal(await heading(page), '企业类型');
  assert.deepEqual(await axeViolations(page), []);
  await page.locator('.kb-lang').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.match(await notice(page).innerText(), /Nothing you have entered is lost/);
  await page.locator('.kb-lang').click();
  await page.waitForFunction(() => document.documentElement.lang !== 'en');

  // Not replaced by a new draft, not saved over: the record and the pointer to it are as they were.
  await page.waitForTimeout(1_000);
  assert.deepEqual(await stored(), before);

  // The network is back: Try again opens the draft on its first step, its answer chosen.
  await page.unroute(LATER);
  await notice(page).getByRole('button', { name: '重新加载' }).click();
  await page.locator('#kb-main form h1', { hasText: '您要设立哪种类型的企业' }).waitFor();
  assert.equal(await page.getByRole('radio', { name: /^有限责任公司/ }).isChecked(), true);
  assert.equal(await notice(page).count(), 0);
  assert.deepEqual(unexpectedProblems(page), []);
  await page.context().close();
});
