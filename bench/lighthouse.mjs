// Lighthouse 12.2.3 (13 needs Node 22), mobile preset, with Debian's Chromium, on the start
// page and on a mid-wizard step. Installs Lighthouse into target/bench/tools on first use.
import fs from 'node:fs';
import path from 'node:path';
import { execFile, execFileSync, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { serveApp, ROOT } from '../tests/e2e/support.mjs';

const tools = path.join(ROOT, 'target/bench/tools');
const cli = path.join(tools, 'node_modules/lighthouse/cli/index.js');
if (!fs.existsSync(cli)) {
  fs.mkdirSync(tools, { recursive: true });
  execFileSync('npm', ['install', '--prefix', tools, '--no-audit', '--no-fund', '--loglevel=error', '-E', 'lighthouse@12.2.3'], { stdio: 'inherit' });
}
// Lighthouse's own launcher loses the page with this Chromium ("Target closed"); attaching to a
// Chromium started here with a debugging port works.
const chromium = spawn(process.env.CHROMIUM_BINARY ?? '/usr/lib/chromium/chromium', [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--remote-debugging-port=0',
  `--user-data-dir=${fs.mkdtempSync(path.join(ROOT, 'target/bench/lh-profile-'))}`, 'about:blank',
], { stdio: ['ignore', 'ignore', 'pipe'] });
const port = await new Promise((resolve, reject) => {
  chromium.stderr.on('data', (chunk) => {
    const match = String(chunk).match(/DevTools listening on ws:\/\/[^:]+:(\d+)/);
    if (match) resolve(match[1]);
  });
  chromium.once('exit', (code) => reject(new Error(`chromium exited with ${code}`)));
});
const server = await serveApp();
const pages = [['start page', server.url], ['mid-wizard step (capital)', `${server.url}#/capital`]];
console.log('| page | performance | accessibility | FCP | LCP | TBT | CLS | TTI |');
console.log('|---|---|---|---|---|---|---|---|');
for (const [label, url] of pages) {
  const out = path.join(ROOT, `target/bench/lighthouse-${label.split(' ')[0]}.json`);
  // Asynchronously: the app's server runs in this process and must keep answering.
  await promisify(execFile)(process.execPath, [cli, url, '--quiet', '--output=json', `--output-path=${out}`, '--only-categories=performance,accessibility', `--port=${port}`]);
  const report = JSON.parse(fs.readFileSync(out, 'utf8'));
  const audit = (id) => report.audits[id]?.displayValue ?? '—';
  const score = (id) => Math.round((report.categories[id]?.score ?? 0) * 100);
  console.log(`| ${label} | ${score('performance')} | ${score('accessibility')} | ${audit('first-contentful-paint')} | ${audit('largest-contentful-paint')} | ${audit('total-blocking-time')} | ${audit('cumulative-layout-shift')} | ${audit('interactive')} |`);
}
await server.close();
chromium.kill();
