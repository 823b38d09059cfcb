// The chair's console: the program, the queue, the floor and its slot, responders, conclusions.
import { html, render } from 'lit-html';
import { setup, t, pick } from './i18n.js';
import { queue } from './state.js';
import { conclusionForm, reasonFields, submitForm, fillHead, STAFF_STRINGS } from './forms.js';
import { connectWithToken, Feedback, header, floorSummary } from './staff.js';
import { ATTENDANCE_STRINGS, headCountLine, slotText } from './attendance.js';
import { petitionNote, linkControls, speakerRegistration } from './agenda.js';
import { SIGNOFF_STRINGS, signOffView, minutesOpen } from './signoff.js';

setup({
  ...STAFF_STRINGS,
  ...ATTENDANCE_STRINGS,
  ...SIGNOFF_STRINGS,
  role: ['Chủ trì hội nghị', 'Chair'],
  program: ['Chương trình', 'Program'],
  openRegistration: ['Mở đăng ký phát biểu', 'Open registration'],
  startMeeting: ['Khai mạc', 'Start the meeting'],
  nextStep: ['Chuyển nội dung tiếp', 'Next step'],
  goToStep: ['Chuyển đến', 'Go to'],
  closeList: ['Khóa danh sách', 'Close the list'],
  reopenList: ['Mở lại danh sách', 'Reopen the list'],
  closeMeeting: ['Bế mạc hội nghị', 'Close the meeting'],
  confirmClose: ['Kết thúc hội nghị?', 'Close the meeting?'],
  floor: ['Người đang phát biểu', 'On the floor'],
  start: ['Bắt đầu', 'Start'],
  pause: ['Tạm dừng', 'Pause'],
  resume: ['Tiếp tục', 'Resume'],
  plusMinute: ['+1 phút', '+1 min'],
  end: ['Kết thúc lượt', 'End turn'],
  stop: ['Dừng phát biểu…', 'Stop speaker…'],
  stopTitle: ['Dừng người đang phát biểu', 'Stop the speaker'],
  callNext: ['Mời người tiếp theo', 'Call next'],
  slotSeconds: ['Thời gian (giây)', 'Time (seconds)'],
  slotSecondsHelp: ['Để trống: thời gian người phát biểu đã xin, tối đa {0}', 'Empty: the time the speaker asked for, at most {0}'],
  asked: ['Xin {0}', 'Asked {0}'],
  queueTitle: ['Danh sách chờ phát biểu', 'Waiting to speak'],
  empty: ['Chưa có ai đăng ký.', 'Nobody is waiting.'],
  call: ['Mời', 'Call'],
  up: ['Lên', 'Up'],
  down: ['Xuống', 'Down'],
  refuse: ['Từ chối…', 'Refuse…'],
  refuseTitle: ['Từ chối đăng ký của {0}', 'Refuse the registration of {0}'],
  responderTitle: ['Mời cơ quan trả lời', 'Call a responder'],
  responderName: ['Người trả lời', 'Responder'],
  responderOffice: ['Chức vụ, cơ quan', 'Office'],
  answers: ['Trả lời ý kiến', 'Answers the speech'],
  noSpeech: ['(không gắn với ý kiến nào)', '(no particular speech)'],
  callResponder: ['Mời trả lời', 'Call responder'],
  shortcuts: ['Phím tắt', 'Shortcuts'],
  keyNext: ['N: mời người tiếp theo', 'N: call next'],
  keySpace: ['Dấu cách: bắt đầu / tạm dừng / tiếp tục', 'Space: start / pause / resume'],
  keyPlus: ['+ : thêm 1 phút', '+ : one more minute'],
  confirm: ['Xác nhận', 'Confirm'],
  group: ['Nhóm', 'Group'],
  closed: ['Hội nghị đã kết thúc', 'The meeting is closed'],
  closedHelp: ['Không còn điều hành phát biểu. Vẫn có thể ghi kết luận cho đến khi thư ký hoàn thành biên bản.',
    'Speakers can no longer be called. Conclusions can still be recorded until the secretary finalises the minutes.'],
});

const conn = connectWithToken(() => draw());
const feedback = new Feedback(() => draw(), conn);
let reasonFor = null; // {kind: 'refuse', registration} | {kind: 'stop'}
let closedShown = false; // the closed notice has had the focus once

async function act(name, args) {
  feedback.report(await conn.command(name, args), name, args);
}

function slotSeconds() {
  const value = Number(document.querySelector('[name=callSeconds]')?.value);
  return value > 0 ? { seconds: value } : {};
}

const isClosed = () => !!conn.state && conn.state.status === 'CLOSED';

/** Space: the one slot action that fits the floor now. */
function toggleSlot() {
  const f = conn.state && conn.state.floor;
  if (!f) return;
  act(f.phase === 'RUNNING' ? 'PauseSlot' : f.phase === 'PAUSED' ? 'ResumeSlot' : 'StartSlot');
}

