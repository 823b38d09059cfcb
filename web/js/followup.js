// Conclusions followed after their meeting (/followup): an office's own conclusions and petitions,
// nearest deadline first, with its reports (started, progress, done, transferred); the whole commune
// by office, overdue ones said in words ("Quá hạn"); the Front's supervision (a year's plan and what
// it found). What the role may not do is not offered, and the server refuses it anyway (403, said
// beside the form). Forms are uncontrolled, read with FormData on submit.
import { html, render } from 'lit-html';
import { setup, t, pick, errorText } from './i18n.js';
import { Session, SESSION_STRINGS, everyCommune, isAdmin } from './session.js';
import { dateVi, dateTimeVi, isoDateToVi, parseDateVi, isoDate, yearInVietnam } from './format.js';

setup({
  ...SESSION_STRINGS,
  title: ['Theo dõi thực hiện kết luận', 'Follow-up of conclusions'],
  commune: ['Xã', 'Commune'],
  noCommunes: ['Tài khoản này chưa được xem xã nào.', 'This account may not see any commune yet.'],
  view_office: ['Việc của cơ quan', "An office's work"],
  view_all: ['Toàn xã, theo cơ quan', 'The commune, by office'],
  view_supervision: ['Giám sát của Mặt trận', "The Front's supervision"],
  views: ['Cách xem', 'Views'],
  office: ['Cơ quan', 'Office'],
  chooseOffice: ['— Chọn cơ quan —', '— Choose an office —'],
  officeConclusions: ['Kết luận được giao ({0})', 'Conclusions assigned ({0})'],
  officePetitions: ['Kiến nghị được giao ({0})', 'Petitions assigned ({0})'],
  noConclusions: ['Không có kết luận nào.', 'No conclusion.'],
  noPetitions: ['Không có kiến nghị nào đang chờ giải quyết.', 'No petition waiting for an answer.'],
  scope: ['Phạm vi', 'Show'],
  scope_open: ['Đang thực hiện (chưa xong)', 'Still to do'],
  scope_overdue: ['Chỉ quá hạn', 'Overdue only'],
  scope_settled: ['Đã hoàn thành hoặc đã chuyển', 'Done or transferred'],
  scope_all: ['Tất cả', 'All'],
  byOffice: ['Số liệu theo cơ quan', 'Figures by office'],
  open: ['Chưa xong', 'To do'],
  overdueCount: ['Quá hạn', 'Overdue'],
  doneCount: ['Hoàn thành', 'Done'],
  transferredCount: ['Đã chuyển', 'Transferred'],
  noOffice: ['(không ghi cơ quan)', '(no office named)'],
  truncated: ['Chỉ hiện 500 kết luận đầu; hãy thu hẹp phạm vi.', 'Only the first 500 are shown; narrow the list.'],
  planYear: ['Kế hoạch giám sát năm', 'Supervision plan of'],
  planOnly: ['Chỉ kết luận trong kế hoạch năm này', "Only those in this year's plan"],
  inPlan: ['Trong kế hoạch {0}', 'In the {0} plan'],
  putInPlan: ['Đưa vào kế hoạch {0}', 'Put in the {0} plan'],
  supervision: ['Giám sát', 'Supervision'],
  deadline: ['Hạn', 'Deadline'],
  noDeadline: ['không hạn', 'no deadline'],
  conclusion: ['Kết luận', 'Conclusion'],
  status: ['Trạng thái', 'Status'],
  overdue: ['Quá hạn', 'Overdue'],
  late: ['xong sau hạn', 'done after the deadline'],
  code: ['Mã theo dõi', 'Tracking code'],
  village: ['Thôn, làng', 'Village'],
  due: ['Hạn giải quyết', 'Due'],
  pick: ['Chọn một kết luận trong danh sách để xem và cập nhật.', 'Choose a conclusion in the list to see and update it.'],
  total: ['{0} kết luận', '{0} conclusions'],
  // One conclusion
  detailTitle: ['Kết luận số {0}', 'Conclusion {0}'],
  close: ['Đóng', 'Close'],
  meeting: ['Hội nghị', 'Meeting'],
  outcome: ['Hình thức xử lý', 'Outcome'],
  openedOn: ['Theo dõi từ', 'Followed since'],
  settledOn: ['Ngày hoàn thành, chuyển', 'Settled on'],
  result: ['Kết quả thực hiện (công khai)', 'Result (public)'],
  transferredTo: ['Đã chuyển đến', 'Transferred to'],
  petitions: ['Kiến nghị được trả lời', 'Petitions it answers'],
  plans: ['Kế hoạch giám sát', 'Supervision plans'],
  none: ['chưa có', 'none'],
  ratings: ['Đánh giá của người dân', "Citizens' ratings"],
  satisfied: ['Hài lòng', 'Satisfied'],
  notSatisfied: ['Chưa hài lòng', 'Not yet satisfied'],
  ratingsCount: ['{0} hài lòng, {1} chưa hài lòng', '{0} satisfied, {1} not yet'],
  findings: ['Kết quả giám sát (nội bộ)', 'Supervision findings (internal)'],
  steps: ['Cập nhật', 'Update'],
  noSteps: ['Tài khoản của bạn không cập nhật được kết luận này ở trạng thái hiện tại.', 'Your account cannot update this conclusion in its present status.'],
  history: ['Lịch sử thực hiện', 'History'],
  save: ['Lưu', 'Save'],
  cancel: ['Hủy', 'Cancel'],
  done: ['Đã ghi: {0}.', 'Recorded: {0}.'],
  forbidden: ['Vai trò «{0}» không được làm việc này.', 'The role "{0}" may not do this.'],
  badDate: ['Ngày không đúng: hãy nhập theo dạng ngày/tháng/năm, ví dụ 20/10/2026.', 'Not a date: type it as dd/mm/yyyy, e.g. 20/10/2026.'],
  day: ['Ngày (ngày/tháng/năm)', 'Date (dd/mm/yyyy)'],
  note: ['Ghi chú tiến độ (nội bộ)', 'Progress note (internal)'],
  noteOptional: ['Ghi chú (nội bộ, không bắt buộc)', 'Note (internal, optional)'],
  resultText: ['Kết quả thực hiện (người dân xem được)', 'What was done (citizens see it)'],
  transferTo: ['Chuyển đến (cơ quan, cấp có thẩm quyền)', 'Transferred to (the competent body)'],
  year: ['Năm', 'Year'],
  finding: ['Kết quả giám sát', 'What the supervision found'],
  step_start: ['Bắt đầu thực hiện', 'Start'],
  step_note: ['Cập nhật tiến độ', 'Note progress'],
  step_done: ['Hoàn thành', 'Done'],
  step_transfer: ['Chuyển cấp có thẩm quyền', 'Transfer'],
  step_supervision: ['Đưa vào kế hoạch giám sát', 'Put in a supervision plan'],
  step_finding: ['Ghi kết quả giám sát', 'Record a finding'],
  status_ASSIGNED: ['Đã giao thực hiện', 'Assigned'],
  status_IN_PROGRESS: ['Đang thực hiện', 'In progress'],
  status_DONE: ['Đã hoàn thành', 'Done'],
  status_TRANSFERRED: ['Đã chuyển cấp có thẩm quyền', 'Transferred to the competent level'],
  ev_Opened: ['Bắt đầu theo dõi khi hội nghị kết thúc', 'Followed from the close of the meeting'],
  ev_Revised: ['Kết luận được sửa trong biên bản hội nghị', "The conclusion corrected in the meeting's record"],
  ev_Started: ['Bắt đầu thực hiện', 'Started'],
  ev_Noted: ['Cập nhật tiến độ', 'Progress noted'],
  ev_Done: ['Hoàn thành', 'Done'],
  ev_Transferred: ['Chuyển cấp có thẩm quyền', 'Transferred'],
  ev_MarkedForSupervision: ['Đưa vào kế hoạch giám sát', 'Put in a supervision plan'],
  ev_SupervisionRecorded: ['Ghi kết quả giám sát', 'Supervision finding'],
  ev_RatedByCitizen: ['Người dân đánh giá', 'Rated by a citizen'],
  actor_meeting: ['Hệ thống, từ biên bản hội nghị', "The system, from the meeting's record"],
  'actor_public-tracking': ['Người dân, qua trang tra cứu', 'A citizen, through the tracking page'],
  actorAccount: ['Tài khoản {0}', 'Account {0}'],
}, () => draw());

