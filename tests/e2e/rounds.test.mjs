// Signing by link (docs/signing-rounds.md), three browser contexts and the real receiver: the
// applicant of an LLC with three signers signs here and creates links; 李娜 opens hers on a
// phone, reads and signs; 王强 declines, the applicant replaces his link, the old one says so,
// and he signs with the new one by keyboard at 320 px; the applicant's page shows each change
// within a poll; the package is submitted and verifies independently. A link used after the
// application was edited says so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { appWithReceiver, allSaved, openWithApplication, openPage, assertNoProblems, axeViolations, screenshot, example, ROOT, DESKTOP, PHONE } from './support.mjs';

const RECEIVED = path.join(ROOT, 'target/e2e/received-rounds');
const NARROW = { width: 320, height: 640 };
const POLL = 8_000; // the page asks every 5 s: one poll and its answer (on 127.0.0.1), with room for a busy machine
const env = appWithReceiver({ before, after }, { received: RECEIVED });

/// The LLC example reduced to three signers: 张伟 (shareholder, sole director, manager, legal
/// representative), 李娜 (shareholder, supervisor), 王强 (finance officer and liaison).
function threeSignerLlc() {
  const app = example('llc');
  app.investors = app.investors.filter((i) => i.person_id !== 'o-qianyun');
  app.investors[1].subscribed_fen = 40_000_000;
  app.investors[1].contributions = [{ method: 'cash', amount_fen: 40_000_000, due_date: '2029-12-31', appraisal_ref: '' }];
  app.persons = app.persons.filter((p) => ['p-zhang', 'p-li', 'p-wang'].includes(p.id));
  app.beneficial_owners = { exemption_commitment: true, owners: [] };
  app.attachments = [];
  Object.assign(app.domicile, { proof: 'declaration', declaration_accepted: true });
  Object.assign(app.officers, {
    board_mode: 'single_director', directors: [{ person_id: 'p-zhang', executes_affairs: true }],
    supervision: 'single', supervisors: [{ person_id: 'p-li' }], manager_id: 'p-zhang', legal_representative_id: 'p-zhang',
  });
  app.finance_officer_id = 'p-wang';
  app.liaison_id = 'p-wang';
  return app;
}

/// The browser logs every refused request: the ones this test provokes are not problems.
function expectedRefusals(page, status) {
  page.problems = page.problems.filter((p) => !p.includes(`status of ${status}`));
}

const row = (page, name) => page.locator('.kb-signer', { hasText: name });
const linkOf = (page, name) => row(page, name).locator('.kb-signer-link-input').inputValue();

async function stateOf(page, name, text) {
  await row(page, name).locator('.kb-signer-link-state', { hasText: text }).waitFor({ timeout: POLL });
}

async function openSigningLinks(app, viewport = DESKTOP) {
  const page = await openWithApplication(env.browser, env.server.url, app, 'signing', viewport);
  await page.locator('h1', { hasText: '签名与提交' }).waitFor();
  await page.locator('#round-open').click();
  await row(page, '李娜').locator('.kb-signer-link-input').waitFor();
  return page;
}

async function signHere(page, name) {
  await row(page, name).getByRole('button', { name: /在本设备签名/ }).click();
  await page.locator('#sign-confirm').check();
  await row(page, name).getByRole('button', { name: '签名', exact: true }).click();
  await row(page, name).locator('.kb-signer-status', { hasText: '已签名' }).waitFor();
}

