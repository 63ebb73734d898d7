// Drives the wizard the way an applicant does: by labels and buttons, finding each input by
// the field path it carries (`data-path`, built by kaiban_core::path). `fillApplication`
// enters a whole example application.
import assert from 'node:assert/strict';
import { allSaved } from './support.mjs';

/// The DOM id of the element that shows `path` (the error summary links to it), as
/// app::field_id makes it.
export function fieldId(path) {
  return 'f-' + path.replace(/[[.]/g, '-').replace(/\]/g, '').replace(/[^A-Za-z0-9_-]/g, '_');
}

/// The input bound to `path`, or the one that also shows it (a contact's mobile number is asked
/// for on the contacts step under the role's own path).
export const field = (page, path) => page.locator(`[data-path="${path}"], [data-also-id="${fieldId(path)}"]`).first();

/// The path of `f` of the `n`th person form on the page (people are addressed by id).
export async function personPath(page, n, f) {
  const id = await page.locator('.kb-person[data-person-id]').nth(n).getAttribute('data-person-id');
  return `persons[${id}].${f}`;
}

/// The id of the one person form that appeared since `known` (a set of ids) was taken.
async function newPersonId(page, known) {
  const ids = await page.locator('.kb-person[data-person-id]').evaluateAll((els) => els.map((e) => e.dataset.personId));
  const fresh = [...new Set(ids)].filter((id) => !known.has(id));
  assert.equal(fresh.length, 1, `one new person form, not ${fresh.length}`);
  return fresh[0];
}

export async function fill(page, path, value) {
  const input = field(page, path);
  await input.fill(String(value));
  await input.blur();
}

export async function choose(page, path, value) {
  await field(page, path).selectOption(String(value));
}

/// Picks the domicile's place with the picker's selects: province, prefecture (a
/// municipality has none to pick), county, and the township when `township` is given.
export async function choosePlace(page, county, township = '') {
  await choose(page, 'domicile.province', `${county.slice(0, 2)}0000`);
  const prefecture = field(page, 'domicile.prefecture');
  if (await prefecture.isVisible()) await prefecture.selectOption(`${county.slice(0, 4)}00`);
  await choose(page, 'domicile.division_code', county);
  if (township) await choose(page, 'domicile.township_code', township);
}

/// Checks the radio with `value` in the group whose first input has the path's id.
export async function radio(page, path, value) {
  const first = field(page, path);
  const name = await first.getAttribute('name');
  await page.locator(`input[type=radio][name="${name}"][value="${value}"]`).check();
}

export async function tick(page, path, on = true) {
  const box = field(page, path);
  if ((await box.isChecked()) !== on) await box.setChecked(on);
}

export async function heading(page) {
  return (await page.locator('h1').first().innerText()).trim();
}

export async function next(page) {
  const before = await heading(page);
  await page.locator('main form button[type=submit]').first().click();
  await page.waitForFunction((b) => document.querySelector('h1')?.innerText.trim() !== b, before, { timeout: 5000 })
    .catch(async () => {
      const summary = await page.locator('.kb-error-summary').innerText().catch(() => '(no summary)');
      throw new Error(`could not leave "${before}": ${summary}`);
    });
}