const OPEN = ['ASSIGNED', 'IN_PROGRESS'];
const SCOPES = ['open', 'overdue', 'settled', 'all'];
const session = new Session({ draw: () => draw(), signedIn: () => loadCommunes(), ended: forget });
let communes = [];
let communeId = null;
let offices = [];
let names = {};          // account id → name, for the history (administrators can read them)
let view = 'all';        // 'office', 'all' or 'supervision'
let officeId = '';       // the office the office view shows
let scope = 'open';
let year = yearInVietnam();
let planOnly = false;
let found = null;        // {followUps, truncated, today} of the list shown
let counts = null;       // the by-office figures
let petitions = null;    // the office's open petitions
let shown = null;        // {followUp, overdue, history} of the open conclusion
let step = null;         // the step whose form is open
let problems = {};       // form key → {status, data}: the server's refusal, said beside it
let notice = null;       // what the last change did: {kind, say()}
let loading = 0;         // the latest list request; older answers are dropped

const api = (method, path, body) => session.api(method, path, body);
const role = () => session.account.role;
const mayReport = f => role() === 'ADMIN' || (role() === 'OFFICE_STAFF' && !!f.officeId && f.officeId === session.account.officeId);
const maySupervise = () => ['ADMIN', 'FRONT_STAFF'].includes(role());
const todayVi = () => dateVi(new Date().toISOString());