test('three signers: here, by link on a phone, declined then replaced and signed by keyboard; submitted and verified', async () => {
  const page = await openSigningLinks(threeSignerLlc());
  assert.match(await page.locator('#round-deadline').innerText(), /签名截止时间：\d{4}-\d\d-\d\d \d\d:\d\d/);
  await signHere(page, '张伟');
  const liLink = await linkOf(page, '李娜');
  const wangLink = await linkOf(page, '王强');
  assert.match(liLink, /#\/sign\?token=[0-9A-Z]{26}$/);
  assert.notEqual(liLink, wangLink);
  assert.doesNotMatch(liLink, /李|p-li|520/, 'no personal data in the link');
  await stateOf(page, '李娜', '链接尚未打开');
  await row(page, '李娜').getByRole('button', { name: '显示二维码' }).click();
  await row(page, '李娜').locator('.kb-qr svg').waitFor();
  await screenshot(page, 'rounds-dashboard-desktop');
  assert.deepEqual(await axeViolations(page), [], 'the signing page with links (zh)');
  await page.locator('.kb-lang').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await row(page, '李娜').locator('.kb-signer-link-state', { hasText: 'Link not opened yet' }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'the signing page with links (en)');
  await page.locator('.kb-lang').click();
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');

  // 李娜 on her phone: who asks, her roles, her documents; she signs.
  const li = await openPage(env.browser, liLink, PHONE);
  const lead = await li.locator('#sign-link-lead').innerText();
  assert.match(lead, /贵阳云栈科技有限公司（筹）的联络员王强请您以股东、监事身份签署以下申请。签名截止：\d{4}-\d\d-\d\d \d\d:\d\d$/);
  const documents = await li.locator('.kb-signer-document summary').allInnerTexts();
  assert.ok(documents.some((t) => t.endsWith('章程')), `李娜 reads the articles: ${documents}`);
  await stateOf(page, '李娜', '已打开链接');
  await screenshot(li, 'rounds-signer-phone');
  assert.deepEqual(await axeViolations(li), [], 'the signer\'s link page (zh)');
  await li.locator('.kb-lang').click();
  await li.waitForFunction(() => document.documentElement.lang === 'en');
  assert.match(await li.locator('#sign-link-lead').innerText(), /asks you, 李娜, to sign as shareholder, supervisor/i);
  assert.deepEqual(await axeViolations(li), [], 'the signer\'s link page (en)');
  await li.locator('.kb-lang').click();
  await li.locator('#link-sign-confirm').check();
  await li.locator('#link-sign').click();
  await li.locator('#sign-link-done').waitFor();
  assertNoProblems(li);
  await li.context().close();
  await row(page, '李娜').locator('.kb-signer-status', { hasText: '已签名' }).waitFor({ timeout: POLL });

  // 王强 declines; the applicant sees why and replaces his link.
  const wang = await openPage(env.browser, wangLink, PHONE);
  await wang.getByRole('button', { name: '拒绝签署' }).click();
  await wang.locator('#link-decline-reason').fill('注册资本写错了');
  await wang.locator('#link-decline-confirm').click();
  await wang.locator('#sign-link-declined').waitFor();
  await stateOf(page, '王强', /已拒绝签署.*注册资本写错了/);
  await row(page, '王强').getByRole('button', { name: /更换链接/ }).click();
  await page.waitForFunction((old) => document.querySelector('#round-link-f-p-wang')?.value !== old, wangLink);
  const newLink = await linkOf(page, '王强');
  await stateOf(page, '王强', '链接尚未打开');
  await wang.reload();
  await wang.locator('[role=alert]', { hasText: '此链接已被新的链接取代' }).waitFor();
  expectedRefusals(wang, 410);
  assertNoProblems(wang);
  await wang.context().close();

  // The new link, by keyboard only, at 320 px.
  const again = await openPage(env.browser, newLink, NARROW);
  await again.locator('#link-sign-confirm').waitFor();
  const overflow = await again.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the signer's page at 320 px scrolls sideways by ${overflow}px`);
  await again.locator('#link-sign-confirm').focus();
  await again.keyboard.press('Space');
  await again.keyboard.press('Tab');
  assert.equal(await again.evaluate(() => document.activeElement.id), 'link-sign');
  await again.keyboard.press('Enter');
  await again.locator('#sign-link-done').waitFor();
  await screenshot(again, 'rounds-signer-320');
  assertNoProblems(again);
  await again.context().close();
  await row(page, '王强').locator('.kb-signer-status', { hasText: '已签名' }).waitFor({ timeout: POLL });

  // Submitted; the package verifies on its own.
  await page.locator('#submit-application').click();
  await page.locator('.kb-panel-title', { hasText: '申请已提交' }).waitFor();
  await page.getByRole('button', { name: '查看回执和办理进度' }).click();
  const receipt = (await page.locator('#receipt-id').innerText()).trim();
  const verified = execFileSync(path.join(ROOT, 'target/debug/kaiban-verify'), ['verify', path.join(RECEIVED, receipt, 'package.jws.json')], { encoding: 'utf8' });
  assert.match(verified, /package valid: 3 signatures/);
  assertNoProblems(page);
  await page.context().close();
});

test('a link opened after the application was edited says so', async () => {
  const page = await openSigningLinks(threeSignerLlc());
  const liLink = await linkOf(page, '李娜');
  const li = await openPage(env.browser, liLink, PHONE);
  await li.locator('#link-sign-confirm').waitFor();
  // The applicant changes the number of employees: the payload changes, the round is void.
  await page.evaluate(() => { location.hash = '#/officers'; });
  await page.locator('#f-officers-employee_count').fill('26');
  await allSaved(page);
  await page.evaluate(() => { location.hash = '#/signing'; });
  await page.locator('#round-open').waitFor();
  await li.reload();
  await li.locator('[role=alert]', { hasText: '申请人在发出此链接后修改了申请' }).waitFor();
  await li.locator('.kb-lang').click();
  await li.locator('[role=alert]', { hasText: 'The applicant changed the application' }).waitFor();
  expectedRefusals(li, 410);
  assertNoProblems(li);
  assertNoProblems(page);
  await li.context().close();
  await page.context().close();
});
