// The door: a staff phone at the hall's entrance checks people in by the personal code on their
// invitation, typed or scanned, and counts those who come without one. It holds the invitation list
// (the server sends it to the door, never to the hall) to say whom a code belongs to.
import { html, render } from 'lit-html';
import { setup, t, errorText, langButton, connectionBadge } from './i18n.js';
import { connectWithToken } from './staff.js';
import { ATTENDANCE_STRINGS, headCountLine } from './attendance.js';
import { timeVi } from './format.js';

setup({
  ...ATTENDANCE_STRINGS,
  role: ['Điểm danh tại cửa', 'Check-in at the door'],
  code: ['Mã cá nhân trên giấy mời', 'Personal code on the invitation'],
  codeHelp: ['5 ký tự, ví dụ K7MXA. Không phân biệt chữ hoa, chữ thường.', '5 characters, e.g. K7MXA. Any case.'],
  checkIn: ['Điểm danh', 'Check in'],
  scan: ['Quét mã QR bằng máy ảnh', 'Scan the QR code with the camera'],
  stopScan: ['Dừng quét', 'Stop scanning'],
  scanning: ['Đưa mã QR trên giấy mời vào khung hình…', 'Hold the QR code of the invitation in the frame…'],
  noCamera: ['Không mở được máy ảnh. Hãy nhập mã.', 'The camera could not be opened. Please type the code.'],
  emptyCode: ['Hãy nhập mã trên giấy mời.', 'Type the code on the invitation.'],
  checkedIn: ['Đã điểm danh', 'Checked in'],
  walkInTitle: ['Người đến không có giấy mời', 'Someone without an invitation'],
  walkInHelp: ['Họ tên và thôn không bắt buộc.', 'Name and village are optional.'],
  name: ['Họ và tên', 'Full name'],
  village: ['Thôn, làng hoặc tổ chức', 'Village or organisation'],
  countWalkIn: ['Đếm vào', 'Count in'],
  walkInCounted: ['Đã đếm 1 người không có giấy mời', 'One person without an invitation counted'],
  recent: ['Vừa điểm danh', 'Just checked in'],
  delegate: ['Đại biểu', 'Delegate'],
  invitee: ['Khách mời', 'Invited guest'],
  closed: ['Hội nghị đã kết thúc.', 'The meeting has closed.'],
}, () => draw());

const conn = connectWithToken(() => draw());
let result = null; // {kind: 'ok'|'error', invitation?, text?: () => string}
let sending = false;
let scanner = null; // {stream, timer} while the camera looks for a code

const canScan = () => 'BarcodeDetector' in window && !!(navigator.mediaDevices && navigator.mediaDevices.getUserMedia);
const normalize = code => (code || '').replace(/[\s-]/g, '').toUpperCase();

function draw() {
  const s = conn.state;
  render(html`
    <header class="bar"><div><div class="role">${t('role')}</div><h1>${s ? s.setup.title : ''}</h1></div>${langButton()}</header>
    ${connectionBadge(conn)}
    ${s ? html`
      <section class="card count-card">${headCountLine(s.headCount) || html`<div class="muted" data-test="head-count">${t('present', 0)}</div>`}</section>
      ${s.status === 'CLOSED' ? html`<section class="card muted" data-test="closed">${t('closed')}</section>` : html`
        ${codeForm()}
        ${resultView()}
        ${walkInForm()}`}
      ${recentView(s)}` : ''}`, document.getElementById('app'));
}

function codeForm() {
  return html`
    <form class="card" data-test="code-form" @submit=${submitCode} novalidate>
      <label>${t('code')}
        <input name="code" class="code-input" data-test="code" autocomplete="off" autocapitalize="characters"
          spellcheck="false" maxlength="14" aria-describedby="code-help"></label>
      <small class="muted" id="code-help">${t('codeHelp')}</small>
      <button class="primary" data-test="check-in" ?disabled=${sending}>${t('checkIn')}</button>
      ${canScan() ? html`<button type="button" class="more" data-test="scan" @click=${scanner ? stopScan : startScan}>
        ${scanner ? t('stopScan') : t('scan')}</button>` : ''}
      ${scanner ? html`<p class="muted">${t('scanning')}</p><video class="scanner" data-test="scanner" playsinline muted></video>` : ''}
    </form>`;
}

