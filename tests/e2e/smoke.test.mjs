// Walking skeleton: start, choose a type, forward and back, reload, switch language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowserAndApp, openPage, assertNoProblems, screenshot, heading, PHONE, DESKTOP } from './support.mjs';

const shared = sharedBrowserAndApp({ before, after });

test('a new applicant can choose a type, move back and forth, reload and switch to English', async () => {
  const page = await openPage(shared.browser, shared.server.url, DESKTOP);
  assert.equal(await heading(page), '在线开办企业');
  await page.getByRole('button', { name: '开始申请' }).click();
  assert.equal(await heading(page), '您要设立哪种类型的企业？');

  await page.getByRole('button', { name: '继续' }).click();
  const summary = page.locator('.kb-error-summary');
  await summary.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'kb-error-summary');
  assert.match(await summary.innerText(), /请选择要设立的企业类型/);
  assert.equal(await page.locator('#entity-llc').getAttribute('aria-invalid'), 'true');

  await page.getByLabel('有限责任公司', { exact: false }).first().check();
  await page.getByRole('button', { name: '继续' }).click();
  assert.equal(await heading(page), '企业名称');
  assert.match(page.url(), /#\/name$/);

  await page.goBack();
  assert.equal(await heading(page), '您要设立哪种类型的企业？');
  assert.equal(await page.locator('#entity-llc').isChecked(), true, 'the choice survives Back');
  await page.goForward();
  assert.equal(await heading(page), '企业名称');

  await page.reload();
  await page.locator('h1').first().waitFor();
  assert.equal(await heading(page), '企业名称', 'a reload stays on the same step');
  // The copy of the last screen (src/prerendered/resume_view.rs) gives way to the live page.
  await page.waitForFunction(() => !document.querySelector('.kb-prerendered .kb-progress'));
  assert.match(await page.locator('.kb-progress').innerText(), /注册资本与出资/);

  await page.getByRole('button', { name: 'Switch to English' }).click();
  assert.equal(await heading(page), 'Business name');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.reload();
  await page.locator('h1').first().waitFor();
  assert.equal(await heading(page), 'Business name', 'the language choice persists');
  assertNoProblems(page);
  await page.context().close();
});

test('the shell looks right on a phone and on a desktop', async () => {
  for (const [label, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
    const page = await openPage(shared.browser, shared.server.url, viewport);
    await screenshot(page, `shell-start-${label}`);
    await page.getByRole('button', { name: '开始申请' }).click();
    await page.getByRole('button', { name: '继续' }).click();
    await page.locator('.kb-error-summary').waitFor();
    await screenshot(page, `shell-entity-type-error-${label}`);
    await page.locator('#entity-one_person_llc').check();
    await page.getByRole('button', { name: '继续' }).click();
    await page.locator('h1', { hasText: '企业名称' }).waitFor();
    await screenshot(page, `shell-step-2-${label}`);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.locator('h1', { hasText: 'Business name' }).waitFor();
    await screenshot(page, `shell-step-2-en-${label}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${label}: the page scrolls sideways by ${overflow}px`);
    assertNoProblems(page);
    await page.context().close();
  }
});
