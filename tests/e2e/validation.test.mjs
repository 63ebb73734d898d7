// The specific mistakes the registrar would reject, caught in the shared.browser with the law
// cited, linked from the error summary, and focus on the summary.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { sharedBrowserAndApp, openPage, openWithApplication, assertNoProblems, screenshot, ROOT, DESKTOP, PHONE } from './support.mjs';
import { fieldId, field, fill, radio, tick, next, heading, personPath } from './wizard.mjs';

const shared = sharedBrowserAndApp({ before, after });

function openWithDraft(app, step, viewport = DESKTOP) {
  return openWithApplication(shared.browser, shared.server.url, app, step, viewport);
}

function example(type) {
  return JSON.parse(fs.readFileSync(path.join(ROOT, `crates/kaiban-core/examples/applications/${type}.json`), 'utf8'));
}

async function continueWithErrors(page) {
  await page.locator('main form button[type=submit]').first().click();
  const summary = page.locator('.kb-error-summary');
  await summary.waitFor();
  await page.waitForFunction(() => document.activeElement?.classList.contains('kb-error-summary'));
  return summary;
}

async function assertLinkedError(page, summary, path, message) {
  const link = summary.locator(`a[href="#${fieldId(path)}"]`);
  assert.match(await link.innerText(), message, `summary link for ${path}`);
  await link.click();
  const focused = await page.evaluate(() => document.activeElement?.id);
  assert.equal(focused, fieldId(path), 'the summary link moves focus to the field');
}

test('a wrong check digit in an identity number is explained at the field and in the summary', async () => {
  const app = example('llc');
  const page = await openWithDraft(app, 'investors');
  assert.equal(await heading(page), '投资人');
  const idNumber = `persons[${app.persons[0].id}].id_number`;
  await fill(page, idNumber, '520115199003071230');
  const inline = page.locator(`#${fieldId(idNumber)}-message`);
  assert.match(await inline.innerText(), /校验位不正确：按前面各位计算应为“8”，填写的是“0”/);
  assert.equal(await field(page, idNumber).getAttribute('aria-invalid'), 'true');
  const describedby = await field(page, idNumber).getAttribute('aria-describedby');
  assert.ok(describedby.includes(`${fieldId(idNumber)}-message`));
  const summary = await continueWithErrors(page);
  await screenshot(page, 'error-id-check-digit-desktop');
  await assertLinkedError(page, summary, idNumber, /身份证号码有误/);
  assert.equal(await heading(page), '投资人', 'errors block Continue');
  await page.getByRole('button', { name: 'Switch to English' }).click();
  assert.match(await inline.innerText(), /check character is wrong: the other characters give “8”, not “0”/);
  assertNoProblems(page);
  await page.context().close();
});

test('contributions that do not add up to the capital, and a due date beyond five years', async () => {
  const app = example('llc');
  const page = await openWithDraft(app, 'capital', PHONE);
  await fill(page, 'capital.registered_fen', '120');
  await fill(page, 'investors[1].contributions[0].due_date', '2035-01-01');
  const summary = await continueWithErrors(page);
  await screenshot(page, 'error-capital-phone');
  await assertLinkedError(page, summary, 'capital.registered_fen', /合计100万元，与注册资本120万元不一致.*第四十七条/);
  await assertLinkedError(page, summary, 'investors[1].contributions[0].due_date', /五年内缴足.*2035-01-01.*第四十七条/);
  assert.match(await page.locator('.kb-table tfoot').innerText(), /注册资本 120/);
  assertNoProblems(page);
  await page.context().close();
});

test('a supervisor who is also a director is refused', async () => {
  const app = example('llc');
  app.officers.supervisors[0].person_id = app.officers.directors[1].person_id;
  const page = await openWithDraft(app, 'officers');
  const summary = await continueWithErrors(page);
  await assertLinkedError(page, summary, 'officers.supervisors[0].person_id', /“李娜”已担任董事.*不得兼任监事.*第七十六条/);
  assertNoProblems(page);
  await page.context().close();
});

test('a one-character trade name is refused; warnings do not block', async () => {
  const app = example('llc');
  const page = await openWithDraft(app, 'name');
  await fill(page, 'name.full', '贵阳云科技有限公司');
  const summary = await continueWithErrors(page);
  await assertLinkedError(page, summary, 'name.full', /字号应当由两个以上汉字组成.*“云”.*第八条/);
  assert.match(await page.locator('.kb-name-parts').innerText(), /字号\s*云/);
  await fill(page, 'name.full', '贵阳云栈有限公司');
  assert.match(await page.locator(`#${fieldId('name.full')}-message`).innerText(), /没有识别出行业/);
  await next(page);
  assert.equal(await heading(page), '住所', 'a warning alone does not block Continue');
  assertNoProblems(page);
  await page.context().close();
});

