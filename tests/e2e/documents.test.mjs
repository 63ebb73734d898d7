// The filing's documents: an LLC with two shareholders, a board and a supervisor chooses its
// articles options; the review links to every document; each signer reads theirs before
// signing, here and through a request file on another device; changing an option voids the
// signatures; the receiver accepts. The documents print on A4 and are looked at as PNGs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { appWithReceiver, openWithApplication, uploadLease, openRequestElsewhere, signElsewhereAndBringBack, assertNoProblems, axeViolations, screenshot, twoShareholderLlc, ROOT, SCREENSHOTS, DESKTOP, PHONE } from './support.mjs';
import { field, radio } from './wizard.mjs';

const RECEIVED = path.join(ROOT, 'target/e2e/received-documents');
const PRINTS = path.join(ROOT, 'target/e2e/prints');
const LAPTOP = { width: 1280, height: 800 };
const env = appWithReceiver({ before, after }, { received: RECEIVED });

async function go(page, step, title) {
  await page.evaluate((s) => { location.hash = `#/${s}`; }, step);
  await page.locator('h1', { hasText: title }).waitFor();
}

/// Opens signer `name`'s panel and returns the titles and texts of the documents it shows.
async function documentsShownTo(page, name) {
  const row = page.locator('.kb-signer', { hasText: name });
  await row.getByRole('button', { name: /在本设备签名/ }).click();
  return readSignerDocuments(row);
}

async function readSignerDocuments(scope) {
  const list = scope.locator('.kb-signer-document');
  await list.first().waitFor();
  const out = {};
  for (const d of await list.all()) {
    await d.locator('summary').click();
    out[await d.locator('summary').innerText()] = await d.locator('.kb-document').innerText();
  }
  return out;
}

async function signOpenPanel(page, name) {
  const row = page.locator('.kb-signer', { hasText: name });
  await page.locator('#sign-confirm').check();
  await row.getByRole('button', { name: '签名', exact: true }).click();
  await row.locator('.kb-signer-status', { hasText: '已签名' }).waitFor();
}

