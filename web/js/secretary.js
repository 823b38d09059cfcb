// The secretary's console: live minutes that are never lost, registration at the desk, topics,
// conclusions.
import { html, render } from 'lit-html';
import { setup, t, pick, byName } from './i18n.js';
import { timeVi } from './format.js';
import { newId } from './connection.js';
import { queue, allTurns } from './state.js';
import { conclusionForm, deskForm, submitForm, STAFF_STRINGS } from './forms.js';
import { connectWithToken, Feedback, header, floorSummary } from './staff.js';
import { ATTENDANCE_STRINGS, headCountLine, foldVi } from './attendance.js';
import { petitionNote, linkControls, speakerRegistration } from './agenda.js';
import { SIGNOFF_STRINGS, signOffView, minutesOpen } from './signoff.js';

setup({
  ...STAFF_STRINGS,
  ...ATTENDANCE_STRINGS,
  ...SIGNOFF_STRINGS,
  role: ['Thư ký hội nghị', 'Secretary'],
  attendance: ['Điểm danh tại bàn', 'Check-in at the desk'],
  findInvitee: ['Tìm người được mời (họ tên hoặc mã)', 'Find an invited person (name or code)'],
  findHelp: ['Gõ không dấu cũng được, ví dụ “nguyen van an”.', 'Diacritics optional, e.g. “nguyen van an”.'],
  noMatch: ['Không tìm thấy ai trong danh sách mời.', 'Nobody on the invitation list matches.'],
  checkIn: ['Điểm danh', 'Check in'],
  checkedInAt: ['đã điểm danh lúc {0}', 'checked in at {0}'],
  walkIn: ['Người đến không có giấy mời', 'Someone without an invitation'],
  countWalkIn: ['Đếm vào', 'Count in'],
  delegate: ['Đại biểu', 'Delegate'],
  minutes: ['Biên bản', 'Minutes'],
  minutesFor: ['Đang ghi cho: {0}', 'Writing for: {0}'],
  stepLabel: ['nội dung “{0}”', 'step “{0}”'],
  minutesHelp: ['Enter để lưu dòng, Shift+Enter để xuống dòng. Bản nháp được giữ trên máy này.', 'Enter saves the line, Shift+Enter adds a new line. The draft is kept on this device.'],
  addMinute: ['Lưu vào biên bản', 'Add to the minutes'],
  sendingMinute: ['đang gửi…', 'sending…'],
  entries: ['Các dòng đã ghi', 'Entries'],
  queueTitle: ['Danh sách chờ phát biểu', 'Waiting to speak'],
  editTopic: ['Sửa nội dung', 'Edit topic'],
  empty: ['Chưa có ai đăng ký.', 'Nobody is waiting.'],
  auto: ['tự động', 'automatic'],
  corrected: ['đã sửa', 'corrected'],
  correctMinute: ['Sửa', 'Correct'],
  correctLabel: ['Sửa dòng biên bản số {0}', 'Correct minutes entry {0}'],
  earlier: ['Trước khi sửa:', 'Before the correction:'],
});

const conn = connectWithToken(() => draw());
const feedback = new Feedback(() => draw(), conn);
let editing = null; // registration id whose topic is being edited
let searchText = ''; // what the secretary typed to find an invited person
let correcting = null; // id of the minutes entry being corrected
let draftKey = null;
let pendingKey = null;

/** Minutes sent but not yet acknowledged, kept on the device and resent with the same id. */
let pendingMinutes = [];

function keysFor(meetingId) {
  draftKey = 'doithoai.minutes.draft.' + meetingId;
  pendingKey = 'doithoai.minutes.pending.' + meetingId;
}

conn.onWelcome = welcome => {
  if (draftKey) return;
  keysFor(welcome.meetingId);
  pendingMinutes = JSON.parse(localStorage.getItem(pendingKey) || '[]');
  pendingMinutes.forEach(p => sendMinute(p));
  draw();
  const area = document.querySelector('[name=minute]');
  if (area) area.value = localStorage.getItem(draftKey) || '';
};

function savePending() {
  localStorage.setItem(pendingKey, JSON.stringify(pendingMinutes));
}

async function sendMinute(entry) {
  const answer = await conn.commandWithId(entry.id, 'RecordMinute', { text: entry.text });
  pendingMinutes = pendingMinutes.filter(p => p.id !== entry.id);
  savePending();
  if (answer.type === 'error') {
    const area = document.querySelector('[name=minute]');
    area.value = entry.text + (area.value ? '\n' + area.value : '');
    localStorage.setItem(draftKey, area.value);
  }
  feedback.report(answer, 'RecordMinute');
}

