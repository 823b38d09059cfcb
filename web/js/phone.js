// The attendee's phone: join by QR or code, register to speak, follow one's place in the queue.
import { html, render } from 'lit-html';
import { Connection } from './connection.js';
import { nextSpeakers, currentStep } from './state.js';
import { remainingMs, formatMs, urgency, exposeClock } from './clock.js';
import { setup, t, pick, langButton, connectionBadge, errorText } from './i18n.js';
import { isoDateToVi } from './format.js';
import { ATTENDANCE_STRINGS, minutesField } from './attendance.js';
import { petitionCodeShape } from './agenda.js';

setup({
  ...ATTENDANCE_STRINGS,
  joinTitle: ['Tham gia hội nghị đối thoại', 'Join the dialogue conference'],
  joinHelp: ['Quét mã QR trong hội trường, hoặc nhập mã tham gia 6 ký tự.', 'Scan the QR code in the hall, or type the 6-character join code.'],
  joinCode: ['Mã tham gia', 'Join code'],
  join: ['Tham gia', 'Join'],
  badCode: ['Mã tham gia có 6 ký tự (chữ và số).', 'The join code has 6 characters (letters and digits).'],
  nowSpeaking: ['Đang phát biểu', 'Now speaking'],
  step: ['Nội dung', 'Step'],
  register: ['Đăng ký phát biểu', 'Register to speak'],
  name: ['Họ và tên', 'Full name'],
  village: ['Thôn, làng hoặc tổ chức', 'Village or organisation'],
  group: ['Nhóm (không bắt buộc)', 'Group (optional)'],
  groupHint: ['Ví dụ: nông dân, phụ nữ, cựu chiến binh, doanh nghiệp', 'E.g. farmers, women, veterans, businesses'],
  topic: ['Nội dung muốn phát biểu', 'Topic'],
  summary: ['Tóm tắt ngắn (không bắt buộc)', 'Short summary (optional)'],
  send: ['Gửi đăng ký', 'Send registration'],
  sending: ['Đang gửi…', 'Sending…'],
  required: ['Vui lòng nhập {0}.', 'Please enter {0}.'],
  tooLong: ['{0}: tối đa {1} ký tự.', '{0}: at most {1} characters.'],
  registered: ['Đã đăng ký. Vui lòng chờ đến lượt.', 'Registered. Please wait for your turn.'],
  notOpen: ['Chưa mở đăng ký phát biểu.', 'Registration to speak is not open yet.'],
  listClosed: ['Danh sách phát biểu đã đóng.', 'The list of speakers is closed.'],
  meetingClosed: ['Hội nghị đã kết thúc. Cảm ơn bạn đã tham gia.', 'The meeting has ended. Thank you for taking part.'],
  myTurns: ['Đăng ký của bạn', 'Your registrations'],
  place: ['Thứ tự: {0}', 'Place in queue: {0}'],
  ahead: ['{0} người trước bạn', '{0} people ahead of you'],
  aheadOne: ['1 người trước bạn', '1 person ahead of you'],
  aheadNone: ['Không còn ai trước bạn', 'Nobody ahead of you'],
  wait: ['Chờ khoảng {0} phút', 'About {0} min to wait'],
  youAreNext: ['Bạn là người tiếp theo! Hãy chuẩn bị.', 'You are next! Please get ready.'],
  yourTurn: ['Mời bạn phát biểu', 'Your turn to speak'],
  yourTime: ['Thời gian còn lại của bạn', 'Your time left'],
  overtime: ['Đã hết giờ', 'Time is up'],
  withdraw: ['Rút đăng ký', 'Withdraw'],
  confirmWithdraw: ['Rút đăng ký phát biểu này?', 'Withdraw this registration?'],
  queueTitle: ['Danh sách chờ', 'Waiting list'],
  nobodyWaiting: ['Chưa có ai đăng ký.', 'Nobody is waiting.'],
  refusedBecause: ['Lý do: {0}', 'Reason: {0}'],
  registerMore: ['Đăng ký thêm nội dung khác', 'Register another topic'],
  registerAnother: ['Đăng ký thêm', 'Register another'],
  cancel: ['Thôi, không đăng ký thêm', 'Cancel'],
  spoke: ['Đã phát biểu. Cảm ơn bạn!', 'You have spoken. Thank you!'],
  spokeClosed: ['Đã phát biểu', 'You spoke'],
  stopped: ['Chủ trì đã dừng phần phát biểu của bạn', 'The chair stopped your speech'],
  absent: ['Đã mời nhưng bạn chưa phát biểu (vắng mặt)', 'Called, but you did not speak (absent)'],
  withdrawn: ['Đã rút đăng ký này', 'You withdrew this registration'],
  notReached: ['Chưa đến lượt khi hội nghị kết thúc', 'Not reached before the meeting ended'],
  conclusionsTitle: ['Kết luận của hội nghị', 'Conclusions of the meeting'],
  noConclusions: ['Chưa có kết luận nào được ghi.', 'No conclusion has been recorded.'],
  noticeLink: ['Xem thông báo kết luận', 'Read the notice of conclusions'],
  deadlineOn: ['hạn {0}', 'due {0}'],
  askedTime: ['Xin phát biểu {0}', 'Asked for {0}'],
  petitionCode: ['Mã kiến nghị (nếu có)', 'Petition tracking code (if any)'],
  petitionCodeHint: ['Mã trên giấy biên nhận kiến nghị, ví dụ KN-7QX4-M2PD', 'The code on your petition receipt, e.g. KN-7QX4-M2PD'],
  badPetitionCode: ['Mã kiến nghị có dạng KN-XXXX-XXXX, ví dụ KN-7QX4-M2PD.', 'A petition tracking code looks like KN-XXXX-XXXX, e.g. KN-7QX4-M2PD.'],
  petitionOf: ['Kiến nghị {0}', 'Petition {0}'],
}, () => draw());

