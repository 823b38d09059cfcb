// The commune's petition desk (kiến nghị): the list, searched without diacritics (the server folds
// the text) and filtered, in pages of 20; recording a petition from any channel; one petition's
// data, its history and the steps its status allows. What the role may not do is not offered, and
// the server refuses it anyway (403, said beside the form). Forms are uncontrolled, read with
// FormData on submit, so a redraw never takes away what is being typed.
import { html, render, nothing } from 'lit-html';
import { setup, t, pick, errorText } from './i18n.js';
import { Session, SESSION_STRINGS, everyCommune, isAdmin } from './session.js';
import { dateVi, dateTimeVi, isoDateToVi, parseDateVi, isoDate, instantInVietnam } from './format.js';

setup({
  ...SESSION_STRINGS,
  title: ['Kiến nghị của người dân', "Citizens' petitions"],
  commune: ['Xã', 'Commune'],
  noCommunes: ['Tài khoản này chưa được xem xã nào.', 'This account may not see any commune yet.'],
  receive: ['Tiếp nhận kiến nghị', 'Record a petition'],
  summary: ['Tổng hợp kiến nghị (Mặt trận)', "Summary of petitions (the Front)"],
  summaryFrom: ['Từ ngày (ngày/tháng/năm)', 'From (dd/mm/yyyy)'],
  summaryTo: ['Đến ngày (ngày/tháng/năm)', 'To (dd/mm/yyyy)'],
  summaryShow: ['Xem tổng hợp', 'Show the summary'],
  summaryDocx: ['Tải bản Word (.docx)', 'Download as Word (.docx)'],
  summaryTotal: ['Tổng số: {0} kiến nghị', 'In all: {0} petitions'],
  byField: ['Theo lĩnh vực', 'By field'],
  byVillage: ['Theo thôn, làng, tổ chức', 'By village or organisation'],
  byChannel: ['Theo kênh tiếp nhận', 'By channel'],
  sensitiveOnes: ['Kiến nghị nhạy cảm', 'Sensitive petitions'],
  noneSensitive: ['Không có kiến nghị nào được đánh dấu nhạy cảm.', 'No petition is flagged sensitive.'],
  count: ['Số lượng', 'Count'],
  badDates: ['Ngày không đúng: hãy nhập ngày/tháng/năm, ví dụ 01/01/2026.', 'Not a date: type dd/mm/yyyy, e.g. 01/01/2026.'],
  search: ['Tìm kiếm (gõ có dấu hay không dấu đều được)', 'Search (with or without accents)'],
  find: ['Tìm', 'Search'],
  status: ['Trạng thái', 'Status'],
  field: ['Lĩnh vực', 'Field'],
  village: ['Thôn, làng hoặc tổ chức', 'Village or organisation'],
  channel: ['Kênh tiếp nhận', 'Channel'],
  office: ['Cơ quan giải quyết', 'Office'],
  all: ['— Tất cả —', '— All —'],
  overdueOnly: ['Chỉ kiến nghị quá hạn', 'Overdue only'],
  overdue: ['Quá hạn', 'Overdue'],
  sensitive: ['Nhạy cảm', 'Sensitive'],
  total: ['{0} kiến nghị', '{0} petitions'],
  pageOf: ['Trang {0}/{1}', 'Page {0} of {1}'],
  previous: ['‹ Trang trước', '‹ Previous'],
  next: ['Trang sau ›', 'Next ›'],
  nothing: ['Không có kiến nghị nào khớp.', 'No petition matches.'],
  code: ['Mã theo dõi', 'Tracking code'],
  receivedOn: ['Ngày nhận', 'Received'],
  officeDue: ['Cơ quan, hạn', 'Office, due'],
  due: ['hạn {0}', 'due {0}'],
  pick: ['Chọn một kiến nghị trong danh sách để xem.', 'Choose a petition in the list to see it.'],
  // Recording
  citizenName: ['Họ và tên người kiến nghị (không bắt buộc)', "Petitioner's name (optional)"],
  email: ['Thư điện tử', 'E-mail'],
  phone: ['Số điện thoại', 'Phone'],
  contactPrivate: ['Thư điện tử và số điện thoại chỉ cán bộ xã thấy; có thư điện tử, người dân được báo mỗi khi trạng thái thay đổi.',
    'The e-mail and phone are seen by commune staff only; with an e-mail, the citizen is told of each change of status.'],
  competence: ['Thẩm quyền', 'Competence'],
  notJudged: ['— Chưa xác định —', '— Not judged yet —'],
  unjudged: ['chưa xác định', 'not judged yet'],
  content: ['Nội dung kiến nghị', 'The petition'],
  receivedDay: ['Ngày tiếp nhận (ngày/tháng/năm)', 'Date received (dd/mm/yyyy)'],
  dateFormat: ['ngày/tháng/năm', 'dd/mm/yyyy'],
  badDate: ['Ngày không đúng: hãy nhập theo dạng ngày/tháng/năm, ví dụ 20/10/2026.', 'Not a date: type it as dd/mm/yyyy, e.g. 20/10/2026.'],
  record: ['Lưu kiến nghị', 'Record the petition'],
  recorded: ['Đã tiếp nhận kiến nghị {0}.', 'Petition {0} recorded.'],
  // One petition
  petition: ['Kiến nghị {0}', 'Petition {0}'],
  close: ['Đóng', 'Close'],
  citizen: ['Người kiến nghị', 'Petitioner'],
  noName: ['không ghi tên', 'no name given'],
  contact: ['Liên hệ (chỉ cán bộ xem)', 'Contact (staff only)'],
  noContact: ['không có', 'none'],
  receivedAt: ['Tiếp nhận lúc', 'Received at'],
  assigned: ['Giao ngày {0}', 'Assigned on {0}'],
  draft: ['Dự thảo trả lời (nội bộ)', 'Draft answer (internal)'],
  answer: ['Trả lời', 'Answer'],
  transferredTo: ['Đã chuyển đến', 'Transferred to'],
  refusedOn: ['Lý do không xem xét', 'Ground for refusal'],
  groupedUnder: ['Được gộp vào kiến nghị', 'Grouped under'],
  closedOn: ['Kết thúc ngày', 'Closed on'],
  history: ['Lịch sử xử lý', 'History'],
  steps: ['Xử lý', 'Steps'],
  noSteps: ['Không còn bước xử lý nào tài khoản của bạn làm được ở trạng thái này.', 'No step is left that your account can take in this status.'],
  done: ['Đã ghi: {0}.', 'Recorded: {0}.'],
  forbidden: ['Vai trò «{0}» không được làm việc này.', 'The role "{0}" may not do this.'],
  save: ['Lưu', 'Save'],
  cancel: ['Hủy', 'Cancel'],
  step_reclassify: ['Sửa phân loại', 'Reclassify'],
  step_assign: ['Giao cơ quan giải quyết', 'Assign to an office'],
  step_draft: ['Soạn dự thảo trả lời', 'Draft the answer'],
  step_answer: ['Trả lời', 'Answer'],
  step_close: ['Kết thúc', 'Close'],
  step_transfer: ['Chuyển cấp có thẩm quyền', 'Transfer'],
  step_refuse: ['Không xem xét giải quyết', 'Refuse'],
  step_group: ['Gộp vào kiến nghị khác', 'Group under another'],
  step_ungroup: ['Tách khỏi nhóm', 'Take out of its group'],
  'step_sensitive': ['Đánh dấu nhạy cảm', 'Mark sensitive'],
  'step_not-sensitive': ['Bỏ đánh dấu nhạy cảm', 'Unmark sensitive'],
  confirmClose: ['Kết thúc kiến nghị {0}? Sau đó không xử lý thêm được nữa.', 'Close petition {0}? No step can follow.'],
  officeListed: ['Cơ quan trong danh bạ của xã', "An office of the commune's directory"],
  chooseOffice: ['— Chọn cơ quan —', '— Choose an office —'],
  officeOther: ['Hoặc cơ quan khác, cấp trên (ghi tên)', 'Or another body, an upper level (its name)'],
  dueDate: ['Hạn giải quyết (ngày/tháng/năm, không bắt buộc)', 'Due date (dd/mm/yyyy, optional)'],
  answerText: ['Nội dung trả lời', 'The answer'],
  how: ['Hình thức trả lời', 'How it is answered'],
  how_IN_WRITING: ['Bằng văn bản', 'In writing'],
  how_AT_MEETING: ['Tại hội nghị', 'At a meeting'],
  meetingTitle: ['Tên hội nghị (khi trả lời tại hội nghị)', 'The meeting (when answered at one)'],
  transferTo: ['Chuyển đến (cơ quan, cấp có thẩm quyền)', 'Transfer to (the competent body)'],
  note: ['Ghi chú (nội bộ, không công khai)', 'Note (internal, not public)'],
  ground: ['Lý do', 'Ground'],
  leadCode: ['Mã theo dõi của kiến nghị chính', "The lead petition's tracking code"],
  leadNotFound: ['Không tìm thấy kiến nghị mang mã {0} trong xã này.', 'No petition with the code {0} in this commune.'],
  // History
  ev_Received: ['Tiếp nhận', 'Received'],
  ev_Reclassified: ['Sửa phân loại', 'Reclassified'],
  ev_Assigned: ['Giao cơ quan giải quyết', 'Assigned'],
  ev_AnswerDrafted: ['Soạn dự thảo trả lời', 'Answer drafted'],
  ev_Answered: ['Trả lời', 'Answered'],
  ev_Closed: ['Kết thúc', 'Closed'],
  ev_Transferred: ['Chuyển cấp có thẩm quyền', 'Transferred'],
  ev_Refused: ['Không xem xét giải quyết', 'Refused'],
  ev_Grouped: ['Gộp vào kiến nghị khác', 'Grouped'],
  ev_Ungrouped: ['Tách khỏi nhóm', 'Ungrouped'],
  ev_MarkedSensitive: ['Đánh dấu nhạy cảm', 'Marked sensitive'],
  ev_UnmarkedSensitive: ['Bỏ đánh dấu nhạy cảm', 'Unmarked sensitive'],
  actor_operator: ['Người vận hành (khóa quản trị)', 'The operator (organiser secret)'],
  'actor_public-form': ['Người dân, qua biểu mẫu trực tuyến', 'A citizen, through the online form'],
  actor_system: ['Hệ thống, theo kiến nghị chính', 'The system, from the lead petition'],
  actorAccount: ['Tài khoản {0}', 'Account {0}'],
}, () => draw());

