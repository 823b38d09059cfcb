// The commune's yearly plan of dialogues (plan 000, II.2.1): the target, the planned dialogues, one set
// up as a meeting, and the year's progress month by month. Staff signed in with their account (the
// session cookie goes with every request); without a session, the organiser's page signs in.
// Forms are uncontrolled: values are read with FormData on submit, so a redraw never takes what is typed.
import { html, render } from 'lit-html';
import { setup, t, pick, langButton, errorText } from './i18n.js';
import { dateTimeVi, yearInVietnam, scheduledAtVi } from './format.js';

const KINDS = ['PERIODIC', 'THEMATIC', 'EXTRAORDINARY'];
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const OTHER = 'other';

setup({
  title: ['Kế hoạch đối thoại năm', 'Yearly plan of dialogues'],
  organiser: ['Tổ chức hội nghị', 'Organise meetings'],
  commune: ['Xã', 'Commune'],
  year: ['Năm', 'Year'],
  noCommunes: ['Tài khoản này chưa được giao xã nào.', 'This account has no commune yet.'],
  readOnly: ['Bạn chỉ được xem kế hoạch này.', 'You may only read this plan.'],
  target: ['Chỉ tiêu', 'Target'],
  noTarget: ['Chưa đặt chỉ tiêu cho năm này.', 'No target set for this year.'],
  targetLine: ['{0} cuộc đối thoại trực tiếp', '{0} direct dialogues'],
  direct: ['Số cuộc đối thoại trực tiếp', 'Direct dialogues'],
  byKindHint: ['Theo hình thức (không bắt buộc)', 'By kind (optional)'],
  saveTarget: ['Lưu chỉ tiêu', 'Save the target'],
  editTarget: ['Đặt hoặc sửa chỉ tiêu', 'Set or change the target'],
  kind: ['Hình thức', 'Kind'],
  kind_PERIODIC: ['Định kỳ', 'Periodic'],
  kind_THEMATIC: ['Chuyên đề', 'Thematic'],
  kind_EXTRAORDINARY: ['Đột xuất', 'Extraordinary'],
  progress: ['Tiến độ theo tháng', 'Progress by month'],
  month: ['Tháng', 'Month'],
  monthN: ['Tháng {0}', 'Month {0}'],
  planned: ['Dự kiến', 'Planned'],
  setUp: ['Đã tạo hội nghị', 'Set up'],
  held: ['Đã tổ chức', 'Held'],
  outside: ['Ngoài kế hoạch', 'Outside the plan'],
  total: ['Cả năm', 'Year'],
  heldVsTarget: ['Đã tổ chức {0}/{1} cuộc theo chỉ tiêu', 'Held {0} of the {1} dialogues of the target'],
  heldNoTarget: ['Đã tổ chức {0} cuộc', 'Held {0} dialogues'],
  outsideNote: ['Hội nghị đã kết thúc không có trong kế hoạch được tính theo tháng kết thúc.', 'Closed meetings that no plan names count in the month they closed.'],
  dialogues: ['Các cuộc đối thoại', 'Dialogues'],
  noDialogues: ['Chưa có cuộc đối thoại nào trong kế hoạch năm này.', 'No dialogue planned for this year yet.'],
  addDialogue: ['Thêm cuộc đối thoại', 'Add a dialogue'],
  editDialogue: ['Sửa cuộc đối thoại', 'Edit the dialogue'],
  theme: ['Chủ đề', 'Theme'],
  group: ['Đối tượng đối thoại', 'Group'],
  chair: ['Người chủ trì', 'Chair'],
  hostOffice: ['Cơ quan chủ trì tham mưu', 'Host office'],
  noHost: ['(chưa chọn)', '(none yet)'],
  otherHost: ['Cơ quan khác (khách mời)…', 'Another office (a guest)…'],
  otherHostName: ['Tên cơ quan khác', 'Name of the other office'],
  venue: ['Địa điểm', 'Venue'],
  note: ['Ghi chú', 'Note'],
  add: ['Thêm vào kế hoạch', 'Add to the plan'],
  save: ['Lưu', 'Save'],
  cancel: ['Thôi', 'Back'],
  edit: ['Sửa', 'Edit'],
  cancelDialogue: ['Hủy cuộc này', 'Cancel this one'],
  cancelReason: ['Lý do hủy', 'Why it is cancelled'],
  confirmCancel: ['Xác nhận hủy', 'Cancel it'],
  cancelled: ['Đã hủy: {0}', 'Cancelled: {0}'],
  notSetUp: ['Chưa tạo hội nghị', 'Not set up yet'],
  linked: ['Hội nghị: {0}', 'Meeting: {0}'],
  setUpMeeting: ['Tạo hội nghị', 'Set up the meeting'],
  meetingTitle: ['Tên hội nghị', 'Meeting title'],
  date: ['Ngày (ngày/tháng/năm)', 'Date (dd/mm/yyyy)'],
  time: ['Giờ (24 giờ)', 'Time (24-hour)'],
  create: ['Tạo hội nghị', 'Create the meeting'],
  badDate: ['Ngày không đúng: hãy nhập theo dạng ngày/tháng/năm, ví dụ 18/06/2026.', 'Not a date: type it as dd/mm/yyyy, e.g. 18/06/2026.'],
  badTime: ['Giờ không đúng: hãy nhập giờ:phút theo 24 giờ, ví dụ 08:00.', 'Not a time: type hours:minutes, 24-hour, e.g. 08:00.'],
  dateWithoutTime: ['Hãy nhập cả ngày và giờ, hoặc để trống cả hai.', 'Give both the date and the time, or neither.'],
  created: ['Đã tạo hội nghị «{0}». Các liên kết chỉ hiện một lần: hãy sao chép và gửi cho đúng người.', 'Meeting «{0}» created. The links are shown once: copy them and give each to the right person.'],
  joinCode: ['Mã tham gia', 'Join code'],
  link_chair: ['Chủ trì', 'Chair'],
  link_secretary: ['Thư ký', 'Secretary'],
  link_display: ['Màn hình hội trường', 'Hall display'],
  link_join: ['Người dân tham gia', 'Attendees join'],
  openOrganiser: ['Mở trang tổ chức hội nghị', 'Open the organiser page'],
  saved: ['Đã lưu.', 'Saved.'],
  close: ['Đã sao chép, đóng', 'Copied, close'],
}, () => draw());