function forget() {
  communes = [];
  communeId = null;
  offices = [];
  names = {};
  found = null;
  counts = null;
  petitions = null;
  shown = null;
  step = null;
  problems = {};
  notice = null;
}

async function loadCommunes() {
  const c = await api('GET', '/api/communes');
  if (c.status === 401) return;
  communes = c.ok ? c.data : [];
  view = role() === 'OFFICE_STAFF' ? 'office' : role() === 'FRONT_STAFF' ? 'supervision' : 'all';
  officeId = session.account.officeId || '';
  await pickCommune(communes.length ? communes[0].id : null);
}

async function pickCommune(id) {
  communeId = id;
  shown = null;
  step = null;
  problems = {};
  notice = null;
  if (!id) { draw(); return; }
  const o = await api('GET', `/api/communes/${id}/offices`);
  offices = o.ok ? o.data.offices : [];
  if (!offices.some(x => x.id === officeId)) officeId = role() === 'OFFICE_STAFF' ? session.account.officeId || '' : '';
  names = {};
  if (isAdmin(session.account)) {
    const a = await api('GET', everyCommune(session.account) ? '/api/accounts' : `/api/accounts?communeId=${id}`);
    if (a.ok) a.data.accounts.forEach(account => { names[account.id] = account.name; });
  }
  await loadList();
}