const LIMITS = { name: 100, village: 100, group: 100, topic: 200, summary: 1000, petitionCode: 20 };
const REQUIRED = ['name', 'village', 'topic'];
const DRAFT = 'doithoai.phone.draft';

let code = readCode();
let conn = null;
let fieldErrors = {};
let notice = null; // {kind: 'ok'|'error', text: () => string, top}: top with one's own state, else in the form; text in the language of the moment
let sending = false;
let formWanted = false; // once registered, the form shows only when asked for ("Register another")

function readCode() {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('join');
  const typed = (fromHash || localStorage.getItem('doithoai.join') || '').toUpperCase().replace(/[^A-Z0-9]/g, '');
  return typed.length === 6 ? typed : null;
}

function connect() {
  localStorage.setItem('doithoai.join', code);
  const keyName = 'doithoai.attendee.' + code;
  conn = new Connection({
    credential: () => ({ join: code, attendeeKey: localStorage.getItem(keyName) || undefined }),
    onWelcome: welcome => { if (welcome.attendeeKey) localStorage.setItem(keyName, welcome.attendeeKey); },
    onChange: () => { watchFloor(); draw(); },
  });
  exposeClock(conn);
}

// Whether one's own turn holds the floor: null until the first state, so a reload is not a call.
// Watched on every change, not on the SpeakerCalled event: a call can come in a merged round or
// in the catch-up after a lost link, without an event of its own.
let onFloor = null;

function watchFloor() {
  const s = conn.state;
  if (!s) return;
  const now = !!(s.floor && s.floor.registrationId != null && isMine(s.floor.registrationId));
  if (now && onFloor === false) called();
  onFloor = now;
}

/** Called to speak: buzz, and bring the floor card with one's countdown into view (after it is drawn). */
function called() {
  if (navigator.vibrate) navigator.vibrate(400);
  if (notice && notice.kind === 'ok') notice = null; // "registered, please wait" is over
  setTimeout(() => window.scrollTo(0, 0));
}

