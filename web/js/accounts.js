// The administrators' page: per commune, the office directory (offices and their heads) and the
// accounts (role, office, disabled or not, passwords). Anyone else is told the page is for
// administrators; the server refuses them anyway. Forms are uncontrolled (read with FormData on
// submit), so a redraw never takes away what is being typed; each shows the server's refusal beside it.
import { html, render } from 'lit-html';
import { setup, t, errorText } from './i18n.js';
import { Session, SESSION_STRINGS, ROLES, isAdmin, everyCommune } from './session.js';

setup({
  ...SESSION_STRINGS,
  title: ['Tài khoản và cơ quan', 'Accounts and offices'],
  adminsOnly: ['Trang này dành cho người quản trị. Tài khoản của bạn không quản lý tài khoản hay cơ quan.',
    'This page is for administrators. Your account does not manage accounts or offices.'],
  backToMeetings: ['Về trang hội nghị', 'Back to the meetings'],
  commune: ['Xã', 'Commune'],
  everyCommune: ['Cấp huyện, tỉnh (mọi xã)', 'District or province (every commune)'],
  noCommunes: ['Chưa có xã nào: hãy thêm xã ở trang hội nghị.', 'No commune yet: add one on the meetings page.'],
  offices: ['Cơ quan của xã', "The commune's offices"],
  officeName: ['Tên cơ quan', 'Office name'],
  headName: ['Người đứng đầu', 'Head'],
  headTitle: ['Chức vụ người đứng đầu', "Head's title"],
  noHead: ['chưa ghi tên', 'no name recorded'],
  addOffice: ['Thêm cơ quan', 'Add an office'],
  edit: ['Sửa', 'Edit'],
  save: ['Lưu', 'Save'],
  retire: ['Ngừng hoạt động', 'Retire'],
  confirmRetire: ['Cho cơ quan "{0}" ngừng hoạt động? Cơ quan vẫn còn trong hồ sơ nhưng không được chọn nữa.',
    'Retire "{0}"? It stays in the record but can no longer be chosen.'],
  retired: ['Cơ quan đã ngừng hoạt động ({0})', 'Retired offices ({0})'],
  accounts: ['Tài khoản', 'Accounts'],
  noAccounts: ['Chưa có tài khoản nào.', 'No accounts yet.'],
  name: ['Họ và tên', 'Full name'],
  role: ['Vai trò', 'Role'],
  office: ['Cơ quan', 'Office'],
  chooseOffice: ['— Chọn cơ quan —', '— Choose an office —'],
  loginRule: ['Tên đăng nhập (3–40 chữ cái không dấu, chữ số, dấu chấm, gạch ngang)', 'Login (3–40 letters without accents, digits, dots, hyphens)'],
  initialPassword: ['Mật khẩu ban đầu (ít nhất 10 ký tự)', 'Initial password (at least 10 characters)'],
  newAccount: ['Tạo tài khoản', 'New account'],
  create: ['Tạo tài khoản', 'Create the account'],
  active: ['Đang hoạt động', 'Active'],
  disabled: ['Đã khóa', 'Disabled'],
  disable: ['Khóa', 'Disable'],
  enable: ['Mở khóa', 'Enable'],
  confirmDisable: ['Khóa tài khoản của {0}? Người này bị đăng xuất ngay và không đăng nhập được nữa.',
    "Disable {0}'s account? They are signed out at once and can no longer sign in."],
  confirmEnable: ['Mở khóa tài khoản của {0}? Người này đăng nhập lại được.', "Enable {0}'s account? They can sign in again."],
  setPassword: ['Đặt mật khẩu mới', 'Set a new password'],
  you: ['(bạn)', '(you)'],
  saved: ['Đã lưu.', 'Saved.'],
  created: ['Đã tạo tài khoản {0}.', 'Account {0} created.'],
  officeAdded: ['Đã thêm {0}.', '{0} added.'],
  passwordSet: ['Đã đặt mật khẩu mới cho {0}.', 'A new password is set for {0}.'],
}, () => draw());

const session = new Session({ draw: () => draw(), signedIn: () => loadCommunes(), ended: forget });
let communes = [];
let scope = null;     // a commune's id, or '' for the accounts of every commune (district, province); null: nothing
let offices = [];
let accounts = [];
let editing = null;   // the one row open as a form: 'office:<id>', 'account:<id>' or 'password:<id>'
let roles = {};       // form key → the role chosen in it: the office field shows for office staff only
let problems = {};    // form or row key → the server's refusal ({code, message}), shown beside it
let notice = null;    // what the last change did: {kind, say()}, worded when drawn (the language may switch)