async function loadList() {
  const mine = ++loading;
  const base = `/api/communes/${communeId}`;
  let answers;
  if (view === 'office') {
    answers = officeId ? await Promise.all([api('GET', `${base}/followups?office=${officeId}`),
      api('GET', `${base}/petitions?office=${officeId}&open=true&order=due`)]) : [null, null];
  } else {
    const query = new URLSearchParams({ scope });
    if (view === 'supervision' && planOnly) query.set('year', String(year));
    answers = await Promise.all([api('GET', `${base}/followups?${query}`), view === 'all' ? api('GET', `${base}/followups/by-office`) : null]);
  }
  if (mine !== loading || answers.some(a => a && a.status === 401)) return;
  const [list, other] = answers;
  found = list && list.ok ? list.data : null;
  problems = { ...problems, list: list && !list.ok ? list : null };
  petitions = view === 'office' && other && other.ok ? other.data : null;
  counts = view === 'all' && other && other.ok ? other.data.offices : null;
  draw();
}

function switchView(next) {
  view = next;
  scope = 'open';
  notice = null;
  found = null;
  loadList();
}

async function openFollowUp(id) {
  const answer = await api('GET', `/api/followups/${encodeURIComponent(id)}`);
  if (answer.status === 401) return;
  if (!answer.ok) { notice = { kind: 'error', say: () => errorText(answer.data) }; draw(); return; }
  if (shown == null || shown.followUp.id !== id) { step = null; problems = {}; }
  shown = answer.data;
  draw();
}

async function show(id) {
  notice = null;
  await openFollowUp(id);
  const heading = document.getElementById('followup-title');
  if (heading) heading.focus();
}

function draw() {
  render(session.page(t('title'), [{ href: '/organiser', test: 'meetings-link', label: 'meetingsPage' },
    { href: '/petitions', test: 'petitions-link', label: 'petitionsPage' },
    isAdmin(session.account) ? { href: '/accounts', test: 'accounts-link', label: 'accountsPage' } : null], () => desk()), document.getElementById('app'));
}

function desk() {
  return html`
    <div class="desk-top">
      ${communes.length ? html`<label class="scope">${t('commune')}<select data-test="commune" @change=${e => pickCommune(e.target.value)}>
        ${communes.map(c => html`<option value=${c.id} ?selected=${c.id === communeId}>${c.name}${c.province ? ' — ' + c.province : ''}</option>`)}
      </select></label>` : html`<p class="muted" data-test="no-communes">${t('noCommunes')}</p>`}
      ${communeId ? html`<div class="actions" role="group" aria-label=${t('views')}>${['office', 'all', 'supervision'].map(v => html`
        <button class=${view === v ? 'primary' : ''} aria-pressed=${view === v ? 'true' : 'false'} data-test=${'view-' + v}
          @click=${() => switchView(v)}>${t('view_' + v)}</button>`)}</div>` : ''}
      ${notice ? html`<p class=${notice.kind} role=${notice.kind === 'error' ? 'alert' : 'status'} data-test="notice">${notice.say()}</p>` : ''}
    </div>
    ${communeId ? html`<div class="desk-grid">
      <section class="panel" aria-labelledby="list-title" data-test=${'view-' + view + '-panel'}>
        <h2 id="list-title">${t('view_' + view)}</h2>
        ${view === 'office' ? officeView() : byOfficeView()}
      </section>
      <section class="panel desk-side" aria-labelledby="followup-title">
        ${shown ? detail() : html`<h2 id="followup-title">${t('conclusion')}</h2><p class="muted">${t('pick')}</p>`}
      </section>
    </div>` : ''}`;
}

const officeOptions = () => offices.filter(o => !o.retired || o.id === officeId);

function officeView() {
  const lines = found ? found.followUps : [];
  return html`
    <label>${t('office')}<select data-test="office" @change=${e => { officeId = e.target.value; shown = null; loadList(); }}>
      <option value="">${t('chooseOffice')}</option>
      ${officeOptions().map(o => html`<option value=${o.id} ?selected=${o.id === officeId}>${o.name}</option>`)}</select></label>
    ${problem('list')}
    ${officeId ? html`
      <h3>${t('officeConclusions', lines.length)}</h3>
      ${lines.length ? table(lines, false) : html`<p class="muted" data-test="no-conclusions">${t('noConclusions')}</p>`}
      <h3>${t('officePetitions', petitions ? petitions.total : 0)}</h3>
      ${petitions && petitions.petitions.length ? petitionTable(petitions.petitions) : html`<p class="muted" data-test="no-petitions">${t('noPetitions')}</p>`}` : ''}`;
}