const state = {
  account: null, communes: [], communeId: null, year: yearInVietnam(),
  view: null, progress: null, offices: [], meetings: [],
  editing: null,   // a dialogue id being edited
  action: null,    // {id, what: 'cancel' | 'meeting'}
  hostChoice: {},  // form key → the host office select's value, to show the free-text field for 'other'
  created: null,   // the meeting just set up: its links, shown once
  message: null,   // {kind, text}
  busy: false,
};

let leaving = false;

/** A staff request with the session cookie; without a session, the organiser's page signs in. */
async function api(method, path, body) {
  const response = await fetch(path, {
    method, headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401) {
    // Once: the page's first requests go out together, and a second navigation would cut the first.
    if (!leaving) location.assign('/organiser');
    leaving = true;
    return new Promise(() => {});
  }
  const data = response.status === 204 ? null : await response.json().catch(() => null);
  return { ok: response.ok, status: response.status, data };
}

async function start() {
  const [session, communes] = await Promise.all([api('GET', '/api/session'), api('GET', '/api/communes')]);
  state.account = session.data;
  state.communes = communes.data || [];
  const wanted = new URLSearchParams(location.hash.slice(1));
  const year = Number(wanted.get('year'));
  if (year >= 2000 && year <= 2099) state.year = year;
  const known = state.communes.find(c => c.id === wanted.get('commune'));
  state.communeId = known ? known.id : (state.communes[0] && state.communes[0].id);
  await load();
}

/** Everything the page shows for the commune and year, read again after each change. */
async function load() {
  if (!state.communeId) { draw(); return; }
  history.replaceState(null, '', `#commune=${state.communeId}&year=${state.year}`);
  const base = `/api/communes/${state.communeId}`;
  const [view, progress, offices, meetings] = await Promise.all([
    api('GET', `${base}/plans/${state.year}`), api('GET', `${base}/plans/${state.year}/progress`),
    api('GET', `${base}/offices`), api('GET', `${base}/meetings`)]);
  if (!view.ok) { state.message = { kind: 'error', text: errorText(view.data) }; state.view = null; draw(); return; }
  state.view = view.data;
  state.progress = progress.data;
  state.offices = (offices.data && offices.data.offices) || [];
  state.meetings = meetings.data || [];
  draw();
}

async function choose(communeId, year) {
  Object.assign(state, { communeId, year, editing: null, action: null, created: null, message: null });
  await load();
}

/** Sends a change; on success the page is read again and {@code after} may say what happened. */
async function send(method, path, body, after) {
  state.busy = true;
  draw();
  const answer = await api(method, `/api/communes/${state.communeId}/plans/${state.year}${path}`, body);
  state.busy = false;
  if (!answer.ok) { showMessage('error', errorText(answer.data)); return null; }
  state.editing = null;
  state.action = null;
  state.message = { kind: 'ok', text: t('saved') };
  if (after) after(answer.data);
  await load();
  return answer.data;
}

function showMessage(kind, text) {
  state.message = { kind, text };
  draw();
  const shown = document.querySelector('[data-test=message]');
  if (shown) shown.scrollIntoView({ block: 'nearest' });
}

const formValues = form => Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v]));
const numberOrNull = text => (text === '' || text == null ? null : Number(text));

