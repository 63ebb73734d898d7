// 开办套餐: an LLC takes every service filed with the registration (seals, tax and invoices,
// social insurance, the housing fund, a bank appointment), filled from what it already entered;
// each rule's message shows at its field and in the error summary; the step passes axe in both
// languages; the package reaches the receiver with the bundle section, the receipt shows each
// service on a line of its own, and an operator's change to one appears in the timeline. The
// step is also completed by keyboard alone at 320 px; a sole proprietorship leaves every service.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { appWithReceiver, openWithApplication, assertNoProblems, axeViolations, screenshot, twoShareholderLlc, example, ROOT, DESKTOP, PHONE } from './support.mjs';
import { field, fieldId, signEveryoneHere } from './wizard.mjs';

const RECEIVED = path.join(ROOT, 'target/e2e/received-bundle');
const NARROW = { width: 320, height: 640 };
const env = appWithReceiver({ before, after }, { received: RECEIVED });

/// A week from today, moved off a weekend: an appointment the rules accept.
function appointmentDay() {
  const day = new Date();
  day.setDate(day.getDate() + 7);
  while ([0, 6].includes(day.getDay())) day.setDate(day.getDate() + 1);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

function nextMonth() {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() + 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

function llc() {
  const app = twoShareholderLlc();
  Object.assign(app.domicile, { proof: 'declaration', declaration_accepted: true });
  return app;
}

const take = (page, service) => page.locator(`#${fieldId(`bundle.${service}`)}`).check();
const message = (page, p) => page.locator(`#${fieldId(p)}-message`);

test('an LLC takes every service: messages at the field and in the summary, axe in zh and en, filed, accepted, each service on the receipt', async () => {
  const page = await openWithApplication(env.browser, env.server.url, llc(), 'bundle', DESKTOP);
  await page.locator('h1', { hasText: '开办套餐' }).waitFor();
  for (const service of ['seals', 'tax', 'social_insurance', 'housing_fund', 'bank']) {
    assert.equal(await page.locator(`#${fieldId(`bundle.${service}`)}`).isChecked(), false, `${service} starts not taken`);
  }

  // Seals: the company's set is chosen already; an invoice seal needs the tax registration.
  await take(page, 'seals');
  await page.locator('#bundle-free-seals').waitFor();
  assert.equal(await page.locator(`#${fieldId('bundle.seals.kinds')}-legal_representative`).isChecked(), true);
  await page.locator(`#${fieldId('bundle.seals.kinds')}-invoice`).check();
  await message(page, 'bundle.seals.kinds').filter({ hasText: '发票专用章用于开具发票' }).waitFor();
  await field(page, 'bundle.seals.engraver').selectOption({ label: '筑城印章刻制有限公司（演示）' });

  // Tax: the finance officer deals with the tax office; a general taxpayer declares its accounts.
  await take(page, 'tax');
  await message(page, 'bundle.seals.kinds').waitFor({ state: 'detached' });
  assert.equal(await field(page, 'bundle.tax.tax_officer_id').inputValue(), 'p-chen');
  await page.locator(`[name="${fieldId('bundle.tax.taxpayer')}"][value="general"]`).check();
  await field(page, 'bundle.tax.real_name_confirmed').check();

  // Social insurance and the housing fund share the employees, asked once.
  await take(page, 'social_insurance');
  await take(page, 'housing_fund');
  assert.equal(await page.locator('#bundle-employees').count(), 1);
  await field(page, 'bundle.employees.now').check();
  await field(page, 'bundle.employees.count').fill('5');
  await field(page, 'bundle.employees.start_month').fill(nextMonth());
  await field(page, 'bundle.housing_fund.rate_percent').fill('13');
  await field(page, 'bundle.housing_fund.rate_percent').blur();
  await message(page, 'bundle.housing_fund.rate_percent').filter({ hasText: '5%至12%' }).waitFor();

  await take(page, 'bank');
  await field(page, 'bundle.bank.bank').selectOption('ICBC');
  await field(page, 'bundle.bank.branch').selectOption('ICBC-DEMO-GSH');
  await field(page, 'bundle.bank.date').fill(appointmentDay());
  assert.equal(await field(page, 'bundle.bank.operators').isChecked(), true, 'the legal representative operates the account');

  // Continue with errors: the summary lists them, each linked to its field.
  await page.getByRole('button', { name: '继续', exact: true }).click();
  const summary = page.locator('.kb-error-summary');
  await summary.filter({ hasText: '住房公积金缴存比例应在5%至12%之间' }).waitFor();
  await summary.filter({ hasText: '《增值税一般纳税人登记管理办法》第四条' }).waitFor();
  await field(page, 'bundle.tax.accounting_sound').check();
  await field(page, 'bundle.housing_fund.rate_percent').fill('12');
  await screenshot(page, 'bundle-desktop');
  assert.deepEqual(await axeViolations(page), [], 'the bundle step (zh)');
  await page.locator('.kb-lang').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.locator('h2', { hasText: 'Seal engraving' }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'the bundle step (en)');
  await page.setViewportSize(PHONE);
  await screenshot(page, 'bundle-phone-en');
  await page.setViewportSize(DESKTOP);
  await page.locator('.kb-lang').click();
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');

  await page.getByRole('button', { name: '继续', exact: true }).click();
  await page.locator('h1', { hasText: '核对信息' }).waitFor();
  const review = await page.locator('main').innerText();
  for (const line of ['印章刻制', '一般纳税人', '现有职工5人', '缴存比例12%', '中国工商银行观山湖支行（演示）']) {
    assert.ok(review.includes(line), `the review says ${line}`);
  }
  await page.evaluate(() => { location.hash = '#/documents'; });
  const form = page.locator('article.kb-document', { hasText: '公司登记（备案）申请书' }).first();
  await form.waitFor();
  assert.match(await form.innerText(), /附表 一并办理事项（开办套餐）[\s\S]*银行预约开户：中国工商银行观山湖支行/);

  await page.evaluate(() => { location.hash = '#/signing'; });
  await page.locator('h1', { hasText: '签名与提交' }).waitFor();
  await signEveryoneHere(page);
  await page.locator('#submit-application').click();
  await page.locator('.kb-panel-title', { hasText: '申请已提交' }).waitFor();
  await page.getByRole('button', { name: '查看回执和办理进度' }).click();
  const receipt = (await page.locator('#receipt-id').innerText()).trim();
  const jws = JSON.parse(fs.readFileSync(path.join(RECEIVED, receipt, 'package.jws.json'), 'utf8'));
  const payload = JSON.parse(Buffer.from(jws.payload, 'base64url').toString('utf8'));
  assert.deepEqual(Object.keys(payload.bundle).sort(), ['bank', 'housing_fund', 'seals', 'social_insurance', 'tax']);
  assert.equal(payload.bundle.seals.legal_representative.name, '张伟');
  assert.equal(payload.bundle.seals.tax_officer, undefined, 'the engraver learns nothing it does not need');
  const lines = page.locator('#service-status li');
  await lines.first().waitFor();
  assert.equal(await lines.count(), 5);
  assert.match(await lines.first().innerText(), /印章刻制\s*已申请/);

  // The engraver reports the seals done: the timeline shows it.
  execFileSync(path.join(ROOT, 'target/debug/kaiban-verify'), ['service', '--data-dir', RECEIVED, receipt, 'seals', 'done', '--detail', '随执照寄出']);
  await page.getByRole('button', { name: '刷新进度' }).click();
  await page.locator('#status-timeline li[data-service="seals"]', { hasText: '印章刻制：印章已刻制' }).waitFor();
  await page.locator('#service-status li[data-service="seals"][data-state="done"]', { hasText: '随执照寄出' }).waitFor();
  await screenshot(page, 'bundle-receipt-desktop');
  assertNoProblems(page);
  await page.context().close();
});

test('the step by keyboard alone at 320 px; a sole proprietorship leaves every service', async () => {
  const page = await openWithApplication(env.browser, env.server.url, llc(), 'bundle', NARROW);
  await page.locator('h1', { hasText: '开办套餐' }).waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the bundle step at 320 px scrolls sideways by ${overflow}px`);
  const tabTo = async (selector) => {
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
    }
    throw new Error(`Tab never reached ${selector}`);
  };
  await tabTo(`#${fieldId('bundle.seals')}`);
  await page.keyboard.press('Space');
  await tabTo(`#${fieldId('bundle.seals.engraver')}`);
  await page.keyboard.press('ArrowDown');
  assert.equal(await field(page, 'bundle.seals.engraver').inputValue(), 'DEMO-SEAL-1');
  await screenshot(page, 'bundle-keyboard-320');
  await tabTo('main form button[type=submit]');
  await page.keyboard.press('Enter');
  await page.locator('h1', { hasText: '核对信息' }).waitFor();
  assert.match(await page.locator('main').innerText(), /印章刻制[\s\S]*公章、财务专用章、合同专用章、法定代表人名章/);
  assertNoProblems(page);
  await page.context().close();

  const sole = await openWithApplication(env.browser, env.server.url, example('sole_proprietorship'), 'bundle', PHONE);
  await sole.locator('h1', { hasText: '开办套餐' }).waitFor();
  await sole.getByRole('button', { name: '继续', exact: true }).click();
  await sole.locator('h1', { hasText: '核对信息' }).waitFor();
  assert.match(await sole.locator('main').innerText(), /开办套餐\s*不办理/);
  assert.equal(await sole.locator(`#${fieldId('bundle.seals.kinds')}-legal_representative`).count(), 0);
  assertNoProblems(sole);
  await sole.context().close();
});
