// Trunk post_build step 3 of 4 (tools/post-build.mjs): writes the precache list (the build's hashed file names) and a content
// version into the staged service worker, so every build gets a new cache and the old one
// is deleted when the new worker activates.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('precache: TRUNK_STAGING_DIR is not set (run through trunk)');
  process.exit(1);
}
const EXCLUDE = new Set(['sw.js']);
// A province's townships are fetched when the applicant picks it, and kept then (sw.js).
const LAZY = /^divisions\/\d\d-[0-9a-f]+\.json$/;
// Loaded by portal pages, never by the app's own page offline.
const IN_PAGE_ONLY = /^(embed|kaiban-entry|kaiban-inpage-)/;

function files(dir, prefix = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return files(path.join(dir, entry.name), rel);
    return EXCLUDE.has(rel) || /\.(map|br|gz)$/.test(rel) || IN_PAGE_ONLY.test(rel) || LAZY.test(rel) ? [] : [rel];
  });
}

const list = files(staging).sort();
const hash = crypto.createHash('sha256');
for (const file of list) hash.update(file).update(fs.readFileSync(path.join(staging, file)));
const version = hash.digest('hex').slice(0, 16);
const urls = ['./', ...list];

const sw = path.join(staging, 'sw.js');
const template = fs.readFileSync(sw, 'utf8');
fs.writeFileSync(sw, template.replace('__KAIBAN_VERSION__', version).replace('__KAIBAN_PRECACHE__', JSON.stringify(urls)));
console.log(`precache: ${urls.length} entries, version ${version}`);
