// The hall display: read from the back of the hall, no mouse, reconnects by itself. It shows names
// and villages only: the server never sends a display anything private.
import { html, render } from 'lit-html';
import { setup, t, pick, connectionBadge, langButton, switchLang, currentLang } from './i18n.js';
import { nextSpeakers, currentStep } from './state.js';
import { remainingMs, formatMs, urgency } from './clock.js';
import { connectWithToken } from './staff.js';
import { isoDateToVi } from './format.js';
import { ATTENDANCE_STRINGS, headCountLine } from './attendance.js';

const STRINGS = {
  ...ATTENDANCE_STRINGS,
  nowSpeaking: ['Đang phát biểu', 'Now speaking'],
  responding: ['Đang trả lời', 'Responding'],
  next: ['Tiếp theo', 'Next'],
  nobody: ['Chưa có người đăng ký', 'Nobody registered yet'],
  noneWaiting: ['Không còn ai chờ phát biểu', 'No one else is waiting to speak'],
  moreWaiting: ['và {0} người nữa đang chờ', 'and {0} more waiting'],
  floorFree: ['Hiện không có ai phát biểu', 'Nobody has the floor now'],
  conclusions: ['Kết luận', 'Conclusions'],
  scan: ['Quét mã QR', 'Scan the QR code'],
  toRegister: ['để đăng ký phát biểu', 'to register to speak'],
  toFollow: ['để theo dõi hội nghị', 'to follow the meeting'],
  orType: ['hoặc nhập mã', 'or type the code'],
  atAddress: ['tại', 'at'],
  closed: ['Hội nghị đã kết thúc', 'The meeting has closed'],
  overtime: ['Quá giờ', 'Overtime'],
  paused: ['Tạm dừng', 'Paused'],
  waitingStart: ['Chuẩn bị', 'Get ready'],
  deadlineOn: ['hạn {0}', 'due {0}'],
  scanNotice: ['Quét mã để xem', 'Scan to read'],
  theNotice: ['thông báo kết luận', 'the notice of conclusions'],
};
setup(STRINGS, () => draw());

const conn = connectWithToken(() => draw());

// How many conclusions and next speakers fit on the screen, and whether the smaller type is needed,
// measured once for each layout (see fit).
let fitted = { key: '', conclusions: 0, next: 0, tight: false };

function draw() {
  const app = document.getElementById('app');
  const s = conn.state;
  if (!s) {
    render(html`${connectionBadge(conn)}`, app);
  } else if (layoutKey(s) !== fitted.key) {
    fit(s, app);
  } else {
    render(hall(s), app);
  }
}

/** Everything but the ticking clock that changes what fits: a new key means measuring again. */
function layoutKey(s) {
  const f = s.floor;
  return JSON.stringify([currentLang(), conn.status, innerWidth, innerHeight, s.status, s.noticePublishedAt, s.stepIndex, s.setup.title,
    s.queue.length, s.next, s.conclusions, s.headCount, f && [f.name, f.villageOrOffice, f.topic, f.phase, f.kind]]);
}

/**
 * Nothing may scroll or be cut on a screen nobody can scroll: drop the oldest conclusions and the
 * last next speakers until each list fits its box (at least one stays). If that is not enough (the
 * longest names and topics the server accepts), the same again in the smaller type.
 */
function fit(s, app) {
  for (const tight of [false, true]) {
    fitted = { key: layoutKey(s), conclusions: s.conclusions.length, next: nextSpeakers(s).length, tight };
    render(hall(s), app);
    shrink(s, app, 'conclusions', '.hall-conclusions');
    shrink(s, app, 'next', '.hall-waiting');
    if (!['.hall-main', '.hall-conclusions', '.hall-waiting'].some(box => overflows(app.querySelector(box)))) return;
  }
}

function shrink(s, app, what, box) {
  const el = app.querySelector(box);
  while (fitted[what] > 1 && overflows(el)) {
    fitted[what]--;
    render(hall(s), app);
  }
}

const overflows = el => !!el && el.scrollHeight > el.clientHeight;

function hall(s) {
  const closed = s.status === 'CLOSED';
  const notice = closed && !!s.noticePublishedAt;
  return html`
    <div class="hall ${closed ? 'closed' : ''} ${notice ? 'with-notice' : ''} ${fitted.tight ? 'tight' : ''}">
      ${connectionBadge(conn)}
      <header class="hall-head">
        <h1 class="hall-title">${s.setup.title}</h1>
        ${closed ? '' : html`<div class="hall-step" data-test="step">${stepText(s)}</div>`}
        ${headCountLine(s.headCount)}
        <div class="hall-lang">${langButton()}</div>
      </header>
      <div class="hall-body">
        <div class="hall-main">
          ${closed ? closedNotice() : html`<section class="hall-floor">${floor(s)}</section>`}
          ${conclusions(s)}
        </div>
        ${closed ? notice ? html`<div class="hall-side">${noticeJoin()}</div>` : '' : html`<div class="hall-side">${join()}${waiting(s)}</div>`}
      </div>
    </div>`;
}

function stepText(s) {
  const step = currentStep(s);
  return step ? `${s.stepIndex + 1}. ${pick(step)}` : t('status_' + s.status);
}

