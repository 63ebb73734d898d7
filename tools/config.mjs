// Kaiban's deployment configuration (kaiban.config.json) and the security headers derived
// from it. Used by the build (bakes the config into index.html), by the static server
// (sends the headers) and by `node tools/config.mjs nginx` (prints them for nginx).
import fs from 'node:fs';
import crypto from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const KNOWN = new Set(['endpoint', 'allowedEndpoints', 'locale', 'entityTypes', 'theme', 'allowedParentOrigins', 'submitTimeoutSeconds', 'jurisdiction', 'catalogue', 'bundle', 'case']);

/// KAIBAN_ENDPOINT and KAIBAN_PARENT_ORIGINS (comma-separated) override the file (`./x serve`
/// sets them from its port settings).
export function envOverrides(env = process.env) {
  const overrides = {};
  if (env.KAIBAN_ENDPOINT) overrides.endpoint = env.KAIBAN_ENDPOINT;
  if (env.KAIBAN_PARENT_ORIGINS) overrides.allowedParentOrigins = env.KAIBAN_PARENT_ORIGINS.split(',');
  return overrides;
}

/// Whether `text` is exactly an http(s) origin (`https://portal.example.gov.cn[:port]`):
/// nothing else may reach the CSP, where `*`, `;` or a path would change its meaning.
export function isOrigin(text) {
  if (typeof text !== 'string' || !/^https?:\/\/[A-Za-z0-9.\-\[\]:]+$/.test(text)) return false;
  try {
    return new URL(text).origin === text;
  } catch {
    return false;
  }
}

/// The config file merged with `overrides`; unknown keys and malformed origins are an error,
/// not a silent typo.
export function loadConfig(file = process.env.KAIBAN_CONFIG ?? path.join(ROOT, 'kaiban.config.json'), overrides = envOverrides()) {
  const config = { ...JSON.parse(fs.readFileSync(file, 'utf8')), ...overrides };
  for (const key of Object.keys(config)) {
    if (!KNOWN.has(key)) throw new Error(`${file}: unknown setting "${key}" (known: ${[...KNOWN].join(', ')})`);
  }
  for (const origin of config.allowedParentOrigins ?? []) {
    if (!isOrigin(origin)) throw new Error(`${file}: allowedParentOrigins: "${origin}" is not an origin like https://zwfw.example.gov.cn`);
  }
  if (config.jurisdiction) checkJurisdiction(file, config.jurisdiction);
  if (config.catalogue) checkCatalogue(file, config.catalogue);
  if (config.bundle) checkBundle(file, config.bundle);
  // The receiver reads `case` (kaiban_core::case::Limits and Calendar, which refuse anything
  // else in detail); the app only shows the clocks the receiver computes.
  if (config.case !== undefined) {
    if (typeof config.case !== 'object' || config.case === null || Array.isArray(config.case)) throw new Error(`${file}: case must be an object with limits and/or calendar`);
    for (const key of Object.keys(config.case)) if (!['limits', 'calendar'].includes(key)) throw new Error(`${file}: case: unknown setting "${key}" (known: limits, calendar)`);
  }
  return config;
}

const SERVICES = ['seals', 'tax', 'social_insurance', 'housing_fund', 'bank'];

