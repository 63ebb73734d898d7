// What blocks a new visitor's link into the wizard on a slow phone's CPU: the main thread's
// tasks of 50 ms or more (what Lighthouse's total blocking time counts), from a Chromium trace
// of the release build at 4× CPU slowdown, no network throttling, a fresh context each load,
// until 6 s after the copy has been replaced. Each task is told by what took its time: layout,
// script, or the wasm, with how much of it was Chromium compiling wasm functions at their first
// call (lazy compilation, docs/performance.md). Markdown on stdout.
// LONG_TASK_PAGE=capital: a returning applicant's capital step instead, the app not cached (the
// draft kept, the HTTP cache cleared, no service worker).
import { chromium } from 'playwright-core';
import { serveApp, wakeApp, seedDraft, example } from '../tests/e2e/support.mjs';

const RUNS = Number(process.env.LONG_TASK_RUNS ?? 5);
const LONG = 50_000; // µs
const server = await serveApp();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});

const CAPITAL = process.env.LONG_TASK_PAGE === 'capital';

/// The trace of one load of `url`.
async function traceOf(url) {
  const context = await browser.newContext({
    viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, serviceWorkers: CAPITAL ? 'block' : 'allow',
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (CAPITAL) {
    await page.goto(server.url);
    await wakeApp(page);
    await seedDraft(page, example('llc'));
    await page.goto(url);
    await page.reload();
    await page.locator('h1', { hasText: '注册资本与出资' }).waitFor();
    await page.goto('about:blank');
    await cdp.send('Network.clearBrowserCache');
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8,v8.wasm,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await page.goto(url);
  await page.locator('.kb-prerendered').waitFor({ state: 'detached', timeout: 60_000 });
  await page.waitForTimeout(6_000);
  await cdp.send('Tracing.end');
  await complete;
  await context.close();
  return events;
}

/// The renderer's main thread's long tasks, each with what took its time.
function longTasks(events) {
  // The page's renderer (not a blank page's, nor a worker's): the main thread that ran the app's
  // scripts.
  const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const ownScripts = (thread) => thread.filter((e) => (e.args?.data?.url ?? '').startsWith(server.url)).length;
  const onMain = mains
    .map((m) => events.filter((e) => e.pid === m.pid && e.tid === m.tid))
    .sort((a, b) => ownScripts(b) - ownScripts(a))[0];
  const start = onMain.find((e) => e.name === 'navigationStart')?.ts ?? Math.min(...onMain.filter((e) => e.ts).map((e) => e.ts));
  return onMain.filter((e) => e.name === 'RunTask' && e.dur >= LONG).map((task) => {
    const inside = onMain.filter((e) => e !== task && e.dur && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur);
    const total = (pattern) => inside.filter((e) => pattern.test(e.name)).reduce((sum, e) => sum + e.dur, 0);
    const lazy = total(/^wasm\.CompileLazy$|compileLazy/i);
    const layout = total(/^(Layout|UpdateLayoutTree)$/);
    const wasm = inside.some((e) => /kaiban-[0-9a-f]+\.js/.test(e.args?.data?.url ?? ''));
    const what = wasm ? 'the wasm' : layout > task.dur / 2 ? 'style and layout' : inside.some((e) => /EvaluateScript|ParseHTML/.test(e.name)) ? 'parsing and scripts' : 'other';
    return { at: (task.ts - start) / 1000, ms: task.dur / 1000, what, lazy: lazy / 1000 };
  });
}

const loads = [];
const url = `${server.url}#/${CAPITAL ? 'capital' : 'entity-type'}`;
for (let run = 0; run < RUNS; run++) loads.push(longTasks(await traceOf(url)));
await browser.close();
await server.close();

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : 0;
};
const blocking = (tasks) => tasks.reduce((sum, t) => sum + t.ms - 50, 0);
console.log(`${CAPITAL ? 'A returning applicant\'s capital step, the app not cached' : 'A new visitor\'s link'} (\`${new URL(url).hash}\`), release build, 4× CPU, no network throttling, ${RUNS} loads: the main thread's tasks of 50 ms or more.`);
console.log();
console.log('| load | blocking time (the tasks\' time over 50 ms) | tasks: start, length, what (of it, lazy compilation of wasm functions) |');
console.log('|---|---:|---|');
loads.forEach((tasks, i) => {
  const listed = tasks.map((t) => `${t.at.toFixed(0)} ms: ${t.ms.toFixed(0)} ms ${t.what}${t.what === 'the wasm' ? ` (${t.lazy.toFixed(0)} ms)` : ''}`).join('; ');
  console.log(`| ${i + 1} | ${blocking(tasks).toFixed(0)} ms | ${listed || 'none'} |`);
});
console.log(`| median | ${median(loads.map(blocking)).toFixed(0)} ms | |`);