export const wan = (fen) => {
  const whole = Math.floor(fen / 1_000_000);
  const frac = String(fen % 1_000_000).padStart(6, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
};

/// Fills the form of the person with UI id `id` from an example person record.
async function fillPerson(page, id, p) {
  const at = (f) => `persons[${id}].${f}`;
  await choose(page, at('id_type'), p.id_type);
  await fill(page, at('id_number'), p.id_number);
  await fill(page, at('name'), p.name);
  if (p.id_type === 'credit_code') {
    await fill(page, at('org_representative'), p.org_representative ?? '');
    if (await field(page, at('org_category')).count()) await choose(page, at('org_category'), p.org_category ?? 'ordinary');
  } else {
    if (p.mobile) await fill(page, at('mobile'), p.mobile);
    if (p.email) await fill(page, at('email'), p.email);
  }
  if (p.address) await fill(page, at('address'), p.address);
}

/// Selects `personId` of the example in a person picker, creating the person the first
/// time they appear. `ui` maps the example's person ids to the UI's.
async function pick(page, path, personId, example, ui) {
  const person = example.persons.find((p) => p.id === personId);
  if (ui.has(personId)) {
    const select = field(page, path);
    const value = await select.evaluate((el, name) => [...el.options].find((o) => o.text === name || o.text.startsWith(`${name} ·`))?.value, person.name);
    assert.ok(value, `${person.name} is offered in ${path}`);
    await select.selectOption(value);
    return;
  }
  await field(page, path).selectOption(person.id_type === 'credit_code' ? '__new_org' : '__new');
  const id = await newPersonId(page, new Set(ui.values()));
  ui.set(personId, id);
  await fillPerson(page, id, person);
}

const STEP_TITLES = {
  name: '企业名称', domicile: '住所', scope: '经营范围', investors: '投资人', capital: '注册资本与出资',
  officers: '组织机构', partnership: '执行事务合伙人', contacts: '财务负责人与联络员',
  articles: '章程（协议）约定', beneficial: '受益所有人', attachments: '附件材料', delivery: '营业执照领取', bundle: '开办套餐', review: '核对信息', declaration: '承诺',
};

async function expectStep(page, key) {
  assert.equal(await heading(page), STEP_TITLES[key]);
}

/// From the start page to the declaration, entering `example` (an application JSON).
export async function fillApplication(page, example, { onStep } = {}) {
  const ui = new Map();
  const shot = async (key) => { if (onStep) await onStep(key); };
  await page.getByRole('button', { name: '开始申请' }).click();
  await page.locator(`#entity-${example.entity_type}`).check();
  await shot('entity-type');
  await next(page);

  await expectStep(page, 'name');
  await fill(page, 'name.full', example.name.full);
  await tick(page, 'name.self_declaration_accepted');
  await shot('name');
  await next(page);

  await expectStep(page, 'domicile');
  const d = example.domicile;
  await choosePlace(page, d.division_code, d.township_code);
  if (d.functional_zone) await tick(page, 'domicile.functional_zone');
  await fill(page, 'domicile.detail', d.detail);
  if (d.postcode) await fill(page, 'domicile.postcode', d.postcode);
  if (d.phone) await fill(page, 'domicile.phone', d.phone);
  await radio(page, 'domicile.proof', d.proof);
  if (d.proof === 'declaration') await tick(page, 'domicile.declaration_accepted');
  await shot('domicile');
  await next(page);

  await expectStep(page, 'scope');
  for (const { zh: text } of example.business_scope.items) {
    await page.locator('#scope-search').fill(text);
    await page.locator('#scope-results li').filter({ has: page.getByText(text, { exact: true }) }).getByRole('button').click();
  }
  await page.locator('#scope-search').fill('');
  await shot('scope');
  await next(page);

  await expectStep(page, 'investors');
  const natural = ['sole_proprietorship', 'individual_business'].includes(example.entity_type);
  for (const [i, inv] of example.investors.entries()) {
    const person = example.persons.find((p) => p.id === inv.person_id);
    if (!(natural && i === 0)) {
      const label = person.id_type === 'credit_code' ? /添加单位/ : /添加自然人/;
      await page.getByRole('button', { name: label }).click();
    }
    const id = await newPersonId(page, new Set(ui.values()));
    ui.set(inv.person_id, id);
    await fillPerson(page, id, person);
    if (example.entity_type === 'limited_partnership') await radio(page, `investors[${i}].partner_kind`, inv.partner_kind);
    if (example.entity_type === 'sole_proprietorship') await radio(page, `investors[${i}].property_form`, inv.property_form);
  }
  await shot('investors');
  await next(page);

  await expectStep(page, 'capital');
  const c = example.capital;
  if (c.registered_fen) await fill(page, 'capital.registered_fen', wan(c.registered_fen));
  if (example.entity_type === 'joint_stock') {
    await radio(page, 'capital.establishment_method', c.establishment_method);
    await fill(page, 'capital.total_shares', c.total_shares);
    await fill(page, 'capital.par_value_fen', c.par_value_fen / 100);
  }
  for (const [i, inv] of example.investors.entries()) {
    const at = (f) => `investors[${i}].${f}`;
    await fill(page, at('subscribed_fen'), wan(inv.subscribed_fen));
    if (inv.paid_fen) await fill(page, at('paid_fen'), wan(inv.paid_fen));
    if (inv.shares) await fill(page, at('shares'), inv.shares);
    for (const [j, con] of inv.contributions.entries()) {
      if (j > 0) await page.locator('section.kb-card').nth(i).getByRole('button', { name: /添加出资方式/ }).click();
      const cat = (f) => `investors[${i}].contributions[${j}].${f}`;
      await choose(page, cat('method'), con.method);
      await fill(page, cat('amount_fen'), wan(con.amount_fen));
      if (con.due_date) await fill(page, cat('due_date'), con.due_date);
      if (con.appraisal_ref) await fill(page, cat('appraisal_ref'), con.appraisal_ref);
    }
  }
  await shot('capital');
  await next(page);

  const o = example.officers;
  if (['llc', 'one_person_llc', 'joint_stock'].includes(example.entity_type)) {
    await expectStep(page, 'officers');
    await radio(page, 'officers.board_mode', o.board_mode);
    for (const [i, dir] of o.directors.entries()) {
      await page.getByRole('button', { name: /添加董事/ }).click();
      await pick(page, `officers.directors[${i}].person_id`, dir.person_id, example, ui);
      if (dir.chair) await tick(page, `officers.directors[${i}].chair`);
      if (dir.executes_affairs) await tick(page, `officers.directors[${i}].executes_affairs`);
      if (dir.employee_representative) await tick(page, `officers.directors[${i}].employee_representative`);
    }
    await radio(page, 'officers.supervision', o.supervision);
    for (const [i, sup] of (o.supervisors ?? []).entries()) {
      await page.getByRole('button', { name: /添加监事/ }).click();
      await pick(page, `officers.supervisors[${i}].person_id`, sup.person_id, example, ui);
    }
    if (o.manager_id) await pick(page, 'officers.manager_id', o.manager_id, example, ui);
    const rep = example.persons.find((p) => p.id === o.legal_representative_id);
    const repValue = await field(page, 'officers.legal_representative_id').evaluate((el, name) => [...el.options].find((x) => x.text.startsWith(name))?.value, rep.name);
    await choose(page, 'officers.legal_representative_id', repValue);
    if (o.employee_count) await fill(page, 'officers.employee_count', o.employee_count);
    await shot('officers');
    await next(page);
  }
  if (['general_partnership', 'limited_partnership'].includes(example.entity_type)) {
    await expectStep(page, 'partnership');
    for (const [i, ep] of example.executing_partners.entries()) {
      if (i > 0) await page.getByRole('button', { name: /添加执行事务合伙人/ }).click();
      await pick(page, `executing_partners[${i}].partner_id`, ep.partner_id, example, ui);
      if (ep.delegate_id) await pick(page, `executing_partners[${i}].delegate_id`, ep.delegate_id, example, ui);
    }
    await shot('partnership');
    await next(page);
  }
  if (!['sole_proprietorship', 'individual_business'].includes(example.entity_type)) {
    await expectStep(page, 'articles');
    await shot('articles');
    await next(page);
  }
  if (example.entity_type !== 'individual_business') {
    await expectStep(page, 'contacts');
    await pick(page, 'finance_officer_id', example.finance_officer_id, example, ui);
    await pick(page, 'liaison_id', example.liaison_id, example, ui);
    await shot('contacts');
    await next(page);
  }
  if (!['sole_proprietorship', 'individual_business'].includes(example.entity_type)) {
    await expectStep(page, 'beneficial');
    const bo = example.beneficial_owners;
    if (bo.exemption_commitment) {
      await tick(page, 'beneficial_owners.exemption_commitment');
    } else {
      for (const [i, owner] of bo.owners.entries()) {
        await page.getByRole('button', { name: /添加受益所有人/ }).click();
        await pick(page, `beneficial_owners.owners[${i}].person_id`, owner.person_id, example, ui);
        await radio(page, `beneficial_owners.owners[${i}].basis`, owner.basis);
        if (owner.share_millionths) await fill(page, `beneficial_owners.owners[${i}].share_millionths`, owner.share_millionths / 10000);
      }
    }
    await shot('beneficial');
    await next(page);
  }

  await expectStep(page, 'attachments');
  for (const a of example.attachments ?? []) {
    const slot = a.purpose === 'domicile_proof' ? 'domicile' : a.purpose === 'pre_approval' ? `pre-${a.scope_item}` : 'articles';
    await page.locator(`#file-${slot}`).setInputFiles({ name: a.name, mimeType: a.media_type, buffer: Buffer.from(`%PDF-1.4 ${a.name}`) });
    await page.locator('.kb-file-name', { hasText: a.name }).waitFor();
  }
  await shot('attachments');
  await next(page);

  await expectStep(page, 'delivery');
  const del = example.licence_delivery;
  await radio(page, 'licence_delivery.method', del.method);
  if (del.method === 'post') {
    await fill(page, 'licence_delivery.recipient', del.recipient);
    await fill(page, 'licence_delivery.phone', del.phone);
    await fill(page, 'licence_delivery.address', del.address);
  }
  await shot('delivery');
  await next(page);

  // The examples take none of the services filed with the registration (bundle.test.mjs does).
  await expectStep(page, 'bundle');
  await shot('bundle');
  await next(page);

  await expectStep(page, 'review');
  await shot('review');
  await page.getByRole('button', { name: '继续', exact: true }).click();
  await page.locator('h1', { hasText: STEP_TITLES.declaration }).waitFor();
  await tick(page, 'declaration.truthful');
  await tick(page, 'declaration.no_disqualification');
  await shot('declaration');
  await page.getByRole('button', { name: '去签名' }).click();
  await page.locator('h1', { hasText: '签名与提交' }).waitFor();
  const json = await page.locator('#application-json').textContent();
  return JSON.parse(json);
}

/// Chooses the applicant's own articles on the articles step and opens the attachments step,
/// where their file slot (`#file-articles`) now is.
export async function ownArticlesSlot(page) {
  await page.evaluate(() => { location.hash = '#/articles'; });
  await page.locator('h1', { hasText: STEP_TITLES.articles }).waitFor();
  await tick(page, 'articles.own_articles');
  await allSaved(page);
  await page.evaluate(() => { location.hash = '#/attachments'; });
  await page.locator('h1', { hasText: STEP_TITLES.attachments }).waitFor();
}

/// On the signing step, every listed signer signs on this device (`page` may be a frame).
export async function signEveryoneHere(page) {
  for (const row of await page.locator('.kb-signer').all()) {
    await row.getByRole('button', { name: /在本设备签名/ }).click();
    await page.locator('#sign-confirm').check();
    await row.getByRole('button', { name: '签名', exact: true }).click();
    await row.locator('.kb-signer-status', { hasText: '已签名' }).waitFor();
  }
}
