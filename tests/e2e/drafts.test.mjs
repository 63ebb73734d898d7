// Drafts that are never lost: reloads, closed tabs, two tabs, offline, old and broken records.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { sharedBrowserAndApp, allSaved, controlledByServiceWorker, launch, serveApp, openPage, putDraftRecord, assertNoProblems, screenshot, ROOT, DESKTOP, PHONE } from './support.mjs';
import { field, fill, heading, next, choosePlace } from './wizard.mjs';

const shared = sharedBrowserAndApp({ before, after });

const saved = (page) => allSaved(page);

async function startLlc(page) {
  await page.getByRole('button', { name: '开始申请' }).click();
  await page.locator('#entity-llc').check();
  await next(page);
}

test('answers typed into several fields survive a reload', async () => {
  const page = await openPage(shared.browser, shared.server.url, DESKTOP);
  await startLlc(page);
  await fill(page, 'name.full', '贵阳云栈科技有限公司');
  await page.locator('#f-name-self_declaration_accepted').check();
  await next(page);
  await choosePlace(page, '520115', '520115004');
  await fill(page, 'domicile.detail', '长岭北路贵阳国际金融中心一期10号楼15层1501室');
  await fill(page, 'domicile.postcode', '550081');
  await saved(page);
  await page.reload();
  await page.locator('h1', { hasText: '住所' }).waitFor();
  assert.equal(await field(page, 'domicile.division_code').inputValue(), '520115');
  // The county's townships arrive as a chunk of their own after the page: wait for them, as
  // someone reading the page would, before reading the township.
  await field(page, 'domicile.township_code').locator('option[value="520115004"]').waitFor({ state: 'attached' });
  assert.equal(await field(page, 'domicile.township_code').inputValue(), '520115004');
  assert.equal(await field(page, 'domicile.detail').inputValue(), '长岭北路贵阳国际金融中心一期10号楼15层1501室');
  assert.equal(await field(page, 'domicile.postcode').inputValue(), '550081');
  await page.getByRole('button', { name: '返回' }).click();
  assert.equal(await field(page, 'name.full').inputValue(), '贵阳云栈科技有限公司');
  assertNoProblems(page);
  await page.context().close();
});

test('closing the page right after the autosave delay loses nothing', async () => {
  const page = await openPage(shared.browser, shared.server.url, PHONE);
  await startLlc(page);
  await field(page, 'name.full').pressSequentially('贵阳筑云软件有限公司');
  await page.waitForTimeout(600);
  const context = page.context();
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await again.goto(shared.server.url);
  await again.locator('h1').first().waitFor();
  await again.getByRole('button', { name: '继续填写已保存的申请' }).click();
  await again.locator('.kb-draft-title', { hasText: '贵阳筑云软件有限公司' }).waitFor();
  await again.getByRole('button', { name: /继续填写/ }).first().click();
  await again.locator('h1', { hasText: '企业名称' }).waitFor();
  assert.equal(await field(again, 'name.full').inputValue(), '贵阳筑云软件有限公司');
  await context.close();
});

test('closing the page in the middle of the autosave delay loses nothing either', async () => {
  const page = await openPage(shared.browser, shared.server.url, DESKTOP);
  await startLlc(page);
  await field(page, 'name.full').fill('贵阳急关科技有限公司');
  const context = page.context();
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await again.goto(shared.server.url + '#/name');
  await again.locator('h1', { hasText: '企业名称' }).waitFor();
  assert.equal(await field(again, 'name.full').inputValue(), '贵阳急关科技有限公司');
  await allSaved(again);
  await context.close();
});

