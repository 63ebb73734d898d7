// The case after submission (docs/case-lifecycle.md), the applicant's browser and the
// registrar's console side by side: the operator accepts and returns a case with a reason on
// domicile.detail; the applicant sees it at the field, corrects, resubmits as the answer to that
// case; the operator sees what changed and approves; the receipt shows the verified e-licence
// with its credit code and green flags. A withdrawal before a decision ends another case. A case
// left untouched past a test-shortened limit shows red on both sides.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import * as jose from 'jose';
import os from 'node:os';
import path from 'node:path';
import { launch, serveApp, freeAppPort, startReceiver, emptyFolder, openWithApplication, openPage, assertNoProblems, axeViolations, screenshot, twoShareholderLlc, ROOT, DESKTOP, PHONE } from './support.mjs';
import { signEveryoneHere, fieldId } from './wizard.mjs';

const RECEIVED = path.join(ROOT, 'target/e2e/received-lifecycle');
const QUICK = path.join(ROOT, 'target/e2e/received-lifecycle-quick');
const TOKEN = 'e2e-operator-token-0123456789';
const env = {};

/// A receiver (with `extraArgs`) and the app submitting to it.
async function deployment(dataDir, extraArgs = []) {
  emptyFolder(dataDir);
  const port = await freeAppPort();
  const receiver = await startReceiver({ dataDir, allowOrigin: `http://127.0.0.1:${port}`, extraArgs: ['--operator-token', TOKEN, ...extraArgs] });
  const server = await serveApp({ port, config: { endpoint: receiver.url } });
  return { receiver, server, console: receiver.url.replace(/submissions$/, 'console') };
}

before(async () => {
  env.main = await deployment(RECEIVED);
  const config = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kaiban-limits-')), 'kaiban.config.json');
  fs.writeFileSync(config, JSON.stringify({ case: { limits: { acceptance: { seconds: 3 }, warningSeconds: 1 } } }));
  env.quick = await deployment(QUICK, ['--config', config]);
  env.browser = await launch();
});

after(async () => {
  await env.browser?.close();
  for (const d of [env.main, env.quick]) {
    await d?.server.close();
    d?.receiver.stop();
  }
});

function llc(name = '贵阳云栈科技有限公司') {
  const app = twoShareholderLlc();
  app.name.full = name;
  Object.assign(app.domicile, { proof: 'declaration', declaration_accepted: true });
  return app;
}

/// Signs `app` here and submits it; the page ends on the receipt. Returns the receipt number.
async function submitted(page) {
  await page.locator('h1', { hasText: '签名与提交' }).waitFor();
  await signEveryoneHere(page);
  await page.locator('#submit-application').click();
  await page.locator('.kb-panel-title', { hasText: '申请已提交' }).waitFor();
  await page.getByRole('button', { name: '查看回执和办理进度' }).click();
  return (await page.locator('#receipt-id').innerText()).trim();
}

/// The registrar's console, signed in with the operator token.
async function console_(where, viewport = DESKTOP) {
  const context = await env.browser.newContext({ viewport });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(m.text()); });
  await page.goto(where.console);
  await page.locator('#token').fill(TOKEN);
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('h1', { hasText: '案件' }).waitFor();
  return page;
}

async function act(operator, receipt, action, reasons = '') {
  await operator.goto(`${env.main.console}/cases/${receipt}`);
  await operator.locator('#action').selectOption(action);
  if (reasons) await operator.locator('#reasons').fill(reasons);
  await operator.getByRole('button', { name: '提交' }).click();
  await operator.locator('#done').waitFor();
}

async function refresh(page) {
  await page.getByRole('button', { name: '刷新进度' }).click();
}