function resultView() {
  if (!result) return '';
  if (result.kind === 'error') {
    return html`<section class="card result error-card" role="alert" data-test="result">${result.text()}</section>`;
  }
  const i = result.invitation;
  return html`<section class="card result ok-card" role="status" data-test="result">
    <div class="ok">✓ ${result.text()}</div>
    ${i ? html`<div class="who">${i.name}</div><div class="muted">${describe(i)}</div>` : ''}
  </section>`;
}

/** A delegate's title and office, or an invited guest's village. */
function describe(i) {
  const where = i.kind === 'DELEGATE' ? [i.title, i.office].filter(Boolean).join(', ') : i.village;
  return `${i.kind === 'DELEGATE' ? t('delegate') : t('invitee')}${where ? ' · ' + where : ''}`;
}

/**
 * The field is emptied for the next person once this one is in (or was in already); a code not found
 * stays, selected, so a typo can be seen and typed over.
 */
async function submitCode(e) {
  e.preventDefault();
  const input = e.target.elements.code;
  await checkIn(input.value);
  if (result.kind === 'ok' || result.code === 'ALREADY_CHECKED_IN') input.value = '';
  input.focus();
  input.select();
}

async function checkIn(typed) {
  const code = normalize(typed);
  if (!code) {
    result = { kind: 'error', text: () => t('emptyCode') };
    draw();
    return;
  }
  sending = true;
  draw();
  const answer = await conn.command('CheckIn', { code });
  sending = false;
  const invitation = (conn.state.invitations || []).find(i => i.code === code);
  result = answer.type === 'ack'
    ? { kind: 'ok', invitation, text: () => t('checkedIn') }
    : { kind: 'error', code: answer.code, text: () => errorText(answer) };
  draw();
}

function walkInForm() {
  return html`
    <details class="card" data-test="walk-in">
      <summary>${t('walkInTitle')}</summary>
      <form @submit=${countWalkIn}>
        <p class="muted">${t('walkInHelp')}</p>
        <label>${t('name')}<input name="name" maxlength="100" autocomplete="off"></label>
        <label>${t('village')}<input name="village" maxlength="100" autocomplete="off"></label>
        <button class="primary" data-test="walk-in-submit">${t('countWalkIn')}</button>
      </form>
    </details>`;
}

async function countWalkIn(e) {
  e.preventDefault();
  const form = e.target;
  const args = {};
  for (const [key, value] of new FormData(form)) if (value.trim()) args[key] = value.trim();
  const answer = await conn.command('CheckInWalkIn', args);
  if (answer.type === 'ack') form.reset();
  result = answer.type === 'ack' ? { kind: 'ok', text: () => t('walkInCounted') } : { kind: 'error', text: () => errorText(answer) };
  draw();
}

/** The last few people checked in, newest first: whoever holds the door sees the line move. */
function recentView(s) {
  const recent = (s.invitations || []).filter(i => i.checkedInAt).sort((a, b) => b.checkedInAt.localeCompare(a.checkedInAt)).slice(0, 5);
  if (!recent.length) return '';
  return html`<section class="card"><h2>${t('recent')}</h2>
    <ol class="queue-short" data-test="recent">${recent.map(i => html`<li><time datetime=${i.checkedInAt}>${timeVi(i.checkedInAt)}</time> ${i.name}
      <span class="muted">· ${describe(i)}</span></li>`)}</ol></section>`;
}

// The camera, only where the browser reads QR codes itself (BarcodeDetector): no library to load on a
// cheap phone. Typing the code always works.
async function startScan() {
  try {
    const detector = new window.BarcodeDetector({ formats: ['qr_code'] });
    const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
    scanner = { stream, timer: null };
    draw();
    const video = document.querySelector('[data-test=scanner]');
    video.srcObject = stream;
    await video.play();
    scanner.timer = setInterval(async () => {
      const found = await detector.detect(video).catch(() => []);
      if (found.length && scanner) {
        stopScan();
        await checkIn(found[0].rawValue);
      }
    }, 300);
  } catch (e) {
    stopScan();
    result = { kind: 'error', text: () => t('noCamera') };
    draw();
  }
}

function stopScan() {
  if (scanner) {
    clearInterval(scanner.timer);
    scanner.stream.getTracks().forEach(track => track.stop());
  }
  scanner = null;
  draw();
}

draw();