function submitMinute() {
  const area = document.querySelector('[name=minute]');
  const text = area.value.trim();
  if (!text) return;
  const entry = { id: newId('m-'), text };
  pendingMinutes = [...pendingMinutes, entry];
  savePending();
  area.value = '';
  localStorage.setItem(draftKey, '');
  sendMinute(entry);
  draw();
}

function minuteKeys(e) {
  if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
    e.preventDefault();
    submitMinute();
  }
}

function draw() {
  const s = conn.state;
  render(html`
    ${header(conn, t('role'))}
    ${feedback.view()}
    ${s ? html`<div class="console">
      <section class="panel wide">${s.status === 'CLOSED' ? signOffView(conn, s, 'SECRETARY', feedback.report) : ''}
        ${floorSummary(conn)}${petitionNote(s, speakerRegistration(s))}${minutesView(s)}</section>
      <section class="panel">${queueView(s)}${s.status === 'CLOSED' ? '' : deskForm(conn, s.setup.rules, feedback.report)}</section>
      <section class="panel">${attendanceView(s)}${minutesOpen(s) ? conclusionForm(conn, s, feedback.report) : ''}</section>
    </div>` : ''}`, document.getElementById('app'));
}

function writingFor(s) {
  if (s.floor) return s.floor.name + (s.floor.topic ? ' — ' + s.floor.topic : '');
  const step = s.stepIndex >= 0 ? s.setup.steps[s.stepIndex] : null;
  return step ? t('stepLabel', pick(step)) : '—';
}

function minutesView(s) {
  const turns = new Map(allTurns(s).map(turn => [turn.id, turn]));
  const open = minutesOpen(s);
  return html`
    <h2 id="minutes-title">${t('minutes')}</h2>
    ${open ? html`
      <div class="muted" id="writing-for" data-test="writing-for">${t('minutesFor', writingFor(s))}</div>
      <textarea name="minute" rows="5" maxlength="5000" data-test="minute-draft" aria-labelledby="minutes-title writing-for"
        @input=${e => localStorage.setItem(draftKey, e.target.value)} @keydown=${minuteKeys}></textarea>
      <div class="actions"><button class="primary" data-test="minute-submit" @click=${submitMinute}>${t('addMinute')}</button>
        <small class="muted">${t('minutesHelp')}</small></div>` : ''}
    <h3>${t('entries')}</h3>
    <ol class="minutes" data-test="minutes" reversed>
      ${pendingMinutes.map(p => html`<li class="pending" data-test="minute-pending"><time>…</time> <span class="text">${p.text}</span> <em>(${t('sendingMinute')})</em></li>`)}
      ${[...s.minutes].reverse().map(m => correcting === m.id ? correctionForm(m) : html`
        <li class=${m.automatic ? 'auto' : ''} data-test="minute">
          <time datetime=${m.at}>${timeVi(m.at)}</time>
          <span class="text">${m.automatic ? pick({ vi: m.text, en: m.textEn || m.text }) : m.text}</span>
          ${m.turnId && turns.get(m.turnId) ? html`<span class="muted"> · ${turns.get(m.turnId).name}</span>` : ''}
          ${m.earlierTexts.length ? html`<details class="earlier"><summary class="muted">${t('corrected')}</summary>
            ${t('earlier')} ${m.earlierTexts.map(e => html`<div class="text muted" data-test="minute-earlier">${e}</div>`)}</details>` : ''}
          ${m.automatic || !open ? '' : html`<button class="small link" data-test="minute-correct"
            @click=${() => { correcting = m.id; draw(); }}>${t('correctMinute')}</button>`}
        </li>`)}
    </ol>`;
}

/** A line the secretary wrote, corrected in place on the screen; the record keeps both texts. */
function correctionForm(m) {
  return html`<li data-test="minute-correcting">
    <form @submit=${e => saveCorrection(e, m.id)}>
      <label>${t('correctLabel', m.id)}
        <textarea name="text" rows="3" maxlength="5000" data-test="minute-correct-text" .value=${m.text} required></textarea></label>
      <div class="actions">
        <button class="small primary" data-test="minute-correct-save">${t('save')}</button>
        <button type="button" class="small" @click=${() => { correcting = null; draw(); }}>${t('cancel')}</button>
      </div>
    </form></li>`;
}