const myId = () => conn.welcome && conn.welcome.attendeeId;
const isMine = id => { const r = conn.state && conn.state.registrations[id]; return r && r.attendeeId && r.attendeeId === myId(); };

function draw() {
  render(conn && conn.state ? meetingView(conn.state) : joinView(), document.getElementById('app'));
}

function joinView() {
  const refused = conn && conn.status === 'refused';
  return html`
    <header class="bar"><h1>${t('joinTitle')}</h1>${langButton()}</header>
    ${conn && !refused ? connectionBadge(conn) : ''}
    <form class="card" @submit=${joinSubmit} novalidate>
      <p>${t('joinHelp')}</p>
      <label>${t('joinCode')}
        <input name="code" data-test="join-code" autocomplete="off" autocapitalize="characters" maxlength="9" inputmode="text" class="code-input">
      </label>
      ${refused ? html`<p class="error" role="alert">${errorText(conn.refusal)}</p>` : ''}
      ${fieldErrors.code ? html`<p class="error" role="alert">${fieldErrors.code}</p>` : ''}
      <button class="primary" data-test="join-submit">${t('join')}</button>
    </form>`;
}

function joinSubmit(e) {
  e.preventDefault();
  const typed = new FormData(e.target).get('code').toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (typed.length !== 6) { fieldErrors = { code: t('badCode') }; draw(); return; }
  fieldErrors = {};
  code = typed;
  if (conn) { conn.credential = () => ({ join: code }); conn.retry(); } else connect();
  draw();
}

function meetingView(s) {
  const closed = s.status === 'CLOSED';
  const floorIsMine = s.floor && s.floor.registrationId != null && isMine(s.floor.registrationId);
  // Once registered, one's own state comes first, in view without scrolling: the floor card when
  // one is speaking, then one's registrations. Everything about the others comes after.
  return html`
    <header class="bar"><h1>${s.setup.title}</h1>${langButton()}</header>
    ${connectionBadge(conn)}
    ${floorIsMine ? floorView(s) : ''}
    ${closed ? endedView(s) : mineView(s)}
    ${closed ? '' : html`
      <p class="meta" data-test="meta"><span class="pill">${t('status_' + s.status)}</span>${stepText(s)}</p>
      ${floorIsMine ? '' : floorView(s)}
      ${registerView(s)}
      ${queueView(s)}`}`;
}

function stepText(s) {
  const step = currentStep(s);
  return step ? html` ${t('step')} ${s.stepIndex + 1}: ${pick(step)}` : '';
}

function floorView(s) {
  const f = s.floor;
  if (!f) return html`<section class="card muted" data-test="floor">${t('noFloor')}</section>`;
  const mine = f.registrationId != null && isMine(f.registrationId);
  const left = remainingMs(f, conn.now());
  return html`
    <section class="card floor ${mine ? 'mine' : ''}" data-test="floor">
      <div class=${mine ? 'headline' : 'label'}>${mine ? t('yourTurn') : t('nowSpeaking')}${f.kind === 'RESPONSE' ? ' — ' + t('responder') : ''}</div>
      <div class="who">${f.name}</div>
      <div class="where">${f.villageOrOffice || ''}</div>
      ${mine ? html`
        <div class="label">${left < 0 ? t('overtime') : t('yourTime')} · ${t('phase_' + f.phase)}</div>
        <div class="countdown ${urgency(left, s.setup.rules)}" data-test="my-countdown">${formatMs(left)}</div>` : ''}
    </section>`;
}

function estimatedWaitMs(s, ahead) {
  const speeches = s.turns.filter(turn => turn.kind === 'SPEECH' && turn.spokenMs > 0);
  const average = speeches.length
    ? speeches.reduce((sum, turn) => sum + turn.spokenMs, 0) / speeches.length
    : s.setup.rules.slotSeconds * 1000;
  const current = s.floor ? Math.max(0, remainingMs(s.floor, conn.now())) : 0;
  return ahead * average + current;
}