/// The services offered with the registration and the lists an applicant chooses from
/// (kaiban_core::bundle::BundleOffer; the receiver's --config refuses the same).
function checkBundle(file, bundle) {
  const known = new Set(['services', 'engravers', 'banks', 'freeFirstSeals']);
  for (const key of Object.keys(bundle)) if (!known.has(key)) throw new Error(`${file}: bundle: unknown setting "${key}" (known: ${[...known].join(', ')})`);
  if (!Array.isArray(bundle.services)) throw new Error(`${file}: bundle.services must list the services offered (${SERVICES.join(', ')}), or be [] to offer none`);
  for (const service of bundle.services) if (!SERVICES.includes(service)) throw new Error(`${file}: bundle.services: "${service}" is not one of ${SERVICES.join(', ')}`);
  const named = (item, where) => {
    if (!item || typeof item.code !== 'string' || !item.code || !item.zh || !item.en) throw new Error(`${file}: ${where}: each entry needs code, zh and en`);
    return item.code;
  };
  const codes = [
    ...(bundle.engravers ?? []).map((e) => named(e, 'bundle.engravers')),
    ...(bundle.banks ?? []).flatMap((b) => [named(b, 'bundle.banks'), ...(b.branches ?? []).map((x) => named(x, `bundle.banks ${b.code} branches`))]),
  ];
  const twice = codes.find((code, i) => codes.indexOf(code) !== i);
  if (twice) throw new Error(`${file}: bundle: the code ${twice} is listed twice`);
  if (bundle.services.includes('seals') && !(bundle.engravers ?? []).length) throw new Error(`${file}: bundle: seals are offered but no engraver is listed`);
  if (bundle.services.includes('bank') && (!(bundle.banks ?? []).length || bundle.banks.some((b) => !(b.branches ?? []).length))) throw new Error(`${file}: bundle: the bank service needs banks, each with branches`);
}

/// The deployment's business-scope catalogue: where the app fetches it and its SHA-256
/// (`kaiban-verify catalogue FILE` prints it). A wrong setting would refuse every
/// applicant's scope: the build stops instead.
function checkCatalogue(file, catalogue) {
  const keys = Object.keys(catalogue ?? {});
  if (keys.some((k) => k !== 'url' && k !== 'sha256')) throw new Error(`${file}: catalogue takes only url and sha256, not ${keys.join(', ')}`);
  if (typeof catalogue.sha256 !== 'string' || !/^[0-9a-fA-F]{64}$/.test(catalogue.sha256.trim())) {
    throw new Error(`${file}: catalogue.sha256 must be the file's SHA-256 as 64 hex digits (kaiban-verify catalogue FILE prints it)`);
  }
  if (typeof catalogue.url !== 'string' || !catalogue.url.trim()) throw new Error(`${file}: catalogue.url must name the file (https://… or a path beside the app)`);
  const absolute = /^[a-z][a-z0-9+.-]*:/i.test(catalogue.url);
  if (absolute && !/^https?:\/\/[^\s]+$/.test(catalogue.url)) throw new Error(`${file}: catalogue.url must be an http(s) address or a path beside the app, not ${catalogue.url}`);
}

/// A jurisdiction naming a division that does not exist would refuse every applicant: the
/// build stops instead (the receiver's --config refuses the same file).
function checkJurisdiction(file, jurisdiction) {
  const index = JSON.parse(fs.readFileSync(path.join(ROOT, 'crates/kaiban-core/data/divisions.json'), 'utf8'));
  const known = new Set([...index.provinces, ...index.prefectures, ...index.counties].map(([code]) => code));
  if (!Array.isArray(jurisdiction.divisions) || jurisdiction.divisions.length === 0) throw new Error(`${file}: jurisdiction.divisions must list at least one division code`);
  for (const code of jurisdiction.divisions) {
    if (!known.has(code)) throw new Error(`${file}: jurisdiction.divisions: ${code} is not a division code (six digits, e.g. 520100 for 贵阳市)`);
  }
  const covered = (county) => jurisdiction.divisions.some((code) => county === code || county.startsWith(code.replace(/(00)+$/, '')));
  for (const zone of jurisdiction.zones ?? []) {
    for (const county of zone.counties ?? []) {
      if (!covered(county)) throw new Error(`${file}: jurisdiction.zones: ${zone.code} lists ${county}, which is not in the jurisdiction`);
    }
  }
  if (!jurisdiction.authority?.zh || !jurisdiction.authority?.en) throw new Error(`${file}: jurisdiction.authority needs zh and en`);
  if (jurisdiction.area && (!jurisdiction.area.zh || !jurisdiction.area.en)) throw new Error(`${file}: jurisdiction.area needs zh and en`);
}