document.addEventListener('keydown', e => {
  if (e.ctrlKey || e.altKey || e.metaKey || e.target.closest('input, textarea, select') || !conn.state) return;
  if (isClosed()) return; // nothing left to run: a stray key must not end in a red refusal
  if (e.key === 'n' || e.key === 'N') act('CallNext', slotSeconds());
  else if (e.key === ' ') toggleSlot();
  else if (e.key === '+' || e.key === '=') act('ExtendSlot', { seconds: 60 });
  else return;
  e.preventDefault();
});

// One laptop screen (1366×768) holds it all: each column scrolls inside itself, never the page.
function draw() {
  const s = conn.state;
  render(html`
    ${header(conn, t('role'))}
    ${feedback.view()}
    ${s ? html`<div class="console">
      <section class="panel">${programView(s)}</section>
      <section class="panel wide">${s.status === 'CLOSED' ? closedView() : html`${floorView(s)}${reasonView()}${responderView(s)}`}
        ${minutesOpen(s) ? conclusionForm(conn, s, feedback.report) : ''}</section>
      <section class="panel">${queueView(s)}</section>
    </div>` : ''}`, document.getElementById('app'));
  if (s && s.status === 'CLOSED' && !closedShown) focusClosedNotice();
}

// The button that closed the meeting is gone: the keyboard focus goes to the notice, not to the page's top.
function focusClosedNotice() {
  closedShown = true;
  document.querySelector('[data-test=closed]').focus();
}

function closedView() {
  return html`<div class="closed-box" data-test="closed" tabindex="-1">
    <h2>${t('closed')}</h2><p>${t('closedHelp')}</p></div>
    ${signOffView(conn, conn.state, 'CHAIR', feedback.report)}`;
}

function programView(s) {
  const started = s.status === 'IN_PROGRESS';
  return html`
    ${headCountLine(s.headCount)}
    <h2>${t('program')}</h2>
    ${s.status === 'CLOSED' ? '' : html`<div class="actions">
      ${s.status === 'SCHEDULED' ? html`<button data-test="open-registration" @click=${() => act('OpenRegistration')}>${t('openRegistration')}</button>` : ''}
      ${s.status === 'SCHEDULED' || s.status === 'REGISTRATION_OPEN' ? html`<button class="primary" data-test="start-meeting" @click=${() => act('StartMeeting')}>${t('startMeeting')}</button>` : ''}
      ${started ? html`<button class="primary" data-test="next-step" @click=${() => act('AdvanceStep')}>${t('nextStep')}</button>` : ''}
      ${s.listOpen
        ? html`<button data-test="close-list" @click=${() => act('CloseList')}>${t('closeList')}</button>`
        : html`<button data-test="reopen-list" @click=${() => act('ReopenList')}>${t('reopenList')}</button>`}
      <button class="danger" data-test="close-meeting" @click=${() => confirm(t('confirmClose')) && act('CloseMeeting')}>${t('closeMeeting')}</button>
    </div>`}
    <ol class="steps">
      ${s.setup.steps.map((step, i) => html`
        <li class=${i === s.stepIndex ? 'current' : ''}>
          <span>${pick(step)}</span>
          ${started && i !== s.stepIndex ? html`<button class="small" @click=${() => act('AdvanceStep', { toStep: i })}>${t('goToStep')}</button>` : ''}
        </li>`)}
    </ol>
    ${s.status === 'CLOSED' ? '' : html`<div class="shortcuts" data-test="shortcuts"><h3>${t('shortcuts')}</h3>
      <div><kbd>N</kbd> ${t('keyNext').slice(2)}</div>
      <div><kbd>␣</kbd> ${t('keySpace').split(':')[1]}</div>
      <div><kbd>+</kbd> ${t('keyPlus').slice(3)}</div>
    </div>`}`;
}

function floorView(s) {
  const f = s.floor;
  return html`
    <h2>${t('floor')}</h2>
    ${floorSummary(conn)}
    ${floorPetition(s)}
    ${f ? html`<div class="actions slot">
      ${f.phase === 'CALLED' ? html`<button class="primary" data-test="slot-start" @click=${() => act('StartSlot')}>${t('start')} <kbd>␣</kbd></button>` : ''}
      ${f.phase === 'RUNNING' ? html`<button data-test="slot-pause" @click=${() => act('PauseSlot')}>${t('pause')} <kbd>␣</kbd></button>` : ''}
      ${f.phase === 'PAUSED' ? html`<button class="primary" data-test="slot-resume" @click=${() => act('ResumeSlot')}>${t('resume')} <kbd>␣</kbd></button>` : ''}
      <button data-test="slot-extend" @click=${() => act('ExtendSlot', { seconds: 60 })}>${t('plusMinute')} <kbd>+</kbd></button>
      <button data-test="slot-end" @click=${() => act('EndSlot')}>${t('end')}</button>
      ${f.kind === 'SPEECH' ? html`<button class="danger" data-test="slot-stop" @click=${() => { reasonFor = { kind: 'stop' }; draw(); }}>${t('stop')}</button>` : ''}
    </div>` : ''}
    <div class="actions call">
      <button class="primary big" data-test="call-next" @click=${() => act('CallNext', slotSeconds())}>${t('callNext')} <kbd>N</kbd></button>
      <label class="inline">${t('slotSeconds')}
        <input type="number" name="callSeconds" min="1" max="3600" data-test="call-seconds"
          placeholder=${String(s.setup.rules.slotSeconds)} aria-describedby="call-seconds-help"></label>
      <small class="muted" id="call-seconds-help">${t('slotSecondsHelp', slotText(s.setup.rules.slotSeconds))}</small>
    </div>`;
}