function saveTarget(e) {
  e.preventDefault();
  const v = formValues(e.target);
  const byKind = {};
  KINDS.forEach(k => { if (v[k] !== '') byKind[k] = Number(v[k]); });
  send('PUT', '/target', { direct: numberOrNull(v.direct), byKind });
}

/** The form as the server's dialogue: a host office from the directory by its id, or a guest by name. */
function dialogueFrom(form) {
  const v = formValues(form);
  const chosen = v.hostOfficeId;
  return {
    kind: v.kind, theme: v.theme, group: v.group || null, month: Number(v.month), chair: v.chair || null,
    hostOfficeId: chosen && chosen !== OTHER ? chosen : null,
    hostOffice: chosen === OTHER ? v.hostOffice || null : null,
    venue: v.venue || null, note: v.note || null,
  };
}

function addDialogue(e) {
  e.preventDefault();
  const form = e.target;
  send('POST', '/dialogues', dialogueFrom(form)).then(done => { if (done) { form.reset(); state.hostChoice.new = ''; draw(); } });
}

function changeDialogue(e, id) {
  e.preventDefault();
  send('PUT', `/dialogues/${id}`, dialogueFrom(e.target));
}

function cancelDialogue(e, id) {
  e.preventDefault();
  send('POST', `/dialogues/${id}/cancel`, { reason: formValues(e.target).reason });
}

function setUpMeeting(e, dialogue) {
  e.preventDefault();
  const v = formValues(e.target);
  const when = scheduledAtVi(v.date, v.time);
  if (when.problem) { showMessage('error', t(when.problem)); return; }
  const body = { title: v.title || null };
  if (when.value) body.scheduledAt = when.value;
  send('POST', `/dialogues/${dialogue.id}/meeting`, body, created => {
    state.created = created;
    state.message = null;
  }).then(done => { if (done) window.scrollTo(0, 0); });
}


function draw() {
  render(page(), document.getElementById('app'));
}

function page() {
  const who = state.account && state.account.account;
  return html`
    <header class="bar">
      <h1>${t('title')}</h1>
      <div class="bar-right">
        ${who ? html`<span class="who-am-i" data-test="account">${who.name} · ${pick(state.account.roleLabel)}</span>` : ''}
        <a class="bar-link" href="/organiser">${t('organiser')}</a>
        ${langButton()}
      </div>
    </header>
    <div class="plan-page">
      ${chooser()}
      ${state.message ? html`<p class="banner ${state.message.kind}" role=${state.message.kind === 'error' ? 'alert' : 'status'} data-test="message">${state.message.text}</p>` : ''}
      ${state.created ? createdPanel() : ''}
      ${state.view ? planView() : ''}
    </div>`;
}

