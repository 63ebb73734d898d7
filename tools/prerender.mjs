// Writes src/prerendered/start.<locale>.html: the start page exactly as the built app draws it
// (header, page, footer), and src/prerendered/first-step.<locale>.html: the page a new
// visitor's link into the wizard shows (the first step), as the app keeps it for the loader
// (src/prerendered/resume_view.rs); captured in Chromium from dist/. tools/bake.mjs inlines
// these copies into index.html. Run after changing anything the start page shows, then rebuild:
//   ./x prerender
// The e2e test tests/e2e/prerendered.test.mjs fails when a copy no longer matches the app.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, serveApp, ROOT } from '../tests/e2e/support.mjs';

export const LOCALES = { 'zh-CN': { loading: '正在载入…' }, en: { loading: 'Loading…' } };
export const copyPath = (locale) => path.join(ROOT, 'src/prerendered', `start.${locale}.html`);
export const firstStepPath = (locale) => path.join(ROOT, 'src/prerendered', `first-step.${locale}.html`);

/// The app's start page in `page` as the copy's markup; wakes the app (a mouse move) if needed.
export async function captureStartPage(page, locale) {
  await page.mouse.move(10, 10);
  await page.locator('.kb-prerendered').waitFor({ state: 'detached' });
  await page.locator('.kb-start').waitFor();
  const { title, body } = await page.evaluate(() => {
    const own = [...document.body.children].filter(
      (el) => !['SCRIPT', 'TEMPLATE', 'NOSCRIPT'].includes(el.tagName) && !el.classList.contains('kb-boot-failure'),
    );
    // Leptos' empty placeholder comments carry no content.
    return { title: document.title, body: own.map((el) => el.outerHTML.replaceAll('<!---->', '')).join('\n') };
  });
  const attr = (s) => s.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  return `<div class="kb-prerendered" data-title="${attr(title)}" data-loading="${attr(LOCALES[locale].loading)}">\n${body}\n</div>\n`;
}

/// The first step as a new visitor following a link into the wizard sees it, in `locale`:
/// the markup the app keeps for the loader once it has drawn that step.
export async function captureFirstStep(browser, url, locale) {
  const page = await openStartPage(browser, `${url}#/capital`, locale);
  await page.locator('.kb-prerendered').waitFor({ state: 'detached' });
  const handle = await page.waitForFunction(() => {
    const view = JSON.parse(localStorage.getItem('kaiban.resume_view'));
    return view?.step === 'entity-type' && view.html;
  });
  const html = await handle.jsonValue();
  await page.context().close();
  return `${html}\n`;
}

/// A fresh page of the served app showing the start page in `locale`.
export async function openStartPage(browser, url, locale) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript((tag) => localStorage.setItem('kaiban.locale', tag), locale);
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!fs.existsSync(path.join(ROOT, 'dist/index.html'))) throw new Error('prerender: build the app first (./x prerender does)');
  const server = await serveApp();
  const browser = await launch();
  for (const locale of Object.keys(LOCALES)) {
    const page = await openStartPage(browser, server.url, locale);
    fs.writeFileSync(copyPath(locale), await captureStartPage(page, locale));
    await page.context().close();
    fs.writeFileSync(firstStepPath(locale), await captureFirstStep(browser, server.url, locale));
    console.log(`prerender: ${path.relative(ROOT, copyPath(locale))}, ${path.relative(ROOT, firstStepPath(locale))}`);
  }
  await browser.close();
  await server.close();
}