const api = (method, path, body) => session.api(method, path, body);

function forget() {
  communes = [];
  scope = null;
  offices = [];
  accounts = [];
  editing = null;
  roles = {};
  problems = {};
  notice = null;
}

/** The roles an account of this scope may have: office and Front staff belong to a commune. */
const rolesOf = where => where ? ROLES : ROLES.filter(r => r === 'ADMIN' || r === 'UPPER_VIEWER');
/** A commune's new account is most often office staff's. */
const createRole = () => roles.create || (scope ? 'OFFICE_STAFF' : 'ADMIN');

function scopes() {
  return [...communes.map(c => c.id), ...(everyCommune(session.account) ? [''] : [])];
}

async function loadCommunes() {
  if (!isAdmin(session.account)) { draw(); return; }
  const answer = await api('GET', '/api/communes');
  if (!answer.ok) { draw(); return; }
  communes = answer.data || [];
  const choices = scopes();
  await pickScope(choices.includes(scope) ? scope : choices.length ? choices[0] : null);
}

async function pickScope(value) {
  scope = value;
  editing = null;
  roles = {};
  problems = {};
  notice = null;
  await reload();
}

async function reload() {
  if (scope === null) { offices = []; accounts = []; draw(); return; }
  const [o, a] = await Promise.all([
    scope ? api('GET', `/api/communes/${scope}/offices`) : Promise.resolve({ ok: true, data: { offices: [] } }),
    api('GET', scope ? `/api/accounts?communeId=${scope}` : '/api/accounts'),
  ]);
  if (o.status === 401 || a.status === 401) return;
  offices = o.ok ? o.data.offices : [];
  // Without a commune the server lists every account; this scope shows those of no commune in particular.
  accounts = a.ok ? a.data.accounts.filter(account => scope || account.communeId == null) : [];
  if (!o.ok || !a.ok) notice = { kind: 'error', say: () => errorText(o.ok ? a.data : o.data) };
  draw();
}

/** Sends one change; accepted: says so and reloads; refused: the server's words beside {@code key}. */
async function change(key, method, path, body, done) {
  const answer = await api(method, path, body);
  if (answer.status === 401) return;
  if (!answer.ok) {
    problems = { ...problems, [key]: answer.data };
    notice = null;
    draw();
    return;
  }
  problems = { ...problems, [key]: null };
  editing = null;
  notice = { kind: 'ok', say: () => done(answer.data) };
  await reload();
}

function values(form) {
  const all = {};
  for (const [name, value] of new FormData(form)) all[name] = typeof value === 'string' && name !== 'password' ? value.trim() : value;
  return all;
}

const orNull = text => text ? text : null;

function open(key, role) {
  editing = key;
  if (role) roles = { ...roles, [key]: role };
  problems = { ...problems, [key]: null };
  draw();
}

function close() {
  editing = null;
  draw();
}

async function saveOffice(e, key, office) {
  e.preventDefault();
  const form = e.target;
  const v = values(form);
  const body = { name: v.name, headName: orNull(v.headName), headTitle: orNull(v.headTitle) };
  if (office) {
    await change(key, 'PUT', `/api/offices/${office.id}`, body, () => t('saved'));
  } else {
    await change(key, 'POST', `/api/communes/${scope}/offices`, body, added => t('officeAdded', added.name));
    if (!problems[key]) form.reset();
  }
}

async function retire(office) {
  if (!confirm(t('confirmRetire', office.name))) return;
  await change('row:' + office.id, 'POST', `/api/offices/${office.id}/retire`, undefined, () => t('saved'));
}

async function createAccount(e) {
  e.preventDefault();
  const form = e.target;
  const v = values(form);
  const role = createRole();
  await change('create', 'POST', '/api/accounts', {
    login: v.login, name: v.name, role, communeId: scope || null,
    officeId: role === 'OFFICE_STAFF' ? orNull(v.officeId) : null, password: v.password,
  }, made => t('created', made.login));
  if (!problems.create) form.reset();
}

async function saveAccount(e, account) {
  e.preventDefault();
  const key = 'account:' + account.id;
  const v = values(e.target);
  const role = roles[key] || account.role;
  await change(key, 'PUT', `/api/accounts/${account.id}`,
    { name: v.name, role, officeId: role === 'OFFICE_STAFF' ? orNull(v.officeId) : null }, () => t('saved'));
}

async function setPassword(e, account) {
  e.preventDefault();
  await change('password:' + account.id, 'PUT', `/api/accounts/${account.id}/password`, { password: values(e.target).password },
    () => t('passwordSet', account.name));
}

