// The invitation list to print on A4: a slip per invited person with the personal code and its QR
// code, which the door scans or types. Opened from the organiser's page (/invitations#meeting=<id>),
// signed in as there (the staff session cookie goes with each request).
import { html, render } from 'lit-html';
import { setup, t, langButton, errorText } from './i18n.js';
import { dateTimeVi } from './format.js';

setup({
  title: ['Danh sách mời', 'Invitation list'],
  print: ['In danh sách', 'Print the list'],
  back: ['← Về trang tổ chức', '← Back to the organiser page'],
  loading: ['Đang tải…', 'Loading…'],
  signIn: ['Cần đăng nhập: hãy mở trang tổ chức, đăng nhập rồi bấm lại “In danh sách mời”.',
    'Sign-in needed: open the organiser page, sign in, then click “Print the invitation list” again.'],
  noMeeting: ['Thiếu mã hội nghị trong địa chỉ trang.', 'The page address has no meeting id.'],
  none: ['Chưa có ai được mời.', 'Nobody is invited yet.'],
  delegates: ['Đại biểu', 'Delegates'],
  count: ['{0} người', '{0} people'],
  codeLabel: ['Mã cá nhân', 'Personal code'],
  howTo: ['Xuất trình giấy này tại cửa hội trường để điểm danh.', 'Show this slip at the hall door to check in.'],
  when: ['Thời gian: {0}', 'When: {0}'],
  where: ['Địa điểm: {0}', 'Where: {0}'],
}, () => draw());

const meetingId = new URLSearchParams(location.hash.slice(1)).get('meeting');
let list = null;
let problem = null; // () => text

async function load() {
  if (!meetingId) { problem = () => t('noMeeting'); draw(); return; }
  const response = await fetch(`/api/meetings/${encodeURIComponent(meetingId)}/invitations`);
  const body = await response.json().catch(() => null);
  if (response.ok) list = body;
  else problem = response.status === 401 ? () => t('signIn') : () => errorText(body);
  draw();
}

const collator = new Intl.Collator('vi');

/** Delegates first, then each village in Vietnamese order; names in Vietnamese order within. */
function groups(invitations) {
  const byGroup = new Map();
  for (const i of invitations) {
    const key = i.kind === 'DELEGATE' ? '' : i.village;
    byGroup.set(key, [...(byGroup.get(key) || []), i]);
  }
  return [...byGroup.entries()]
    .sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : collator.compare(a, b)))
    .map(([key, people]) => ({ title: key === '' ? t('delegates') : key, people: people.sort((a, b) => collator.compare(a.name, b.name)) }));
}

function draw() {
  render(html`
    <header class="bar no-print"><h1>${t('title')}</h1>
      <div class="bar-right"><a class="bar-link" href="/organiser">${t('back')}</a>
        ${list ? html`<button type="button" data-test="print" @click=${() => window.print()}>${t('print')}</button>` : ''}
        ${langButton()}</div></header>
    ${problem ? html`<p class="card error" role="alert" data-test="problem">${problem()}</p>`
      : list ? sheet(list) : html`<p class="card muted">${t('loading')}</p>`}`, document.getElementById('app'));
}

function sheet(data) {
  const m = data.meeting;
  return html`
    <div class="sheet" data-test="sheet">
      <h2 class="sheet-title">${t('title')} — ${m.title}</h2>
      <p class="sheet-meta">${m.scheduledAt ? t('when', dateTimeVi(m.scheduledAt)) : ''}${m.scheduledAt && m.venue ? ' · ' : ''}${m.venue ? t('where', m.venue) : ''}</p>
      ${data.invitations.length ? '' : html`<p class="muted">${t('none')}</p>`}
      ${groups(data.invitations).map(g => html`
        <section class="invite-group" data-test="group">
          <h3>${g.title} <span class="muted">(${t('count', g.people.length)})</span></h3>
          <div class="slips">${g.people.map(i => slip(m, i))}</div>
        </section>`)}
    </div>`;
}

function slip(m, i) {
  const role = i.kind === 'DELEGATE' ? [i.title, i.office].filter(Boolean).join(', ') : i.village;
  return html`
    <article class="slip" data-test="slip">
      <div class="slip-meeting">${m.title}</div>
      <div class="slip-name">${i.name}</div>
      ${role ? html`<div class="slip-role">${role}</div>` : ''}
      <img class="slip-qr" src=${i.qr} alt="${t('codeLabel')} ${i.code}">
      <div class="slip-code"><span class="muted">${t('codeLabel')}:</span> <strong data-test="slip-code">${i.code}</strong></div>
      <div class="slip-help">${t('howTo')}</div>
    </article>`;
}

draw();
load();