const OPEN = ['RECEIVED', 'ASSIGNED', 'ANSWER_DRAFTED'];
const CODE_SYMBOLS = /^(?:KN)?([23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8})$/;
/** The steps with nothing to fill in. */
const AT_ONCE = ['close', 'ungroup', 'sensitive', 'not-sensitive'];
const NO_FILTERS = { q: '', status: '', field: '', village: '', channel: '', office: '', overdue: false };

const session = new Session({ draw: () => draw(), signedIn: () => loadCommunes(), ended: forget });
let options = { fields: [], channels: [], competences: [], statuses: [] };
let communes = [];
let communeId = null;
let offices = [];
let meetings = [];
let names = {};          // account id → name, for the history (administrators can read them)
let filters = { ...NO_FILTERS };
let page = 1;
let found = null;        // {petitions, total, page, pageSize}
let shown = null;        // {petition, overdue, history, leadCode} of the open petition
let panel = 'new';       // 'new' (the recording form), 'petition' or 'summary' (the Front's)
let summary = null;      // {from, to, data} of the Front's summary shown
let step = null;         // the step whose form is open
let problems = {};       // form key → {status, data}: the server's refusal, said beside it
let notice = null;       // what the last change did: {say()}, worded when drawn
let searching = 0;       // the latest list request; older answers are dropped
let typing = null;