async function switchAccount(account, disable) {
  if (!confirm(t(disable ? 'confirmDisable' : 'confirmEnable', account.name))) return;
  await change('row:' + account.id, 'POST', `/api/accounts/${account.id}/${disable ? 'disable' : 'enable'}`, undefined, () => t('saved'));
}

function draw() {
  render(session.page(t('title'), [{ href: '/organiser', test: 'meetings-link', label: 'meetingsPage' },
    { href: '/petitions', test: 'petitions-link', label: 'petitionsPage' }], () => isAdmin(session.account) ? directory() : html`<div class="card narrow" data-test="admins-only">
      <p>${t('adminsOnly')}</p><p><a href="/organiser">${t('backToMeetings')}</a></p></div>`), document.getElementById('app'));
}

const problem = key => problems[key] ? html`<p class="error" role="alert" data-test="problem">${errorText(problems[key])}</p>` : '';

function directory() {
  const name = id => id === '' ? t('everyCommune') : (communes.find(c => c.id === id) || {}).name;
  return html`
    <div class="accounts-top">
      ${scopes().length ? html`<label class="scope">${t('commune')}<select data-test="commune" @change=${e => pickScope(e.target.value)}>
        ${scopes().map(id => html`<option value=${id} ?selected=${id === scope}>${name(id)}</option>`)}</select></label>`
        : html`<p class="muted">${t('noCommunes')}</p>`}
      ${notice ? html`<p class=${notice.kind} role=${notice.kind === 'error' ? 'alert' : 'status'} data-test="notice">${notice.say()}</p>` : ''}
    </div>
    ${scope === null ? '' : html`<div class="accounts-grid">
      ${scope ? officesPanel() : ''}
      ${accountsPanel()}
    </div>`}`;
}

function officesPanel() {
  const active = offices.filter(o => !o.retired);
  const retired = offices.filter(o => o.retired);
  return html`
    <section class="panel" aria-labelledby="offices-title">
      <h2 id="offices-title">${t('offices')}</h2>
      <ul class="records" data-test="offices">${active.map(officeRow)}</ul>
      ${retired.length ? html`<details><summary>${t('retired', retired.length)}</summary>
        <ul class="records" data-test="retired-offices">${retired.map(o => html`<li class="record"><strong>${o.name}</strong></li>`)}</ul></details>` : ''}
      ${officeForm('add-office', null)}
    </section>`;
}

function headLine(o) {
  const title = o.headTitle ? o.headTitle + ': ' : '';
  return o.headName ? html`${title}${o.headName}` : html`<span class="muted">${title}${t('noHead')}</span>`;
}

function officeRow(o) {
  const key = 'office:' + o.id;
  return html`<li class="record" data-test="office" data-name=${o.name}>
    ${editing === key ? officeForm(key, o) : html`
      <strong data-test="office-name">${o.name}</strong>
      <div data-test="office-head">${headLine(o)}</div>
      <div class="actions">
        <button class="small" data-test="office-edit" aria-label="${t('edit')} — ${o.name}" @click=${() => open(key)}>${t('edit')}</button>
        <button class="small danger" data-test="office-retire" aria-label="${t('retire')} — ${o.name}" @click=${() => retire(o)}>${t('retire')}</button>
      </div>`}
    ${problem('row:' + o.id)}
  </li>`;
}

/** The form of a new office ({@code office} null) or of one being edited. */
function officeForm(key, office) {
  return html`
    <form class="stack" data-test=${office ? 'office-form' : 'office-add'} @submit=${e => saveOffice(e, key, office)}>
      ${office ? '' : html`<h3>${t('addOffice')}</h3>`}
      <label>${t('officeName')}<input name="name" maxlength="200" required .value=${office ? office.name : ''}></label>
      <div class="row">
        <label>${t('headName')}<input name="headName" maxlength="100" .value=${office && office.headName || ''}></label>
        <label>${t('headTitle')}<input name="headTitle" maxlength="300" .value=${office && office.headTitle || ''}></label>
      </div>
      ${problem(key)}
      <div class="actions">
        <button class=${office ? 'primary' : ''} data-test=${office ? 'office-save' : 'office-add-submit'}>${office ? t('save') : t('addOffice')}</button>
        ${office ? html`<button type="button" @click=${close}>${t('cancel')}</button>` : ''}
      </div>
    </form>`;
}

function accountsPanel() {
  return html`
    <section class="panel" aria-labelledby="accounts-title">
      <h2 id="accounts-title">${t('accounts')}</h2>
      ${accounts.length ? '' : html`<p class="muted">${t('noAccounts')}</p>`}
      <ul class="records" data-test="accounts">${accounts.map(accountRow)}</ul>
      ${createForm()}
    </section>`;
}