/** The petition the one on the floor raises (or the speech a responder answers), and its link for a speaker. */
function floorPetition(s) {
  const r = speakerRegistration(s);
  if (!r) return '';
  const speaking = s.floor.kind === 'SPEECH';
  return html`<div class="floor-petition" data-test="floor-petition">${petitionNote(s, r)}
    ${speaking ? linkControls(conn, r, feedback.report, draw) : ''}</div>`;
}

function reasonView() {
  if (!reasonFor) return '';
  const refuse = reasonFor.kind === 'refuse';
  const submit = async e => {
    const answer = await submitForm(e, conn, refuse ? 'RefuseRegistration' : 'StopSpeaker', null, feedback.report);
    if (answer.type === 'ack') { reasonFor = null; draw(); }
  };
  return html`
    <form class="stack reason" data-test="reason-form" @submit=${submit}>
      <h3>${refuse ? t('refuseTitle', reasonFor.registration.name) : t('stopTitle')}</h3>
      ${refuse ? html`<input type="hidden" name="registrationId" value=${reasonFor.registration.id}>` : ''}
      ${reasonFields()}
      <div class="actions">
        <button class="danger" data-test="reason-submit">${t('confirm')}</button>
        <button type="button" @click=${() => { reasonFor = null; draw(); }}>${t('cancel')}</button>
      </div>
    </form>`;
}

function responderView(s) {
  const speeches = [...s.turns, ...(s.floor ? [s.floor] : [])].filter(turn => turn.kind === 'SPEECH');
  const last = speeches[speeches.length - 1];
  return html`
    <form class="stack" data-test="responder-form" @submit=${e => submitForm(e, conn, 'CallResponder', { answersTurnId: 'number', seconds: 'number' }, feedback.report)}>
      <h2>${t('responderTitle')}</h2>
      <div class="row">
        <label>${t('responderName')}<input name="name" maxlength="100" required></label>
        <label>${t('responderOffice')}<input name="office" maxlength="200" list="office-names" autocomplete="off"
          @change=${e => fillHead(conn, e.target.form)}></label>
      </div>
      <label>${t('answers')}<select name="answersTurnId">
        <option value="">${t('noSpeech')}</option>
        ${speeches.map(turn => html`<option value=${turn.id} ?selected=${turn === last}>${turn.name} — ${turn.topic || ''}</option>`)}
      </select></label>
      <button data-test="responder-submit">${t('callResponder')}</button>
    </form>`;
}

function queueView(s) {
  const waiting = queue(s);
  return html`
    <h2>${t('queueTitle')} (${waiting.length})</h2>
    ${waiting.length ? '' : html`<p class="muted">${t('empty')}</p>`}
    <ol class="queue" data-test="queue">
      ${waiting.map((r, i) => html`
        <li data-test="queue-item" data-id=${r.id}>
          <div class="who">${r.name} <span class="muted">· ${r.village}${r.group ? ' · ' + r.group : ''}</span>
            ${r.minutesAsked ? html`<span class="minutes-asked" data-test="minutes-asked">${t('asked', t('minutesN', r.minutesAsked))}</span>` : ''}</div>
          <div class="topic">${r.topic}</div>
          ${r.summary ? html`<div class="summary" title=${r.summary}>${r.summary}</div>` : ''}
          ${r.note ? html`<div class="note">${r.note}</div>` : ''}
          ${petitionNote(s, r)}
          ${s.status === 'CLOSED' ? '' : html`<div class="actions">
            <button class="small primary" data-test="call" @click=${() => act('CallSpeaker', { registrationId: r.id, ...slotSeconds() })}>${t('call')}</button>
            <button class="small" data-test="move-up" ?disabled=${i === 0} @click=${() => act('MoveRegistration', { registrationId: r.id, position: i - 1 })}>↑ ${t('up')}</button>
            <button class="small" data-test="move-down" ?disabled=${i === waiting.length - 1} @click=${() => act('MoveRegistration', { registrationId: r.id, position: i + 1 })}>↓ ${t('down')}</button>
            <button class="small danger" data-test="refuse" @click=${() => { reasonFor = { kind: 'refuse', registration: r }; draw(); }}>${t('refuse')}</button>
            ${linkControls(conn, r, feedback.report, draw)}
          </div>`}
        </li>`)}
    </ol>`;
}

draw();
setInterval(draw, 100);