const api = (method, path, body) => session.api(method, path, body);

function forget() {
  communes = [];
  communeId = null;
  offices = [];
  meetings = [];
  names = {};
  found = null;
  shown = null;
  step = null;
  problems = {};
  notice = null;
}

const label = (list, code) => { const item = list.find(x => x.code === code); return item ? pick(item) : code || ''; };
const mayRecord = () => ['ADMIN', 'OFFICE_STAFF', 'FRONT_STAFF'].includes(session.account.role);
const mayFlag = () => ['ADMIN', 'FRONT_STAFF'].includes(session.account.role);
const mayDraft = p => session.account.role === 'ADMIN'
  || (session.account.role === 'OFFICE_STAFF' && !!p.assignment && p.assignment.officeId === session.account.officeId);
const orNull = text => (text ? text : null);
const todayVi = () => dateVi(new Date().toISOString());

/** "kn 7qx4 m2pd", "7QX4M2PD" → "KN-7QX4-M2PD", as the server reads a code; null for anything else. */
function trackingCode(typed) {
  const m = CODE_SYMBOLS.exec((typed || '').replace(/[\s\p{Pd}_.]+/gu, '').toUpperCase());
  return m ? `KN-${m[1].slice(0, 4)}-${m[1].slice(4)}` : null;
}

async function loadCommunes() {
  const [c, o] = await Promise.all([api('GET', '/api/communes'), api('GET', '/api/public/petition-options')]);
  if (c.status === 401) return;
  if (o.ok) options = o.data;
  communes = c.ok ? c.data : [];
  panel = mayRecord() ? 'new' : 'petition';
  // A link to one petition (/petitions#<id>) opens its commune's list with it.
  const wanted = location.hash.slice(1);
  const linked = wanted ? await api('GET', `/api/petitions/${encodeURIComponent(wanted)}`) : null;
  const home = linked && linked.ok ? linked.data.petition.communeId : communeId;
  await pickCommune(communes.some(x => x.id === home) ? home : communes.length ? communes[0].id : null);
  if (wanted) await openPetition(wanted);
}

async function pickCommune(id) {
  communeId = id;
  filters = { ...NO_FILTERS };
  const form = document.querySelector('[data-test="filters"]');
  if (form) form.reset(); // the inputs are the page's, not lit's: emptied by hand
  page = 1;
  shown = null;
  step = null;
  problems = {};
  notice = null;
  if (!id) { found = null; draw(); return; }
  const [o, m, f] = await Promise.all([api('GET', `/api/communes/${id}/offices`), api('GET', `/api/communes/${id}/meetings`),
    api('GET', `/api/communes/${id}/petition-fields`)]);
  // The commune's own fields: those offered on the forms, and the retired ones still named on old petitions.
  if (f.ok) options = { ...options, fields: f.data.fields, allFields: [...f.data.fields, ...f.data.retired] };
  offices = o.ok ? o.data.offices : [];
  meetings = m.ok ? m.data : [];
  names = {};
  if (isAdmin(session.account)) {
    const a = await api('GET', everyCommune(session.account) ? '/api/accounts' : `/api/accounts?communeId=${id}`);
    if (a.ok) a.data.accounts.forEach(account => { names[account.id] = account.name; });
  }
  await loadList();
}

async function loadList() {
  const mine = ++searching;
  const query = new URLSearchParams();
  Object.entries(filters).forEach(([key, value]) => { if (value) query.set(key, value === true ? 'true' : value); });
  query.set('page', String(page));
  const answer = await api('GET', `/api/communes/${communeId}/petitions?${query}`);
  if (mine !== searching || answer.status === 401) return;
  if (answer.ok) found = answer.data;
  else problems = { ...problems, list: answer };
  draw();
}