test('returned with a reason on a field, corrected, approved: the verified e-licence and green flags', async () => {
  const page = await openWithApplication(env.browser, env.main.server.url, llc(), 'signing', DESKTOP);
  const first = await submitted(page);
  await page.locator('#status-timeline', { hasText: '已提交' }).waitFor();
  await page.locator('#case-clocks [data-flag="white"]').first().waitFor();
  // Deadlines in working days end at 24:00 Beijing time, whatever the device's time zone.
  assert.match(await page.locator('#case-clocks [data-clock="decision"] td').first().innerText(), /^\d{4}-\d\d-\d\d 24:00$/);

  const operator = await console_(env.main);
  await operator.locator(`#cases tr[data-receipt="${first}"]`).waitFor();
  assert.deepEqual(await axeViolations(operator), [], 'the console list (zh)');
  await act(operator, first, 'accept');
  await act(operator, first, 'start_review');
  await act(operator, first, 'return', 'domicile.detail: 详细地址缺少房间号 | The address lacks the room number');
  assert.equal(await operator.locator('#stage').innerText(), '退回修改');
  await screenshot(operator, 'console-case-returned');
  assert.deepEqual(await axeViolations(operator), [], 'the console case page (zh)');
  await operator.goto(`${env.main.console}/cases/${first}?lang=en`);
  assert.equal(await operator.locator('#stage').innerText(), 'Returned for correction');
  assert.deepEqual(await axeViolations(operator), [], 'the console case page (en)');
  await operator.goto(`${env.main.console}?lang=en`);
  assert.deepEqual(await axeViolations(operator), [], 'the console list (en)');

  // The applicant sees the reason, corrects the field it names, and resubmits.
  await refresh(page);
  await page.locator('#status-timeline', { hasText: '详细地址缺少房间号' }).waitFor();
  await page.getByRole('button', { name: '去修改：住所' }).click();
  await page.locator('h1', { hasText: '住所' }).waitFor();
  await page.locator('#correction-banner', { hasText: first }).waitFor();
  await page.locator(`#${fieldId('domicile.detail')}-message`, { hasText: '登记机关退回修改：详细地址缺少房间号' }).waitFor();
  await screenshot(page, 'correction-at-the-field-desktop');
  assert.deepEqual(await axeViolations(page), [], 'the returned step with its reasons (zh)');
  await page.locator(`#${fieldId('domicile.detail')}`).fill('长岭北路贵阳国际金融中心一期10号楼15层1502室');
  await page.evaluate(() => { location.hash = '#/signing'; });
  const second = await submitted(page);
  assert.notEqual(second, first);
  const stored = JSON.parse(fs.readFileSync(path.join(RECEIVED, second, 'package.jws.json'), 'utf8'));
  assert.equal(JSON.parse(Buffer.from(stored.payload, 'base64url')).corrects, first, 'the signed payload names the case it answers');
  await page.locator('#correction-banner').waitFor({ state: 'detached' });

  // The registrar sees what changed, and approves.
  await operator.goto(`${env.main.console}/cases/${second}`);
  assert.match(await operator.locator('#changes').innerText(), /domicile\.detail[\s\S]*1502室/);
  await act(operator, second, 'accept');
  await act(operator, second, 'start_review');
  await act(operator, second, 'approve');
  const code = (await operator.locator('#credit-code').innerText()).trim();
  assert.match(code, /^91520115MA[0-9A-HJ-NP-RTUW-Y]{7}[0-9A-HJ-NP-RTUW-Y]$/);

  await refresh(page);
  await page.locator('#licence-verified').waitFor();
  assert.match(await page.locator('#licence-card').innerText(), new RegExp(code));
  for (const flag of await page.locator('#case-clocks tbody [data-flag]').all()) assert.equal(await flag.getAttribute('data-flag'), 'green');
  await page.locator('#status-timeline', { hasText: '已发照' }).waitFor();
  await screenshot(page, 'licence-card-desktop');
  assert.deepEqual(await axeViolations(page), [], 'the timeline and licence card (zh)');
  await page.locator('.kb-lang').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.locator('#licence-verified', { hasText: 'Verified' }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'the timeline and licence card (en)');
  await page.locator('.kb-lang').click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载电子营业执照' }).click();
  const jws = fs.readFileSync(await (await download).path(), 'utf8');
  assert.equal(jws, fs.readFileSync(path.join(RECEIVED, second, 'licence.jws'), 'utf8'));

  // The QR code opens the licence, verified, on any device.
  const link = await page.locator('#licence-qr').getAttribute('data-link');
  const phone = await openPage(env.browser, link, PHONE);
  await phone.locator('#licence-verified').waitFor();
  assert.match(await phone.locator('#licence-card').innerText(), new RegExp(code));
  await screenshot(phone, 'licence-page-phone');
  assertNoProblems(phone);
  await phone.context().close();

  // An attacker who can change what the licence lookup returns (a proxy, a compromised mirror)
  // re-signs altered items with a fresh key under the authority's kid: the app says so.
  const file = path.join(RECEIVED, second, 'licence.jws');
  const honest = fs.readFileSync(file, 'utf8');
  const header = jose.decodeProtectedHeader(honest);
  const items = JSON.parse(Buffer.from(honest.split('.')[1], 'base64url'));
  const { privateKey } = await jose.generateKeyPair('ES256');
  const forged = await new jose.CompactSign(new TextEncoder().encode(JSON.stringify({ ...items, name: '冒名顶替有限公司' })))
    .setProtectedHeader(header).sign(privateKey);
  fs.writeFileSync(file, forged);
  try {
    const fooled = await openPage(env.browser, link, PHONE);
    await fooled.locator('#licence-forged').waitFor();
    assert.equal(await fooled.locator('#licence-verified').count(), 0);
    await fooled.context().close();
  } finally {
    fs.writeFileSync(file, honest);
  }
  assertNoProblems(page);
  await page.context().close();
  await operator.context().close();
});

