import { chromium } from 'playwright-core';
import path from 'node:path';
const { startServer } = await import('/work/main/target/peers/serve.mjs');
const ours = await startServer({ root: '/work/main/target/prof-dist', encoding: 'br' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
await page.goto(ours.url + '#/name');
await page.waitForFunction(() => window.__peerReady === true || !!window.__peerReady, null, { timeout: 60000 });
const sel = await page.evaluate(async () => await window.__fillShareholders(1000));
const input = page.locator(sel).first();
await input.scrollIntoViewIfNeeded(); await input.click(); await page.keyboard.press('End');
await page.waitForTimeout(1500);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
for (const ch of 'abcdefghijklmnop') { await page.keyboard.type(ch); await page.waitForTimeout(120); }
const { profile } = await cdp.send('Profiler.stop');
const self = new Map(); const byId = new Map(profile.nodes.map(n => [n.id, n]));
const dt = profile.timeDeltas; const counts = new Map();
profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) || 0) + (dt[i] || 0)));
for (const [id, us] of counts) { const n = byId.get(id); const k = n.callFrame.functionName || '(anon ' + n.callFrame.url.split('/').pop() + ')'; self.set(k, (self.get(k) || 0) + us); }
const top = [...self].filter(([k]) => k !== '(idle)' && k !== '(program)').sort((a, b) => b[1] - a[1]).slice(0, 30);
for (const [k, us] of top) console.log((us / 1000 / 16).toFixed(2).padStart(8), 'ms/key ', k.slice(0, 120));
await browser.close(); process.exit(0);