function byOfficeView() {
  const lines = found ? found.followUps : [];
  return html`
    <form class="filters row" data-test="list-filters" @change=${e => {
      const v = new FormData(e.currentTarget);
      scope = v.get('scope');
      if (view === 'supervision') { year = Number(v.get('year')); planOnly = v.get('planOnly') === 'true'; }
      loadList();
    }} @submit=${e => e.preventDefault()}>
      <label>${t('scope')}<select name="scope" data-test="scope">${SCOPES.map(s => html`<option value=${s} ?selected=${s === scope}>${t('scope_' + s)}</option>`)}</select></label>
      ${view === 'supervision' ? html`
        <label>${t('planYear')}<select name="year" data-test="plan-year">${[yearInVietnam() - 1, yearInVietnam(), yearInVietnam() + 1].map(y => html`
          <option value=${y} ?selected=${y === year}>${y}</option>`)}</select></label>
        <label class="check"><input type="checkbox" name="planOnly" value="true" data-test="plan-only" .checked=${planOnly}> ${t('planOnly')}</label>` : ''}
    </form>
    ${problem('list')}
    ${counts ? countsTable() : ''}
    ${found ? html`<p class="list-count" role="status" data-test="total">${t('total', lines.length)}</p>
      ${found.truncated ? html`<p class="error">${t('truncated')}</p>` : ''}
      ${groups(lines).map(g => html`<section class="office-group" data-test="office-group">
        <h3>${g.name || t('noOffice')} <span class="pill">${t('open')}: ${g.lines.filter(l => OPEN.includes(l.status)).length}</span>
          ${g.lines.some(l => l.overdue) ? html`<span class="pill off">${t('overdueCount')}: ${g.lines.filter(l => l.overdue).length}</span>` : ''}</h3>
        ${table(g.lines, view === 'supervision')}</section>`)}
      ${lines.length ? '' : html`<p class="muted" data-test="no-conclusions">${t('noConclusions')}</p>`}`
      : html`<p class="muted" role="status">${t('loading')}</p>`}`;
}

/** The lines by office, in the order of each office's most urgent line (the list comes nearest deadline first). */
function groups(lines) {
  const byKey = new Map();
  for (const line of lines) {
    const key = line.officeId || (line.officeName || '').toLowerCase();
    if (!byKey.has(key)) byKey.set(key, { name: line.officeName, lines: [] });
    byKey.get(key).lines.push(line);
  }
  return [...byKey.values()];
}

function countsTable() {
  return html`<table class="counts" data-test="by-office"><caption class="visually-hidden">${t('byOffice')}</caption>
    <thead><tr><th scope="col">${t('office')}</th><th scope="col">${t('open')}</th><th scope="col">${t('overdueCount')}</th>
      <th scope="col">${t('doneCount')}</th><th scope="col">${t('transferredCount')}</th></tr></thead>
    <tbody>${counts.map(c => html`<tr data-test="office-count"><td>${c.officeName || t('noOffice')}</td><td>${c.open}</td>
      <td class=${c.overdue ? 'overdue' : ''}>${c.overdue}</td><td>${c.done}</td><td>${c.transferred}</td></tr>`)}</tbody></table>`;
}

const deadlineCell = l => html`${l.deadline ? isoDateToVi(l.deadline) : html`<span class="muted">${t('noDeadline')}</span>`}
  ${l.overdue ? html`<strong class="overdue" data-test="overdue">${t('overdue')}</strong>` : ''}
  ${l.settledLate ? html`<span class="muted">${t('late')}</span>` : ''}`;

