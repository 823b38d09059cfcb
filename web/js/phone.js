// The attendee's phone: join by QR or code, register to speak, follow one's place in the queue.
import { html, render } from 'lit-html';
import { Connection } from './connection.js';
import { nextSpeakers, currentStep } from './state.js';
import { remainingMs, formatMs, urgency, exposeClock } from './clock.js';
import { setup, t, pick, langButton, connectionBadge, errorText } from './i18n.js';

setup({
  joinTitle: ['Tham gia hội nghị đối thoại', 'Join the dialogue conference'],
  joinHelp: ['Quét mã QR trong hội trường, hoặc nhập mã tham gia 6 ký tự.', 'Scan the QR code in the hall, or type the 6-character join code.'],
  joinCode: ['Mã tham gia', 'Join code'],
  join: ['Tham gia', 'Join'],
  badCode: ['Mã tham gia có 6 ký tự (chữ và số).', 'The join code has 6 characters (letters and digits).'],
  nowSpeaking: ['Đang phát biểu', 'Now speaking'],
  step: ['Nội dung', 'Program'],
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
}, () => draw());

const LIMITS = { name: 100, village: 100, group: 100, topic: 200, summary: 1000 };
const REQUIRED = ['name', 'village', 'topic'];
const DRAFT = 'doithoai.phone.draft';

let code = readCode();
let conn = null;
let fieldErrors = {};
let notice = null; // {kind: 'ok'|'error', text}
let sending = false;

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
    onEvent: (event, live) => { if (live && event.name === 'SpeakerCalled' && isMine(event.data.registrationId) && navigator.vibrate) navigator.vibrate(400); },
    onChange: draw,
  });
  exposeClock(conn);
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
  const step = currentStep(s);
  return html`
    <header class="bar"><h1>${s.setup.title}</h1>${langButton()}</header>
    ${connectionBadge(conn)}
    <p class="meta"><span class="pill">${t('status_' + s.status)}</span>
      ${step ? html` ${t('step')} ${s.stepIndex + 1}: ${pick(step)}` : ''}</p>
    ${floorView(s)}
    ${mineView(s)}
    ${registerView(s)}
    ${queueView(s)}`;
}

function floorView(s) {
  const f = s.floor;
  if (!f) return html`<section class="card muted" data-test="floor">${t('noFloor')}</section>`;
  const mine = f.registrationId != null && isMine(f.registrationId);
  const left = remainingMs(f, conn.now());
  return html`
    <section class="card floor ${mine ? 'mine' : ''}" data-test="floor">
      <div class="label">${mine ? t('yourTurn') : t('nowSpeaking')}${f.kind === 'RESPONSE' ? ' — ' + t('responder') : ''}</div>
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

function mineView(s) {
  const mine = Object.values(s.registrations).filter(r => r.attendeeId && r.attendeeId === myId());
  if (!mine.length) return '';
  return html`
    <section class="card" data-test="mine">
      <h2>${t('myTurns')}</h2>
      ${mine.map(r => {
        const index = s.queue.indexOf(r.id);
        return html`
          <div class="mine-item" data-test="mine-item">
            <div class="topic">${r.topic}</div>
            <div class="muted">${r.name} · ${r.village}</div>
            <div><span class="pill">${t('reg_' + r.status)}</span></div>
            ${r.status === 'REFUSED' ? html`<div class="muted">${t('refusedBecause', r.refusalText || t('ground_' + r.refusalGround))}</div>` : ''}
            ${index >= 0 ? html`
              ${index === 0 ? html`<div class="next-up" data-test="you-are-next" role="alert">${t('youAreNext')}</div>` : ''}
              <div class="place" data-test="place">${t('place', index + 1)}</div>
              <div>${t('ahead', index)} · <span data-test="wait">${t('wait', Math.max(1, Math.ceil(estimatedWaitMs(s, index) / 60000)))}</span></div>
              <button class="danger" data-test="withdraw" @click=${() => withdraw(r.id)}>${t('withdraw')}</button>` : ''}
          </div>`;
      })}
    </section>`;
}

async function withdraw(id) {
  if (!confirm(t('confirmWithdraw'))) return;
  const answer = await conn.command('Withdraw', { registrationId: id });
  notice = answer.type === 'error' ? { kind: 'error', text: errorText(answer) } : null;
  draw();
}

function registerView(s) {
  if (s.status === 'CLOSED') return html`<section class="card muted">${t('meetingClosed')}</section>`;
  if (s.status === 'SCHEDULED') return html`<section class="card muted">${t('notOpen')}</section>`;
  if (!s.listOpen) return html`<section class="card muted">${t('listClosed')}</section>`;
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
      <h2>${t('register')}</h2>
      ${field('name', t('name'))}
      ${field('village', t('village'))}
      ${field('group', t('group'))}
      <small class="muted">${t('groupHint')}</small>
      ${field('topic', t('topic'))}
      ${field('summary', t('summary'), 'textarea')}
      ${notice ? html`<p class=${notice.kind} role="alert" data-test="notice">${notice.text}</p>` : ''}
      <button class="primary" data-test="register-submit" ?disabled=${sending}>${sending ? t('sending') : t('send')}</button>
    </form>`;
}

function saveDraft(e) {
  localStorage.setItem(DRAFT, JSON.stringify(Object.fromEntries(new FormData(e.currentTarget))));
}

async function registerSubmit(e) {
  e.preventDefault();
  const form = e.target;
  const values = Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, v.trim()]));
  const labels = { name: t('name'), village: t('village'), group: t('group'), topic: t('topic'), summary: t('summary') };
  fieldErrors = {};
  for (const k of REQUIRED) if (!values[k]) fieldErrors[k] = t('required', labels[k].toLowerCase());
  for (const [k, max] of Object.entries(LIMITS)) if (values[k] && values[k].length > max) fieldErrors[k] = t('tooLong', labels[k], max);
  notice = null;
  if (Object.keys(fieldErrors).length) { draw(); return; }
  for (const k of ['group', 'summary']) if (!values[k]) delete values[k];
  sending = true;
  draw();
  const answer = await conn.command('Register', values);
  sending = false;
  if (answer.type === 'ack') {
    localStorage.removeItem(DRAFT);
    form.reset();
    notice = { kind: 'ok', text: t('registered') };
  } else {
    notice = { kind: 'error', text: errorText(answer) };
  }
  draw();
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
