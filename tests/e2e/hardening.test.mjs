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
