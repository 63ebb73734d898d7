// A deployment's own business-scope catalogue: docs/examples/zunyi-scope.csv (the example a
// district copies), served from the district's data host and named with its SHA-256 in the
// app's configuration. The scope step shows its items, 前置 badges and authorities in both
// languages, and keeps working offline; the application files the items' words and the
// catalogue's version, and the receiver, given the same file, accepts it. A file that is not
// the configured one is refused with what to do, and the draft is kept.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startStaticServer } from '../../tools/serve-dist.mjs';
import {
  launch, serveApp, freeAppPort, startReceiver, emptyFolder, openWithApplication, controlledByServiceWorker, uploadLease,
  assertNoProblems, axeViolations, screenshot, twoShareholderLlc, ROOT, DESKTOP, PHONE,
} from './support.mjs';
import { signEveryoneHere } from './wizard.mjs';

const RECEIVED = path.join(ROOT, 'target/e2e/received-catalogue');
const CATALOGUE = path.join(ROOT, 'docs/examples/zunyi-scope.csv');
const ZUNYI = JSON.parse(fs.readFileSync(path.join(ROOT, 'docs/examples/zunyi.config.json'), 'utf8'));
const env = {};

before(async () => {
  // The district's data host: another origin, as a CDN or open-data site would be.
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'kaiban-data-host-'));
  fs.mkdirSync(path.join(data, 'scope'));
  fs.copyFileSync(CATALOGUE, path.join(data, 'scope/zunyi-scope.csv'));
  fs.writeFileSync(path.join(data, 'scope/altered.csv'), fs.readFileSync(CATALOGUE, 'utf8').replace('拍卖业务', '拍卖业务及一切经营'));
  env.dataHost = await startStaticServer({ root: data });
  const sha256 = crypto.createHash('sha256').update(fs.readFileSync(CATALOGUE)).digest('hex');
  assert.equal(sha256, ZUNYI.catalogue.sha256, 'docs/examples/zunyi.config.json names the example file');
  const deployment = { jurisdiction: ZUNYI.jurisdiction, catalogue: { url: `${env.dataHost.url}scope/zunyi-scope.csv`, sha256 } };
  const configFile = path.join(data, 'kaiban.config.json');
  fs.writeFileSync(configFile, JSON.stringify(deployment));

  emptyFolder(RECEIVED);
  const port = await freeAppPort();
  env.receiver = await startReceiver({ dataDir: RECEIVED, allowOrigin: `http://127.0.0.1:${port}`, extraArgs: ['--config', configFile, '--catalogue', CATALOGUE] });
  env.server = await serveApp({ port, config: { endpoint: env.receiver.url, ...deployment } });
  // The same deployment, but its data host answers with a file other than the configured one.
  env.altered = await serveApp({ config: { ...deployment, catalogue: { url: `${env.dataHost.url}scope/altered.csv`, sha256 } } });
  env.browser = await launch();
});

after(async () => {
  await env.browser?.close();
  for (const server of [env.server, env.altered, env.dataHost]) await server?.close();
  env.receiver?.stop();
});

/// The two-shareholder LLC as a Zunyi company, before its scope was chosen: its place names
/// come from the division index when it arrives, as for any draft without them.
function zunyiLlc(items = []) {
  const app = twoShareholderLlc();
  app.name.full = '遵义云栈茶叶有限公司';
  Object.assign(app.domicile, { division_code: '520302', township_code: '', place: [], functional_zone: null });
  app.business_scope = { items, catalogue_version: 'zunyi-example-2026.1' };
  return app;
}

const results = (page) => page.locator('#scope-results li');

async function search(page, words) {
  await page.locator('#scope-search').fill(words);
}

async function add(page, words) {
  await search(page, words);
  await results(page).first().getByRole('button').click();
}