function table(lines, withPlan) {
  return html`<table class="petitions followups" data-test="followups">
    <thead><tr><th scope="col">${t('deadline')}</th><th scope="col">${t('conclusion')}</th><th scope="col">${t('status')}</th>
      ${withPlan ? html`<th scope="col">${t('supervision')}</th>` : ''}</tr></thead>
    <tbody>${lines.map(l => html`<tr data-test="followup" data-id=${l.id} class=${shown && shown.followUp.id === l.id ? 'current' : ''}>
      <td data-label=${t('deadline')}>${deadlineCell(l)}</td>
      <td data-label=${t('conclusion')}><button class="link" data-test="open-followup" @click=${() => show(l.id)}>${short(l.text)}</button>
        <div class="muted">${l.meetingTitle}${view === 'office' ? '' : html` · ${l.officeName || t('noOffice')}`}</div></td>
      <td data-label=${t('status')} data-test="followup-status">${pick(l.statusLabel)}
        ${l.lastUpdate ? html`<div class="muted">${isoDateToVi(l.lastUpdate.on)}</div>` : ''}</td>
      ${withPlan ? html`<td data-label=${t('supervision')}>${planCell(l)}</td>` : ''}
    </tr>`)}</tbody></table>`;
}

const short = text => (text.length > 160 ? text.slice(0, 160) + '…' : text);

function planCell(l) {
  if (l.supervisionYears.includes(year)) return html`<span class="pill on" data-test="in-plan">${t('inPlan', year)}</span>`;
  return maySupervise() ? html`<button class="small" data-test="put-in-plan" @click=${() => markForPlan(l)}>${t('putInPlan', year)}</button>` : '';
}

function petitionTable(list) {
  return html`<table class="petitions" data-test="office-petitions">
    <thead><tr><th scope="col">${t('due')}</th><th scope="col">${t('code')}</th><th scope="col">${t('village')}</th><th scope="col">${t('status')}</th></tr></thead>
    <tbody>${list.map(p => html`<tr data-test="office-petition" data-code=${p.trackingCode}>
      <td data-label=${t('due')}>${p.dueDate ? isoDateToVi(p.dueDate) : html`<span class="muted">${t('noDeadline')}</span>`}
        ${p.overdue ? html`<strong class="overdue" data-test="overdue">${t('overdue')}</strong>` : ''}</td>
      <td data-label=${t('code')}><a class="code" href=${'/petitions#' + p.id}>${p.trackingCode}</a></td>
      <td data-label=${t('village')}>${p.village}</td>
      <td data-label=${t('status')}>${pick(p.statusLabel)}</td></tr>`)}</tbody></table>`;
}

const item = (term, value, test) => html`<dt>${term}</dt><dd data-test=${test || ''}>${value}</dd>`;

