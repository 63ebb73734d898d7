// axe-core (WCAG 2.0/2.1/2.2 A and AA) on every step, in both languages, with and without
// errors shown; and a screenshot of every step at phone and desktop width in both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowserAndApp, openPage, openWithApplication, axeViolations, assertNoProblems, screenshot, example, DESKTOP, PHONE } from './support.mjs';
import { heading } from './wizard.mjs';

const LAPTOP = { width: 1280, height: 800 };
const LLC_STEPS = ['entity-type', 'name', 'domicile', 'scope', 'investors', 'capital', 'officers', 'articles', 'contacts', 'beneficial-owners', 'attachments', 'delivery', 'bundle', 'review', 'documents', 'declaration', 'signing'];
const LP_ONLY = ['partnership', 'articles', 'documents'];

const shared = sharedBrowserAndApp({ before, after });

async function setLocale(page, english) {
  const isEnglish = await page.evaluate(() => document.documentElement.lang === 'en');
  if (isEnglish !== english) {
    await page.locator('.kb-lang').click();
    await page.waitForFunction((en) => (document.documentElement.lang === 'en') === en, english);
  }
}

async function check(page, label) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `${label}: accessibility violations`);
}

test('the start page and every step of an empty application, errors shown, have no WCAG violations', async () => {
  const page = await openPage(shared.browser, shared.server.url, DESKTOP);
  for (const english of [false, true]) {
    await setLocale(page, english);
    await check(page, `start ${english ? 'en' : 'zh'}`);
  }
  await setLocale(page, false);
  const empty = { schema_version: 1, entity_type: 'llc' };
  for (const [type, steps] of [['llc', LLC_STEPS], ['limited_partnership', LP_ONLY]]) {
    for (const step of steps) {
      const p = await openWithApplication(shared.browser, shared.server.url, { ...empty, entity_type: type }, step, DESKTOP);
      for (const english of [false, true]) {
        await setLocale(p, english);
        await check(p, `${step} ${english ? 'en' : 'zh'} without errors`);
      }
      const submit = p.locator('main form button[type=submit]');
      if (await submit.count()) {
        await submit.first().click();
        await p.locator('.kb-error-summary').waitFor({ timeout: 2000 }).catch(() => {});
      }
      for (const english of [false, true]) {
        await setLocale(p, english);
        await check(p, `${step} ${english ? 'en' : 'zh'} after Continue`);
      }
      assertNoProblems(p);
      await p.context().close();
    }
  }
  await page.context().close();
});

test('every step of a complete application, at 375 and 1280 px in both languages', async () => {
  for (const [type, steps] of [['llc', LLC_STEPS], ['limited_partnership', LP_ONLY]]) {
    const app = example(type);
    for (const [width, viewport] of [['375', PHONE], ['1280', LAPTOP]]) {
      for (const step of steps) {
        const page = await openWithApplication(shared.browser, shared.server.url, app, step, viewport);
        for (const english of [false, true]) {
          await setLocale(page, english);
          const title = await heading(page);
          assert.ok(title.length > 0);
          await screenshot(page, `step-${type}-${step}-${width}-${english ? 'en' : 'zh'}`);
          if (width === '1280') await check(page, `${type} ${step} ${english ? 'en' : 'zh'} filled`);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert.ok(overflow <= 0, `${step} at ${width}px scrolls sideways by ${overflow}px`);
        }
        assertNoProblems(page);
        await page.context().close();
      }
    }
  }
});