function chooser() {
  if (!state.communes.length) return html`<p class="muted" data-test="no-communes">${t('noCommunes')}</p>`;
  const thisYear = yearInVietnam();
  const years = [...new Set([thisYear - 2, thisYear - 1, thisYear, thisYear + 1, thisYear + 2, state.year])].sort();
  return html`
    <div class="panel plan-chooser">
      <label>${t('commune')}<select data-test="commune" @change=${e => choose(e.target.value, state.year)}>
        ${state.communes.map(c => html`<option value=${c.id} ?selected=${c.id === state.communeId}>${c.name}${c.province ? ' — ' + c.province : ''}</option>`)}
      </select></label>
      <label>${t('year')}<select data-test="year" @change=${e => choose(state.communeId, Number(e.target.value))}>
        ${years.map(y => html`<option value=${y} ?selected=${y === state.year}>${y}</option>`)}
      </select></label>
    </div>`;
}

function planView() {
  const { plan, canEdit } = state.view;
  return html`
    ${canEdit ? '' : html`<p class="muted" data-test="read-only">${t('readOnly')}</p>`}
    <div class="plan-grid">
      <section class="panel" aria-labelledby="target-title">
        <h2 id="target-title">${t('target')}</h2>
        <p data-test="target">${targetText(plan.target)}</p>
        ${canEdit ? targetForm(plan.target) : ''}
        ${progressView()}
      </section>
      <section class="panel" aria-labelledby="dialogues-title">
        <h2 id="dialogues-title">${t('dialogues')}</h2>
        ${plan.dialogues.length ? '' : html`<p class="muted">${t('noDialogues')}</p>`}
        <ol class="plan-dialogues" data-test="dialogues">
          ${[...plan.dialogues].sort((a, b) => a.month - b.month || a.position - b.position).map(d => dialogueItem(d, canEdit))}
        </ol>
        ${canEdit ? html`<h3>${t('addDialogue')}</h3>${dialogueForm('new', null)}` : ''}
      </section>
    </div>`;
}

function targetText(target) {
  if (!target) return t('noTarget');
  const kinds = KINDS.filter(k => target.byKind[k] != null).map(k => `${t('kind_' + k)} ${target.byKind[k]}`);
  return t('targetLine', target.direct) + (kinds.length ? ` (${kinds.join(', ')})` : '');
}

function targetForm(target) {
  const value = n => (n == null ? '' : String(n));
  return html`
    <details class="plan-target-edit" ?open=${!target}><summary data-test="target-edit">${t('editTarget')}</summary>
    <form class="stack" data-test="target-form" @submit=${saveTarget}>
      <label>${t('direct')}<input name="direct" type="number" min="0" max="100" required .value=${value(target && target.direct)}></label>
      <fieldset><legend>${t('byKindHint')}</legend>
        <div class="row plan-kinds">${KINDS.map(k => html`<label>${t('kind_' + k)}<input name=${k} type="number" min="0" max="100"
          .value=${value(target && target.byKind[k])}></label>`)}</div>
      </fieldset>
      <button class="primary" data-test="target-submit" ?disabled=${state.busy}>${t('saveTarget')}</button>
    </form></details>`;
}

function progressView() {
  const p = state.progress;
  if (!p) return '';
  const scale = Math.max(1, ...p.months.map(m => Math.max(m.planned, m.held + m.heldOutsidePlan)));
  const heldAll = p.totals.held + p.totals.heldOutsidePlan;
  const bars = m => html`<div class="plan-bars" aria-hidden="true">
      <progress class="planned" max=${scale} .value=${m.planned}></progress>
      <progress class="set-up" max=${scale} .value=${m.setUp}></progress>
      <progress class="held" max=${scale} .value=${m.held + m.heldOutsidePlan}></progress></div>`;
  return html`
    <h2>${t('progress')}</h2>
    <p class="plan-headline" data-test="held-vs-target">${p.target ? t('heldVsTarget', heldAll, p.target.direct) : t('heldNoTarget', heldAll)}</p>
    ${p.target && p.target.direct ? html`<progress class="plan-target held" aria-hidden="true" max=${p.target.direct} .value=${Math.min(heldAll, p.target.direct)}></progress>` : ''}
    <div class="plan-legend" aria-hidden="true"><span class="planned">${t('planned')}</span><span class="set-up">${t('setUp')}</span><span class="held">${t('held')}</span></div>
    <table class="plan-table" data-test="progress">
      <thead><tr><th scope="col">${t('month')}</th><th scope="col">${t('planned')}</th><th scope="col">${t('setUp')}</th>
        <th scope="col">${t('held')}</th><th scope="col">${t('outside')}</th><th scope="col" class="bars-col"><span class="visually-hidden">${t('progress')}</span></th></tr></thead>
      <tbody>${p.months.map(m => html`<tr data-test="month-${m.month}" class=${m.planned || m.heldOutsidePlan || m.cancelled ? '' : 'empty'}>
        <th scope="row">${m.month}/${p.year}</th><td>${m.planned}</td><td>${m.setUp}</td><td>${m.held}</td><td>${m.heldOutsidePlan}</td><td>${bars(m)}</td></tr>`)}</tbody>
      <tfoot><tr data-test="totals"><th scope="row">${t('total')}</th><td>${p.totals.planned}${p.target ? ' / ' + p.target.direct : ''}</td>
        <td>${p.totals.setUp}</td><td>${p.totals.held}</td><td>${p.totals.heldOutsidePlan}</td><td></td></tr></tfoot>
    </table>
    <p class="muted small">${t('outsideNote')}</p>`;
}

