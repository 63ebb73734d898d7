// The domicile's place from the national division data: the four-level picker, its lazily
// fetched township chunks kept offline by the service worker, type-to-search by pinyin
// initials, the jurisdiction message for an address in another province, and the development
// zones a deployment lists for a county.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowserAndApp, serveApp, openWithApplication, controlledByServiceWorker, allSaved, assertNoProblems, axeViolations, screenshot, example, DESKTOP, PHONE } from './support.mjs';
import { field, choosePlace, next } from './wizard.mjs';

const shared = sharedBrowserAndApp({ before, after });

/// The LLC example before its place was chosen.
function withoutPlace() {
  const app = example('llc');
  Object.assign(app.domicile, { division_code: '', township_code: '', place: [], functional_zone: null });
  return app;
}

const options = (page, path) => field(page, path).locator('option').allInnerTexts();

test('贵州省 → 贵阳市 → 观山湖区 → a street; offline after a reload the choice and the picker still work', async () => {
  const page = await openWithApplication(shared.browser, shared.server.url, withoutPlace(), 'domicile', PHONE);
  await controlledByServiceWorker(page);
  await choosePlace(page, '520115', '520115004');
  assert.ok((await options(page, 'domicile.township_code')).includes('长岭街道'));
  await page.locator('#f-domicile-functional_zone').check();
  await screenshot(page, 'places-chosen-phone');
  // The chunk of Guizhou was fetched once, and no other province's.
  const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /divisions\/\d\d-/.test(n)));
  assert.equal(fetched.length, 1, fetched.join(' '));
  assert.match(fetched[0], /divisions\/52-[0-9a-f]+\.json$/);

  await page.context().setOffline(true);
  await page.reload();
  await page.locator('h1', { hasText: '住所' }).waitFor();
  assert.equal(await field(page, 'domicile.province').inputValue(), '520000');
  assert.equal(await field(page, 'domicile.prefecture').inputValue(), '520100');
  assert.equal(await field(page, 'domicile.division_code').inputValue(), '520115');
  await page.locator(`[data-path="domicile.township_code"] option[value="520115004"]`).waitFor({ state: 'attached' });
  assert.equal(await field(page, 'domicile.township_code').inputValue(), '520115004');
  // Still working offline: another district of Guiyang and its streets.
  await field(page, 'domicile.division_code').selectOption('520102');
  await field(page, 'domicile.township_code').selectOption({ label: '新华路街道' });
  assert.equal(await field(page, 'domicile.township_code').inputValue(), '520102016');
  await page.locator('#f-domicile-detail').fill('中华南路28号');
  await next(page);
  await page.locator('h1', { hasText: '经营范围' }).waitFor();
  await page.evaluate(() => { location.hash = '#/review'; });
  const row = page.locator('.kb-summary-row', { hasText: '住所' }).first();
  await row.waitFor();
  assert.match(await row.innerText(), /贵州省贵阳市南明区新华路街道中华南路28号/);
  await page.context().setOffline(false);
  assertNoProblems(page);
  await page.context().close();
});

test('pinyin initials find a county; an address in another province gets the jurisdiction message', async () => {
  const page = await openWithApplication(shared.browser, shared.server.url, withoutPlace(), 'domicile', DESKTOP);
  await page.locator('#place-search').fill('gsh');
  const match = page.locator('.kb-place-matches button', { hasText: '观山湖区' });
  await match.waitFor();
  assert.match(await match.innerText(), /观山湖区 · 贵州省贵阳市/);
  await screenshot(page, 'places-search-desktop', { fullPage: false });
  await match.click();
  assert.equal(await field(page, 'domicile.division_code').inputValue(), '520115');
  assert.equal(await field(page, 'domicile.province').inputValue(), '520000');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'f-domicile-division_code');
  // Characters work too, and a township of the chosen county is found.
  await page.locator('#place-search').fill('长岭');
  await page.locator('.kb-place-matches button', { hasText: '长岭街道 · 观山湖区' }).click();
  assert.equal(await field(page, 'domicile.township_code').inputValue(), '520115004');

  await choosePlace(page, '110108');
  assert.equal(await field(page, 'domicile.prefecture').isVisible(), false, 'a municipality has no prefecture to pick');
  await page.locator('main form button[type=submit]').click();
  const message = page.locator('.kb-error-summary');
  await message.waitFor();
  assert.match(await message.innerText(), /住所在北京市海淀区，不在本平台登记机关（贵阳市市场监督管理局）的管辖范围内。请向住所所在地的北京市海淀区市场监督管理局申请登记/);
  await screenshot(page, 'places-outside-jurisdiction-desktop');
  assert.deepEqual(await axeViolations(page), [], 'domicile step with the jurisdiction message (zh)');
  await page.locator('.kb-lang').click();
  await page.locator('h1', { hasText: 'Registered address' }).waitFor();
  assert.match(await page.locator('.kb-field', { has: page.locator('#f-domicile-division_code') }).innerText(), /Haidian District, Beijing City, outside the area of this portal's registration authority \(Guiyang Administration for Market Regulation\)/);
  assert.ok((await options(page, 'domicile.division_code')).includes('Haidian District'));
  assert.deepEqual(await axeViolations(page), [], 'domicile step (en)');
  assertNoProblems(page);
  await page.context().close();
});

