// Writes crates/kaiban-core/data/synthetic_catalogue_2000.csv: a SYNTHETIC business-scope
// catalogue of 2 000 items in the documented format (docs/business-scope-catalogue.md), for
// benchmarks and tests of a deployment-sized catalogue. Not a real 规范表述目录: every item's
// English text says "(synthetic)" and the catalogue_version is "SYNTHETIC-2000".
// Deterministic: the same file on every run.
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'crates/kaiban-core/data/synthetic_catalogue_2000.csv');
const FIELDS = [
  ['软件', 'software'], ['数据', 'data'], ['食品', 'food'], ['建筑材料', 'building materials'], ['家用电器', 'household appliances'],
  ['服装', 'clothing'], ['医疗器械', 'medical devices'], ['汽车零部件', 'auto parts'], ['农产品', 'farm produce'], ['化工产品', 'chemicals'],
  ['办公用品', 'office supplies'], ['电子元器件', 'electronic components'], ['茶叶', 'tea'], ['酒类', 'liquor'], ['中药材', 'Chinese medicinal herbs'],
  ['文具', 'stationery'], ['体育用品', 'sporting goods'], ['珠宝首饰', 'jewellery'], ['家具', 'furniture'], ['花卉', 'flowers'],
  ['通信设备', 'telecom equipment'], ['机械设备', 'machinery'], ['五金产品', 'hardware'], ['化妆品', 'cosmetics'], ['玩具', 'toys'],
];
const ACTIONS = [
  ['销售', 'sales of', '一般'], ['批发', 'wholesale of', '一般'], ['零售', 'retail of', '一般'], ['技术开发', 'technical development of', '一般'],
  ['技术咨询', 'technical consulting on', '一般'], ['设计', 'design of', '一般'], ['制造', 'manufacture of', '许可'], ['维修', 'repair of', '一般'],
  ['租赁', 'leasing of', '一般'], ['进出口', 'import and export of', '许可'], ['检验检测', 'inspection and testing of', '许可'], ['仓储', 'warehousing of', '一般'],
  ['包装服务', 'packaging of', '一般'], ['信息咨询', 'information consulting on', '一般'], ['回收', 'recycling of', '一般'], ['运输', 'transport of', '许可'],
];
const SCOPES = [['', ''], ['（不含危险化学品）', ' (no hazardous chemicals)'], ['（网络经营）', ' (online)'], ['（限分支机构经营）', ' (branches only)'], ['（仅限展示）', ' (display only)']];
const AUTHORITIES = [['市场监督管理部门', 'Market regulator'], ['商务主管部门', 'Commerce authority'], ['交通运输主管部门', 'Transport authority'], ['海关', 'Customs']];

const rows = [['code', 'item_zh', 'item_en', 'kind', 'timing', 'authority_zh', 'authority_en', 'industry_code', 'synonyms', 'sort', 'catalogue_version']];
let n = 0;
outer: for (const [sz, se] of SCOPES) {
  for (const [fz, fe] of FIELDS) {
    for (const [az, ae, kind] of ACTIONS) {
      if (n === 2000) break outer;
      n++;
      const licensed = kind === '许可';
      const [authZh, authEn] = licensed ? AUTHORITIES[n % AUTHORITIES.length] : ['', ''];
      rows.push([
        `S${String(n).padStart(4, '0')}`, `${fz}${az}${sz}`, `(synthetic) ${ae} ${fe}${se}`, kind,
        licensed ? (n % 7 === 0 ? '前置' : '后置') : '', authZh, authEn, String(5100 + (n % 90)),
        `${fz}${az === '销售' ? '买卖' : ''}`, String(n * 10), 'SYNTHETIC-2000',
      ]);
    }
  }
}
const csv = (cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
fs.writeFileSync(OUT, `${rows.map((r) => r.map(csv).join(',')).join('\n')}\n`);
console.log(`synthetic catalogue: ${n} items in ${path.relative(ROOT, OUT)}`);
