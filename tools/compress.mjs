// Trunk post_build step 4 of 4 (tools/post-build.mjs): writes brotli (-q 11) and gzip (-9) copies next to every text
// and wasm asset, so a server sends compressed bytes without compressing per request
// (tools/serve-dist.mjs does; nginx: brotli_static / gzip_static, see docs/embedding.md).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('compress: TRUNK_STAGING_DIR is not set (run through trunk)');
  process.exit(1);
}
const COMPRESSIBLE = /\.(wasm|js|mjs|css|svg|json|webmanifest)$/;
let count = 0;
// Top-level assets and the division data (divisions/).
const names = fs.readdirSync(staging).flatMap((name) =>
  name === 'divisions' ? fs.readdirSync(path.join(staging, name)).map((f) => `${name}/${f}`) : [name]);
for (const name of names) {
  const file = path.join(staging, name);
  if (!COMPRESSIBLE.test(name) || !fs.statSync(file).isFile()) continue;
  const raw = fs.readFileSync(file);
  if (raw.length < 512) continue;
  fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(raw, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
  }));
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(raw, { level: 9 }));
  count++;
}
console.log(`compress: brotli and gzip copies of ${count} files`);
