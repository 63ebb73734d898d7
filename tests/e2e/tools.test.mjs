// The static server and the configuration tools as an attacker or a careless deployer meets
// them: no path outside the served folder, no machine paths in errors, no CSP injection.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { startStaticServer, fileUnder } from '../../tools/serve-dist.mjs';
import { contentSecurityPolicy, isOrigin, loadConfig, withConfig } from '../../tools/config.mjs';

function get(url) {
  return new Promise((resolve, reject) => {
    http.get(url, (res) => {
      let body = '';
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode, body }));
    }).on('error', reject);
  });
}


/// A config file's path in a folder of its own, removed when the tests end.
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kaiban-config-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));
let scratchFiles = 0;
const scratchConfigFile = () => {
  const folder = fs.mkdirSync(path.join(scratch, `${++scratchFiles}`), { recursive: true });
  return path.join(folder, 'kaiban.config.json');
};

test('the static server never serves a sibling folder that shares its prefix', async () => {
  const top = fs.mkdtempSync(path.join(os.tmpdir(), 'kaiban-serve-'));
  fs.mkdirSync(path.join(top, 'dist'));
  fs.mkdirSync(path.join(top, 'dist-old'));
  fs.writeFileSync(path.join(top, 'dist', 'index.html'), '<p>app</p>');
  fs.writeFileSync(path.join(top, 'dist-old', 'secret.txt'), 'SECRET');
  const server = await startStaticServer({ root: path.join(top, 'dist') });
  try {
    for (const attack of ['..%2fdist-old/secret.txt', '%2e%2e/dist-old/secret.txt', '..%2f..%2fetc%2fpasswd', '%E0%A4%A']) {
      const answer = await get(`${server.url}${attack}`);
      assert.ok(!answer.body.includes('SECRET') && !answer.body.includes('root:'), `${attack} leaked: ${answer.status}`);
      assert.ok(!answer.body.includes(top), `${attack}: the answer names a path of this machine`);
    }
    assert.equal((await get(`${server.url}..%2fdist-old/secret.txt`)).status, 403);
    assert.equal((await get(server.url)).body, '<p>app</p>');
  } finally {
    await server.close();
    fs.rmSync(top, { recursive: true, force: true });
  }
  assert.equal(fileUnder('/srv/dist', '/../dist-old/x'), null);
  assert.equal(fileUnder('/srv/dist', '/a/b.js'), '/srv/dist/a/b.js');
});

test('allowedParentOrigins accepts only bare origins: no *, ; or path reaches frame-ancestors', () => {
  for (const good of ['https://zwfw.example.gov.cn', 'http://localhost:8090', 'http://127.0.0.1:9000']) assert.ok(isOrigin(good), good);
  for (const bad of ['*', 'https://*.gov.cn', "https://a.cn; script-src 'unsafe-inline'", 'https://a.cn/path', 'javascript:alert(1)', 'https://a.cn ']) {
    assert.ok(!isOrigin(bad), bad);
    const file = scratchConfigFile();
    fs.writeFileSync(file, JSON.stringify({ endpoint: 'https://a.cn/api', allowedParentOrigins: [bad] }));
    assert.throws(() => loadConfig(file, {}), /allowedParentOrigins/, bad);
    const csp = contentSecurityPolicy({ endpoint: 'https://a.cn/api', allowedParentOrigins: [bad] }, '');
    assert.match(csp, /frame-ancestors 'self';/, `${bad} reached the CSP: ${csp}`);
  }
});

test('a jurisdiction naming an unknown division stops the build; the docs example passes', () => {
  const example = path.join(import.meta.dirname, '../../docs/examples/zunyi.config.json');
  assert.equal(loadConfig(example, {}).jurisdiction.divisions[0], '520300');
  // docs/reference-data.md shows this very file.
  const shown = fs.readFileSync(path.join(import.meta.dirname, '../../docs/reference-data.md'), 'utf8').match(/```json\n([\s\S]*?)```/)[1];
  assert.deepEqual(JSON.parse(shown), JSON.parse(fs.readFileSync(example, 'utf8')));
  const file = scratchConfigFile();
  const config = JSON.parse(fs.readFileSync(example, 'utf8'));
  fs.writeFileSync(file, JSON.stringify({ ...config, jurisdiction: { ...config.jurisdiction, divisions: ['529999'] } }));
  assert.throws(() => loadConfig(file, {}), /529999 is not a division code/);
  fs.writeFileSync(file, JSON.stringify({ ...config, jurisdiction: { ...config.jurisdiction, zones: [{ ...config.jurisdiction.zones[0], counties: ['520115'] }] } }));
  assert.throws(() => loadConfig(file, {}), /520115, which is not in the jurisdiction/);
});

test('a catalogue setting names its file by SHA-256 or stops the build; its host joins connect-src', () => {
  const example = loadConfig(path.join(import.meta.dirname, '../../docs/examples/zunyi.config.json'), {});
  assert.match(contentSecurityPolicy(example, ''), /connect-src 'self' https:\/\/kaiban\.zunyi\.example\.gov\.cn https:\/\/data\.zunyi\.example\.gov\.cn;/);
  // A path beside the app needs nothing more than 'self'.
  assert.match(contentSecurityPolicy({ ...example, catalogue: { ...example.catalogue, url: 'scope/zunyi.csv' } }, ''), /connect-src 'self' https:\/\/kaiban\.zunyi\.example\.gov\.cn;/);
  const file = scratchConfigFile();
  for (const [catalogue, says] of [
    [{ url: 'https://a.cn/c.csv', sha256: 'abc' }, /64 hex digits/],
    [{ url: '', sha256: example.catalogue.sha256 }, /catalogue\.url/],
    [{ url: 'javascript:alert(1)', sha256: example.catalogue.sha256 }, /http\(s\) address/],
    [{ url: 'https://a.cn/c.csv', sha256: example.catalogue.sha256, version: 'x' }, /only url and sha256/],
  ]) {
    fs.writeFileSync(file, JSON.stringify({ ...example, catalogue }));
    assert.throws(() => loadConfig(file, {}), says, JSON.stringify(catalogue));
  }
});

test('the pre-rendered header names the deployment\'s area, as the app does', () => {
  const html = '<head></head><span class="kb-brand-area">贵阳国家高新技术产业开发区 · 全程电子化</span><template><span class="kb-brand-area">Guiyang National Hi-tech Zone · fully online</span></template>';
  const zunyi = loadConfig(path.join(import.meta.dirname, '../../docs/examples/zunyi.config.json'), {});
  const out = withConfig(html, zunyi);
  assert.match(out, /<span class="kb-brand-area">遵义市市场监督管理局 · 全程电子化<\/span>/);
  assert.match(out, /<span class="kb-brand-area">Zunyi Administration for Market Regulation · fully online<\/span>/);
  const named = withConfig(html, { jurisdiction: { ...zunyi.jurisdiction, area: { zh: '遵义<经开区>', en: 'Zunyi ETDZ' } } });
  assert.match(named, /遵义&lt;经开区> · 全程电子化/);
  assert.equal(withConfig(html, {}).includes('贵阳国家高新技术产业开发区 · 全程电子化'), true, 'no jurisdiction: the demo, as pre-rendered');
});