/**
 * This phone's registrations: the one on the floor, then the waiting ones in queue order, then the
 * rest, newest first; after the close, in the order registered.
 */
function myRegistrations(s) {
  const mine = Object.values(s.registrations).filter(r => r.attendeeId && r.attendeeId === myId());
  if (s.status === 'CLOSED') return mine.sort((a, b) => a.id - b.id); // the story, in the order registered
  const rank = r => r.status === 'ON_FLOOR' ? -1 : r.status === 'WAITING' ? s.queue.indexOf(r.id) : s.queue.length;
  return mine.sort((a, b) => rank(a) - rank(b) || b.id - a.id);
}

function mineView(s) {
  const mine = myRegistrations(s);
  if (!mine.length && !(notice && notice.top)) return '';
  return html`
    <section class="card" data-test="mine" tabindex="-1" id="mine">
      <h2>${t('myTurns')}</h2>
      ${notice && notice.top ? noticeView() : ''}
      ${mine.map(r => mineItem(s, r))}
    </section>`;
}

function mineItem(s, r) {
  const waiting = r.status === 'WAITING' && s.status !== 'CLOSED';
  return html`
    <div class="mine-item" data-test="mine-item">
      ${waiting ? waitingView(s, r) : html`<div class="state" data-test="outcome">${outcomeText(s, r)}</div>`}
      <div class="topic">${r.topic}</div>
      <div class="muted">${r.name} · ${r.village}${r.minutesAsked ? ' · ' + t('askedTime', t('minutesN', r.minutesAsked)) : ''}</div>
      ${r.petitionCode ? html`<div class="muted" data-test="my-petition">${t('petitionOf', r.petitionCode)}</div>` : ''}
      ${waiting ? '' : outcomeDetail(s, r)}
      ${waiting ? html`<button class="danger" data-test="withdraw" @click=${() => withdraw(r.id)}>${t('withdraw')}</button>` : ''}
    </div>`;
}

/** Place, people ahead and the wait; "you are next" for the first in the queue. */
function waitingView(s, r) {
  const index = s.queue.indexOf(r.id);
  if (index < 0) return html`<div class="state">${t('reg_WAITING')}</div>`;
  const minutes = Math.max(1, Math.ceil(estimatedWaitMs(s, index) / 60000));
  return html`
    ${index === 0 ? html`<div class="next-up" data-test="you-are-next" role="alert">${t('youAreNext')}</div>` : ''}
    <div class="place" data-test="place">${t('place', index + 1)}</div>
    <div class="ahead"><span data-test="ahead">${aheadText(index)}</span> · <span data-test="wait">${t('wait', minutes)}</span></div>`;
}

function aheadText(count) {
  return count === 0 ? t('aheadNone') : count === 1 ? t('aheadOne') : t('ahead', count);
}

/** What became of a registration that no longer waits. */
function outcomeText(s, r) {
  switch (r.status) {
    case 'WAITING': return t('notReached'); // still waiting when the meeting closed
    case 'SPOKEN': return s.status === 'CLOSED' ? t('spokeClosed') : t('spoke');
    case 'STOPPED': return t('stopped');
    case 'ABSENT': return t('absent');
    case 'WITHDRAWN': return t('withdrawn');
    default: return t('reg_' + r.status);
  }
}

/** The chair's reason for a stop or a refusal; the conclusions on what one said. */
function outcomeDetail(s, r) {
  if (r.status === 'STOPPED') return html`<div class="reason" data-test="stop-reason">${t('refusedBecause', stopReason(s, r))}</div>`;
  if (r.status === 'REFUSED') return html`<div class="reason">${t('refusedBecause', r.refusalText || t('ground_' + r.refusalGround))}</div>`;
  if (r.status === 'SPOKEN') return myConclusions(s, r);
  return '';
}