function filter(e) {
  if (e.type === 'submit') e.preventDefault();
  const form = e.target.form || e.target;
  const v = Object.fromEntries(new FormData(form));
  filters = { q: v.q.trim(), status: v.status, field: v.field, village: v.village.trim(), channel: v.channel,
    office: v.office, overdue: v.overdue === 'true' };
  page = 1;
  problems = { ...problems, list: null };
  clearTimeout(typing);
  typing = setTimeout(loadList, e.type === 'input' ? 300 : 0);
}

function turnPage(to) {
  page = to;
  loadList();
}

async function openPetition(id) {
  const answer = await api('GET', `/api/petitions/${encodeURIComponent(id)}`);
  if (answer.status === 401) return;
  if (!answer.ok) {
    notice = { kind: 'error', say: () => errorText(answer.data) };
    draw();
    return;
  }
  const p = answer.data.petition;
  let leadCode = null;
  if (p.groupLead) {
    const lead = await api('GET', `/api/petitions/${p.groupLead}`);
    leadCode = lead.ok ? lead.data.petition.trackingCode : p.groupLead;
  }
  if (shown == null || shown.petition.id !== id) { step = null; problems = {}; }
  shown = { ...answer.data, leadCode };
  panel = 'petition';
  if (location.hash.slice(1) !== id) history.replaceState(null, '', '#' + id);
  draw();
}

async function show(id) {
  notice = null;
  await openPetition(id);
  const heading = document.getElementById('petition-title');
  if (heading) heading.focus();
}

/** The Front's summary (plan 000 V.4): this year so far unless other days are asked for. */
async function openSummary(e) {
  if (e && e.preventDefault) e.preventDefault();
  const form = e && e.target && e.target.tagName === 'FORM' ? new FormData(e.target) : null;
  const asIso = d => (d ? `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}` : null);
  const from = form ? asIso(parseDateVi(form.get('from'))) : `${new Date().getFullYear()}-01-01`;
  const to = form ? asIso(parseDateVi(form.get('to'))) : new Date().toISOString().slice(0, 10);
  panel = 'summary';
  shown = null;
  if (!from || !to) { summary = { ...summary, problem: t('badDates') }; draw(); return; }
  const answer = await api('GET', `/api/communes/${communeId}/petition-summary?from=${from}&to=${to}`);
  summary = answer.ok ? { from, to, data: answer.data } : { from, to, problem: errorText(answer.data) };
  draw();
}

function summaryPanel() {
  const rows = (title, list, test) => html`<h3>${title}</h3>
    <table class="counts" data-test=${test}><thead><tr><th scope="col">${title}</th><th scope="col">${t('count')}</th></tr></thead>
      <tbody>${list.map(r => html`<tr><td>${r.label}</td><td>${r.count}</td></tr>`)}</tbody></table>`;
  const d = summary && summary.data;
  return html`<h2 id="summary-title" tabindex="-1">${t('summary')}</h2>
    <form class="row" data-test="summary-form" @submit=${openSummary}>
      <label>${t('summaryFrom')}<input name="from" inputmode="numeric" maxlength="10" .value=${summary && summary.from ? isoDateToVi(summary.from) : ''}></label>
      <label>${t('summaryTo')}<input name="to" inputmode="numeric" maxlength="10" .value=${summary && summary.to ? isoDateToVi(summary.to) : ''}></label>
      <button>${t('summaryShow')}</button>
    </form>
    ${summary && summary.problem ? html`<p class="error" role="alert">${summary.problem}</p>` : ''}
    ${d ? html`
      <p><a data-test="summary-docx" href=${`/api/communes/${communeId}/petition-summary.docx?from=${summary.from}&to=${summary.to}`}>${t('summaryDocx')}</a></p>
      <p data-test="summary-total"><strong>${t('summaryTotal', d.total)}</strong></p>
      ${rows(t('byField'), d.byField, 'summary-fields')}
      ${rows(t('byVillage'), d.byVillage, 'summary-villages')}
      ${rows(t('byChannel'), d.byChannel, 'summary-channels')}
      <h3>${t('sensitiveOnes')}</h3>
      ${d.sensitive.length ? html`<ul data-test="summary-sensitive">${d.sensitive.map(p => html`<li>${isoDateToVi(p.receivedOn)} · ${p.village} · ${p.field}: ${p.content}</li>`)}</ul>`
        : html`<p class="muted">${t('noneSensitive')}</p>`}` : ''}`;
}

function newPetition() {
  panel = 'new';
  shown = null;
  step = null;
  notice = null;
  history.replaceState(null, '', location.pathname);
  draw();
  const first = document.querySelector('[data-test="receive-form"] input');
  if (first) first.focus();
}

function values(form) {
  const all = {};
  for (const [name, value] of new FormData(form)) all[name] = typeof value === 'string' ? value.trim() : value;
  return all;
}

/** A refusal made on this page: worded when drawn, so it follows the language switch. */
const local = (key, ...args) => ({ status: 400, local: [key, ...args] });

function refuse(key, problem) {
  problems = { ...problems, [key]: problem };
  draw();
}

/** dd/mm/yyyy → yyyy-mm-dd; '' → null; undefined when it is no date. */
function dueDate(text) {
  if (!text) return null;
  const day = parseDateVi(text);
  return day ? isoDate(day) : undefined;
}