test('a draft saved before places carried their names gets them from the data, wherever it opens', async () => {
  const app = example('llc');
  Object.assign(app.domicile, { township_code: '', place: [] });
  const page = await openWithApplication(shared.browser, shared.server.url, app, 'review', DESKTOP);
  const row = page.locator('.kb-summary-row', { hasText: '住所' }).first();
  await page.waitForFunction(() => /贵州省贵阳市观山湖区长岭北路/.test(document.querySelector('main')?.innerText ?? ''));
  assert.match(await row.innerText(), /贵州省贵阳市观山湖区长岭北路/);
  assert.doesNotMatch(await page.locator('main').innerText(), /地名与所选行政区划不一致/);
  assertNoProblems(page);
  await page.context().close();
});

/// The demo's jurisdiction with a second development zone in 观山湖区 (520115), which the
/// Hi-tech Zone covers too.
const TWO_ZONES = {
  divisions: ['520100'],
  zones: [
    { code: '520198', name: { zh: '贵阳国家高新技术产业开发区', en: 'Guiyang National Hi-tech Industrial Development Zone' }, counties: ['520115', '520113'] },
    { code: '520197', name: { zh: '贵阳综合保税区（示例）', en: 'Guiyang Comprehensive Bonded Zone (example)' }, counties: ['520115'] },
  ],
  authority: { zh: '贵阳市市场监督管理局', en: 'Guiyang Administration for Market Regulation' },
};

test('a county in two development zones offers both, or neither; a county in one, a checkbox', async () => {
  const zoned = await serveApp({ config: { endpoint: shared.receiver.url, jurisdiction: TWO_ZONES } });
  try {
    const page = await openWithApplication(shared.browser, zoned.url, withoutPlace(), 'domicile', PHONE);
    await choosePlace(page, '520115', '520115004');
    const group = page.getByRole('group', { name: '住所是否位于功能区' });
    const zone = (name) => group.getByRole('radio', { name: new RegExp(`^${name}`) });
    assert.equal(await zone('不在以上功能区').isChecked(), true, 'no zone until one is chosen');
    await zone('住所位于贵阳综合保税区').check();
    await allSaved(page);
    await screenshot(page, 'places-two-zones-phone');
    assert.deepEqual(await axeViolations(page), [], 'domicile step with a choice of zones (zh)');
    await page.reload();
    await page.locator('h1', { hasText: '住所' }).waitFor();
    assert.equal(await zone('住所位于贵阳综合保税区').isChecked(), true, 'the zone chosen is the draft\'s');
    await page.locator('.kb-lang').click();
    const english = page.getByRole('group', { name: 'Is the address in a development zone?' });
    assert.equal(await english.getByRole('radio', { name: /^The address is in the Guiyang Comprehensive Bonded Zone/ }).isChecked(), true);
    assert.deepEqual(await axeViolations(page), [], 'domicile step with a choice of zones (en)');
    await page.locator('.kb-lang').click();
    // 白云区 is only in the Hi-tech Zone: the zone chosen for 观山湖区 goes, a checkbox comes.
    await field(page, 'domicile.division_code').selectOption('520113');
    await page.locator('#f-domicile-functional_zone').waitFor();
    assert.equal(await page.locator('#f-domicile-functional_zone').isChecked(), false);
    assert.equal(await group.count(), 0);
    await page.locator('#f-domicile-functional_zone').check();
    await allSaved(page);
    assertNoProblems(page);
    await page.context().close();
  } finally {
    await zoned.close();
  }
});
