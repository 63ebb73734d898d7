// Bytes of everything the first page loads, raw / gzip -9 / brotli -q 11, measured by loading
// the built app in Chromium and recording every response; and, by the same method on their
// npm tarballs (`npm pack`), the minified JS + CSS a portal would ship for SurveyJS
// (survey-core + survey-js-ui + theme) and Form.io (@formio/js renderer + CSS).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { launch, serveApp, ROOT } from '../tests/e2e/support.mjs';

const sizes = (buffer) => ({
  raw: buffer.length,
  gzip: zlib.gzipSync(buffer, { level: 9 }).length,
  brotli: zlib.brotliCompressSync(buffer, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buffer.length } }).length,
});
const add = (a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });
const zero = { raw: 0, gzip: 0, brotli: 0 };
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

// Kaiban: what the start page really fetches without any intent (the pre-rendered page),
// then what the first sign of intent adds (the wizard: JS glue + wasm). The service worker's
// precache comes later still and is not counted.
const server = await serveApp();
const browser = await launch();
const context = await browser.newContext({ serviceWorkers: 'block' });
const page = await context.newPage();
const loaded = new Map();
let phase = 'first load';
page.on('response', async (response) => {
  const url = new URL(response.url());
  if (url.origin !== new URL(server.url).origin) return;
  const at = phase;
  // A worker's responses (the wasm, fetched by the compile worker) have no body here: the
  // built file is the same bytes.
  const built = path.join(ROOT, 'dist', url.pathname);
  const body = url.pathname !== '/' && fs.existsSync(built) ? fs.readFileSync(built) : await response.body().catch(() => Buffer.alloc(0));
  // Reference data (the division index) and the later pages' module are listed apart: the
  // first step needs neither (the module is fetched once the first step is on show).
  const apart = url.pathname.startsWith('/divisions/') ? 'reference data' : /^\/kaiban-later-/.test(url.pathname) ? 'later pages' : null;
  loaded.set(url.pathname, { phase: apart ?? at, body });
});
await page.goto(server.url);
await page.getByRole('button', { name: '开始申请' }).waitFor();
await page.waitForLoadState('networkidle');
await page.waitForTimeout(1000);
phase = 'on intent';
await page.mouse.move(100, 100);
await page.locator('.kb-prerendered').waitFor({ state: 'detached' });
await page.waitForLoadState('networkidle');
// The later pages' module, fetched once the first screen is on show.
for (let waited = 0; waited < 30000 && ![...loaded.keys()].some((p) => p.startsWith('/kaiban-later-')); waited += 100) {
  await page.waitForTimeout(100);
}
await page.waitForLoadState('networkidle');
await browser.close();
await server.close();
const lines = [];
const totals = { 'first load': zero, 'on intent': zero, 'reference data': zero, 'later pages': zero };
for (const [name, { phase: when, body }] of loaded) {
  const s = sizes(body);
  totals[when] = add(totals[when], s);
  lines.push(`| ${when} | ${name} | ${kb(s.raw)} | ${kb(s.gzip)} | ${kb(s.brotli)} |`);
}
const first = totals['first load'];
const wizard = totals['on intent'];
const whole = add(first, wizard);
const catalogue = ['business_scope.csv'].map((f) => sizes(fs.readFileSync(path.join(ROOT, 'crates/kaiban-core/data', f)))).reduce(add, zero);

