// Reports upward (/reports): one commune or all the account may read, over a month, a quarter, six or
// nine months, a year or any two days; the figures as tables (what a screen reader reads) and as
// charts (ECharts on a canvas: its SVG renderer writes style attributes, which the CSP refuses), and the same report to
// download as .xlsx, .csv and .docx. Every figure comes from the server, counted from the record.
import { html, render } from 'lit-html';
import * as echarts from 'echarts';
import { setup, t, errorText } from './i18n.js';
import { Session, SESSION_STRINGS, everyCommune, isAdmin } from './session.js';
import { parseDateVi, isoDate, isoDateToVi, yearInVietnam } from './format.js';

setup({
  ...SESSION_STRINGS,
  title: ['Báo cáo kết quả tổ chức đối thoại', 'Report on the dialogues held'],
  commune: ['Xã', 'Commune'],
  allCommunes: ['Tất cả các xã được xem', 'Every commune this account may see'],
  period: ['Kỳ báo cáo', 'Period'],
  kind_month: ['Tháng', 'Month'],
  kind_quarter: ['Quý', 'Quarter'],
  kind_H1: ['6 tháng đầu năm', 'First six months'],
  kind_9M: ['9 tháng', 'Nine months'],
  kind_year: ['Năm', 'Year'],
  kind_custom: ['Từ ngày đến ngày', 'From a day to a day'],
  year: ['Năm', 'Year'],
  month: ['Tháng', 'Month'],
  quarter: ['Quý', 'Quarter'],
  from: ['Từ ngày (dd/mm/yyyy)', 'From (dd/mm/yyyy)'],
  to: ['Đến ngày (dd/mm/yyyy)', 'To (dd/mm/yyyy)'],
  show: ['Xem báo cáo', 'Show the report'],
  badDates: ['Ngày không đúng dạng dd/mm/yyyy.', 'A date is not of the form dd/mm/yyyy.'],
  download: ['Tải về', 'Download'],
  covers: ['{0}, từ {1} đến {2}; quá hạn tính đến {3}', '{0}, {1} to {2}; overdue as of {3}'],
  dialogues: ['Hội nghị đối thoại', 'Dialogues'],
  kindCol: ['Loại đối thoại', 'Kind'],
  target: ['Chỉ tiêu năm', 'Yearly target'],
  planned: ['Kế hoạch', 'Planned'],
  held: ['Đã tổ chức', 'Held'],
  attendees: ['Người tham dự', 'Attendees'],
  speeches: ['Lượt phát biểu', 'Speeches'],
  total: ['Tổng cộng', 'Total'],
  PERIODIC: ['Định kỳ', 'Periodic'],
  THEMATIC: ['Chuyên đề', 'Thematic'],
  EXTRAORDINARY: ['Đột xuất', 'Extraordinary'],
  plannedHeld: ['Trong kế hoạch đã tổ chức: {0}/{1}; hủy: {2}; lượt trả lời: {3}', 'Planned and held: {0}/{1}; cancelled: {2}; answers: {3}'],
  petitions: ['Kiến nghị', 'Petitions'],
  byField: ['Theo lĩnh vực', 'By field'],
  byChannel: ['Theo kênh tiếp nhận', 'By channel'],
  byCompetence: ['Theo thẩm quyền', 'By competence'],
  byVillage: ['Theo thôn, làng, tổ chức', 'By village or organisation'],
  received: ['Tiếp nhận', 'Received'],
  answered: ['Đã trả lời', 'Answered'],
  onTime: ['Đúng hạn', 'On time'],
  late: ['Trễ hạn', 'Late'],
  overdue: ['Quá hạn', 'Overdue'],
  transferred: ['Chuyển cấp trên', 'Transferred'],
  refused: ['Không xem xét', 'Refused'],
  conclusions: ['Kết luận và mức độ hài lòng', 'Conclusions and satisfaction'],
  outcome: ['Hình thức xử lý', 'Outcome'],
  count: ['Số kết luận', 'Conclusions'],
  doneOnTime: ['Hoàn thành đúng hạn', 'Done on time'],
  doneLate: ['Hoàn thành trễ hạn', 'Done late'],
  open: ['Đang thực hiện', 'In hand'],
  satisfied: ['Hài lòng', 'Satisfied'],
  notSatisfied: ['Chưa hài lòng', 'Not yet satisfied'],
  chartDialogues: ['Biểu đồ: kế hoạch và đã tổ chức theo loại', 'Chart: planned and held by kind'],
  chartFields: ['Biểu đồ: kiến nghị theo lĩnh vực', 'Chart: petitions by field'],
  chartConclusions: ['Biểu đồ: kết luận theo kết quả thực hiện', 'Chart: conclusions by what became of them'],
  noCommunes: ['Tài khoản này chưa được xem xã nào.', 'This account may not see any commune yet.'],
});