/** The ground the chair chose when stopping this speaker, and the words the chair added. */
function stopReason(s, r) {
  const turn = [...s.turns].reverse().find(turn => turn.registrationId === r.id && turn.stopGround);
  if (!turn) return t('reg_STOPPED');
  const ground = t('ground_' + turn.stopGround);
  return turn.stopText ? ground + ' — ' + turn.stopText : ground;
}

/** The turns of this registration and the responses to them. */
function turnIdsOf(s, r) {
  const own = s.turns.filter(turn => turn.registrationId === r.id).map(turn => turn.id);
  const answers = s.turns.filter(turn => own.includes(turn.answersTurnId)).map(turn => turn.id);
  return [...own, ...answers];
}

function myConclusions(s, r) {
  const ids = turnIdsOf(s, r);
  const mine = s.conclusions.filter(c => c.turnIds.some(id => ids.includes(id)));
  return mine.map(c => html`<div class="conclusion" data-test="my-conclusion">${conclusionView(c)}</div>`);
}

function conclusionView(c) {
  return html`<span class="pill outcome">${t('outcome_' + c.outcome)}</span> ${c.text}
    ${c.office ? html`<span class="muted"> — ${c.office}</span>` : ''}
    ${c.deadline ? html`<span class="muted"> (${t('deadlineOn', isoDateToVi(c.deadline))})</span>` : ''}`;
}

/**
 * The public notice of the meeting's conclusions, once the organiser has published it (every screen
 * is told: noticePublishedAt); until then the phone shows the conclusions it holds.
 */
function noticeOfConclusionsUrl(s) {
  return s.noticePublishedAt && conn.welcome ? '/thong-bao/' + conn.welcome.joinCode : null;
}

/** After the close: the meeting has ended, what became of one's registrations, the conclusions. */
function endedView(s) {
  const mine = myRegistrations(s);
  const url = noticeOfConclusionsUrl(s);
  return html`
    <section class="card ended" data-test="ended" tabindex="-1" id="mine">
      <h2>${t('meetingClosed')}</h2>
      ${url ? html`<a class="notice-link" href=${url} data-test="notice-link">${t('noticeLink')}</a>` : ''}
      ${mine.length ? html`
        <h3>${t('myTurns')}</h3>
        <div data-test="mine">${mine.map(r => mineItem(s, r))}</div>` : ''}
    </section>
    <section class="card" data-test="conclusions">
      <h2>${t('conclusionsTitle')}</h2>
      ${s.conclusions.length
        ? html`<ol class="conclusions">${s.conclusions.map(c => html`<li>${conclusionView(c)}</li>`)}</ol>`
        : html`<p class="muted">${t('noConclusions')}</p>`}
    </section>`;
}

async function withdraw(id) {
  if (!confirm(t('confirmWithdraw'))) return;
  const answer = await conn.command('Withdraw', { registrationId: id });
  notice = answer.type === 'error' ? { kind: 'error', text: () => errorText(answer), top: true } : null;
  draw();
}

function noticeView() {
  return html`<p class=${notice.kind} role=${notice.kind === 'error' ? 'alert' : 'status'} data-test="notice">${notice.text()}</p>`;
}