function detail() {
  const f = shown.followUp;
  const steps = stepsFor(f);
  const satisfied = f.ratings.filter(r => r.satisfied).length;
  return html`<article data-test="detail">
    <div class="detail-head">
      <h2 id="followup-title" tabindex="-1">${t('detailTitle', f.conclusionId)}</h2>
      <button class="small" data-test="detail-close" @click=${() => { shown = null; step = null; draw(); }}>${t('close')}</button>
    </div>
    <p class="detail-status"><span class="pill" data-test="detail-status">${t('status_' + f.status)}</span>
      ${shown.overdue ? html`<strong class="overdue" data-test="detail-overdue">${t('overdue')}</strong>` : ''}</p>
    <p class="text" data-test="detail-text">${f.text}</p>
    <dl class="facts">
      ${item(t('meeting'), f.meetingTitle)}
      ${item(t('outcome'), t('outcome_' + f.outcome))}
      ${item(t('office'), f.officeName || t('noOffice'), 'detail-office')}
      ${item(t('deadline'), f.deadline ? isoDateToVi(f.deadline) : t('noDeadline'))}
      ${item(t('openedOn'), dateVi(f.openedAt))}
      ${f.settledOn ? item(t('settledOn'), isoDateToVi(f.settledOn)) : ''}
      ${f.result ? item(t('result'), html`<div class="text">${f.result}</div>`, 'detail-result') : ''}
      ${f.transferredTo ? item(t('transferredTo'), f.transferredTo) : ''}
      ${f.petitionCodes.length ? item(t('petitions'), f.petitionCodes.join(', ')) : ''}
      ${item(t('plans'), f.supervisionYears.length ? f.supervisionYears.join(', ') : t('none'), 'detail-plans')}
      ${f.ratings.length ? item(t('ratings'), html`${t('ratingsCount', satisfied, f.ratings.length - satisfied)}
        <ul>${f.ratings.map(r => html`<li>${r.petitionCode}: ${r.satisfied ? t('satisfied') : t('notSatisfied')}${r.reason ? ' — ' + r.reason : ''}</li>`)}</ul>`) : ''}
    </dl>
    ${f.findings.length ? html`<h3>${t('findings')}</h3><ul data-test="findings">${f.findings.map(x => html`<li>${isoDateToVi(x.on)}: <span class="text">${x.finding}</span></li>`)}</ul>` : ''}
    <h3>${t('steps')}</h3>
    ${steps.length ? html`<div class="actions" data-test="steps">${steps.map(name => html`<button class="small ${step === name ? 'primary' : ''}"
        data-test=${'step-' + name} aria-expanded=${step === name ? 'true' : 'false'} @click=${() => startStep(name)}>${t('step_' + name)}</button>`)}</div>`
      : html`<p class="muted">${t('noSteps')}</p>`}
    ${step ? stepForm(f) : ''}
    <h3>${t('history')}</h3>
    <ol class="history" data-test="history">${shown.history.map(entry)}</ol>
  </article>`;
}

/** The steps the status allows and the role may take; the server decides again. */
function stepsFor(f) {
  const steps = [];
  if (mayReport(f)) {
    if (f.status === 'ASSIGNED') steps.push('start');
    if (OPEN.includes(f.status)) steps.push('note', 'done', 'transfer');
  }
  if (maySupervise()) steps.push('supervision', 'finding');
  return steps;
}

function startStep(name) {
  notice = null;
  problems = {};
  step = step === name ? null : name;
  draw();
  const first = document.querySelector('[data-test="step-form"] textarea, [data-test="step-form"] input, [data-test="step-form"] select');
  if (first) first.focus();
}

const dayField = () => html`<label>${t('day')}<input name="on" data-test="step-day" maxlength="10" value=${todayVi()}
  placeholder="dd/mm/yyyy" autocomplete="off" required></label>`;

function stepForm(f) {
  const opened = Number(dateVi(f.openedAt).slice(-4)); // the year in Vietnam
  let fields;
  switch (step) {
    case 'start':
      fields = html`<label>${t('noteOptional')}<textarea name="note" rows="3" maxlength="1000"></textarea></label>${dayField()}`;
      break;
    case 'note':
      fields = html`<label>${t('note')}<textarea name="note" rows="3" maxlength="1000" required></textarea></label>${dayField()}`;
      break;
    case 'done':
      fields = html`<label>${t('resultText')}<textarea name="result" rows="4" maxlength="5000" required></textarea></label>${dayField()}`;
      break;
    case 'transfer':
      fields = html`<label>${t('transferTo')}<input name="to" maxlength="200" required autocomplete="off"></label>
        <label>${t('noteOptional')}<textarea name="note" rows="3" maxlength="1000"></textarea></label>${dayField()}`;
      break;
    case 'supervision':
      fields = html`<label>${t('year')}<select name="year" data-test="step-year">${[...new Set([opened, yearInVietnam(), yearInVietnam() + 1])]
        .filter(y => y >= opened).map(y => html`<option value=${y} ?selected=${y === year}>${y}</option>`)}</select></label>`;
      break;
    default:
      fields = html`<label>${t('finding')}<textarea name="finding" rows="4" maxlength="5000" required></textarea></label>${dayField()}`;
  }
  return html`<form class="stack step-form" data-test="step-form" data-step=${step} @submit=${submitStep}>
    <h4>${t('step_' + step)}</h4>
    ${fields}
    ${problem(step)}
    <div class="actions">
      <button class="primary" data-test="step-submit">${t('save')}</button>
      <button type="button" @click=${() => { step = null; problems = {}; draw(); }}>${t('cancel')}</button>
    </div>
  </form>`;
}

