// Submissions through a network that fails at the worst moments: dropped uploads, 500/503,
// 429 with Retry-After, stalls past the client's timeout, and the classic double submit
// (stored, then the answer lost). Every applicant must end with their receipt, the receiver
// with exactly one stored package per application, and no draft may be lost.
// KAIBAN_FAULT_SUBMISSIONS sets how many (default 24 in `./x test`; `./x soak` runs 200).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, serveApp, startReceiver, openWithApplication, example, ROOT, PHONE } from './support.mjs';
import { startFaultProxy } from './fault-proxy.mjs';
import { signEveryoneHere } from './wizard.mjs';

const SUBMISSIONS = Number(process.env.KAIBAN_FAULT_SUBMISSIONS ?? 24);
const PARALLEL = 4;
const TIMEOUT_SECONDS = 2;
const RECEIVED = path.join(ROOT, 'target/e2e/received-faults');
let browser, app, receiver, proxy;

/// A seeded generator, so a failing mix can be replayed (KAIBAN_FAULT_SEED).
function seeded(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x9e3779b9) >>> 0) / 2 ** 32);
}
const SEED = Number(process.env.KAIBAN_FAULT_SEED ?? Date.now() % 100000);

before(async () => {
  fs.rmSync(RECEIVED, { recursive: true, force: true });
  fs.mkdirSync(RECEIVED, { recursive: true });
  const config = {};
  app = await serveApp({ config });
  receiver = await startReceiver({ dataDir: RECEIVED, allowOrigin: app.url.replace(/\/$/, '') });
  proxy = await startFaultProxy({
    target: receiver.url,
    mix: { pass: 6, 'drop-upload': 1, 'http-500': 1, 'http-503': 1, 'http-429': 1, stall: 1, 'store-then-drop': 1 },
    stallMs: TIMEOUT_SECONDS * 1000 + 800,
    random: seeded(SEED),
  });
  config.endpoint = proxy.url;
  config.submitTimeoutSeconds = TIMEOUT_SECONDS;
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await proxy?.close();
  await app?.close();
  receiver?.stop();
});

/// One applicant: a complete application (its own draft id and address), signed and sent.
async function applicant(n) {
  const application = example('individual_business');
  application.domicile.detail = `花溪区溪北路${n + 1}号`;
  const page = await openWithApplication(browser, app.url, application, 'signing', PHONE);
  await signEveryoneHere(page);
  await page.locator('#submit-application').click();
  try {
    await page.locator('.kb-panel-title', { hasText: '申请已提交' }).waitFor({ timeout: 300_000 });
  } catch (e) {
    const state = await page.locator('main').innerText().catch(() => '?');
    throw new Error(`applicant ${n} (seed ${SEED}) got no receipt; faults so far ${JSON.stringify(proxy.counts)}; page: ${state.slice(0, 600)}; problems: ${page.problems}`);
  }
  await page.getByRole('button', { name: '查看回执和办理进度' }).click();
  const receipt = (await page.locator('#receipt-id').innerText()).trim();
  // The draft is still there after a reload, with its receipt.
  await page.reload();
  await page.locator('.kb-panel-title', { hasText: '申请已提交' }).or(page.locator('#receipt-id')).first().waitFor();
  const problems = page.problems.filter((p) => !/Failed to load resource|net::ERR_|status of 5\d\d|status of 429/.test(p));
  await page.context().close();
  return { n, receipt, problems };
}

test(`${SUBMISSIONS} submissions under random network faults: each stored exactly once, every applicant has a receipt`, { timeout: 60 * 60_000 }, async () => {
  console.log(`# fault seed ${SEED} (replay with KAIBAN_FAULT_SEED=${SEED})`);
  const results = [];
  let next = 0;
  await Promise.all(Array.from({ length: PARALLEL }, async () => {
    while (next < SUBMISSIONS) results.push(await applicant(next++));
  }));
  const faults = { ...proxy.counts };
  console.log(`# requests by fault: ${JSON.stringify(faults)}`);
  fs.mkdirSync(path.join(ROOT, 'target/e2e'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'target/e2e/network-faults.json'), JSON.stringify({ seed: SEED, submissions: SUBMISSIONS, faults }, null, 2));

  assert.equal(results.length, SUBMISSIONS);
  assert.deepEqual(results.flatMap((r) => r.problems), [], 'no errors in any page');
  const receipts = new Set(results.map((r) => r.receipt));
  assert.equal(receipts.size, SUBMISSIONS, 'every applicant has their own receipt');
  const stored = fs.readdirSync(RECEIVED).filter((d) => !d.startsWith('.'));
  assert.equal(stored.length, SUBMISSIONS, 'exactly one stored package per application');
  assert.deepEqual(new Set(stored), receipts, 'each receipt names a stored package');
  const faulted = Object.entries(faults).filter(([f]) => f !== 'pass').reduce((a, [, n]) => a + n, 0);
  // Faults per submission follow a geometric law (half the draws fault), so 24 submissions see
  // 24 faults on average but 11 or fewer about 2 % of the time: a bound of half the submissions
  // failed runs by chance. A quarter (6) fails by chance in 0.03 % of runs.
  assert.ok(faulted >= SUBMISSIONS / 4, `enough faults were injected: ${JSON.stringify(faults)}`);
});
