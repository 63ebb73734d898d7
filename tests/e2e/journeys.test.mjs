// A complete application for every entity type, entered through the UI; the JSON the
// wizard produces must pass the native verifier with no errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { sharedBrowserAndApp, openPage, assertNoProblems, screenshot, ROOT, DESKTOP, PHONE } from './support.mjs';
import { fillApplication } from './wizard.mjs';

const EXAMPLES = path.join(ROOT, 'crates/kaiban-core/examples/applications');
const VERIFY = path.join(ROOT, 'target/debug/kaiban-verify');
const TYPES = ['llc', 'one_person_llc', 'joint_stock', 'sole_proprietorship', 'general_partnership', 'limited_partnership', 'individual_business'];

const shared = sharedBrowserAndApp({ before, after });

function verify(application) {
  const file = path.join(ROOT, 'target/e2e', `application-${application.entity_type}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(application, null, 2));
  try {
    return { code: 0, out: execFileSync(VERIFY, ['check', file], { encoding: 'utf8' }) };
  } catch (e) {
    return { code: e.status, out: `${e.stdout}${e.stderr}` };
  }
}

for (const type of TYPES) {
  test(`a complete ${type} application through the UI passes kaiban-verify check`, async () => {
    const example = JSON.parse(fs.readFileSync(path.join(EXAMPLES, `${type}.json`), 'utf8'));
    const viewport = type === 'llc' ? DESKTOP : PHONE;
    const page = await openPage(shared.browser, shared.server.url, viewport);
    const produced = await fillApplication(page, example, {
      onStep: type === 'llc' || type === 'limited_partnership' ? (key) => screenshot(page, `journey-${type}-${key}`) : undefined,
    });
    const result = verify(produced);
    assert.equal(result.code, 0, `kaiban-verify check found errors:\n${result.out}`);
    assert.equal(produced.entity_type, example.entity_type);
    assert.equal(produced.name.full, example.name.full);
    assert.equal(produced.capital.registered_fen, example.capital.registered_fen);
    assert.deepEqual(produced.business_scope.items, example.business_scope.items);
    assert.deepEqual(produced.investors.map((i) => i.subscribed_fen), example.investors.map((i) => i.subscribed_fen));
    assert.equal(produced.persons.length, example.persons.length, 'each person is stored once');
    assertNoProblems(page);
    await page.context().close();
  });
}