async function receive(e) {
  e.preventDefault();
  const form = e.target;
  const v = values(form);
  const day = parseDateVi(v.receivedOn);
  if (!day) { refuse('receive', local('badDate')); return; }
  // Today is "now"; an earlier day (a letter entered late) is that day, at the office's opening hour.
  const receivedAt = isoDate(day) === isoDate(parseDateVi(todayVi())) ? null : instantInVietnam(day, { hour: 8, minute: 0 });
  const answer = await api('POST', `/api/communes/${communeId}/petitions`, {
    citizen: { name: orNull(v.name), villageOrOrganisation: orNull(v.village), email: orNull(v.email), phone: orNull(v.phone) },
    receivedAt, channel: orNull(v.channel), fieldCode: orNull(v.fieldCode), competence: orNull(v.competence), content: orNull(v.content),
  });
  if (answer.status === 401) return;
  if (!answer.ok) { refuse('receive', answer); return; }
  form.reset();
  problems = { ...problems, receive: null };
  const code = answer.data.petition.trackingCode;
  await Promise.all([openPetition(answer.data.petition.id), loadList()]);
  notice = { kind: 'ok', say: () => t('recorded', code) };
  draw();
}

/** Takes one step of the open petition's life; accepted: says so and shows the petition as it now is. */
async function take(name, body) {
  const p = shown.petition;
  const answer = await api('POST', `/api/petitions/${p.id}/${name}`, body);
  if (answer.status === 401) return;
  if (!answer.ok) { refuse(name, answer); return; }
  step = null;
  problems = {};
  await Promise.all([openPetition(p.id), loadList()]);
  notice = { kind: 'ok', say: () => t('done', t('step_' + name)) };
  draw();
}

function submitStep(e) {
  e.preventDefault();
  const v = values(e.target);
  switch (step) {
    case 'reclassify':
      return take(step, { channel: orNull(v.channel), fieldCode: orNull(v.fieldCode), competence: orNull(v.competence) });
    case 'assign': {
      const due = dueDate(v.dueDate);
      if (due === undefined) return refuse(step, local('badDate'));
      return take(step, v.officeId ? { officeId: v.officeId, dueDate: due } : { officeName: orNull(v.officeName), dueDate: due });
    }
    case 'draft':
      return take(step, { text: orNull(v.text) });
    case 'answer': {
      const atMeeting = v.how === 'AT_MEETING';
      const meeting = atMeeting ? meetings.find(m => m.title === v.meetingTitle) : null;
      return take(step, { text: orNull(v.text), how: v.how, meetingTitle: atMeeting ? orNull(v.meetingTitle) : null,
        meetingId: meeting ? meeting.id : null });
    }
    case 'transfer':
      return take(step, { to: orNull(v.to), note: orNull(v.note) });
    case 'refuse':
      return take(step, { ground: orNull(v.ground) });
    case 'group':
      return group(v.code);
    default:
      return null;
  }
}

/** The lead is named by its tracking code, found in this commune's list. */
async function group(typed) {
  const code = trackingCode(typed);
  if (!code) { refuse('group', local('leadNotFound', typed)); return; }
  const answer = await api('GET', `/api/communes/${communeId}/petitions?q=${encodeURIComponent(code)}`);
  if (answer.status === 401) return;
  const lead = answer.ok ? answer.data.petitions.find(p => p.trackingCode === code) : null;
  if (!lead) { refuse('group', local('leadNotFound', code)); return; }
  await take('group', { leadId: lead.id });
}

/** The steps the petition's status allows and the account's role may take; the server decides again. */
function stepsFor(p) {
  if (session.account.role === 'UPPER_VIEWER') return [];
  const open = OPEN.includes(p.status);
  const alone = !p.groupLead;
  const steps = [];
  if (mayRecord() && p.status === 'RECEIVED') steps.push('reclassify');
  if (mayRecord() && open && alone) steps.push('assign');
  if (mayDraft(p) && alone && (p.status === 'ASSIGNED' || p.status === 'ANSWER_DRAFTED')) steps.push('draft');
  if (mayRecord() && open && alone) steps.push('answer', 'transfer', 'refuse', 'group');
  if (mayRecord() && open && !alone) steps.push('ungroup');
  if (mayRecord() && p.status === 'ANSWERED') steps.push('close');
  if (mayFlag()) steps.push(p.sensitive ? 'not-sensitive' : 'sensitive');
  return steps;
}

/** Steps with nothing to fill in are taken at once; the others open their form. */
function startStep(name) {
  notice = null;
  problems = {};
  if (name === 'close') {
    if (confirm(t('confirmClose', shown.petition.trackingCode))) take(name, undefined);
    return;
  }
  if (AT_ONCE.includes(name)) {
    take(name, undefined);
    return;
  }
  step = step === name ? null : name;
  draw();
  const first = document.querySelector('[data-test="step-form"] input, [data-test="step-form"] select, [data-test="step-form"] textarea');
  if (first) first.focus();
}

function problemText(problem) {
  if (problem.local) return t(...problem.local);
  const said = errorText(problem.data) || t('unreachable');
  return problem.status === 403 ? `${t('forbidden', t('role_' + session.account.role))} ${said}` : said;
}

const problem = key => problems[key]
  ? html`<p class="error" role="alert" data-test="problem">${problemText(problems[key])}</p>` : '';

