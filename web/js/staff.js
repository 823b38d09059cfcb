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

/**
 * The last answer worth showing: a refusal with the server's own message, or what the accepted action
 * did ("Đã mời …", "Đã tạm dừng"), worded per command in the `ack_` strings of forms.js. An action
 * without such a string is acknowledged by the screen itself changing, with no banner.
 */
export class Feedback {
  constructor(draw, conn) { this.draw = draw; this.conn = conn; this.frame = null; }
  report = (answer, command, args) => {
    if (answer.type === 'ack' && t('ack_' + command) === 'ack_' + command) return;
    this.frame = answer;
    this.command = command;
    this.args = args || {};
    this.draw();
    if (answer.type === 'ack') setTimeout(() => { if (this.frame === answer) { this.frame = null; this.draw(); } }, 2500);
  };
  view() {
    if (!this.frame) return '';
    return this.frame.type === 'error'
      ? html`<div class="banner error feedback" role="alert" data-test="error">${errorText(this.frame)}
          <button type="button" class="link" aria-label=${t('dismiss')} @click=${() => { this.frame = null; this.draw(); }}>×</button></div>`
      : html`<div class="banner ok feedback" role="status" data-test="ok">${this.acknowledgement()}</div>`;
  }
  /** Read when drawn, not when acked: the event naming who was called may arrive just after the ack. */
  acknowledgement() {
    const s = this.conn && this.conn.state;
    const floorName = s && s.floor ? s.floor.name : '';
    return t('ack_' + this.command, this.args.name || floorName, s ? s.stepIndex + 1 : '').replace(/\s+$/, '');
  }
}

export function header(conn, roleTitle) {
  const s = conn.state;
  const step = s && currentStep(s);
  const stepText = step ? `${s.stepIndex + 1}. ${pick(step)}` : '';
  // The step label may be long: it wraps inside its own pill (two lines at most, whole text on hover)
  // and never pushes the title or the language switch onto a second row.
  return html`
    <header class="bar">
      <div class="bar-title"><div class="role">${roleTitle}</div><h1 title=${s ? s.setup.title : ''}>${s ? s.setup.title : ''}</h1></div>
      <div class="bar-right">
        ${s ? html`<span class="pill" data-test="status">${t('status_' + s.status)}</span>` : ''}
        ${step ? html`<span class="pill step" data-test="step" title=${stepText}>${stepText}</span>` : ''}
        ${langButton()}
      </div>
    </header>
    ${connectionBadge(conn)}`;
}

/**
 * What the floor's clock is doing, in the hall display's words: a paused or overtime turn must not
 * read "Đang phát biểu" on the console while the hall reads "Tạm dừng" or "Quá giờ".
 */
function floorState(f, level) {
  if (f.phase === 'PAUSED') return { key: 'paused', text: t('phase_PAUSED') };
  if (f.phase === 'CALLED') return { key: 'called', text: t('phase_CALLED') };
  if (level === 'over') return { key: 'over', text: t('overtime') };
  return { key: 'running', text: f.kind === 'RESPONSE' ? t('responding') : t('phase_RUNNING') };
}

export function floorSummary(conn) {
  const s = conn.state;
  const f = s.floor;
  if (!f) return html`<div class="floor-box muted" data-test="floor">${t('noFloor')}</div>`;
  const left = remainingMs(f, conn.now());
  const level = urgency(left, s.setup.rules);
  const state = floorState(f, level);
  const clockClass = state.key === 'paused' || state.key === 'called' ? state.key : level;
  return html`
    <div class="floor-box ${state.key}" data-test="floor">
      <div>
        <div class="label"><span class="floor-state ${state.key}" data-test="floor-state">${state.text}</span>${f.kind === 'RESPONSE' && state.key !== 'running' ? ' · ' + t('responder') : ''}</div>
        <div class="who" data-test="floor-name">${f.name}</div>
        <div class="muted">${f.villageOrOffice || ''}${f.topic ? ' — ' + f.topic : ''}</div>
      </div>
      <div class="countdown ${clockClass}" data-test="countdown">${formatMs(left)}</div>
    </div>`;
}