test('the review page links each answer back and returns there', async () => {
  const app = example('general_partnership');
  const page = await openWithDraft(app, 'review');
  assert.equal(await heading(page), '核对信息');
  assert.equal(await page.locator('.kb-review-title', { hasText: '签名与提交' }).count(), 0, 'only answer sections are listed');
  await page.locator('.kb-summary-row', { hasText: '企业名称' }).getByRole('button', { name: /修改/ }).click();
  assert.equal(await heading(page), '企业名称');
  await fill(page, 'name.full', '贵阳明远管理咨询合伙企业（普通合伙）');
  await next(page);
  assert.equal(await heading(page), '核对信息', 'Continue after a change returns to the review');
  assert.match(await page.locator('.kb-summary-row', { hasText: '企业名称' }).innerText(), /明远管理咨询/);
  await screenshot(page, 'review-desktop');
  await page.emulateMedia({ media: 'print' });
  await screenshot(page, 'review-print');
  assertNoProblems(page);
  await page.context().close();
});

test('a sole proprietorship can be completed with the keyboard alone', async () => {
  const app = example('sole_proprietorship');
  const page = await openPage(shared.browser, shared.server.url, DESKTOP);
  const tabTo = async (selector) => {
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
    }
    throw new Error(`Tab never reached ${selector}`);
  };
  const typeInto = async (path, text) => {
    await tabTo(`#${fieldId(path)}`);
    await page.keyboard.type(String(text));
  };
  const submit = async () => {
    const before = await heading(page);
    await tabTo('main form button[type=submit]');
    await page.keyboard.press('Enter');
    await page.waitForFunction((b) => document.querySelector('h1')?.innerText.trim() !== b, before, { timeout: 5000 }).catch(async () => {
      throw new Error(`could not leave "${before}": ${await page.locator('.kb-error-summary').innerText().catch(() => '')}`);
    });
  };
  await tabTo('.kb-button-start');
  await page.keyboard.press('Enter');
  await tabTo('#entity-llc');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  assert.equal(await page.locator('#entity-sole_proprietorship').isChecked(), true);
  await submit();
  await typeInto('name.full', app.name.full);
  await tabTo(`#${fieldId('name.self_declaration_accepted')}`);
  await page.keyboard.press('Space');
  await submit();
  // The place by search (花溪区's pinyin), then its first street from the select.
  await tabTo('#place-search');
  await page.keyboard.type('huaxi');
  await tabTo('.kb-place-matches button');
  assert.match(await page.evaluate(() => document.activeElement.innerText), /花溪区/);
  await page.keyboard.press('Enter');
  assert.equal(await field(page, 'domicile.division_code').inputValue(), '520111');
  await tabTo(`#${fieldId('domicile.township_code')}`);
  // Its streets arrive with Guizhou's chunk, fetched when the county was found.
  await page.locator(`[data-path="domicile.township_code"] option[value^="520111"]`).first().waitFor({ state: 'attached' });
  await page.keyboard.press('ArrowDown');
  assert.match(await field(page, 'domicile.township_code').inputValue(), /^520111\d{3}$/);
  await typeInto('domicile.detail', app.domicile.detail);
  await tabTo(`#${fieldId('domicile.declaration_accepted')}`);
  await page.keyboard.press('Space');
  await submit();
  for (const { code } of app.business_scope.items) {
    await tabTo('#scope-search');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(code === 'G013' ? '信息技术咨询服务' : '社会经济咨询服务');
    await tabTo('#scope-results button');
    await page.keyboard.press('Enter');
  }
  await submit();
  const p = app.persons[0];
  await typeInto(await personPath(page, 0, 'id_number'), p.id_number);
  await typeInto(await personPath(page, 0, 'name'), p.name);
  await typeInto(await personPath(page, 0, 'mobile'), p.mobile);
  await submit();
  await typeInto('capital.registered_fen', '10');
  await typeInto('investors[0].subscribed_fen', '10');
  await submit();
  await tabTo(`#${fieldId('finance_officer_id')}`);
  await page.keyboard.press('ArrowDown');
  await tabTo(`#${fieldId('liaison_id')}`);
  await page.keyboard.press('ArrowDown');
  await submit(); // contacts
  await submit(); // attachments
  await submit(); // delivery
  await submit(); // the bundle, none taken
  assert.equal(await heading(page), '核对信息');
  await tabTo('main .kb-actions .kb-button:not(.kb-button-secondary)');
  await page.keyboard.press('Enter');
  await tabTo(`#${fieldId('declaration.truthful')}`);
  await page.keyboard.press('Space');
  await tabTo(`#${fieldId('declaration.no_disqualification')}`);
  await page.keyboard.press('Space');
  await tabTo('main form button[type=submit]');
  await page.keyboard.press('Enter');
  await page.locator('h1', { hasText: '签名与提交' }).waitFor();
  const produced = JSON.parse(await page.locator('#application-json').textContent());
  assert.equal(produced.name.full, app.name.full);
  assert.equal(produced.domicile.division_code, '520111');
  assert.deepEqual(produced.business_scope.items, app.business_scope.items);
  assert.equal(produced.finance_officer_id, produced.investors[0].person_id);
  assertNoProblems(page);
  await page.context().close();
});