function dialogueItem(d, canEdit) {
  if (state.editing === d.id) return html`<li class="plan-dialogue" data-test="dialogue"><h3>${t('editDialogue')}</h3>${dialogueForm(d.id, d)}</li>`;
  const meeting = d.meetingId && state.meetings.find(m => m.id === d.meetingId);
  const action = state.action && state.action.id === d.id ? state.action.what : null;
  const facts = [[t('group'), d.group], [t('chair'), d.chair], [t('hostOffice'), d.hostOffice], [t('venue'), d.venue], [t('note'), d.note]]
    .filter(([, value]) => value);
  return html`
    <li class="plan-dialogue ${d.cancelReason ? 'cancelled' : ''}" data-test="dialogue">
      <div class="plan-dialogue-head"><span class="pill">${t('monthN', d.month)}/${state.year}</span><span class="pill">${t('kind_' + d.kind)}</span></div>
      <div class="plan-theme" data-test="theme">${d.theme}</div>
      <dl class="plan-facts">${facts.map(([label, value]) => html`<dt>${label}</dt><dd>${value}</dd>`)}</dl>
      <div class="plan-state" data-test="dialogue-state">${d.cancelReason ? t('cancelled', d.cancelReason)
        : meeting ? html`${t('linked', meeting.title)} · ${t('status_' + meeting.status)} · ${t('joinCode')} <strong>${meeting.joinCode}</strong>${meeting.scheduledAt ? ' · ' + dateTimeVi(meeting.scheduledAt) : ''}`
        : t('notSetUp')}</div>
      ${canEdit && !d.cancelReason && !action ? html`<div class="actions">
        ${d.meetingId ? '' : html`<button class="primary" data-test="set-up" @click=${() => open(d.id, 'meeting')}>${t('setUpMeeting')}</button>`}
        <button data-test="edit" @click=${() => { state.editing = d.id; state.action = null; state.hostChoice[d.id] = hostValue(d); draw(); }}>${t('edit')}</button>
        ${d.meetingId ? '' : html`<button class="danger" data-test="cancel" @click=${() => open(d.id, 'cancel')}>${t('cancelDialogue')}</button>`}
      </div>` : ''}
      ${action === 'cancel' ? cancelForm(d) : ''}
      ${action === 'meeting' ? meetingForm(d) : ''}
    </li>`;
}

function open(id, what) {
  state.action = { id, what };
  state.editing = null;
  draw();
  const field = document.querySelector(`[data-test=${what}-form] input`);
  if (field) field.focus();
}

function cancelForm(d) {
  return html`<form class="stack" data-test="cancel-form" @submit=${e => cancelDialogue(e, d.id)}>
    <label>${t('cancelReason')}<input name="reason" maxlength="500" required></label>
    <div class="actions"><button class="danger" data-test="cancel-submit" ?disabled=${state.busy}>${t('confirmCancel')}</button>
      <button type="button" @click=${() => { state.action = null; draw(); }}>${t('cancel')}</button></div>
  </form>`;
}

