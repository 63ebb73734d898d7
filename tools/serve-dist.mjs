// Static server for the built app (dist/). Used by `./x serve` and by the e2e tests.
// Serves .wasm as application/wasm, never caches index.html, and answers unknown paths
// with index.html so a reload on any step works. Compressed as a production server would:
// the build's .br/.gz copies (tools/compress.mjs) for assets, brotli on the fly for the page.
import http from 'node:http';
import zlib from 'node:zlib';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, pageHeaders, withConfig } from './config.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

function accepts(req, coding) {
  return (req.headers['accept-encoding'] ?? '').split(',').some((part) => {
    const [name, ...params] = part.trim().split(';');
    return name.trim() === coding && !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p));
  });
}

/// The file under `base` that `pathname` names, or null when it would leave `base` (a
/// sibling folder such as dist-old/ shares the prefix, so the check needs the separator).
export function fileUnder(base, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.normalize(path.join(base, decoded));
  return file === base || file.startsWith(base + path.sep) ? file : null;
}

/// Forwards the request to `target` (as a deployment's nginx `location /api/` would), streaming
/// both ways; `prefix` is replaced by the target's path.
function forward(req, res, { prefix, target }) {
  const url = new URL(req.url, 'http://x');
  const to = new URL(target);
  const upstream = http.request({
    host: to.hostname,
    port: to.port,
    method: req.method,
    path: to.pathname.replace(/\/$/, '') + '/' + url.pathname.slice(prefix.length) + url.search,
    headers: { ...req.headers, host: to.host },
  }, (answer) => {
    res.writeHead(answer.statusCode, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
    res.end('the receiver is unreachable');
  });
  req.pipe(upstream);
}

/// `config`: the deployment configuration to serve the app with (baked into index.html and
/// turned into its CSP); null serves the files as they are, without app headers.
/// `substitute`: {NAME: value} replaces {{NAME}} in HTML files (the embed demo's app URL).
/// `proxy`: {prefix: '/api/', target: 'http://127.0.0.1:8787/'} puts the receiver on this
/// origin, as a deployment that serves app and API from one host does.
export function startStaticServer({ root, host = '127.0.0.1', port = 0, config = null, substitute = {}, proxy = null }) {
  const base = path.resolve(root);
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://x');
      if (proxy && url.pathname.startsWith(proxy.prefix)) {
        forward(req, res, proxy);
        return;
      }
      let file = fileUnder(base, url.pathname);
      if (!file) {
        res.writeHead(403, { 'content-type': 'text/plain' }).end('forbidden');
        return;
      }
      let stat = await fs.stat(file).catch(() => null);
      if (!stat || stat.isDirectory()) {
        file = path.join(base, 'index.html');
        stat = await fs.stat(file).catch(() => null);
        if (!stat) {
          res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
          return;
        }
      }
      const ext = path.extname(file);
      let body = await fs.readFile(file);
      let headers = {};
      if (ext === '.html') {
        let html = body.toString('utf8');
        for (const [name, value] of Object.entries(substitute)) html = html.replaceAll(`{{${name}}}`, value);
        if (config && html.includes('name="kaiban:app"')) {
          html = withConfig(html, config);
          headers = pageHeaders(config, html);
        }
        body = Buffer.from(html);
        if (accepts(req, 'br')) {
          body = zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } });
          headers['content-encoding'] = 'br';
        }
      } else {
        // Portals load embed.js, kaiban-entry.js, the wasm and the stylesheet cross-origin.
        headers['access-control-allow-origin'] = '*';
        for (const [coding, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
          if (!accepts(req, coding)) continue;
          const compressed = await fs.readFile(file + suffix).catch(() => null);
          if (compressed) {
            body = compressed;
            headers['content-encoding'] = coding;
            break;
          }
        }
      }
      const stable = ext === '.html' || !/-[0-9a-f]{12,16}(_bg)?\./.test(path.basename(file));
      res.writeHead(200, {
        'content-type': TYPES[ext] ?? 'application/octet-stream',
        'cache-control': stable ? 'no-cache' : 'public, max-age=31536000, immutable',
        'x-content-type-options': 'nosniff',
        vary: 'accept-encoding',
        ...headers,
      });
      res.end(body);
    } catch (e) {
      // The details (paths of this machine) go to the log, not to the visitor.
      console.error(`kaiban: serving ${req.url} failed: ${e.message}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('internal error');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolve({ url: `http://${host}:${actual}/`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

// `node tools/serve-dist.mjs [--port N] [--root dist] [--config kaiban.config.json]`
// KAIBAN_ENDPOINT and KAIBAN_PARENT_ORIGINS (comma-separated) override the config file.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const port = Number(arg('port', '8080'));
  const config = loadConfig(arg('config', undefined));
  const substitute = {};
  for (let i = 0; i < process.argv.length; i++) {
    if (process.argv[i] === '--substitute') {
      const [name, ...value] = process.argv[i + 1].split('=');
      substitute[name] = value.join('=');
    }
  }
  startStaticServer({ root: arg('root', 'dist'), port, config, substitute })
    .then(({ url }) => console.log(`kaiban: ${arg('root', 'dist')} served on ${url}`))
    .catch((e) => {
      if (e.code === 'EADDRINUSE') {
        console.error(`kaiban: port ${port} is already in use; stop the other program or run with KAIBAN_APP_PORT=<free port>`);
        process.exit(3);
      }
      console.error(`kaiban: cannot serve the app: ${e.message}`);
      process.exit(1);
    });
}
