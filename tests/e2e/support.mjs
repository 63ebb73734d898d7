// Shared e2e helpers: the built app on 127.0.0.1, Debian's Chromium through playwright-core,
// console capture (any panic or page error fails the test), and screenshots.
import { chromium } from 'playwright-core';
import fs from 'node:fs/promises';
import path from 'node:path';
import assert from 'node:assert/strict';
import { startStaticServer } from '../../tools/serve-dist.mjs';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SCREENSHOTS = path.join(ROOT, 'target/e2e/screenshots');
export const PHONE = { width: 375, height: 812 };
export const DESKTOP = { width: 1440, height: 900 };

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

export async function serveApp() {
  return startStaticServer({ root: path.join(ROOT, 'dist') });
}

/// A page in a fresh context (its own IndexedDB), with every console error and uncaught
/// exception collected in `page.problems`.
export async function openPage(browser, url, viewport = DESKTOP) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') page.problems.push(`console: ${m.text()}`);
  });
  await page.goto(url);
  await page.locator('h1').first().waitFor();
  return page;
}

export function assertNoProblems(page) {
  assert.deepEqual(page.problems, [], 'the page logged errors or panicked');
}

export async function screenshot(page, name) {
  await fs.mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export async function heading(page) {
  return (await page.locator('h1').first().innerText()).trim();
}