test('a withdrawal before a decision ends the case, by keyboard at 320 px', async () => {
  const page = await openWithApplication(env.browser, env.main.server.url, llc('贵阳云栈软件有限公司'), 'signing', { width: 320, height: 720 });
  const receipt = await submitted(page);
  await page.locator('#withdraw-open').waitFor();
  assert.equal(await page.locator('#receipt-next').count(), 1, 'an undecided case says what happens next');
  await page.locator('#withdraw-open').focus();
  await page.keyboard.press('Enter');
  await page.locator('#withdraw-confirm').waitFor();
  assert.deepEqual(await axeViolations(page), [], 'the withdrawal form (zh)');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'withdraw-confirm', 'the confirmation comes next');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'withdraw-confirm-button');
  await page.keyboard.press('Enter');
  await page.locator('#status-timeline', { hasText: '已撤回' }).waitFor();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320), 'nothing wider than 320 px');
  assert.equal(await page.locator('#withdraw-open').count(), 0, 'a withdrawn case cannot be withdrawn again');
  assert.equal(await page.locator('#receipt-next').count(), 0, 'nor does the receipt still promise a review');
  // Nobody decided it, on time or late: the decision's clock reads stopped, not done on time.
  await page.locator('#case-clocks [data-clock="decision"] [data-flag="stopped"]', { hasText: '已撤回，停止计时' }).waitFor();
  await screenshot(page, 'withdrawn-phone');
  const operator = await console_(env.main);
  const row = operator.locator(`#cases tr[data-receipt="${receipt}"]`);
  assert.match(await row.innerText(), /已撤回/);
  assert.equal(await row.getAttribute('data-flag'), 'stopped');
  assertNoProblems(page);
  await page.context().close();
  await operator.context().close();
});

test('a case left untouched past its limit shows red to the applicant and the registrar', async () => {
  const page = await openWithApplication(env.browser, env.quick.server.url, llc('贵阳云栈数据有限公司'), 'signing', DESKTOP);
  const receipt = await submitted(page);
  await new Promise((r) => setTimeout(r, 4_000));
  await refresh(page);
  await page.locator('#case-clocks [data-clock="acceptance"] [data-flag="red"]', { hasText: '已超期' }).waitFor();
  const operator = await console_(env.quick);
  assert.equal(await operator.locator(`#cases tr[data-receipt="${receipt}"]`).getAttribute('data-flag'), 'red');
  await screenshot(operator, 'console-overdue');
  assertNoProblems(page);
  await page.context().close();
  await operator.context().close();
});