// Peers from their npm tarballs.
const peersDir = path.join(ROOT, 'target/bench/peers');
fs.mkdirSync(peersDir, { recursive: true });
const unpack = (spec) => {
  const out = execFileSync('npm', ['pack', spec, '--silent', '--pack-destination', peersDir], { encoding: 'utf8' }).trim().split('\n').pop();
  const dir = path.join(peersDir, out.replace(/\.tgz$/, ''));
  fs.mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['-xzf', path.join(peersDir, out), '-C', dir]);
  return { dir: path.join(dir, 'package'), version: out.match(/-(\d[^-]*(?:-[^.]+)?)\.tgz$/)?.[1] ?? out };
};
const weigh = (dir, files) => files.map((f) => sizes(fs.readFileSync(path.join(dir, f)))).reduce(add, zero);
const pick = (dir, candidates) => candidates.find((f) => fs.existsSync(path.join(dir, f)));
const core = unpack('survey-core');
const ui = unpack('survey-js-ui');
const surveyFiles = [
  [core.dir, pick(core.dir, ['survey.core.min.js'])],
  [ui.dir, pick(ui.dir, ['survey-js-ui.min.js'])],
  [core.dir, pick(core.dir, ['survey-core.min.css', 'defaultV2.min.css'])],
];
const survey = surveyFiles.map(([d, f]) => weigh(d, [f])).reduce(add, zero);
const formio = unpack('@formio/js');
const formioFiles = [pick(formio.dir, ['dist/formio.form.min.js']), pick(formio.dir, ['dist/formio.form.min.css'])];
const form = weigh(formio.dir, formioFiles);

console.log('| what | file | raw | gzip -9 | brotli -q 11 |');
console.log('|---|---|---|---|---|');
for (const line of lines) console.log(line);
console.log(`| **Kaiban first load (pre-rendered start page), total** | ${[...loaded.values()].filter((f) => f.phase === 'first load').length} files | ${kb(first.raw)} | ${kb(first.gzip)} | **${kb(first.brotli)}** |`);
console.log(`| Kaiban wizard, loaded on the first sign of intent | ${[...loaded.values()].filter((f) => f.phase === 'on intent').length} files | ${kb(wizard.raw)} | ${kb(wizard.gzip)} | ${kb(wizard.brotli)} |`);
console.log(`| Kaiban, everything up to an interactive wizard | | ${kb(whole.raw)} | ${kb(whole.gzip)} | ${kb(whole.brotli)} |`);
const later = totals['later pages'];
console.log(`| Kaiban's later pages (every page after the first step; it also reads stored drafts and reference files), fetched once the first step is on show | 1 file | ${kb(later.raw)} | ${kb(later.gzip)} | ${kb(later.brotli)} |`);
console.log(`| (inside the wasm) business-scope catalogue | 1 CSV | ${kb(catalogue.raw)} | ${kb(catalogue.gzip)} | ${kb(catalogue.brotli)} |`);
// Fetched at once for a returning applicant, and for a new one once a step or the draft needs
// it (the name step, the place picker, a name or a county), never for the first step: weighed
// from the built file.
const divisionIndex = sizes(fs.readFileSync(path.join(ROOT, 'dist/divisions/index.json')));
console.log(`| division index, fetched at once for a returning applicant, for a new one from the name step on (not for the first step) | divisions/index.json | ${kb(divisionIndex.raw)} | ${kb(divisionIndex.gzip)} | ${kb(divisionIndex.brotli)} |`);
console.log(`| SurveyJS ${core.version} | ${surveyFiles.map(([, f]) => f).join(' + ')} | ${kb(survey.raw)} | ${kb(survey.gzip)} | ${kb(survey.brotli)} |`);
console.log(`| Form.io ${formio.version} | ${formioFiles.join(' + ')} | ${kb(form.raw)} | ${kb(form.gzip)} | ${kb(form.brotli)} |`);
console.log();
const ratio = (a, b) => (a.brotli / b.brotli).toFixed(2);
console.log(`First load / SurveyJS (brotli): **${ratio(first, survey)}**, / Form.io: **${ratio(first, form)}**; budget: first load ≤ 150 KB brotli (${first.brotli / 1024 <= 150 ? 'met' : 'NOT met'}).`);
console.log(`Everything up to an interactive wizard / SurveyJS: **${ratio(whole, survey)}**, / Form.io: **${ratio(whole, form)}** (a form engine also needs the form's own code and rules on top).`);
