// Sign and submit: two shareholders, the second signing on another device through files;
// delivery to the reference receiver with an attachment; receipt and status; offline
// queueing that delivers exactly once; and an independent JOSE check of every signature.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import * as jose from 'jose';
import { appWithReceiver, controlledByServiceWorker, openWithApplication, assertNoProblems, screenshot, example, twoShareholderLlc, uploadLease, openRequestElsewhere, signElsewhereAndBringBack, ROOT, DESKTOP, PHONE } from './support.mjs';

const RECEIVED = path.join(ROOT, 'target/e2e/received');
const VERIFY = path.join(ROOT, 'target/debug/kaiban-verify');
const env = appWithReceiver({ before, after }, { received: RECEIVED });

async function uploadLeaseThenOpenSigning(page) {
  await uploadLease(page);
  await page.evaluate(() => { location.hash = '#/signing'; });
  await page.locator('h1', { hasText: '签名与提交' }).waitFor();
}

async function signHere(page, name) {
  const row = page.locator('.kb-signer', { hasText: name });
  await row.getByRole('button', { name: /在本设备签名/ }).click();
  await page.locator('#sign-confirm').check();
  await row.getByRole('button', { name: '签名', exact: true }).click();
  await row.locator('.kb-signer-status', { hasText: '已签名' }).waitFor();
}

function receivedCases() {
  return fs.readdirSync(RECEIVED).filter((d) => !d.startsWith('.'));
}

test('two shareholders sign, one on another device; the package reaches the receiver and verifies independently', async () => {
  const app = twoShareholderLlc();
  const page = await openWithApplication(env.browser, env.server.url, app, 'signing', DESKTOP);
  await uploadLeaseThenOpenSigning(page);
  const names = ['张伟', '王强', '赵敏', '陈静'];
  for (const name of names) await signHere(page, name);
  assert.equal(await page.locator('.kb-signer', { hasText: '李娜' }).locator('.kb-hint').innerText(), '股东、董事', 'a shareholder signs as one');

  const remote = await openRequestElsewhere(page, '李娜', env.browser, env.server.url, PHONE);
  assert.match(await remote.locator('main').innerText(), /李娜，请您以股东、董事身份签署以下申请/);
  await screenshot(remote, 'remote-sign-request-phone');
  await signElsewhereAndBringBack(page, remote, '李娜');
  await screenshot(page, 'signing-all-signed-desktop');
  await page.locator('#submit-application').click();
  await page.locator('.kb-panel-title', { hasText: '申请已提交' }).waitFor();
  await page.getByRole('button', { name: '查看回执和办理进度' }).click();
  const receipt = (await page.locator('#receipt-id').innerText()).trim();
  await page.locator('#status-timeline', { hasText: '已提交' }).waitFor();

  const folder = path.join(RECEIVED, receipt);
  const packageJson = JSON.parse(fs.readFileSync(path.join(folder, 'package.jws.json'), 'utf8'));
  assert.equal(packageJson.signatures.length, 5);
  assert.equal(fs.readdirSync(path.join(folder, 'attachments')).length, 1);
  execFileSync(VERIFY, ['verify', path.join(folder, 'package.jws.json'), '--attachments', path.join(folder, 'attachments')]);

  // Independent check with jose: every entry verifies on its own, with the key in its header.
  const payload = JSON.parse(Buffer.from(packageJson.payload, 'base64url').toString('utf8'));
  const signers = new Set();
  for (const entry of packageJson.signatures) {
    const header = JSON.parse(Buffer.from(entry.protected, 'base64url').toString('utf8'));
    assert.equal(header.alg, 'ES256');
    assert.equal(header.kid, await jose.calculateJwkThumbprint(header.jwk, 'sha256'));
    const key = await jose.importJWK(header.jwk, 'ES256');
    await jose.flattenedVerify({ protected: entry.protected, payload: packageJson.payload, signature: entry.signature }, key);
    signers.add(header.kaiban_signer);
  }
  assert.deepEqual([...signers].sort(), payload.required_signers.map((s) => s.person_id).sort());

  execFileSync(VERIFY, ['status', '--data-dir', RECEIVED, receipt, 'accept', 'start_review', 'return', '--reason', 'domicile.detail: 住所地址与租赁合同不一致，请更正']);
  await page.getByRole('button', { name: '刷新进度' }).click();
  await page.locator('#status-timeline', { hasText: '住所地址与租赁合同不一致' }).waitFor();
  await screenshot(page, 'receipt-desktop');
  await page.getByRole('button', { name: '去修改：住所' }).click();
  await page.locator('h1', { hasText: '住所' }).waitFor();
  assert.equal(await page.locator('.kb-step-content').getAttribute('inert'), null, 'the returned application can be corrected');
  await page.locator('#f-domicile-detail').fill('长岭北路贵阳国际金融中心一期10号楼15层1502室');
  await page.evaluate(() => { location.hash = '#/signing'; });
  await page.locator('h1', { hasText: '签名与提交' }).waitFor();
  assert.equal(await page.locator('.kb-signer-status', { hasText: '已签名' }).count(), 0, 'the correction voids every signature');
  assertNoProblems(page);
  await page.context().close();
});

test('submitting offline queues the package; back online it is delivered exactly once, even after a reload', async () => {
  const before = receivedCases().length;
  const app = example('one_person_llc');
  const page = await openWithApplication(env.browser, env.server.url, app, 'signing', PHONE);
  await controlledByServiceWorker(page);
  for (const name of ['刘洋', '孙丽', '周杰']) await signHere(page, name);
  await page.context().setOffline(true);
  await page.locator('#submit-application').click();
  await page.locator('.kb-panel-title', { hasText: '已排队' }).waitFor();
  await screenshot(page, 'submission-queued-phone');
  await page.reload();
  await page.locator('.kb-panel-title', { hasText: '已排队' }).waitFor();
  assert.equal(receivedCases().length, before, 'nothing was sent while offline');
  await page.context().setOffline(false);
  await page.locator('.kb-panel-title', { hasText: '申请已提交' }).waitFor({ timeout: 30_000 });
  await page.reload();
  await page.locator('.kb-panel-title', { hasText: '申请已提交' }).waitFor();
  assert.equal(receivedCases().length, before + 1, 'exactly one package stored');
  assertNoProblems(page);
  await page.context().close();
});
