// The hall display: read from the back of the hall, no mouse, reconnects by itself. It shows names
// and villages only: the server never sends a display anything private.
import { html, render } from 'lit-html';
import { setup, t, pick, connectionBadge, langButton, switchLang, currentLang } from './i18n.js';
import { nextSpeakers, currentStep } from './state.js';
import { remainingMs, formatMs, urgency } from './clock.js';
import { connectWithToken } from './staff.js';

setup({
  nowSpeaking: ['Đang phát biểu', 'Now speaking'],
  responding: ['Đang trả lời', 'Responding'],
  next: ['Tiếp theo', 'Next'],
  nobody: ['Chưa có người đăng ký', 'Nobody registered yet'],
  conclusions: ['Kết luận', 'Conclusions'],
  joinHere: ['Đăng ký phát biểu: quét mã', 'Register to speak: scan'],
  orType: ['hoặc nhập mã', 'or type the code'],
  overtime: ['Quá giờ', 'Overtime'],
  paused: ['Tạm dừng', 'Paused'],
  waitingStart: ['Chuẩn bị', 'Get ready'],
  timeLeft: ['Thời gian còn lại', 'Time left'],
  deadlineOn: ['hạn {0}', 'due {0}'],
}, () => draw());

const conn = connectWithToken(() => draw());

// The language: the switch in the corner, the L key, or ?lang=en in the link; remembered.
function draw() {
  const s = conn.state;
  render(s ? hall(s) : html`${connectionBadge(conn)}`, document.getElementById('app'));
}

function hall(s) {
  const step = currentStep(s);
  const joinCode = conn.welcome.joinCode;
  return html`
    ${connectionBadge(conn)}
    <header class="hall-head">
      <div class="hall-title">${s.setup.title}</div>
      <div class="hall-lang">${langButton()}</div>
      <div class="hall-step" data-test="step">${step ? html`${s.stepIndex + 1}. ${pick(step)}` : t('status_' + s.status)}</div>
    </header>
    <section class="hall-floor">${floor(s)}</section>
    <aside class="hall-side">
      <div class="join" data-test="join">
        <img src="/qr/${joinCode}.svg" alt="QR" data-test="qr">
        <div>
          <div class="join-label">${t('joinHere')}</div>
          <div class="join-label">${t('orType')}</div>
          <div class="join-code" data-test="join-code">${joinCode}</div>
          <div class="join-url">${conn.welcome.joinUrl.replace(/^https?:\/\//, '').replace(/\/j\/.*$/, '')}</div>
        </div>
      </div>
      <h2>${t('next')}</h2>
      <ol class="hall-next" data-test="next">
        ${nextSpeakers(s).slice(0, 5).map(r => html`<li><span class="name">${r.name}</span> <span class="village">${r.village}</span></li>`)}
      </ol>
      ${s.queue.length ? '' : html`<p class="dim">${t('nobody')}</p>`}
    </aside>
    <footer class="hall-conclusions" data-test="conclusions">
      ${s.conclusions.length ? html`<h2>${t('conclusions')}</h2>` : ''}
      ${s.conclusions.slice(-3).reverse().map(c => html`
        <div class="conclusion"><span class="outcome">${t('outcome_' + c.outcome)}</span> ${c.text}
          ${c.office ? html`<span class="dim"> — ${c.office}</span>` : ''}
          ${c.deadline ? html`<span class="dim"> (${t('deadlineOn', c.deadline.split('-').reverse().join('/'))})</span>` : ''}</div>`)}
    </footer>`;
}

function floor(s) {
  const f = s.floor;
  if (!f) return html`<div class="hall-idle" data-test="floor">${t('noFloor')}</div>`;
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

const wanted = new URLSearchParams(location.search).get('lang');
if (wanted && wanted !== currentLang()) switchLang();
document.addEventListener('keydown', e => { if (e.key === 'l' || e.key === 'L') switchLang(); });
draw();
setInterval(draw, 100);