function draw() {
  render(session.page(t('title'), [{ href: '/organiser', test: 'meetings-link', label: 'meetingsPage' },
    { href: '/followup', test: 'followup-link', label: 'followupPage' },
    isAdmin(session.account) ? { href: '/accounts', test: 'accounts-link', label: 'accountsPage' } : null], () => desk()), document.getElementById('app'));
}

function desk() {
  return html`
    <div class="desk-top">
      ${communes.length ? html`<label class="scope">${t('commune')}<select data-test="commune" @change=${e => pickCommune(e.target.value)}>
        ${communes.map(c => html`<option value=${c.id} ?selected=${c.id === communeId}>${c.name}${c.province ? ' — ' + c.province : ''}</option>`)}
      </select></label>` : html`<p class="muted" data-test="no-communes">${t('noCommunes')}</p>`}
      ${communeId && mayRecord() ? html`<button class="primary" data-test="new-petition" @click=${newPetition}>${t('receive')}</button>` : ''}
      ${communeId ? html`<button data-test="open-summary" @click=${openSummary}>${t('summary')}</button>` : ''}
      ${notice ? html`<p class=${notice.kind} role=${notice.kind === 'error' ? 'alert' : 'status'} data-test="notice">${notice.say()}</p>` : ''}
    </div>
    ${communeId ? html`<div class="desk-grid">
      <section class="panel" aria-labelledby="list-title">${list()}</section>
      <section class="panel desk-side" aria-labelledby=${panel === 'new' ? 'receive-title' : panel === 'summary' ? 'summary-title' : 'petition-title'}>
        ${panel === 'summary' ? summaryPanel() : panel === 'new' && mayRecord() ? receiveForm() : shown ? detail() : html`<h2 id="petition-title">${t('petition', '')}</h2><p class="muted">${t('pick')}</p>`}
      </section>
    </div>` : ''}`;
}

function selectOf(name, list, chosen, first, test) {
  return html`<select name=${name} data-test=${test || name}>
    ${first ? html`<option value="">${first}</option>` : ''}
    ${list.map(x => html`<option value=${x.code} ?selected=${x.code === chosen}>${pick(x)}</option>`)}</select>`;
}

const activeOffices = keep => offices.filter(o => !o.retired || o.id === keep).map(o => ({ code: o.id, vi: o.name, en: o.name }));

function list() {
  const pages = found ? Math.max(1, Math.ceil(found.total / found.pageSize)) : 1;
  return html`
    <h2 id="list-title" class="visually-hidden">${t('title')}</h2>
    <form class="filters" data-test="filters" role="search" @submit=${filter} @change=${filter} @input=${e => e.target.name === 'q' && filter(e)}>
      <div class="search-line">
        <label>${t('search')}<input type="search" name="q" data-test="search" maxlength="200" .value=${filters.q} autocomplete="off"></label>
        <button data-test="search-submit">${t('find')}</button>
        <label class="check"><input type="checkbox" name="overdue" value="true" data-test="filter-overdue" .checked=${filters.overdue}> ${t('overdueOnly')}</label>
      </div>
      <div class="row">
        <label>${t('status')}${selectOf('status', options.statuses, filters.status, t('all'), 'filter-status')}</label>
        <label>${t('field')}${selectOf('field', options.fields, filters.field, t('all'), 'filter-field')}</label>
        <label>${t('channel')}${selectOf('channel', options.channels, filters.channel, t('all'), 'filter-channel')}</label>
        <label>${t('village')}<input name="village" data-test="filter-village" maxlength="100" .value=${filters.village} autocomplete="off"></label>
        <label>${t('office')}${selectOf('office', activeOffices(filters.office), filters.office, t('all'), 'filter-office')}</label>
      </div>
    </form>
    ${problem('list')}
    ${found ? html`
      <p class="list-count" role="status" data-test="total">${t('total', found.total)} · ${t('pageOf', found.page, pages)}</p>
      ${found.petitions.length ? table(found.petitions) : html`<p class="muted" data-test="nothing">${t('nothing')}</p>`}
      ${pages > 1 ? html`<div class="actions pager">
        <button data-test="previous" ?disabled=${found.page <= 1} @click=${() => turnPage(found.page - 1)}>${t('previous')}</button>
        <button data-test="next" ?disabled=${found.page >= pages} @click=${() => turnPage(found.page + 1)}>${t('next')}</button>
      </div>` : ''}` : html`<p class="muted" role="status">${t('loading')}</p>`}`;
}

function table(petitions) {
  return html`<table class="petitions" data-test="petitions">
    <thead><tr><th scope="col">${t('code')}</th><th scope="col">${t('receivedOn')}</th><th scope="col">${t('village')}</th>
      <th scope="col">${t('field')}</th><th scope="col">${t('status')}</th><th scope="col">${t('officeDue')}</th></tr></thead>
    <tbody>${petitions.map(p => html`<tr data-test="petition" data-code=${p.trackingCode}
        class=${shown && shown.petition.id === p.id ? 'current' : ''}>
      <td><button class="link code" data-test="open-petition" @click=${() => show(p.id)}>${p.trackingCode}</button>
        ${p.sensitive ? html`<span class="pill sensitive" data-test="sensitive">${t('sensitive')}</span>` : ''}</td>
      <td data-label=${t('receivedOn')}>${dateVi(p.receivedAt)}</td>
      <td data-label=${t('village')}>${p.village}</td>
      <td data-label=${t('field')}>${label(options.allFields || options.fields, p.fieldCode)}</td>
      <td data-label=${t('status')} data-test="petition-status">${pick(p.statusLabel)}
        ${p.overdue ? html`<strong class="overdue" data-test="overdue">${t('overdue')}</strong>` : ''}</td>
      <td data-label=${t('officeDue')}>${p.officeName || ''}${p.dueDate ? html`<span class=${p.overdue ? 'due overdue' : 'due'}>${t('due', isoDateToVi(p.dueDate))}</span>` : ''}</td>
    </tr>`)}</tbody>
  </table>`;
}

