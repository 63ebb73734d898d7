// The worker that compiles the wizard's wasm off the main thread (src/prerendered/compile-worker.js),
// written next to the app under a name that changes with its content. Both modules use it: boot.js
// (baked by tools/bake.mjs) for the first, the later pages' loader (tools/split.mjs) for the second.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { ROOT } from './config.mjs';

export const compilerBytes = fs.readFileSync(path.join(ROOT, 'src/prerendered/compile-worker.js'));
export const compilerName = `kaiban-compile-${crypto.createHash('sha256').update(compilerBytes).digest('hex').slice(0, 16)}.js`;