const escapeAttribute = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/// The settings the app reads (`case` is the receiver's alone).
export function metaTag(config) {
  const { case: _receiverOnly, ...forApp } = config;
  return `<meta name="kaiban:config" content="${escapeAttribute(JSON.stringify(forApp))}" />`;
}

const META = /<meta name="kaiban:config"[^>]*>/;

const escapeText = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/// `html` with the config meta tag replaced (or added before </head>), and the pre-rendered
/// header naming the deployment's area as the app will (Jurisdiction::area: its `area`, else
/// its authority; without a jurisdiction, the demo's, as pre-rendered).
export function withConfig(html, config) {
  const configured = META.test(html) ? html.replace(META, metaTag(config)) : html.replace('</head>', `  ${metaTag(config)}\n</head>`);
  const area = config.jurisdiction && (config.jurisdiction.area ?? config.jurisdiction.authority);
  if (!area) return configured;
  return configured
    .replace(/(<span class="kb-brand-area">)[^<]*( · 全程电子化<\/span>)/g, (_, open, close) => `${open}${escapeText(area.zh)}${close}`)
    .replace(/(<span class="kb-brand-area">)[^<]*( · fully online<\/span>)/g, (_, open, close) => `${open}${escapeText(area.en)}${close}`);
}

/// 'sha256-…' sources for every inline <script> (Trunk's module loader).
export function inlineScriptHashes(html) {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    ([, body]) => `'sha256-${crypto.createHash('sha256').update(body, 'utf8').digest('base64')}'`,
  );
}

const originOf = (url) => new URL(url).origin;

/// The app page's Content-Security-Policy: nothing inline but the hashed loader, no eval,
/// network only to the configured endpoints, framing only by the allowed portals.
export function contentSecurityPolicy(config, html) {
  // The catalogue is fetched like the endpoints are (a path beside the app is 'self').
  const catalogue = /^https?:\/\//.test(config.catalogue?.url ?? '') ? [config.catalogue.url] : [];
  const endpoints = new Set([config.endpoint, ...(config.allowedEndpoints ?? []), ...catalogue].filter(Boolean).map(originOf));
  // Checked by loadConfig too; a config built in code is held to the same rule here.
  const parents = (config.allowedParentOrigins ?? []).filter(isOrigin);
  return [
    "default-src 'none'",
    `script-src 'self' 'wasm-unsafe-eval' ${inlineScriptHashes(html).join(' ')}`.trim(),
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    `connect-src 'self' ${[...endpoints].join(' ')}`.trim(),
    "worker-src 'self'",
    "manifest-src 'self'",
    `frame-ancestors ${parents.length ? ["'self'", ...parents].join(' ') : "'self'"}`,
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}

/// Every header the app's HTML page should carry.
export function pageHeaders(config, html) {
  return {
    'content-security-policy': contentSecurityPolicy(config, html),
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-content-type-options': 'nosniff',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  };
}

// `node tools/config.mjs nginx [dist]`: the headers for a static deployment of dist/.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command, dist = path.join(ROOT, 'dist')] = process.argv.slice(2);
  if (command !== 'nginx') {
    console.error('usage: node tools/config.mjs nginx [dist-directory]');
    process.exit(2);
  }
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const config = loadConfig();
  const lines = Object.entries(pageHeaders(config, html)).map(([k, v]) => `    add_header ${k} "${v}" always;`);
  console.log(`# Generated by \`node tools/config.mjs nginx\` from kaiban.config.json and ${path.relative(process.cwd(), dist) || '.'}/index.html.
# Regenerate after every build: the inline scripts' hashes change with the build.
# The build writes .br and .gz copies of every asset: serve them (brotli_static needs ngx_brotli).
gzip_static on;
# brotli_static on;
location = /index.html {
${lines.join('\n')}
    add_header cache-control "no-cache" always;
}
location / {
    try_files $uri /index.html;
    add_header vary "accept-encoding" always;
    # Hashed assets never change; embed.js and kaiban-entry.js keep their names, so revalidate them.
    add_header access-control-allow-origin "*" always;
}`);
}
