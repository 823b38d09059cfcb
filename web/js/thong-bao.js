// The public notice of a meeting's conclusions (/thong-bao/<join code>): what the meeting was and
// each conclusion with the office that acts on it, its deadline and where it stands. The server
// sends nothing personal (speakers by village only); text goes in as text, never as HTML.
import { setupLang, say, pickText, call, el, isEnglish, UNREACHABLE } from './citizen.js';
import { isoDateToVi } from './format.js';

const ENGLISH = {
  title: 'Notice of conclusions',
  code: 'Meeting code (6 characters, printed under the QR code in the hall)',
  look: 'Show the notice',
  loading: 'Loading the notice…',
};
const T = {
  issuer: ['Ủy ban nhân dân xã {0}', 'People\'s Committee of {0} commune'],
  heldOn: ['Ngày họp', 'Held on'],
  venue: ['Địa điểm', 'Venue'],
  chairs: ['Chủ trì', 'Chaired by'],
  publishedOn: ['Ngày thông báo', 'Published on'],
  conclusions: ['Các kết luận ({0})', 'Conclusions ({0})'],
  none: ['Hội nghị không có kết luận nào được ghi nhận.', 'The meeting recorded no conclusion.'],
  office: ['Cơ quan thực hiện', 'Office responsible'],
  deadline: ['Thời hạn', 'Deadline'],
  raisedBy: ['Ý kiến của', 'Raised by'],
  decided: ['Hội nghị quyết định', 'Decided at the meeting'],
  closing: ['Thông báo được công khai để Nhân dân biết, theo dõi và giám sát việc thực hiện.',
    'This notice is public so that the people can follow and supervise what is done.'],
  shape: ['Mã hội nghị có 6 ký tự (chữ và số).', 'A meeting code has 6 characters (letters and digits).'],
};

const form = document.getElementById('lookup');
const input = document.getElementById('code');
const problemLine = document.getElementById('problem');
const loading = document.getElementById('loading');
const article = document.getElementById('notice');
let notice = null;   // the public notice shown
let problem = null;  // [pair] of this page, or the server's {vi, en}

const label = pair => (isEnglish() ? pair.en : pair.vi);

/** term/value rows, those without a value left out. */
function details(rows) {
  const shown = rows.filter(([, value]) => value);
  return shown.length ? el('dl', null, ...shown.flatMap(([term, value]) => [el('dt', null, say(term)), el('dd', null, value)])) : null;
}

function conclusion(c) {
  return el('li', { 'data-test': 'conclusion' },
    el('p', { class: 'status', 'data-test': 'status' }, label(c.status)),
    el('p', { class: 'text' }, el('span', { class: 'number' }, c.number + '.'), ' ', c.text),
    details([
      [T.office, c.office],
      [T.deadline, isoDateToVi(c.deadline)],
      [T.raisedBy, c.villages.join(', ')],
      [T.decided, c.outcome.code !== c.status.code ? label(c.outcome) : null],
    ]));
}

function draw() {
  problemLine.textContent = !problem ? '' : Array.isArray(problem) ? say(problem[0]) : pickText(problem);
  article.hidden = !notice;
  if (!notice) { article.replaceChildren(); return; }
  const n = notice;
  article.replaceChildren(...[
    el('p', { class: 'issuer' }, say(T.issuer, n.place)),
    el('h2', { 'data-test': 'meeting-title' }, n.meetingTitle),
    details([
      [T.heldOn, isoDateToVi(n.heldOn)],
      [T.venue, n.venue],
      [T.chairs, n.chairs.join(', ')],
      [T.publishedOn, isoDateToVi(n.publishedOn)],
    ]),
    el('h3', null, say(T.conclusions, n.conclusions.length)),
    n.conclusions.length ? el('ol', { class: 'conclusions', 'data-test': 'conclusions' }, ...n.conclusions.map(conclusion))
      : el('p', { class: 'muted' }, say(T.none)),
    el('p', { class: 'closing' }, say(T.closing)),
  ].filter(Boolean));
}

/** The notice of the meeting with this code; typed: asked for in the form, so the notice then takes the focus. */
async function show(code, typed) {
  code = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  notice = null;
  problem = code.length === 6 ? null : [T.shape];
  draw();
  if (problem) return;
  loading.hidden = false;
  const answer = await call('GET', '/api/public/notices/' + code);
  loading.hidden = true;
  if (answer.status === 200) {
    notice = answer.data;
    form.hidden = true;
    document.title = notice.meetingTitle;
    if (location.pathname !== '/thong-bao/' + code) history.replaceState(null, '', '/thong-bao/' + code);
  } else {
    // 404: no such code, or not published yet; 429 after many codes that found nothing.
    problem = answer.data && answer.data.message ? answer.data.message : [UNREACHABLE];
    form.hidden = false;
  }
  draw();
  if (notice && typed) article.focus();
}

form.addEventListener('submit', e => {
  e.preventDefault();
  show(input.value, true);
});

setupLang(ENGLISH, draw);
let fromPath = location.pathname.replace(/^\/thong-bao\/?/, '');
try { fromPath = decodeURIComponent(fromPath); } catch (e) { /* a stray % is read as typed */ }
if (fromPath) {
  input.value = fromPath;
  show(fromPath, false);
} else {
  form.hidden = false;
}
