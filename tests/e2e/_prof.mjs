import { execFileSync } from 'node:child_process';
import { launch, openWithApplication, ROOT } from './support.mjs';
import { startStaticServer } from '../../tools/serve-dist.mjs';
const app = await startStaticServer({ root: '/tmp/dist-debug', config: { endpoint: 'http://127.0.0.1:8787/submissions', allowedParentOrigins: [] } });
const b = await launch();
const n = 150;
const application = JSON.parse(execFileSync(`${ROOT}/target/debug/kaiban-verify`, ['sample', '--investors', String(n)], { maxBuffer: 64 * 1024 ** 2 }));
const page = await openWithApplication(b, app.url, application, 'capital');
page.context().setDefaultTimeout(120000);
const id = `f-investors-${n - 1}-subscribed_fen`;
await page.locator('#' + id).waitFor();
await page.evaluate((id) => { const i = document.getElementById(id); i.focus(); i.value += '1'; i.dispatchEvent(new InputEvent('input', { bubbles: true })); }, id);
await page.waitForTimeout(3000);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
const t = await page.evaluate(async (id) => { const t0 = performance.now(); document.getElementById(id).blur(); await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))); return performance.now() - t0; }, id);
const { profile } = await cdp.send('Profiler.stop');
console.log('blur ms', Math.round(t));
const self = new Map();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const counts = new Map();
for (const s of profile.samples) counts.set(s, (counts.get(s) ?? 0) + 1);
// inclusive time per function name
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const incl = new Map();
for (const [id, c] of counts) {
  const seen = new Set();
  let cur = id;
  while (cur !== undefined) { const name = byId.get(cur).callFrame.functionName || '(anon)'; if (!seen.has(name)) { incl.set(name, (incl.get(name) ?? 0) + c); seen.add(name); } cur = parent.get(cur); }
  const name = byId.get(id).callFrame.functionName; self.set(name, (self.get(name) ?? 0) + c);
}
console.log('SELF', [...self].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `${v} ${k.slice(0, 120)}`).join('\n'));
console.log('INCL', [...incl].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${v} ${k.slice(0, 140)}`).join('\n'));
await b.close(); await app.close();