function receiveForm() {
  return html`
    <form class="stack" data-test="receive-form" @submit=${receive}>
      <h2 id="receive-title">${t('receive')}</h2>
      <div class="row">
        <label>${t('citizenName')}<input name="name" maxlength="100" autocomplete="off"></label>
        <label>${t('village')}<input name="village" maxlength="100" required autocomplete="off"></label>
      </div>
      <div class="row">
        <label>${t('email')}<input type="email" name="email" maxlength="254" autocomplete="off"></label>
        <label>${t('phone')}<input type="tel" name="phone" maxlength="20" autocomplete="off"></label>
      </div>
      <p class="muted hint">${t('contactPrivate')}</p>
      <div class="row">
        <label>${t('channel')}${selectOf('channel', options.channels, 'LETTER')}</label>
        <label>${t('field')}${selectOf('fieldCode', options.fields, 'khac')}</label>
        <label>${t('competence')}${selectOf('competence', options.competences, '', t('notJudged'))}</label>
      </div>
      <label>${t('content')}<textarea name="content" rows="5" maxlength="5000" required></textarea></label>
      <label>${t('receivedDay')}<input name="receivedOn" maxlength="10" value=${todayVi()} placeholder=${t('dateFormat')}
        pattern="\\d{1,2}/\\d{1,2}/\\d{4}" title=${t('dateFormat')} autocomplete="off" required></label>
      ${problem('receive')}
      <button class="primary" data-test="receive-submit">${t('record')}</button>
    </form>`;
}

const item = (term, value, test) => html`<dt>${term}</dt><dd data-test=${test || ''}>${value}</dd>`;

function detail() {
  const p = shown.petition;
  const c = p.citizen;
  const a = p.assignment;
  const steps = stepsFor(p);
  return html`<article data-test="detail" data-code=${p.trackingCode}>
    <div class="detail-head">
      <h2 id="petition-title" tabindex="-1">${t('petition', p.trackingCode)}</h2>
      <button class="small" data-test="detail-close" @click=${() => { shown = null; panel = mayRecord() ? 'new' : 'petition'; history.replaceState(null, '', location.pathname); draw(); }}>${t('close')}</button>
    </div>
    <p class="detail-status"><span class="pill" data-test="detail-status">${label(options.statuses, p.status)}</span>
      ${shown.overdue ? html`<strong class="overdue" data-test="detail-overdue">${t('overdue')}</strong>` : ''}
      ${p.sensitive ? html`<span class="pill sensitive">${t('sensitive')}</span>` : ''}</p>
    <dl class="facts">
      ${item(t('receivedAt'), dateTimeVi(p.receivedAt))}
      ${item(t('channel'), label(options.channels, p.classification.channel))}
      ${item(t('field'), label(options.allFields || options.fields, p.classification.fieldCode))}
      ${item(t('competence'), p.classification.competence ? label(options.competences, p.classification.competence) : html`<span class="muted">${t('unjudged')}</span>`)}
      ${item(t('citizen'), html`${c.name || html`<span class="muted">${t('noName')}</span>`} — ${c.villageOrOrganisation}`, 'detail-citizen')}
      ${item(t('contact'), c.email || c.phone ? [c.email, c.phone].filter(Boolean).join(' · ') : html`<span class="muted">${t('noContact')}</span>`, 'detail-contact')}
      ${a ? item(t('office'), html`${a.officeName}${a.dueDate ? html` · <span class=${shown.overdue ? 'overdue' : ''}>${t('due', isoDateToVi(a.dueDate))}</span>` : ''}
        <span class="muted">(${t('assigned', dateVi(a.at))})</span>`, 'detail-office') : ''}
      ${p.groupLead ? item(t('groupedUnder'), shown.leadCode, 'detail-lead') : ''}
      ${p.referral ? item(t('transferredTo'), html`${p.referral.to}${p.referral.note ? html`<div class="text muted">${p.referral.note}</div>` : ''}`) : ''}
      ${p.rejection ? item(t('refusedOn'), html`<div class="text">${p.rejection.ground}</div>`) : ''}
      ${p.closedAt ? item(t('closedOn'), dateVi(p.closedAt)) : ''}
    </dl>
    <h3>${t('content')}</h3>
    <p class="text" data-test="detail-content">${p.content}</p>
    ${p.draft && !p.answer ? html`<h3>${t('draft')}</h3><p class="text" data-test="detail-draft">${p.draft.text}</p>` : ''}
    ${p.answer ? html`<h3>${t('answer')}</h3>
      <p class="muted">${t('how_' + p.answer.how)}${p.answer.meetingTitle ? ': ' + p.answer.meetingTitle : ''} · ${dateVi(p.answer.at)}</p>
      <p class="text" data-test="detail-answer">${p.answer.text}</p>` : ''}
    <h3>${t('steps')}</h3>
    ${steps.length ? html`<div class="actions" data-test="steps">${steps.map(name => html`<button class="small ${step === name ? 'primary' : ''}"
        data-test=${'step-' + name} aria-expanded=${AT_ONCE.includes(name) ? nothing : step === name ? 'true' : 'false'}
        @click=${() => startStep(name)}>${t('step_' + name)}</button>`)}</div>` : html`<p class="muted">${t('noSteps')}</p>`}
    ${step ? stepForm(p) : AT_ONCE.map(problem)}
    <h3>${t('history')}</h3>
    <ol class="history" data-test="history">${shown.history.map(entry)}</ol>
  </article>`;
}