test('the same draft in two pages: nothing is silently overwritten, the stale page is told', async () => {
  const first = await openPage(shared.browser, shared.server.url, DESKTOP);
  await startLlc(first);
  await fill(first, 'name.full', '贵阳甲方科技有限公司');
  await saved(first);
  const second = await first.context().newPage();
  await second.goto(`${shared.server.url}#/name`);
  await second.locator('h1', { hasText: '企业名称' }).waitFor();
  assert.equal(await field(second, 'name.full').inputValue(), '贵阳甲方科技有限公司');

  await fill(first, 'name.full', '贵阳乙方科技有限公司');
  await saved(first);
  await second.locator('.kb-banner', { hasText: '此草稿已在另一个标签页中更新' }).waitFor();
  await fill(second, 'name.full', '贵阳丙方科技有限公司');
  await second.waitForTimeout(700);
  assert.notEqual(await second.locator('.kb-save').getAttribute('data-state'), 'saved', 'the stale page does not save over the newer draft');
  await screenshot(second, 'drafts-two-tabs-stale');
  await second.getByRole('button', { name: '载入最新内容' }).click();
  await second.waitForFunction(() => document.querySelector('#f-name-full')?.value === '贵阳乙方科技有限公司');

  await fill(first, 'name.full', '贵阳丁方科技有限公司');
  await saved(first);
  await second.locator('.kb-banner', { hasText: '此草稿已在另一个标签页中更新' }).waitFor();
  await second.getByRole('button', { name: '在此页只读查看' }).click();
  await second.locator('.kb-banner', { hasText: '只读模式' }).waitFor();
  assert.equal(await second.locator('.kb-step-content').getAttribute('inert'), '');
  await first.reload();
  await first.locator('h1', { hasText: '企业名称' }).waitFor();
  assert.equal(await field(first, 'name.full').inputValue(), '贵阳丁方科技有限公司');
  assertNoProblems(first);
  await first.context().close();
});

test('offline after the first visit: the app loads and a draft is completed and saved', async () => {
  const page = await openPage(shared.browser, shared.server.url, PHONE);
  await controlledByServiceWorker(page);
  await page.context().setOffline(true);
  await page.reload();
  await page.locator('h1', { hasText: '在线开办企业' }).waitFor();
  assert.match(await page.locator('body').innerText(), /在线开办企业/);
  await startLlc(page);
  await page.locator('.kb-online.is-offline').waitFor();
  await fill(page, 'name.full', '贵阳离线科技有限公司');
  await saved(page);
  await screenshot(page, 'offline-phone');
  await page.reload();
  await page.locator('h1', { hasText: '企业名称' }).waitFor();
  assert.equal(await field(page, 'name.full').inputValue(), '贵阳离线科技有限公司');
  await page.context().setOffline(false);
  assertNoProblems(page);
  await page.context().close();
});

test('a draft saved by an older version opens migrated; a corrupted record does not stop the others', async () => {
  const page = await openPage(shared.browser, shared.server.url, DESKTOP);
  const v0 = fs.readFileSync(path.join(ROOT, 'crates/kaiban-core/tests/fixtures/application_v0.json'), 'utf8');
  await putDraftRecord(page, 'old-draft', v0, { schema_version: 0, step: 'capital', updated_at: Date.now() - 1000 });
  await putDraftRecord(page, 'broken-draft', '{"schema_version": 1, "entity_type": "bank', { updated_at: Date.now() });
  await page.getByRole('button', { name: '我的草稿' }).click();
  await page.locator('.kb-draft-title', { hasText: '贵阳云栈科技有限公司' }).waitFor();
  assert.match(await page.locator('main').innerText(), /有一份草稿无法读取，已单独保存（未删除）/);
  await screenshot(page, 'drafts-set-aside');
  await page.locator('.kb-draft', { hasText: '贵阳云栈科技有限公司' }).getByRole('button', { name: /继续填写/ }).click();
  await page.locator('h1', { hasText: '注册资本与出资' }).waitFor();
  assert.equal(await field(page, 'capital.registered_fen').inputValue(), '100');
  assert.equal(await field(page, 'investors[1].subscribed_fen').inputValue(), '40');
  const kept = await page.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('kaiban');
    open.onsuccess = () => {
      const get = open.result.transaction('quarantine').objectStore('quarantine').get('broken-draft');
      get.onsuccess = () => resolve(get.result?.record?.application_json ?? null);
    };
  }));
  assert.equal(kept, '{"schema_version": 1, "entity_type": "bank', 'the unreadable record is kept aside, not deleted');
  await page.context().close();
});

/// A new LLC draft named `name`, saved, shown on the list of drafts: its row there.
async function draftOnTheList(page, name) {
  await startLlc(page);
  await fill(page, 'name.full', name);
  await saved(page);
  await page.getByRole('button', { name: '我的草稿' }).click();
  return page.locator('.kb-draft', { hasText: name });
}

test('deleting the draft being worked on keeps the list usable, with undo, and starts afresh', async () => {
  const page = await openPage(shared.browser, shared.server.url, DESKTOP);
  const row = await draftOnTheList(page, '贵阳删除科技有限公司');
  await row.getByRole('button', { name: '删除', exact: true }).click();
  await page.getByRole('button', { name: '撤销' }).waitFor();
  assert.equal(await row.count(), 0);
  assert.equal(await heading(page), '我的申请草稿', 'still on the list');
  await page.getByRole('button', { name: '撤销' }).click();
  await row.waitFor();
  await row.getByRole('button', { name: '继续填写' }).click();
  await page.locator('h1', { hasText: '企业名称' }).waitFor();
  assert.equal(await field(page, 'name.full').inputValue(), '贵阳删除科技有限公司', 'undo brought the draft back whole');
  assertNoProblems(page);
  await page.context().close();
});

