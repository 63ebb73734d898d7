// Hardening in the real browser: a panic shows a recoverable screen and loses nothing;
// storage faults (quota, corrupted record, database deleted, crash mid-write) are explained
// and lose nothing already saved; hostile text in every field stays inert and round-trips.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowserAndApp, openPage, assertNoProblems, screenshot, DESKTOP, PHONE } from './support.mjs';
import { field, fill, next } from './wizard.mjs';

const shared = sharedBrowserAndApp({ before, after });

async function startLlc(page) {
  await page.getByRole('button', { name: '开始申请' }).click();
  await page.locator('#entity-llc').check();
  await next(page);
}

/// Removes the expected panic report from the page's problems (anything else still fails).
function expectPanicReported(page) {
  const panics = page.problems.filter((p) => p.includes('panicked at'));
  assert.ok(panics.length > 0, `the panic was reported on the console: ${page.problems.join(' | ')}`);
  page.problems = page.problems.filter((p) => !p.includes('panicked at') && !p.includes('unreachable') && !p.includes('RuntimeError'));
}

test('a panic shows a recoverable error screen, never a blank page, and the edit in progress survives', async () => {
  const page = await openPage(shared.browser, shared.server.url, PHONE);
  await startLlc(page);
  // Typed, and the panic comes before the 500 ms autosave delay is over.
  await field(page, 'name.full').fill('贵阳断点科技有限公司');
  await page.evaluate(() => dispatchEvent(new CustomEvent('kaiban-fault', { detail: 'panic' })));
  const screen = page.locator('.kb-crash[role=alert]');
  await screen.waitFor();
  assert.match(await screen.innerText(), /出现了意外错误[\s\S]*Something went wrong[\s\S]*fault injection/);
  await screenshot(page, 'panic-screen-phone');
  expectPanicReported(page);
  await page.getByRole('link', { name: '重新加载 · Reload' }).click();
  await page.locator('h1', { hasText: '企业名称' }).waitFor();
  assert.equal(await field(page, 'name.full').inputValue(), '贵阳断点科技有限公司');
  await page.locator('.kb-save[data-state="saved"]').waitFor();
  assertNoProblems(page);
  await page.context().close();
});

async function devtools(page) {
  const cdp = await page.context().newCDPSession(page);
  const origin = new URL(page.url()).origin;
  return {
    /// Chromium's per-origin quota override: the real quota machinery, just smaller. It binds
    /// connections opened after it, so tests set it before the app's first write.
    quota: async (bytes) => cdp.send('Storage.overrideQuotaForOrigin', bytes === undefined ? { origin } : { origin, quotaSize: bytes }),
    /// What "clear site data" does: the database is deleted and open connections are closed.
    clearDatabases: async () => cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'indexeddb' }),
    usage: async () => page.evaluate(async () => (await navigator.storage.estimate()).usage),
  };
}

const saveState = (page) => page.locator('.kb-save').getAttribute('data-state');

test('quota exceeded during autosave: the applicant is told what to do, nothing typed or saved is lost', async () => {
  const page = await openPage(shared.browser, shared.server.url, DESKTOP);
  const tools = await devtools(page);
  // Room for the app (≈ 1.7 MB of cached app files) and a normal draft, not for 2 MB more.
  await tools.quota(3_000_000);
  await startLlc(page);
  await fill(page, 'name.full', '贵阳满仓科技有限公司');
  await page.locator('.kb-save[data-state="saved"]').waitFor();
  const long = '很长的补充说明'.repeat(100_000);
  await field(page, 'name.full').fill(long);
  await page.locator('.kb-save[data-state="failed"]', { hasText: '存储空间' }).waitFor();
  assert.match(await page.locator('.kb-save').innerText(), /导出草稿文件/);
  assert.equal(await field(page, 'name.full').inputValue(), long, 'what was typed stays on the page');
  await screenshot(page, 'storage-quota-exceeded-desktop', { fullPage: false });
  // A reload with the quota still full: the edit comes back from the emergency copy.
  await page.reload();
  await page.locator('h1', { hasText: '企业名称' }).waitFor();
  assert.equal(await field(page, 'name.full').inputValue(), long);
  await tools.quota();
  await fill(page, 'name.full', '贵阳满仓科技有限公司');
  await page.locator('.kb-save[data-state="saved"]').waitFor();
  await page.reload();
  await page.locator('h1', { hasText: '企业名称' }).waitFor();
  assert.equal(await field(page, 'name.full').inputValue(), '贵阳满仓科技有限公司');
  page.problems = page.problems.filter((p) => !/QuotaExceeded|quota/i.test(p));
  assertNoProblems(page);
  await page.context().close();
});

