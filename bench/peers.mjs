// Kaiban beside the form engines a portal would otherwise buy, measured in one run by the peer
// kit (../shared/peers: the same LLC form in SurveyJS and Form.io, and measure.mjs). The kit is
// copied to target/peers (its folder may be read-only) and set up there; Kaiban is the
// bench-hooks build in target/bench-dist (bench/run builds it), served by the kit's own server
// with the same compression as the peers, and opened as a new visitor's link into the wizard.
// Prints the kit's markdown report. Options: RUNS (3), ENCODING (br), SKIP_LIGHTHOUSE=1.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const KIT = path.resolve(ROOT, '../shared/peers');
const COPY = path.join(ROOT, 'target/peers');
const DIST = path.join(ROOT, 'target/bench-dist');
const ENCODING = process.env.ENCODING ?? 'br';

if (!fs.existsSync(path.join(KIT, 'measure.mjs'))) {
  console.log(`(the peer kit is not at ${KIT}: nothing measured)`);
  process.exit(0);
}
if (!fs.existsSync(path.join(DIST, 'index.html'))) {
  throw new Error('target/bench-dist is missing: build it with trunk build --release --features bench-hooks --dist target/bench-dist');
}
// A fresh copy of the kit's files each time (its node_modules, installed by ./setup, stay).
fs.mkdirSync(COPY, { recursive: true });
for (const entry of fs.readdirSync(KIT)) {
  if (entry === 'node_modules') continue;
  fs.cpSync(path.join(KIT, entry), path.join(COPY, entry), { recursive: true, force: true });
}
execFileSync(path.join(COPY, 'setup'), { stdio: ['ignore', 'ignore', 'inherit'] });

const { startServer } = await import(path.join(COPY, 'serve.mjs'));
const ours = await startServer({ root: DIST, encoding: ENCODING });
const args = [
  'measure.mjs', '--runs', process.env.RUNS ?? '3', '--encoding', ENCODING,
  ...(process.env.SKIP_LIGHTHOUSE ? ['--skip-lighthouse'] : []),
  'surveyjs=surveyjs/', 'formio=formio/',
  // The link a portal gives a new visitor; `##` with no selector: ready is window.__peerReady.
  `kaiban=${ours.url}#/name##`,
];
const code = await new Promise((resolve) => {
  const child = spawn(process.execPath, args, { cwd: COPY, stdio: ['ignore', 'inherit', 'pipe'] });
  let log = '';
  child.stderr.on('data', (chunk) => { log += chunk; });
  child.on('exit', (status) => {
    if (status !== 0) process.stderr.write(log);
    resolve(status);
  });
});
await ours.close();
process.exit(code ?? 1);
