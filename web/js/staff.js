// What the chair and secretary consoles share: the connection opened by the role link's token,
// the banner of the last refused action, and the floor with its countdown.
import { html } from 'lit-html';
import { Connection } from './connection.js';
import { t, pick, errorText, langButton, connectionBadge } from './i18n.js';
import { remainingMs, formatMs, urgency, exposeClock } from './clock.js';
import { currentStep } from './state.js';

export function connectWithToken(onChange) {
  window.addEventListener('hashchange', () => location.reload()); // another role link pasted in
  const token = new URLSearchParams(location.hash.slice(1)).get('token') || '';
  const conn = new Connection({ credential: () => ({ token }), onChange });
  exposeClock(conn);
  return conn;
}

/** The last answer worth showing: a refusal with the server's own message, or a short "saved". */
export class Feedback {
  constructor(draw) { this.draw = draw; this.frame = null; }
  report = answer => {
    this.frame = answer;
    this.draw();
    if (answer.type === 'ack') setTimeout(() => { if (this.frame === answer) { this.frame = null; this.draw(); } }, 2500);
  };
  view() {
    if (!this.frame) return '';
    return this.frame.type === 'error'
      ? html`<div class="banner error" role="alert" data-test="error">${errorText(this.frame)}
          <button type="button" class="link" @click=${() => { this.frame = null; this.draw(); }}>×</button></div>`
      : html`<div class="banner ok" role="status" data-test="ok">${t('done')}</div>`;
  }
}

export function header(conn, roleTitle) {
  const s = conn.state;
  const step = s && currentStep(s);
  return html`
    <header class="bar">
      <div><div class="role">${roleTitle}</div><h1>${s ? s.setup.title : ''}</h1></div>
      <div class="bar-right">
        ${s ? html`<span class="pill" data-test="status">${t('status_' + s.status)}</span>` : ''}
        ${step ? html`<span class="pill step" data-test="step">${s.stepIndex + 1}. ${pick(step)}</span>` : ''}
        ${langButton()}
      </div>
    </header>
    ${connectionBadge(conn)}`;
}

export function floorSummary(conn) {
  const s = conn.state;
  const f = s.floor;
  if (!f) return html`<div class="floor-box muted" data-test="floor">${t('noFloor')}</div>`;
  const left = remainingMs(f, conn.now());
  return html`
    <div class="floor-box" data-test="floor">
      <div>
        <div class="label">${f.kind === 'RESPONSE' ? t('responder') : t('phase_' + f.phase)}${f.kind === 'RESPONSE' ? ' · ' + t('phase_' + f.phase) : ''}</div>
        <div class="who" data-test="floor-name">${f.name}</div>
        <div class="muted">${f.villageOrOffice || ''}${f.topic ? ' — ' + f.topic : ''}</div>
      </div>
      <div class="countdown ${urgency(left, s.setup.rules)}" data-test="countdown">${formatMs(left)}</div>
    </div>`;
}