test('a deployment\'s catalogue: its items, 前置 badge and authority in zh and en, offline, filed and accepted', async () => {
  const page = await openWithApplication(env.browser, env.server.url, zunyiLlc(), 'scope', PHONE);
  await controlledByServiceWorker(page);
  await page.locator('#scope-search').waitFor();
  assert.equal(await page.locator('.kb-brand-area').innerText(), '遵义市市场监督管理局 · 全程电子化', 'the header names the deployment');

  // A synonym of the file finds its item; the bundled demo's items are not offered.
  await search(page, '种茶');
  assert.match(await results(page).first().innerText(), /茶叶种植[\s\S]*一般项目/);
  await search(page, '软件');
  await results(page).filter({ hasText: '没有找到匹配的项目' }).waitFor();
  await add(page, '种茶');
  await search(page, '拍卖');
  const auction = await results(page).first().innerText();
  assert.match(auction, /拍卖业务/);
  assert.match(auction, /许可项目 · 登记前审批/, 'the 前置 badge comes from the file');
  assert.match(auction, /审批部门：商务主管部门/, 'the authority comes from the file');
  await add(page, '拍卖');
  await add(page, '白酒');
  const licence = await page.locator('.kb-licence-text').innerText();
  assert.match(licence, /^许可项目：拍卖业务；酒制品生产（[^）]+）。一般项目：茶叶种植（[^）]+）。$/);
  await search(page, '茶');
  await screenshot(page, 'catalogue-scope-phone');
  assert.deepEqual(await axeViolations(page), [], 'scope step with a deployment catalogue (zh)');

  await page.locator('.kb-lang').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await search(page, 'tea trade');
  await results(page).filter({ hasText: 'Tea wholesale' }).first().waitFor();
  await search(page, '');
  const chosen = await page.locator('.kb-scope-chosen').innerText();
  assert.match(chosen, /Tea growing/);
  assert.match(chosen, /Auction business[\s\S]*Licensed · approval first/);
  await search(page, 'produce');
  const found = await results(page).first().innerText();
  assert.match(found, /Primary processing of edible farm produce/);
  await search(page, 'travel');
  assert.match(await results(page).first().innerText(), /Travel agency business[\s\S]*Licensed[\s\S]*Permit from: Culture and tourism authority/);
  await page.setViewportSize(DESKTOP);
  await screenshot(page, 'catalogue-scope-desktop-en');
  assert.deepEqual(await axeViolations(page), [], 'scope step with a deployment catalogue (en)');
  await page.locator('.kb-lang').click();
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');

  // Offline, after a reload: the file comes from the service worker's copy.
  await page.context().setOffline(true);
  await page.reload();
  await page.locator('h1', { hasText: '经营范围' }).waitFor();
  await search(page, '茶具');
  await results(page).filter({ hasText: '茶具销售' }).waitFor();
  assert.equal(await page.locator('.kb-scope-chosen li').count(), 3);
  await page.context().setOffline(false);

  // The 前置 item asks for its approval, named as the file names its authority.
  await uploadLease(page);
  const approval = page.locator('#file-pre-ZY010');
  assert.match(await page.locator('label[for="file-pre-ZY010"]').innerText(), /“拍卖业务”的批准文件（商务主管部门）/);
  await approval.setInputFiles({ name: '拍卖经营批准证书.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 auction approval') });
  await page.locator('.kb-file-name', { hasText: '拍卖经营批准证书.pdf' }).waitFor();

  await page.evaluate(() => { location.hash = '#/signing'; });
  await page.locator('h1', { hasText: '签名与提交' }).waitFor();
  const filed = JSON.parse(await page.locator('#application-json').textContent()).business_scope;
  assert.equal(filed.catalogue_version, 'zunyi-example-2026.1');
  assert.deepEqual(filed.items.map((i) => [i.code, i.zh, i.kind]), [['ZY001', '茶叶种植', 'general'], ['ZY010', '拍卖业务', 'licensed'], ['ZY007', '酒制品生产', 'licensed']]);
  await signEveryoneHere(page);
  await page.locator('#submit-application').click();
  await page.locator('.kb-panel-title', { hasText: '申请已提交' }).waitFor();
  await page.getByRole('button', { name: '查看回执和办理进度' }).click();
  const receipt = (await page.locator('#receipt-id').innerText()).trim();
  const jws = JSON.parse(fs.readFileSync(path.join(RECEIVED, receipt, 'package.jws.json'), 'utf8'));
  const payload = JSON.parse(Buffer.from(jws.payload, 'base64url').toString('utf8'));
  assert.equal(payload.application.business_scope.catalogue_version, 'zunyi-example-2026.1', 'the signed payload records the catalogue version');
  assertNoProblems(page);
  await page.context().close();
});

test('a catalogue file other than the configured one is refused with what to do; the draft is kept', async () => {
  const tea = { code: 'ZY001', zh: '茶叶种植', en: 'Tea growing', kind: 'general' };
  const page = await openWithApplication(env.browser, env.altered.url, zunyiLlc([tea]), 'scope', DESKTOP);
  const alert = page.locator('.kb-banner[role=alert]', { hasText: '与本平台配置的文件不一致' });
  await alert.waitFor();
  assert.equal(await page.locator('#scope-search').count(), 0, 'nothing is chosen from an unverified file');
  await alert.getByRole('button', { name: '重新加载' }).click();
  await alert.waitFor();
  await screenshot(page, 'catalogue-refused-desktop');
  assert.deepEqual(await axeViolations(page), [], 'scope step with the refused catalogue');
  // The step cannot be left as done, and the draft still holds the chosen item.
  await page.getByRole('button', { name: '继续', exact: true }).click();
  await page.locator('.kb-error-summary', { hasText: '经营范围目录尚未加载' }).waitFor();
  await page.evaluate(() => { location.hash = '#/review'; });
  await page.locator('.kb-summary-row', { hasText: '茶叶种植' }).first().waitFor();
  assertNoProblems(page);
  await page.context().close();
});