function submitStep(e) {
  e.preventDefault();
  const v = Object.fromEntries([...new FormData(e.target)].map(([k, x]) => [k, typeof x === 'string' ? x.trim() : x]));
  let on = null;
  if (v.on !== undefined) {
    const day = parseDateVi(v.on);
    if (!day) { problems = { [step]: { local: ['badDate'] } }; draw(); return; }
    on = isoDate(day);
  }
  const orNull = x => (x ? x : null);
  const bodies = {
    start: () => ({ note: orNull(v.note), on }),
    note: () => ({ note: orNull(v.note), on }),
    done: () => ({ result: orNull(v.result), on }),
    transfer: () => ({ to: orNull(v.to), note: orNull(v.note), on }),
    supervision: () => ({ year: Number(v.year) }),
    finding: () => ({ finding: orNull(v.finding), on }),
  };
  take(shown.followUp.id, step, bodies[step]());
}

async function take(id, name, body) {
  const answer = await api('POST', `/api/followups/${id}/${name}`, body);
  if (answer.status === 401) return;
  if (!answer.ok) { problems = { ...problems, [name]: answer }; draw(); return; }
  step = null;
  problems = {};
  await Promise.all([shown && shown.followUp.id === id ? openFollowUp(id) : null, loadList()]);
  notice = { kind: 'ok', say: () => t('done', t('step_' + name)) };
  draw();
}

/** The Front puts a line in the plan of the year chosen above the list, from the list itself. */
function markForPlan(line) {
  notice = null;
  take(line.id, 'supervision', { year });
}

function payloadOf(e) {
  try { return JSON.parse(e.payload) || {}; } catch (err) { return {}; }
}

function actorName(actor) {
  if (actor.startsWith('account:')) {
    const id = actor.slice('account:'.length);
    const name = id === session.account.id ? session.account.name : names[id];
    return name || t('actorAccount', id.slice(0, 8));
  }
  return t('actor_' + actor.split(':')[0]);
}

/** What an event says, in a few words: its day, its note, where it went, what the Front found. */
function eventDetail(type, x) {
  const parts = [x.on ? isoDateToVi(x.on) : '', x.to, x.result || x.note || x.finding];
  if (type === 'MarkedForSupervision') parts.push(String(x.year));
  if (type === 'RatedByCitizen') parts.push(x.satisfied ? t('satisfied') : t('notSatisfied'));
  return parts.filter(Boolean).join(' · ');
}

function entry(e) {
  const said = eventDetail(e.type, payloadOf(e));
  return html`<li data-test="history-entry" data-type=${e.type}>
    <time datetime=${e.at}>${dateTimeVi(e.at)}</time> <strong>${t('ev_' + e.type)}</strong>${said ? html` — <span class="text">${said}</span>` : ''}
    <div class="muted">${actorName(e.actor)}</div>
  </li>`;
}

function problemText(p) {
  if (p.local) return t(...p.local);
  const said = errorText(p.data) || t('unreachable');
  return p.status === 403 ? `${t('forbidden', t('role_' + role()))} ${said}` : said;
}

const problem = key => (problems[key] ? html`<p class="error" role="alert" data-test="problem">${problemText(problems[key])}</p>` : '');

draw();
session.start().then(signedIn => (signedIn ? loadCommunes() : draw()));