test('quota exceeded while storing an attachment: the slot says so, the draft is untouched', async () => {
  const page = await openPage(shared.browser, shared.server.url, PHONE);
  const tools = await devtools(page);
  await tools.quota(3_000_000);
  await startLlc(page);
  await fill(page, 'name.full', '贵阳附件科技有限公司');
  await page.locator('.kb-save[data-state="saved"]').waitFor();
  await page.evaluate(() => { location.hash = '#/attachments'; });
  await page.locator('h1', { hasText: '附件材料' }).waitFor();
  await page.locator('#file-articles').setInputFiles({ name: 'articles.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(2_000_000, 0x25) });
  await page.locator('.kb-error-message', { hasText: '存储空间' }).waitFor();
  await screenshot(page, 'storage-quota-attachment-phone');
  await tools.quota();
  await page.reload();
  await page.locator('h1', { hasText: '附件材料' }).waitFor();
  await page.getByRole('button', { name: '返回' }).click();
  page.problems = page.problems.filter((p) => !/QuotaExceeded|quota/i.test(p));
  assertNoProblems(page);
  await page.context().close();
});

test('site data cleared while the app is open: the open application is saved again and the applicant told', async () => {
  const page = await openPage(shared.browser, shared.server.url, DESKTOP);
  await startLlc(page);
  await fill(page, 'name.full', '贵阳清空科技有限公司');
  await page.locator('.kb-save[data-state="saved"]').waitFor();
  await (await devtools(page)).clearDatabases();
  await page.locator('#f-name-self_declaration_accepted').check();
  await page.locator('.kb-banner[role=alert]', { hasText: '浏览器清除了本网站保存的数据' }).waitFor();
  await page.locator('.kb-save[data-state="saved"]').waitFor();
  await page.reload();
  await page.locator('h1', { hasText: '企业名称' }).waitFor();
  assert.equal(await field(page, 'name.full').inputValue(), '贵阳清空科技有限公司');
  assert.equal(await page.locator('#f-name-self_declaration_accepted').isChecked(), true);
  assertNoProblems(page);
  await page.context().close();
});

test('the page closed in the middle of storing a large attachment: the draft opens, the file is whole or absent', async () => {
  const page = await openPage(shared.browser, shared.server.url, DESKTOP);
  await startLlc(page);
  await fill(page, 'name.full', '贵阳断电科技有限公司');
  await page.locator('.kb-save[data-state="saved"]').waitFor();
  await page.evaluate(() => { location.hash = '#/attachments'; });
  await page.locator('h1', { hasText: '附件材料' }).waitFor();
  const size = 15_000_000;
  await page.locator('#file-articles').setInputFiles({ name: 'big-lease.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(size, 0x41) });
  const context = page.context();
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  again.problems = [];
  again.on('console', (m) => { if (m.type() === 'error') again.problems.push(m.text()); });
  await again.goto(shared.server.url + '#/attachments');
  await again.locator('h1', { hasText: '附件材料' }).waitFor();
  const stored = await again.evaluate(async () => new Promise((resolve) => {
    const open = indexedDB.open('kaiban');
    open.onsuccess = () => {
      const request = open.result.transaction('attachments').objectStore('attachments').getAll();
      request.onsuccess = () => resolve(request.result.map((r) => r.blob.size));
    };
  }));
  assert.ok(stored.every((bytes) => bytes === size), `every stored attachment is whole: ${stored}`);
  const shown = await again.locator('.kb-file-name', { hasText: 'big-lease.pdf' }).count();
  assert.ok(shown === 0 || stored.length === 1, 'the draft names only a file that is stored');
  await again.evaluate(() => { location.hash = '#/name'; });
  await again.locator('h1', { hasText: '企业名称' }).waitFor();
  assert.equal(await field(again, 'name.full').inputValue(), '贵阳断电科技有限公司');
  assert.deepEqual(again.problems, []);
  await context.close();
});