function stepForm(p) {
  const a = p.assignment;
  const k = p.classification;
  let fields;
  switch (step) {
    case 'reclassify':
      fields = html`<div class="row">
        <label>${t('channel')}${selectOf('channel', options.channels, k.channel)}</label>
        <label>${t('field')}${selectOf('fieldCode', options.fields, k.fieldCode)}</label>
        <label>${t('competence')}${selectOf('competence', options.competences, k.competence, t('notJudged'))}</label></div>`;
      break;
    case 'assign':
      fields = html`
        <label>${t('officeListed')}${selectOf('officeId', activeOffices(a && a.officeId), a && a.officeId, t('chooseOffice'), 'assign-office')}</label>
        <label>${t('officeOther')}<input name="officeName" maxlength="200" autocomplete="off" .value=${a && !a.officeId ? a.officeName : ''}></label>
        <label>${t('dueDate')}<input name="dueDate" data-test="assign-due" maxlength="10" placeholder=${t('dateFormat')}
          .value=${a && a.dueDate ? isoDateToVi(a.dueDate) : ''} autocomplete="off"></label>`;
      break;
    case 'draft':
      fields = html`<label>${t('answerText')}<textarea name="text" rows="5" maxlength="5000" required .value=${p.draft ? p.draft.text : ''}></textarea></label>`;
      break;
    case 'answer':
      fields = html`<label>${t('answerText')}<textarea name="text" rows="5" maxlength="5000" required .value=${p.draft ? p.draft.text : ''}></textarea></label>
        <fieldset><legend>${t('how')}</legend>
          ${['IN_WRITING', 'AT_MEETING'].map((how, i) => html`<label class="check"><input type="radio" name="how" value=${how} ?checked=${i === 0}
            data-test=${'how-' + how}> ${t('how_' + how)}</label>`)}</fieldset>
        <label>${t('meetingTitle')}<input name="meetingTitle" maxlength="300" list="meeting-titles" autocomplete="off"></label>
        <datalist id="meeting-titles">${meetings.map(m => html`<option value=${m.title}></option>`)}</datalist>`;
      break;
    case 'transfer':
      fields = html`<label>${t('transferTo')}<input name="to" maxlength="200" required autocomplete="off"></label>
        <label>${t('note')}<textarea name="note" rows="3" maxlength="1000"></textarea></label>`;
      break;
    case 'refuse':
      fields = html`<label>${t('ground')}<textarea name="ground" rows="3" maxlength="500" required></textarea></label>`;
      break;
    case 'group':
      fields = html`<label>${t('leadCode')}<input name="code" data-test="lead-code" maxlength="20" placeholder="KN-XXXX-XXXX"
        autocapitalize="characters" autocomplete="off" required></label>`;
      break;
    default:
      fields = '';
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

function payloadOf(e) {
  try { return JSON.parse(e.payload) || {}; } catch (err) { return {}; }
}

/** What an event changed, in a few words: the office and due date, where it went, why... */
function eventDetail(type, x) {
  switch (type) {
    case 'Received': return label(options.channels, x.channel);
    case 'Reclassified': return [label(options.channels, x.channel), label(options.allFields || options.fields, x.fieldCode)].join(' · ');
    case 'Assigned': return x.officeName + (x.dueDate ? ' · ' + t('due', isoDateToVi(x.dueDate)) : '');
    case 'Answered': return t('how_' + x.how) + (x.meetingTitle ? ': ' + x.meetingTitle : '');
    case 'Transferred': return x.to;
    case 'Refused': return x.ground;
    default: return '';
  }
}

function actorName(actor) {
  if (actor.startsWith('account:')) {
    const id = actor.slice('account:'.length);
    const name = id === session.account.id ? session.account.name : names[id];
    return name || t('actorAccount', id.slice(0, 8));
  }
  return t('actor_' + actor);
}

function entry(e) {
  const said = eventDetail(e.type, payloadOf(e));
  return html`<li data-test="history-entry" data-type=${e.type}>
    <time datetime=${e.at}>${dateTimeVi(e.at)}</time> <strong>${t('ev_' + e.type)}</strong>${said ? html` — ${said}` : ''}
    <div class="muted">${actorName(e.actor)}</div>
  </li>`;
}

draw();
session.start().then(signedIn => signedIn ? loadCommunes() : draw());
