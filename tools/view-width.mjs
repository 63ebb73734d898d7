// Fails when a line inside a view! macro is wider than 120 characters. rustfmt skips macros
// and leptosfmt cannot break a long string, so long texts belong in a step's text constants.
// Usage: node tools/view-width.mjs [dir]   (default: src)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const MAX = 120;
const root = process.argv[2] ?? 'src';

function* rustFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* rustFiles(path);
    else if (name.endsWith('.rs')) yield path;
  }
}

/// Line numbers (1-based) that lie inside a `view! { … }` block.
function viewLines(text) {
  const inside = new Set();
  const opener = /view!\s*\{/g;
  let match;
  while ((match = opener.exec(text))) {
    let depth = 0;
    let i = match.index + match[0].length - 1;
    let inString = false;
    for (; i < text.length; i++) {
      const c = text[i];
      if (inString) {
        if (c === '\\') i++;
        else if (c === '"') inString = false;
        continue;
      }
      if (c === '"') inString = true;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) break;
    }
    const first = text.slice(0, match.index).split('\n').length;
    const last = text.slice(0, i).split('\n').length;
    for (let n = first; n <= last; n++) inside.add(n);
    opener.lastIndex = i;
  }
  return inside;
}

const wide = [];
let total = 0;
for (const file of rustFiles(root)) {
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  for (const n of viewLines(text)) {
    total++;
    const width = [...lines[n - 1]].length;
    if (width > MAX) wide.push(`${file}:${n}: ${width} characters`);
  }
}
console.log(`${total} lines of view! code, ${wide.length} wider than ${MAX} characters`);
for (const line of wide) console.log(line);
process.exit(wide.length ? 1 : 0);