const officeName = id => (offices.find(o => o.id === id) || {}).name || '';

function accountRow(a) {
  const key = 'account:' + a.id;
  const passwordKey = 'password:' + a.id;
  const self = a.id === session.account.id;
  return html`<li class="record" data-test="account" data-login=${a.login}>
    <div class="record-head">
      <div><strong data-test="account-name">${a.name}</strong> ${self ? html`<span class="muted">${t('you')}</span>` : ''}
        <div class="muted">${t('login')}: ${a.login}</div></div>
      <div class="tags"><span class="pill" data-test="account-role">${t('role_' + a.role)}</span>
        <span class="pill ${a.disabled ? 'off' : 'on'}" data-test="account-state">${t(a.disabled ? 'disabled' : 'active')}</span></div>
    </div>
    ${a.officeId ? html`<div data-test="account-office">${t('office')}: ${officeName(a.officeId)}</div>` : ''}
    ${editing === key ? accountForm(a) : editing === passwordKey ? passwordForm(a) : html`<div class="actions">
      <button class="small" data-test="account-edit" aria-label="${t('edit')} — ${a.name}" @click=${() => open(key, a.role)}>${t('edit')}</button>
      <button class="small" data-test="account-password" aria-label="${t('setPassword')} — ${a.name}" @click=${() => open(passwordKey)}>${t('setPassword')}</button>
      ${self ? '' : a.disabled
        ? html`<button class="small" data-test="account-enable" aria-label="${t('enable')} — ${a.name}" @click=${() => switchAccount(a, false)}>${t('enable')}</button>`
        : html`<button class="small danger" data-test="account-disable" aria-label="${t('disable')} — ${a.name}" @click=${() => switchAccount(a, true)}>${t('disable')}</button>`}
    </div>`}
    ${problem('row:' + a.id)}
  </li>`;
}

/** The role and, for office staff, the office; {@code key} remembers the role chosen in this form. */
function roleFields(key, role, officeId) {
  const chosen = roles[key] || role;
  const choices = offices.filter(o => !o.retired || o.id === officeId);
  return html`
    <label>${t('role')}<select name="role" data-test="role" @change=${e => { roles = { ...roles, [key]: e.target.value }; draw(); }}>
      ${rolesOf(scope).map(r => html`<option value=${r} ?selected=${r === chosen}>${t('role_' + r)}</option>`)}</select></label>
    ${chosen === 'OFFICE_STAFF' ? html`<label>${t('office')}<select name="officeId" data-test="office-choice">
      <option value="">${t('chooseOffice')}</option>
      ${choices.map(o => html`<option value=${o.id} ?selected=${o.id === officeId}>${o.name}</option>`)}</select></label>` : ''}`;
}

function accountForm(a) {
  const key = 'account:' + a.id;
  return html`
    <form class="stack" data-test="account-form" @submit=${e => saveAccount(e, a)}>
      <label>${t('name')}<input name="name" maxlength="100" required .value=${a.name}></label>
      ${roleFields(key, a.role, a.officeId)}
      ${problem(key)}
      <div class="actions"><button class="primary" data-test="account-save">${t('save')}</button>
        <button type="button" @click=${close}>${t('cancel')}</button></div>
    </form>`;
}

function passwordForm(a) {
  const key = 'password:' + a.id;
  return html`
    <form class="stack" data-test="set-password-form" @submit=${e => setPassword(e, a)}>
      <label>${t('newPassword')}<input type="password" name="password" autocomplete="new-password" maxlength="200" required></label>
      ${problem(key)}
      <div class="actions"><button class="primary" data-test="set-password-submit">${t('setPassword')}</button>
        <button type="button" @click=${close}>${t('cancel')}</button></div>
    </form>`;
}

function createForm() {
  return html`
    <form class="stack" data-test="account-create" @submit=${createAccount}>
      <h3>${t('newAccount')}</h3>
      <div class="row">
        <label>${t('loginRule')}<input name="login" maxlength="40" required autocomplete="off" autocapitalize="none" spellcheck="false"></label>
        <label>${t('name')}<input name="name" maxlength="100" required autocomplete="off"></label>
      </div>
      ${roleFields('create', createRole(), null)}
      <label>${t('initialPassword')}<input type="password" name="password" autocomplete="new-password" maxlength="200" required></label>
      ${problem('create')}
      <button class="primary" data-test="account-create-submit">${t('create')}</button>
    </form>`;
}

draw();
session.start().then(signedIn => signedIn ? loadCommunes() : draw());
