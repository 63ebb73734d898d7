// A deployment that serves the app and the receiver from one origin (nginx proxying /api/ to
// the backend, as the README's example endpoint does): the service worker must send the
// submission and every status poll to the network, so a registrar's decision reaches the
// receipt page at the next poll instead of a cached first answer being shown forever.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { appWithReceiver, axeViolations, controlledByServiceWorker, openPage, openWithApplication, assertNoProblems, screenshot, example, ROOT, DESKTOP, PHONE } from './support.mjs';
import { signEveryoneHere } from './wizard.mjs';

const RECEIVED = path.join(ROOT, 'target/e2e/received-same-origin');
const VERIFY = path.join(ROOT, 'target/debug/kaiban-verify');
const env = appWithReceiver({ before, after }, { received: RECEIVED, sameOrigin: true });

test('same-origin endpoint: the submission and the status polls bypass the service worker, a status change shows within one poll', async () => {
  const page = await openWithApplication(env.browser, env.server.url, example('one_person_llc'), 'signing', PHONE);
  await controlledByServiceWorker(page);
  const polls = [];
  page.on('requestfinished', async (request) => {
    if (!request.url().includes('/api/submissions/')) return;
    const response = await request.response();
    polls.push({ fromServiceWorker: response.fromServiceWorker(), status: response.status() });
  });
  await signEveryoneHere(page);
  await page.locator('#submit-application').click();
  await page.locator('.kb-panel-title', { hasText: '申请已提交' }).waitFor();
  await page.getByRole('button', { name: '查看回执和办理进度' }).click();
  const receipt = (await page.locator('#receipt-id').innerText()).trim();
  await page.locator('#status-timeline', { hasText: '已提交' }).waitFor();
  assert.ok(fs.existsSync(path.join(RECEIVED, receipt, 'package.jws.json')), 'stored through the same-origin proxy');

  execFileSync(VERIFY, ['status', '--data-dir', RECEIVED, receipt, 'accept', 'start_review', 'return', '--reason', 'domicile.detail: 请补充门牌号']);
  // The page polls every 15 s: the change must arrive at the next poll, without a click.
  await page.locator('#status-timeline', { hasText: '请补充门牌号' }).waitFor({ timeout: 20_000 });
  await screenshot(page, 'receipt-same-origin-phone');
  assert.ok(polls.length >= 2, `status was polled: ${JSON.stringify(polls)}`);
  assert.ok(polls.every((p) => p.status === 200 && !p.fromServiceWorker), `every poll reached the receiver: ${JSON.stringify(polls)}`);

  // The receipt's QR code holds the link that opens the case on another device.
  const link = await page.locator('#receipt-qr').getAttribute('data-link');
  assert.match(link, new RegExp(`^${env.server.url}#/case\\?receipt=${receipt}&token=[0-9A-Z]{26}$`));
  assertNoProblems(page);
  await page.context().close();
  for (const viewport of [PHONE, DESKTOP]) {
    const other = await openPage(env.browser, link, viewport);
    await other.locator('h1', { hasText: '办理进度查询' }).waitFor();
    await other.locator('#status-timeline', { hasText: '请补充门牌号' }).waitFor();
    assert.equal(await other.locator('#receipt-id').innerText(), receipt);
    assert.equal(await other.locator('#correct-and-resubmit').count(), 0, 'another device cannot reopen the draft');
    assert.deepEqual(await axeViolations(other), []);
    await screenshot(other, `case-page-${viewport === PHONE ? 'phone' : 'desktop'}`);
    assertNoProblems(other);
    await other.context().close();
  }
  // A guessed or mistyped token learns nothing.
  const wrong = await openPage(env.browser, link.replace(/token=[0-9A-Z]+/, 'token=00000000000000000000000000'), PHONE);
  await wrong.locator('.kb-warning-message', { hasText: '找不到这个案件' }).waitFor();
  wrong.problems = wrong.problems.filter((p) => !p.includes('404'));
  assertNoProblems(wrong);
  await wrong.context().close();
});