// Both languages at once: the hall may have set the screen to either, and this is the last thing it reads.
function closedNotice() {
  return html`
    <section class="hall-closed" data-test="closed" role="status">
      <div lang="vi">${STRINGS.closed[0]}</div>
      <div lang="en" class="second">${STRINGS.closed[1]}</div>
    </section>`;
}

function floor(s) {
  const f = s.floor;
  if (!f) return html`<div class="hall-idle" data-test="floor">${s.turns.length ? t('floorFree') : t('noFloor')}</div>`;
  const left = remainingMs(f, conn.now());
  const level = urgency(left, s.setup.rules);
  const label = f.phase === 'CALLED' ? t('waitingStart') : f.phase === 'PAUSED' ? t('paused')
    : level === 'over' ? t('overtime') : f.kind === 'RESPONSE' ? t('responding') : t('nowSpeaking');
  return html`
    <div data-test="floor">
      <div class="hall-label">${label}</div>
      <div class="hall-name" data-test="floor-name">${f.name}</div>
      <div class="hall-village">${f.villageOrOffice || ''}</div>
      <div class="hall-countdown ${level} ${f.phase === 'RUNNING' ? '' : 'still'}" data-test="countdown">${formatMs(left)}</div>
      ${f.topic ? html`<div class="hall-topic">${f.topic}</div>` : ''}
    </div>`;
}

/** The latest conclusions first, whole: text, then who acts and by when. */
function conclusions(s) {
  if (!s.conclusions.length) return html`<section class="hall-conclusions" data-test="conclusions"></section>`;
  return html`
    <section class="hall-conclusions" data-test="conclusions">
      <h2>${t('conclusions')}</h2>
      <ul>
        ${s.conclusions.slice(-fitted.conclusions).reverse().map(c => html`
          <li class="conclusion" data-test="conclusion"><span class="outcome">${t('outcome_' + c.outcome)}</span>
            ${c.text}${c.office ? html` <span class="office">—\u00a0${c.office}</span>` : ''}${c.deadline
              ? html` <span class="due">(${t('deadlineOn', isoDateToVi(c.deadline))})</span>` : ''}</li>`)}
      </ul>
    </section>`;
}

// Phrases that must not break across lines are spans that do not wrap; the QR image is SVG, so any
// size is sharp, and its white frame adds to the quiet zone the code is drawn with.
function join() {
  const joinCode = conn.welcome.joinCode;
  const host = conn.welcome.joinUrl.replace(/^https?:\/\//, '').replace(/\/j\/.*$/, '');
  return html`
    <div class="join" data-test="join">
      <h2 class="join-label"><span class="phrase">${t('scan')}</span> <span class="phrase">${
        // Once the chair closed the list, a phone can no longer register: it follows the meeting.
        conn.state && !conn.state.listOpen ? t('toFollow') : t('toRegister')}</span></h2>
      <img src="/qr/${joinCode}.svg" alt="${t('scan')}: ${conn.welcome.joinUrl}" data-test="qr">
      <div class="join-type">
        <span class="phrase join-label">${t('orType')}</span>
        <span class="join-code" data-test="join-code">${joinCode}</span>
      </div>
      <div class="join-url"><span class="phrase">${t('atAddress')}</span> ${host}</div>
    </div>`;
}

/** After the close, once published: the QR code of the public notice of conclusions, and its address. */
function noticeJoin() {
  const joinCode = conn.welcome.joinCode;
  const url = conn.welcome.joinUrl.replace(/\/j\/.*$/, '/thong-bao/' + joinCode);
  return html`
    <div class="join" data-test="notice-join">
      <h2 class="join-label" data-test="notice-caption"><span class="phrase">${t('scanNotice')}</span> <span class="phrase">${t('theNotice')}</span></h2>
      <img src="/qr/notice/${joinCode}.svg" alt="${t('scanNotice')} ${t('theNotice')}: ${url}" data-test="notice-qr">
      <div class="join-url" data-test="notice-url">${url.replace(/^https?:\/\//, '')}</div>
    </div>`;
}

function waiting(s) {
  const next = nextSpeakers(s).slice(0, fitted.next);
  const more = s.queue.length - next.length;
  return html`
    <section class="hall-waiting">
      <h2>${t('next')}</h2>
      ${next.length ? html`
        <ol class="hall-next" data-test="next">
          ${next.map(r => html`<li data-test="next-item"><span class="name">${r.name}</span> <span class="village">${r.village}</span></li>`)}
        </ol>
        ${more > 0 ? html`<p class="dim" data-test="more-waiting">${t('moreWaiting', more)}</p>` : ''}`
      : html`<p class="dim" data-test="nobody-waiting">${nobodyWaiting(s)}</p>`}
    </section>`;
}

/** Once someone has spoken, "nobody registered yet" is untrue: then no one is left waiting. */
function nobodyWaiting(s) {
  return s.turns.length || s.floor ? t('noneWaiting') : t('nobody');
}

// The language: the switch in the corner, the L key, or ?lang=en in the link; remembered.
const wanted = new URLSearchParams(location.search).get('lang');
if (wanted && wanted !== currentLang()) switchLang();
document.addEventListener('keydown', e => { if (e.key === 'l' || e.key === 'L') switchLang(); });
draw();
setInterval(draw, 100);