/// Keeps the drafts store busy with a transaction of the page's own (as another tab writing
/// would) until `releaseDraftsStore`: the app's reads of the store wait behind it.
async function holdDraftsStore(page) {
  await page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('kaiban');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const store = db.transaction('drafts', 'readwrite').objectStore('drafts');
      window.draftsHeld = true;
      // Once released: a read of the store queued behind the app's, and a moment for what
      // follows the app's read.
      window.draftsReleased = new Promise((done) => {
        store.transaction.oncomplete = () => {
          db.transaction('drafts').objectStore('drafts').count().onsuccess = () => {
            db.close();
            setTimeout(done, 200);
          };
        };
      });
      const keepBusy = () => { if (window.draftsHeld) store.get('none').onsuccess = keepBusy; };
      keepBusy();
      resolve();
    };
  }));
}

/// Lets the held store go, and waits until the reads that waited behind it are done.
const releaseDraftsStore = (page) => page.evaluate(() => { window.draftsHeld = false; return window.draftsReleased; });

test('leaving the list of drafts while it is still being read breaks nothing', async () => {
  const page = await openPage(shared.browser, shared.server.url, DESKTOP);
  await startLlc(page);
  await fill(page, 'name.full', '贵阳离开科技有限公司');
  await saved(page);
  await holdDraftsStore(page);
  await page.getByRole('button', { name: '我的草稿' }).click();
  await page.locator('.kb-drafts .kb-loading').waitFor();
  await page.goBack();
  await page.locator('h1', { hasText: '企业名称' }).waitFor();
  // The list's read finishes after the page it was for has gone; then the applicant carries on.
  await releaseDraftsStore(page);
  assertNoProblems(page);
  await fill(page, 'name.full', '贵阳离开信息科技有限公司');
  await saved(page);
  await page.getByRole('button', { name: '我的草稿' }).click();
  await page.locator('.kb-draft-title', { hasText: '贵阳离开信息科技有限公司' }).waitFor();
  assertNoProblems(page);
  await page.context().close();
});

test('drafts can be renamed, duplicated, deleted with undo, exported and imported', async () => {
  const page = await openPage(shared.browser, shared.server.url, DESKTOP);
  const row = await draftOnTheList(page, '贵阳导出科技有限公司');
  await row.waitFor();
  await row.getByRole('button', { name: '重命名' }).click();
  await page.locator('#draft-rename').fill('我的第一份申请');
  await page.getByRole('button', { name: '保存名称' }).click();
  await page.locator('.kb-draft-title', { hasText: '我的第一份申请' }).waitFor();

  await page.locator('.kb-draft', { hasText: '我的第一份申请' }).getByRole('button', { name: '复制' }).click();
  await page.locator('.kb-draft-title', { hasText: '我的第一份申请（副本）' }).waitFor();

  await page.locator('.kb-draft', { hasText: '我的第一份申请（副本）' }).getByRole('button', { name: '删除' }).click();
  await page.getByRole('button', { name: '撤销' }).waitFor();
  assert.equal(await page.locator('.kb-draft-title', { hasText: '（副本）' }).count(), 0);
  await page.getByRole('button', { name: '撤销' }).click();
  await page.locator('.kb-draft-title', { hasText: '我的第一份申请（副本）' }).waitFor();

  const download = page.waitForEvent('download');
  await page.locator('.kb-draft', { hasText: '我的第一份申请（副本）' }).getByRole('button', { name: '导出' }).click();
  const file = await (await download).path();
  const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(exported.name.full, '贵阳导出科技有限公司');
  assert.equal(exported.entity_type, 'llc');

  await page.locator('#draft-import').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"schema_version": 1,\n "capital": 5') });
  await page.locator('[role=status]', { hasText: '无法导入“broken.json”' }).waitFor();
  exported.name.full = '贵阳导入科技有限公司';
  await page.locator('#draft-import').setInputFiles({ name: 'from-another-device.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
  await page.locator('.kb-draft-title', { hasText: 'from-another-device' }).waitFor();
  assert.equal(await page.locator('.kb-draft').count(), 3, 'importing added a draft and replaced none');
  await screenshot(page, 'drafts-page-desktop');
  assertNoProblems(page);
  await page.context().close();
});