const session = new Session({ draw: () => draw(), signedIn: () => loadCommunes(), ended: forget });
const api = (method, path) => session.api(method, path);
const thisYear = yearInVietnam();
let communes = [];
let choice = { commune: 'all', kind: 'year', year: thisYear, month: 1, quarter: 1, from: '', to: '' };
let report = null;
let problem = null;

function forget() {
  communes = [];
  report = null;
  problem = null;
}

async function loadCommunes() {
  const c = await api('GET', '/api/communes');
  communes = c.ok ? c.data : [];
  choice.commune = everyCommune(session.account) || communes.length !== 1 ? 'all' : communes[0].id;
  await load();
}

/** The query naming the commune and the period, or null (with a problem said) when a custom date is wrong. */
function query() {
  const c = `commune=${encodeURIComponent(choice.commune)}`;
  const y = choice.year;
  switch (choice.kind) {
    case 'month': return `${c}&period=${y}-${String(choice.month).padStart(2, '0')}`;
    case 'quarter': return `${c}&period=${y}-Q${choice.quarter}`;
    case 'H1': return `${c}&period=${y}-H1`;
    case '9M': return `${c}&period=${y}-9M`;
    case 'year': return `${c}&period=${y}`;
    default: {
      const from = parseDateVi(choice.from);
      const to = parseDateVi(choice.to);
      if (!from || !to) return null;
      return `${c}&from=${isoDate(from)}&to=${isoDate(to)}`;
    }
  }
}

async function load() {
  const q = query();
  if (!q) {
    problem = { message: { vi: t('badDates'), en: t('badDates') } };
    report = null;
    draw();
    return;
  }
  const answer = await api('GET', '/api/reports?' + q);
  report = answer.ok ? answer.data : null;
  problem = answer.ok ? null : answer.data;
  draw();
}

function pickFrom(form) {
  const values = Object.fromEntries(new FormData(form));
  choice = { ...choice, ...values, year: Number(values.year || choice.year), month: Number(values.month || choice.month),
    quarter: Number(values.quarter || choice.quarter) };
}