test('articles options, documents in the review, read before signing here and elsewhere, voided by a change, accepted', async () => {
  const page = await openWithApplication(env.browser, env.server.url, twoShareholderLlc(), 'articles', DESKTOP);
  await page.locator('h1', { hasText: '章程（协议）约定' }).waitFor();
  assert.equal(await field(page, 'articles.notice_days').inputValue(), '15', 'the model articles are the default');
  await field(page, 'articles.director_term_years').fill('4');
  await field(page, 'articles.director_term_years').blur();
  await page.getByRole('button', { name: '继续', exact: true }).click();
  await page.locator('.kb-error-summary', { hasText: '董事任期每届不得超过三年' }).waitFor();
  await field(page, 'articles.director_term_years').fill('2');
  await field(page, 'articles.notice_days').fill('20');
  await radio(page, 'articles.transfer', 'others_consent');
  await screenshot(page, 'articles-options-desktop');
  assert.deepEqual(await axeViolations(page), [], 'articles step');

  await uploadLease(page);
  await go(page, 'review', '核对信息');
  const links = page.locator('#review-documents-title + .kb-document-list li');
  const titles = await links.locator('.kb-link-button').allInnerTexts();
  for (const expected of ['申请书', '贵阳云栈科技有限公司章程', '股东会决议', '董事会决议']) {
    assert.ok(titles.some((t) => t.includes(expected)), `the review links to ${expected}: ${titles}`);
  }
  assert.ok(titles.filter((t) => t.includes('任职确认')).length >= 4, `an acceptance per officer: ${titles}`);
  await links.filter({ hasText: '章程' }).first().locator('.kb-link-button').click();
  await page.locator('h1', { hasText: '申请文件' }).waitFor();
  const articles = page.locator('article.kb-document', { hasText: '贵阳云栈科技有限公司章程' }).first();
  await page.waitForFunction(() => document.activeElement?.classList.contains('kb-document'));
  const text = await articles.innerText();
  for (const phrase of ['会议召开二十日前通知', '应当经其他股东过半数同意', '董事任期每届二年', '英文为阅读辅助译文']) {
    assert.ok(text.includes(phrase), `the articles say ${phrase}`);
  }
  const block = await articles.locator('.kb-signatures tbody tr').allInnerTexts();
  assert.deepEqual(block.map((r) => r.split('\t')[1]), ['张伟', '李娜'], 'the signature block lists every shareholder');
  assert.deepEqual(await axeViolations(page), [], 'documents page zh');
  await page.locator('.kb-lang').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.deepEqual(await axeViolations(page), [], 'documents page en');
  await page.locator('.kb-lang').click();
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');

  for (const [width, viewport] of [['375', PHONE], ['1280', LAPTOP]]) {
    await page.setViewportSize(viewport);
    await articles.scrollIntoViewIfNeeded();
    await articles.screenshot({ path: path.join(SCREENSHOTS, `documents-articles-${width}.png`) });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the documents page at ${width}px scrolls sideways by ${overflow}px`);
  }
  await page.setViewportSize(DESKTOP);

  // Printed on A4: every document begins a page, and the PDF is looked at as PNGs.
  fs.mkdirSync(PRINTS, { recursive: true });
  const pdf = path.join(PRINTS, 'documents-llc.pdf');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const documentTitles = await page.locator('article.kb-document > h2').allInnerTexts();
  const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
  for (const title of documentTitles) {
    assert.ok(pages.some((p) => p.trimStart().startsWith(title)), `"${title}" begins a printed page`);
  }
  const articlesPages = pages.filter((p, i) => i > 0 && pages.slice(0, i + 1).reverse().find((q) => documentTitles.some((t) => q.trimStart().startsWith(t)))?.trimStart().startsWith('贵阳云栈科技有限公司章程'));
  assert.ok(articlesPages.some((p) => /张伟/.test(p) && /李娜/.test(p)), 'the printed signature block lists both shareholders on one page');
  spawnSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(PRINTS, 'documents-llc')]);
  assert.ok(fs.readdirSync(PRINTS).some((f) => f.startsWith('documents-llc') && f.endsWith('.png')));

  // Each signer reads the documents they sign before the sign button.
  await go(page, 'signing', '签名与提交');
  const shown = await documentsShownTo(page, '张伟');
  assert.ok(Object.keys(shown).some((t) => t.endsWith('章程')), `张伟 reads the articles: ${Object.keys(shown)}`);
  assert.ok(shown[Object.keys(shown).find((t) => t.endsWith('章程'))].includes('会议召开二十日前通知'));
  await screenshot(page, 'signing-documents-desktop');
  await signOpenPanel(page, '张伟');
  for (const name of ['王强', '赵敏']) {
    const docs = await documentsShownTo(page, name);
    assert.ok(!Object.keys(docs).some((t) => t.endsWith('章程')), `${name} does not sign the articles`);
    assert.ok(Object.keys(docs).some((t) => t.includes('任职确认')), `${name} accepts an office`);
    await signOpenPanel(page, name);
  }
  // The finance officer and liaison sign the application, and no document of their own.
  const contact = page.locator('.kb-signer', { hasText: '陈静' });
  await contact.getByRole('button', { name: /在本设备签名/ }).click();
  await contact.locator('.kb-signer-documents', { hasText: '没有需要您单独签署的文件' }).waitFor();
  await signOpenPanel(page, '陈静');

  // 李娜 signs on her phone: the request opens with the same documents.
  const here = await documentsShownTo(page, '李娜');
  await page.getByRole('button', { name: '取消' }).click();
  const remote = await openRequestElsewhere(page, '李娜', env.browser, env.server.url, PHONE);
  const there = await readSignerDocuments(remote.locator('main'));
  assert.deepEqual(there, here, 'the remote signer reads exactly the documents shown here');
  await screenshot(remote, 'remote-sign-request-documents-phone');
  assert.deepEqual(await axeViolations(remote), [], 'remote signing request');
  await signElsewhereAndBringBack(page, remote, '李娜');

  // Changing an option changes the articles: every signature is void.
  await go(page, 'articles', '章程（协议）约定');
  await radio(page, 'articles.voting', 'one_vote_each');
  await go(page, 'signing', '签名与提交');
  assert.equal(await page.locator('.kb-signer-status', { hasText: '已签名' }).count(), 0, 'the signatures were voided');
  for (const name of ['张伟', '李娜', '王强', '赵敏', '陈静']) {
    await page.locator('.kb-signer', { hasText: name }).getByRole('button', { name: /在本设备签名/ }).click();
    const docs = name === '陈静' ? {} : await readSignerDocuments(page.locator('.kb-signer', { hasText: name }));
    if (name === '张伟') assert.ok(Object.values(docs).some((t) => t.includes('一人一票')));
    await signOpenPanel(page, name);
  }
  await page.locator('#submit-application').click();
  await page.locator('.kb-panel-title', { hasText: '申请已提交' }).waitFor();
  await page.getByRole('button', { name: '查看回执和办理进度' }).click();
  const receipt = (await page.locator('#receipt-id').innerText()).trim();
  assert.equal(await page.locator('#receipt-manual-review').count(), 0, 'generated articles need no manual review');
  const folder = path.join(RECEIVED, receipt);
  const out = path.join(ROOT, 'target/e2e/documents-out');
  fs.rmSync(out, { recursive: true, force: true });
  execFileSync(path.join(ROOT, 'target/debug/kaiban-verify'), ['documents', path.join(folder, 'package.jws.json'), '--out', out]);
  assert.ok(fs.readdirSync(out).some((f) => f.startsWith('articles')), 'the registrar can write out the articles');
  assertNoProblems(page);
  await page.context().close();
});

test('own articles: uploaded on the attachments step, the receipt says the case is reviewed by hand', async () => {
  const app = twoShareholderLlc();
  app.articles = { own_articles: true };
  const page = await openWithApplication(env.browser, env.server.url, app, 'attachments', PHONE);
  await uploadLease(page);
  await page.locator('#file-articles').setInputFiles({ name: '自备章程.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 our own articles') });
  await page.locator('.kb-file-name', { hasText: '自备章程.pdf' }).waitFor();
  await go(page, 'review', '核对信息');
  const titles = await page.locator('#review-documents-title + .kb-document-list .kb-link-button').allInnerTexts();
  assert.ok(!titles.some((t) => t.endsWith('章程')), `no generated articles: ${titles}`);
  assert.match(await page.locator('main').innerText(), /自备章程（协议）由登记机关人工审查/);
  await go(page, 'signing', '签名与提交');
  for (const row of await page.locator('.kb-signer').all()) {
    await row.getByRole('button', { name: /在本设备签名/ }).click();
    await page.locator('#sign-confirm').check();
    await row.getByRole('button', { name: '签名', exact: true }).click();
    await row.locator('.kb-signer-status', { hasText: '已签名' }).waitFor();
  }
  await page.locator('#submit-application').click();
  await page.locator('.kb-panel-title', { hasText: '申请已提交' }).waitFor().catch(async (e) => {
    await screenshot(page, 'own-articles-submit-failed');
    throw new Error(`${e.message}\n${await page.locator('main').innerText()}`);
  });
  await page.getByRole('button', { name: '查看回执和办理进度' }).click();
  await page.locator('#receipt-manual-review', { hasText: '人工审查' }).waitFor();
  await screenshot(page, 'receipt-manual-review-phone');
  assertNoProblems(page);
  await page.context().close();
});