function registerView(s) {
  if (s.status === 'SCHEDULED') return html`<section class="card muted">${t('notOpen')}</section>`;
  if (!s.listOpen) return html`<section class="card muted">${t('listClosed')}</section>`;
  const registered = myRegistrations(s).length > 0 || (notice && notice.top);
  if (registered && !formWanted) {
    return html`<button class="more" data-test="register-more" @click=${openForm}>${t('registerMore')}</button>`;
  }
  const draft = JSON.parse(localStorage.getItem(DRAFT) || '{}');
  const field = (name, label, tag = 'input') => html`
    <label>${label}
      ${tag === 'textarea'
        ? html`<textarea name=${name} rows="3" maxlength=${LIMITS[name]} .value=${draft[name] || ''}></textarea>`
        : html`<input name=${name} maxlength=${LIMITS[name]} .value=${draft[name] || ''} autocomplete=${name === 'name' ? 'name' : 'off'}>`}
      ${fieldErrors[name] ? html`<span class="error" data-test="error-${name}">${fieldErrors[name]}</span>` : ''}
    </label>`;
  return html`
    <form class="card" data-test="register" @submit=${registerSubmit} @input=${saveDraft} novalidate>
      <h2>${registered ? t('registerAnother') : t('register')}</h2>
      ${field('name', t('name'))}
      ${field('village', t('village'))}
      ${field('group', t('group'))}
      <small class="muted">${t('groupHint')}</small>
      ${field('topic', t('topic'))}
      ${field('summary', t('summary'), 'textarea')}
      ${minutesField(s.setup.rules)}
      ${field('petitionCode', t('petitionCode'))}
      <small class="muted" id="petition-code-hint">${t('petitionCodeHint')}</small>
      ${notice && !notice.top ? noticeView() : ''}
      <button class="primary" data-test="register-submit" ?disabled=${sending}>${sending ? t('sending') : t('send')}</button>
      ${registered ? html`<button type="button" class="more" data-test="register-cancel" @click=${closeForm}>${t('cancel')}</button>` : ''}
    </form>`;
}

function openForm() {
  formWanted = true;
  notice = null;
  draw();
  const first = document.querySelector('[data-test=register] input');
  if (first) first.focus();
}

function closeForm() {
  formWanted = false;
  fieldErrors = {};
  notice = null;
  draw();
  showOwnState();
}

/** Brings one's own state, at the top, into view, and the screen reader's focus to it. */
function showOwnState() {
  window.scrollTo(0, 0);
  const own = document.getElementById('mine');
  if (own) own.focus({ preventScroll: true });
}

function saveDraft(e) {
  localStorage.setItem(DRAFT, JSON.stringify(Object.fromEntries(new FormData(e.currentTarget))));
}

async function registerSubmit(e) {
  e.preventDefault();
  const form = e.target;
  const values = Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, v.trim()]));
  const labels = { name: t('name'), village: t('village'), group: t('group'), topic: t('topic'), summary: t('summary'),
    petitionCode: t('petitionCode') };
  fieldErrors = {};
  for (const k of REQUIRED) if (!values[k]) fieldErrors[k] = t('required', labels[k].toLowerCase());
  for (const [k, max] of Object.entries(LIMITS)) if (values[k] && values[k].length > max) fieldErrors[k] = t('tooLong', labels[k], max);
  if (values.petitionCode && !petitionCodeShape(values.petitionCode)) fieldErrors.petitionCode = t('badPetitionCode');
  notice = null;
  if (Object.keys(fieldErrors).length) { draw(); return; }
  for (const k of ['group', 'summary', 'minutes', 'petitionCode']) if (!values[k]) delete values[k];
  if (values.petitionCode) values.petitionCode = petitionCodeShape(values.petitionCode);
  if (values.minutes) values.minutes = Number(values.minutes);
  sending = true;
  draw();
  const answer = await conn.command('Register', values);
  sending = false;
  if (answer.type === 'ack') {
    // Registered: the form goes away and the person's own place, at the top, is what they see.
    localStorage.removeItem(DRAFT);
    form.reset();
    formWanted = false;
    notice = { kind: 'ok', text: () => t('registered'), top: true };
    draw();
    showOwnState();
  } else {
    notice = { kind: 'error', text: () => errorText(answer) };
    draw();
  }
}

function queueView(s) {
  const waiting = nextSpeakers(s);
  return html`
    <section class="card">
      <h2>${t('queueTitle')} (${s.queue.length})</h2>
      ${waiting.length ? html`<ol class="queue-short">${waiting.map(r => html`<li>${r.name} <span class="muted">· ${r.village}</span></li>`)}</ol>`
        : html`<p class="muted">${t('nobodyWaiting')}</p>`}
    </section>`;
}

window.addEventListener('hashchange', () => { if (readCode() !== code) location.reload(); });
if (code) connect();
draw();
setInterval(() => { if (conn && conn.state && conn.state.floor) draw(); }, 250);