function form() {
  const years = [];
  for (let y = thisYear + 1; y >= thisYear - 5; y--) years.push(y);
  const k = choice.kind;
  return html`
    <form class="card report-form" data-test="report-form" @submit=${e => { e.preventDefault(); pickFrom(e.target); load(); }}
      @change=${e => { if (e.target.name === 'kind') { pickFrom(e.currentTarget); draw(); } }}>
      <label>${t('commune')}<select name="commune" data-test="commune">
        <option value="all" ?selected=${choice.commune === 'all'}>${t('allCommunes')}</option>
        ${communes.map(c => html`<option value=${c.id} ?selected=${c.id === choice.commune}>${c.name}</option>`)}
      </select></label>
      <label>${t('period')}<select name="kind" data-test="period-kind">
        ${['month', 'quarter', 'H1', '9M', 'year', 'custom'].map(x => html`<option value=${x} ?selected=${x === k}>${t('kind_' + x)}</option>`)}
      </select></label>
      ${k === 'custom' ? html`
        <label>${t('from')}<input name="from" data-test="from" inputmode="numeric" placeholder="01/01/${thisYear}" .value=${choice.from}></label>
        <label>${t('to')}<input name="to" data-test="to" inputmode="numeric" placeholder="31/12/${thisYear}" .value=${choice.to}></label>`
      : html`<label>${t('year')}<select name="year" data-test="year">${years.map(y => html`<option value=${y} ?selected=${y === choice.year}>${y}</option>`)}</select></label>`}
      ${k === 'month' ? html`<label>${t('month')}<select name="month" data-test="month">
        ${[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(m => html`<option value=${m} ?selected=${m === choice.month}>${m}</option>`)}</select></label>` : ''}
      ${k === 'quarter' ? html`<label>${t('quarter')}<select name="quarter" data-test="quarter">
        ${[1, 2, 3, 4].map(q => html`<option value=${q} ?selected=${q === choice.quarter}>${q}</option>`)}</select></label>` : ''}
      <button class="primary" data-test="show">${t('show')}</button>
      ${problem ? html`<p class="error" role="alert" data-test="report-error">${errorText(problem)}</p>` : ''}
    </form>`;
}

const n = v => (v === null || v === undefined ? '—' : String(v));

function downloads() {
  const q = query();
  if (!q || !report) return '';
  return html`<p class="downloads" data-test="downloads">${t('download')}:
    <a class="button" href=${'/api/reports.xlsx?' + q} download data-test="download-xlsx">.xlsx</a>
    <a class="button" href=${'/api/reports.csv?' + q} download data-test="download-csv">.csv</a>
    <a class="button" href=${'/api/reports.docx?' + q} download data-test="download-docx">.docx</a></p>`;
}

function dialogues(d) {
  return html`
    <section class="card" aria-labelledby="h-dialogues"><h2 id="h-dialogues">${t('dialogues')}</h2>
      <table class="figures" data-test="dialogues"><thead><tr><th scope="col">${t('kindCol')}</th><th scope="col">${t('target')}</th>
        <th scope="col">${t('planned')}</th><th scope="col">${t('held')}</th><th scope="col">${t('attendees')}</th><th scope="col">${t('speeches')}</th></tr></thead>
      <tbody>${d.byKind.map(k => html`<tr><th scope="row">${t(k.kind)}</th><td>${n(k.target)}</td><td>${k.planned}</td><td>${k.held}</td>
        <td>${k.attendees}</td><td>${k.speeches}</td></tr>`)}
        <tr class="total"><th scope="row">${t('total')}</th><td>${d.target}</td><td>${d.planned}</td><td data-test="held">${d.held}</td>
        <td data-test="attendees">${d.attendees}</td><td>${d.speeches}</td></tr></tbody></table>
      <p class="muted">${t('plannedHeld', d.plannedHeld, d.planned, d.cancelled, d.answers)}</p>
      <div class="chart" id="chart-dialogues" data-test="chart-dialogues" role="img" aria-label=${t('chartDialogues')}></div>
    </section>`;
}

function petitionTable(key, lines, total) {
  return html`
    <h3 id=${'h-' + key}>${t(key)}</h3>
    <table class="figures" data-test=${key} aria-labelledby=${'h-' + key}><thead><tr><th scope="col"></th>
      ${['received', 'answered', 'onTime', 'late', 'overdue', 'transferred', 'refused'].map(c => html`<th scope="col">${t(c)}</th>`)}</tr></thead>
    <tbody>${[...lines, { ...total, label: t('total'), total: true }].map(l => html`<tr class=${l.total ? 'total' : ''}>
      <th scope="row">${l.label}</th><td>${l.received}</td><td>${l.answered}</td><td>${l.onTime}</td><td>${l.late}</td>
      <td>${l.overdue}</td><td>${l.transferred}</td><td>${l.refused}</td></tr>`)}</tbody></table>`;
}

function petitions(p) {
  return html`
    <section class="card" aria-labelledby="h-petitions"><h2 id="h-petitions">${t('petitions')}</h2>
      <div class="chart" id="chart-fields" data-test="chart-fields" role="img" aria-label=${t('chartFields')}></div>
      ${petitionTable('byField', p.byField, p.total)}
      ${petitionTable('byChannel', p.byChannel, p.total)}
      ${petitionTable('byCompetence', p.byCompetence, p.total)}
      ${petitionTable('byVillage', p.byVillage, p.total)}
    </section>`;
}

function conclusions(c) {
  const cols = ['count', 'doneOnTime', 'doneLate', 'transferred', 'open', 'overdue', 'satisfied', 'notSatisfied'];
  const row = o => [o.total, o.doneOnTime, o.doneLate, o.transferred, o.open, o.overdue, o.satisfied, o.notSatisfied];
  return html`
    <section class="card" aria-labelledby="h-conclusions"><h2 id="h-conclusions">${t('conclusions')}</h2>
      <table class="figures" data-test="conclusions"><thead><tr><th scope="col">${t('outcome')}</th>${cols.map(x => html`<th scope="col">${t(x)}</th>`)}</tr></thead>
      <tbody>${c.byOutcome.map(o => html`<tr><th scope="row">${o.label}</th>${row(o).map(v => html`<td>${v}</td>`)}</tr>`)}
        <tr class="total"><th scope="row">${t('total')}</th>${row(c.total).map(v => html`<td>${v}</td>`)}</tr></tbody></table>
      <div class="chart" id="chart-conclusions" data-test="chart-conclusions" role="img" aria-label=${t('chartConclusions')}></div>
    </section>`;
}

/** A bar chart in the element with this id, drawn on a canvas (the SVG renderer writes style attributes, which the CSP refuses), with no tooltip (its HTML would carry inline styles). */
function bars(id, categories, series) {
  const el = document.getElementById(id);
  if (!el) return;
  const chart = echarts.getInstanceByDom(el) || echarts.init(el, null, { renderer: 'canvas' });
  chart.setOption({
    animation: false,
    aria: { enabled: false },
    tooltip: { show: false },
    legend: { top: 0 },
    grid: { left: 40, right: 10, top: 30, bottom: 60 },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: categories.length > 4 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map(s => ({ type: 'bar', name: s.name, data: s.data, label: { show: true, position: 'top' } })),
  }, true);
}

function drawCharts() {
  if (!report) return;
  const d = report.dialogues;
  bars('chart-dialogues', d.byKind.map(k => t(k.kind)), [
    { name: t('planned'), data: d.byKind.map(k => k.planned) }, { name: t('held'), data: d.byKind.map(k => k.held) }]);
  const p = report.petitions;
  bars('chart-fields', p.byField.map(l => l.label), [
    { name: t('received'), data: p.byField.map(l => l.received) }, { name: t('answered'), data: p.byField.map(l => l.answered) }]);
  const c = report.conclusions.total;
  bars('chart-conclusions', [t('doneOnTime'), t('doneLate'), t('transferred'), t('open'), t('overdue'), t('satisfied'), t('notSatisfied')],
    [{ name: t('count'), data: [c.doneOnTime, c.doneLate, c.transferred, c.open, c.overdue, c.satisfied, c.notSatisfied] }]);
}

function body() {
  if (!report) return '';
  return html`
    <p class="card covers" data-test="covers">${t('covers', report.scope, isoDateToVi(report.from), isoDateToVi(report.to), isoDateToVi(report.asOf))}</p>
    ${downloads()}${dialogues(report.dialogues)}${petitions(report.petitions)}${conclusions(report.conclusions)}`;
}

function draw() {
  render(session.page(t('title'), [{ href: '/organiser', test: 'meetings-link', label: 'meetingsPage' },
    { href: '/petitions', test: 'petitions-link', label: 'petitionsPage' },
    { href: '/followup', test: 'followup-link', label: 'followupPage' },
    isAdmin(session.account) ? { href: '/accounts', test: 'accounts-link', label: 'accountsPage' } : null], () => html`${form()}${body()}`), document.getElementById('app'));
  drawCharts();
}

session.start().then(signedIn => (signedIn ? loadCommunes() : draw()));