function meetingForm(d) {
  return html`<form class="stack" data-test="meeting-form" @submit=${e => setUpMeeting(e, d)}>
    <label>${t('meetingTitle')}<input name="title" maxlength="300" .value=${d.theme}></label>
    <div class="row">
      <label>${t('date')}<input name="date" maxlength="10" placeholder="dd/mm/yyyy" autocomplete="off"></label>
      <label>${t('time')}<input name="time" maxlength="5" placeholder="HH:MM" autocomplete="off"></label>
    </div>
    <div class="actions"><button class="primary" data-test="meeting-submit" ?disabled=${state.busy}>${t('create')}</button>
      <button type="button" @click=${() => { state.action = null; draw(); }}>${t('cancel')}</button></div>
  </form>`;
}

const hostValue = d => (d && d.hostOfficeId ? d.hostOfficeId : d && d.hostOffice ? OTHER : '');

function dialogueForm(key, d) {
  const choice = state.hostChoice[key] ?? hostValue(d);
  const current = state.offices.filter(o => !o.retired || (d && o.id === d.hostOfficeId));
  const field = (name, max, value, required) => html`<label>${t(name)}<input name=${name} maxlength=${max} ?required=${required}
    .value=${value || ''}></label>`;
  return html`
    <form class="stack" data-test=${key === 'new' ? 'dialogue-form' : 'dialogue-edit-form'}
      @submit=${e => (key === 'new' ? addDialogue(e) : changeDialogue(e, key))}>
      <div class="row">
        <label>${t('kind')}<select name="kind">${KINDS.map(k => html`<option value=${k} ?selected=${(d ? d.kind : 'PERIODIC') === k}>${t('kind_' + k)}</option>`)}</select></label>
        <label>${t('month')}<select name="month">${MONTHS.map(m => html`<option value=${m} ?selected=${d && d.month === m}>${t('monthN', m)}</option>`)}</select></label>
      </div>
      ${field('theme', 300, d && d.theme, true)}
      <div class="row">${field('group', 100, d && d.group)}${field('chair', 200, d && d.chair)}</div>
      <label>${t('hostOffice')}<select name="hostOfficeId" @change=${e => { state.hostChoice[key] = e.target.value; draw(); }}>
        <option value="" ?selected=${choice === ''}>${t('noHost')}</option>
        ${current.map(o => html`<option value=${o.id} ?selected=${choice === o.id}>${o.name}</option>`)}
        <option value=${OTHER} ?selected=${choice === OTHER}>${t('otherHost')}</option>
      </select></label>
      ${choice === OTHER ? html`<label>${t('otherHostName')}<input name="hostOffice" maxlength="200" required
        .value=${d && !d.hostOfficeId ? d.hostOffice || '' : ''}></label>` : ''}
      ${field('venue', 300, d && d.venue)}
      <label>${t('note')}<textarea name="note" rows="2" maxlength="1000" .value=${(d && d.note) || ''}></textarea></label>
      <div class="actions">
        <button class="primary" data-test=${key === 'new' ? 'dialogue-submit' : 'dialogue-save'} ?disabled=${state.busy}>${key === 'new' ? t('add') : t('save')}</button>
        ${key === 'new' ? '' : html`<button type="button" @click=${() => { state.editing = null; draw(); }}>${t('cancel')}</button>`}
      </div>
    </form>`;
}

function createdPanel() {
  const c = state.created;
  const title = (c.plan.dialogues.find(d => d.meetingId === c.meetingId) || {}).theme || '';
  const meeting = state.meetings.find(m => m.id === c.meetingId);
  return html`
    <section class="panel plan-created" data-test="created" aria-labelledby="created-title">
      <h2 id="created-title">${t('created', meeting ? meeting.title : title)}</h2>
      <div class="plan-created-grid">
        <img class="qr" src="/qr/${c.joinCode}.svg" alt=${t('joinCode') + ' ' + c.joinCode}>
        <div>
          <div>${t('joinCode')}: <strong class="join-code-inline" data-test="created-join-code">${c.joinCode}</strong></div>
          <dl class="links plan-links">${Object.entries(c.links).map(([role, url]) => html`
            <dt id="created-link-${role}">${t('link_' + role)}</dt><dd><input readonly .value=${url} data-test="created-link-${role}"
              aria-labelledby="created-link-${role}" @focus=${e => e.target.select()}></dd>`)}</dl>
          <div class="actions"><a href="/organiser">${t('openOrganiser')}</a>
            <button type="button" data-test="created-close" @click=${() => { state.created = null; draw(); }}>${t('close')}</button></div>
        </div>
      </div>
    </section>`;
}

start();
