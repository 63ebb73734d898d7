// A fault-injecting HTTP proxy in front of the reference receiver. Each submission POST gets
// one fault drawn from `mix`; OPTIONS (CORS preflight) and GET (status polls) pass through.
//   pass            forwarded, answer relayed
//   drop-upload     the connection is cut after the first body bytes arrive
//   http-500/503    answered without forwarding
//   http-429        answered "Too Many Requests" with Retry-After: 1
//   stall           no answer until after the client's timeout; then forwarded (it is stored)
//   store-then-drop forwarded and stored, then the connection is cut before the answer
import http from 'node:http';

export const FAULTS = ['pass', 'drop-upload', 'http-500', 'http-503', 'http-429', 'stall', 'store-then-drop'];

export async function startFaultProxy({ target, mix, stallMs, random = Math.random }) {
  const counts = Object.fromEntries(FAULTS.map((f) => [f, 0]));
  const total = Object.values(mix).reduce((a, b) => a + b, 0);
  const pick = () => {
    let r = random() * total;
    for (const [fault, weight] of Object.entries(mix)) if ((r -= weight) < 0) return fault;
    return 'pass';
  };
  const targetUrl = new URL(target);
  const cors = (req) => ({
    'access-control-allow-origin': req.headers.origin ?? '*',
    'access-control-expose-headers': 'Retry-After',
    vary: 'Origin',
  });
  const readBody = (req) => new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
  const forward = (req, body) => new Promise((resolve, reject) => {
    const upstream = http.request({ host: targetUrl.hostname, port: targetUrl.port, path: req.url, method: req.method, headers: { ...req.headers, host: targetUrl.host } }, (res) => {
      readBody(res).then((data) => resolve({ status: res.statusCode, headers: res.headers, data }), reject);
    });
    upstream.on('error', reject);
    upstream.end(body);
  });
  const relay = (res, answer) => {
    const headers = { ...answer.headers };
    delete headers['transfer-encoding'];
    res.writeHead(answer.status, headers).end(answer.data);
  };

  const server = http.createServer(async (req, res) => {
    try {
      if (req.method !== 'POST') return relay(res, await forward(req, await readBody(req)));
      const fault = pick();
      counts[fault]++;
      if (fault === 'drop-upload') {
        req.once('data', () => req.socket.destroy());
        return;
      }
      const body = await readBody(req);
      switch (fault) {
        case 'http-500':
        case 'http-503':
          return res.writeHead(Number(fault.slice(5)), { 'content-type': 'text/plain', ...cors(req) }).end('injected failure');
        case 'http-429':
          return res.writeHead(429, { 'retry-after': '1', 'content-type': 'text/plain', ...cors(req) }).end('slow down');
        case 'stall':
          setTimeout(() => forward(req, body).catch(() => {}).finally(() => req.socket.destroy()), stallMs);
          return;
        case 'store-then-drop':
          await forward(req, body);
          return req.socket.destroy();
        default:
          return relay(res, await forward(req, body));
      }
    } catch (e) {
      if (!res.headersSent) res.writeHead(502, cors(req)).end(String(e));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}${targetUrl.pathname}`,
    counts,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}
