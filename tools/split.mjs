// Trunk post_build step 1 of 4 (tools/post-build.mjs): the later pages' module.
//
// The app's build (the `split` feature, src/steps/later.rs) marks the pages after the first step
// as a split point. Trunk cannot split a module, so this step replaces its wasm-bindgen output:
//   1. tools/wasm-split splits the linked module cargo built (with --emit-relocs, .cargo/config.toml)
//      into the main module and the later pages' module, with the JavaScript that loads the latter;
//   2. wasm-bindgen runs on the main module (keeping the exports the later module links to);
//   3. wasm-opt -Oz optimises each module (index.html turns Trunk's own wasm-opt off).
// It writes, under one name per build (a hash of the linked module):
//   kaiban-<h>.js and kaiban-<h>_bg.wasm   the glue and the main module, as Trunk's were
//   kaiban-split-<h>.js                    loads the later module (imported by the glue)
//   kaiban-later-<h>.wasm                  the later pages
// A build without the split point (no `split` feature) only gets wasm-opt. KEEP_NAMES=1 keeps the
// functions' names in both modules, for a profile in Chromium's DevTools (a larger download).
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { ROOT } from './config.mjs';
import { compilerName } from './compiler.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('split: TRUNK_STAGING_DIR is not set (run through trunk)');
  process.exit(1);
}
const release = process.env.TRUNK_PROFILE === 'release';
const staged = fs.readdirSync(staging);
const trunkJs = staged.find((f) => /^kaiban-[0-9a-f]{12,16}\.js$/.test(f));
const trunkWasm = staged.find((f) => /^kaiban-[0-9a-f]{12,16}_bg\.wasm$/.test(f));
if (!trunkJs || !trunkWasm) throw new Error(`split: no Trunk glue and wasm in ${staging}`);

const run = (command, args) => execFileSync(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] }).toString();
const optimise = (from, to) => run('wasm-opt', [`--output=${to}`, '-Oz', ...(process.env.KEEP_NAMES ? ['-g'] : []), from]);

const targetDir = path.resolve(ROOT, process.env.CARGO_TARGET_DIR ?? 'target');
const linked = path.join(targetDir, 'wasm32-unknown-unknown', release ? 'release' : 'debug', 'kaiban.wasm');
const linkedBytes = fs.readFileSync(linked);
if (!linkedBytes.includes('__wasm_split_placeholder__')) {
  if (release) optimise(path.join(staging, trunkWasm), path.join(staging, trunkWasm));
  console.log(`split: no split point in ${path.relative(ROOT, linked)}; wasm-opt only`);
} else {
  // The loader names the compiling worker: a new worker is a new loader.
  const hash = crypto.createHash('sha256').update(linkedBytes).update(compilerName).digest('hex').slice(0, 16);
  const names = {
    glue: `kaiban-${hash}.js`,
    main: `kaiban-${hash}_bg.wasm`,
    loader: `kaiban-split-${hash}.js`,
    later: `kaiban-later-${hash}.wasm`,
  };
  const work = path.join(targetDir, 'kaiban-split');
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });

  // 1. Split (the tool is built once per machine, with the workspace's lock file).
  const printed = run('cargo', ['run', '--quiet', '--locked', '--offline', '--profile', 'tool', '-p', 'kaiban-wasm-split', '--',
    linked, work, `./${names.glue}`, `./${names.loader}`]);
  const modules = printed.split('\n').filter(Boolean);
  if (modules.length !== 1) throw new Error(`split: expected one later module, got ${JSON.stringify(modules)}`);
  const loaderJs = fs.readFileSync(path.join(work, names.loader), 'utf8');
  if (!loaderJs.includes(`"./${modules[0]}"`)) throw new Error(`split: the loader does not fetch ${modules[0]}`);
  fs.writeFileSync(path.join(staging, names.loader), compiledOffMainThread(loaderJs.replace(`"./${modules[0]}"`, `"./${names.later}"`)));

  // 2. wasm-bindgen on the main module (the same CLI version Trunk uses, which ./x installs).
  run('wasm-bindgen', ['--target=web', '--no-typescript', '--keep-lld-exports', '--no-demangle',
    `--out-dir=${work}`, `--out-name=${names.glue.replace(/\.js$/, '')}`, path.join(work, 'main.wasm')]);
  fs.copyFileSync(path.join(work, names.glue), path.join(staging, names.glue));

  // 3. wasm-opt each module (a debug build keeps them as they are).
  for (const [from, to] of [[path.join(work, names.main), names.main], [path.join(work, modules[0]), names.later]]) {
    if (release) optimise(from, path.join(staging, to));
    else fs.copyFileSync(from, path.join(staging, to));
  }
  for (const file of [trunkJs, trunkWasm]) if (!Object.values(names).includes(file)) fs.rmSync(path.join(staging, file));
  const size = (name) => `${(fs.statSync(path.join(staging, name)).size / 1024).toFixed(0)} KB`;
  console.log(`split: ${names.main} (${size(names.main)}) and ${names.later} (${size(names.later)})`);
}

/// The loader as the splitter writes it fetches and compiles the later module on the main thread
/// (`WebAssembly.instantiateStreaming`). A returning applicant's browser fetches both modules at
/// start, and receiving and compiling the later one (~1.4 MB) then blocks a phone's main thread
/// for 100 ms or more while the applicant already sees their screen. The loader hands the module's
/// URL to the worker that compiles the first module (src/prerendered/compile-worker.js), and
/// fetches and compiles it here only where that worker cannot.
function compiledOffMainThread(loader) {
  const fetcher = /const src = fetch\((new URL\("[^"]+", import\.meta\.url\))\);\s*src\.catch\(\(\) => \{\}\);\s*return async \(imports\) => \(WebAssembly\.instantiateStreaming\(src, imports\)\);/;
  if (!fetcher.test(loader)) throw new Error('split: the loader does not fetch the later module as expected');
  return loader.replace(fetcher, (_, url) => `const src = ${url};
    const compiled = compileOffMainThread(src);
    return async (imports) => instantiate(src, await compiled, imports);`) + `
// Added by tools/split.mjs: the later module is fetched and compiled off the main thread, by the
// worker that compiles the first one. Where no worker can run it (no workers, or this file on
// another origin than the page, as in a portal's own page) or the worker fails (a failed
// download, say), it is fetched and compiled here; a failure then rejects the load.
function compileOffMainThread(url) {
  return new Promise((resolve) => {
    let worker;
    try {
      worker = new Worker(new URL("./${compilerName}", import.meta.url));
      worker.postMessage(url.href);
    } catch {
      worker?.terminate();
      return resolve(null);
    }
    const settle = (module) => {
      worker.terminate();
      resolve(module instanceof WebAssembly.Module ? module : null);
    };
    worker.onmessage = ({ data }) => settle(data);
    worker.onerror = () => settle(null);
  });
}
function instantiate(url, module, imports) {
  return module ? WebAssembly.instantiate(module, imports) : WebAssembly.instantiateStreaming(fetch(url), imports);
}
`;
}