async function saveCorrection(e, entryId) {
  e.preventDefault();
  const text = new FormData(e.target).get('text').trim();
  const answer = await conn.command('CorrectMinute', { entryId, text });
  if (answer.type === 'ack') correcting = null;
  feedback.report(answer, 'CorrectMinute');
}

function queueView(s) {
  const waiting = queue(s);
  return html`
    <h2>${t('queueTitle')} (${waiting.length})</h2>
    ${waiting.length ? '' : html`<p class="muted">${t('empty')}</p>`}
    <ol class="queue" data-test="queue">
      ${waiting.map(r => html`
        <li data-test="queue-item">
          <div class="who">${r.name} <span class="muted">· ${r.village}</span>
            ${r.minutesAsked ? html`<span class="minutes-asked">${t('minutesN', r.minutesAsked)}</span>` : ''}</div>
          ${editing === r.id ? html`
            <form class="row" @submit=${e => saveTopic(e, r.id)}>
              <input name="topic" maxlength="200" .value=${r.topic} data-test="topic-input" required>
              <button class="small primary" data-test="topic-save">${t('save')}</button>
              <button type="button" class="small" @click=${() => { editing = null; draw(); }}>${t('cancel')}</button>
            </form>` : html`
            <div class="topic">${r.topic} <button class="small link" data-test="edit-topic" @click=${() => { editing = r.id; draw(); }}>${t('editTopic')}</button></div>`}
          ${r.summary ? html`<div class="summary">${r.summary}</div>` : ''}
          ${r.note ? html`<div class="note">${r.note}</div>` : ''}
          ${petitionNote(s, r)}
          ${s.status === 'CLOSED' ? '' : linkControls(conn, r, feedback.report, draw)}
        </li>`)}
    </ol>`;
}

/** Who is here: the head count, an invited person found by name and checked in, a walk-in counted. */
function attendanceView(s) {
  const wanted = foldVi(searchText);
  const matches = wanted.length < 2 ? [] : s.invitations
    .filter(i => !i.removed && (foldVi(i.name).includes(wanted) || i.code.toLowerCase() === wanted.replace(/[\s-]/g, '')))
    .sort(byName).slice(0, 8);
  return html`
    <section data-test="attendance">
      <h2>${t('attendance')}</h2>
      ${headCountLine(s.headCount)}
      ${s.status === 'CLOSED' ? '' : html`
        <label>${t('findInvitee')}<input type="search" data-test="invitee-search" autocomplete="off" aria-describedby="find-help"
          @input=${e => { searchText = e.target.value; draw(); }}></label>
        <small class="muted" id="find-help">${t('findHelp')}</small>
        <ul class="check-in-list" data-test="invitee-matches">${matches.map(i => html`
          <li data-test="invitee-match"><span><strong>${i.name}</strong>
            <span class="muted">· ${i.kind === 'DELEGATE' ? t('delegate') : i.village}</span></span>
            ${i.checkedInAt ? html`<span class="muted" data-test="checked-in-at">${t('checkedInAt', timeVi(i.checkedInAt))}</span>`
              : html`<button class="small primary" data-test="desk-check-in" @click=${() => checkIn(i)}>${t('checkIn')}</button>`}
          </li>`)}</ul>
        ${wanted.length >= 2 && !matches.length ? html`<p class="muted" data-test="no-match">${t('noMatch')}</p>` : ''}
        <details><summary>${t('walkIn')}</summary>
          <form class="stack" data-test="walk-in-form" @submit=${e => submitForm(e, conn, 'CheckInWalkIn', null, feedback.report)}>
            <div class="row"><label>${t('name')}<input name="name" maxlength="100"></label>
              <label>${t('village')}<input name="village" maxlength="100"></label></div>
            <button data-test="walk-in-submit">${t('countWalkIn')}</button>
          </form></details>`}
    </section>`;
}

async function checkIn(invitation) {
  feedback.report(await conn.command('CheckIn', { invitationId: invitation.id }), 'CheckIn', { name: invitation.name });
}

async function saveTopic(e, registrationId) {
  e.preventDefault();
  const topic = new FormData(e.target).get('topic').trim();
  const answer = await conn.command('EditRegistration', { registrationId, topic });
  if (answer.type === 'ack') editing = null;
  feedback.report(answer, 'EditRegistration');
}

draw();
setInterval(draw, 250);
