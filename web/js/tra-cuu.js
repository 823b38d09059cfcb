// The tracking page (/tra-cuu): a tracking code, typed in any case, with spaces or without its
// dashes (the server reads it), or opened from the link in an e-mail (/tra-cuu#KN-XXXX-XXXX). It
// shows what the server makes public of a petition: status, dates, office, the answer, where it was
// transferred; the server never sends who sent it nor what it says. When a meeting's conclusion
// answered it, the follow-up of that conclusion too, and, once the office has settled it, a form
// to rate it (satisfied, or not yet with a reason), once.
import { setupLang, say, pickText, call, el, isEnglish, UNREACHABLE } from './citizen.js';
import { dateVi, isoDateToVi } from './format.js';

const ENGLISH = {
  title: 'Follow a petition',
  code: 'Tracking code (e.g. KN-7QX4-M2PD)',
  look: 'Look it up',
  toForm: 'Send a new petition',
};
const T = {
  empty: ['Hãy nhập mã theo dõi, ví dụ KN-7QX4-M2PD.', 'Type the tracking code, e.g. KN-7QX4-M2PD.'],
  notFound: ['Không tìm thấy kiến nghị mang mã {0}.', 'No petition found with the code {0}.'],
  shape: ['Mã theo dõi có dạng KN-XXXX-XXXX.', 'A tracking code looks like KN-XXXX-XXXX.'],
  petition: ['Kiến nghị {0}', 'Petition {0}'],
  status: ['Trạng thái', 'Status'],
  receivedOn: ['Ngày tiếp nhận', 'Received on'],
  channel: ['Kênh tiếp nhận', 'Channel'],
  field: ['Lĩnh vực', 'Field'],
  office: ['Cơ quan giải quyết', 'Office dealing with it'],
  dueDate: ['Hạn giải quyết', 'Due date'],
  transferredTo: ['Đã chuyển đến', 'Transferred to'],
  answer: ['Trả lời', 'Answer'],
  IN_WRITING: ['Trả lời bằng văn bản', 'Answered in writing'],
  AT_MEETING: ['Trả lời tại hội nghị', 'Answered at a meeting'],
  followUp: ['Thực hiện kết luận của hội nghị', "Carrying out the meeting's conclusion"],
  deadline: ['Hạn thực hiện', 'Deadline'],
  overdue: ['Quá hạn', 'Overdue'],
  settledOn: ['Ngày hoàn thành', 'Settled on'],
  result: ['Kết quả thực hiện', 'What was done'],
  rateTitle: ['Bạn có hài lòng với kết quả giải quyết?', 'Are you satisfied with how it was settled?'],
  satisfied: ['Hài lòng', 'Satisfied'],
  notYet: ['Chưa hài lòng', 'Not yet satisfied'],
  reason: ['Lý do (bắt buộc khi chưa hài lòng)', 'Reason (required when not satisfied)'],
  send: ['Gửi đánh giá', 'Send the rating'],
  choose: ['Hãy chọn Hài lòng hoặc Chưa hài lòng.', 'Choose Satisfied or Not yet satisfied.'],
  needReason: ['Hãy cho biết lý do chưa hài lòng.', 'Say why you are not yet satisfied.'],
  rated: ['Bạn đã đánh giá: {0}. Cảm ơn bạn.', 'You rated it: {0}. Thank you.'],
  rateLater: ['Bạn có thể đánh giá khi cơ quan báo cáo đã hoàn thành.', 'You can rate it once the office reports it done.'],
};
const SYMBOLS = /^(?:KN)?([23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8})$/;

const input = document.getElementById('code');
const problemLine = document.getElementById('problem');
const result = document.getElementById('result');
let found = null;     // the public view of the petition shown
let problem = null;   // [pair, ...args] of this page, or the server's {vi, en}
let draft = { satisfied: null, reason: '' };   // the rating being filled in, kept across a redraw
let ratingProblem = null;                      // [pair] of this page, or the server's {vi, en}

/** "kn 7qx4m2pd" → "KN-7QX4-M2PD", as the server reads it; null when it cannot be a code. */
function shaped(typed) {
  const m = SYMBOLS.exec(typed.replace(/[\s\p{Pd}_.]+/gu, '').toUpperCase());
  return m ? `KN-${m[1].slice(0, 4)}-${m[1].slice(4)}` : null;
}

function draw() {
  problemLine.textContent = !problem ? '' : Array.isArray(problem) ? problem.map(p => say(...p)).join(' ') : pickText(problem);
  result.hidden = !found;
  if (!found) { result.replaceChildren(); return; }
  const p = found;
  const rows = [
    [T.receivedOn, isoDateToVi(p.receivedOn)],
    [T.field, isEnglish() ? p.fieldEn : p.fieldVi],
    [T.channel, isEnglish() ? p.channelEn : p.channelVi],
    [T.office, p.officeName],
    [T.dueDate, isoDateToVi(p.dueDate)],
    [T.transferredTo, p.transferredTo],
  ].filter(([, value]) => value);
  const a = p.answer;
  result.replaceChildren(...[
    el('h2', null, say(T.petition, p.trackingCode)),
    el('p', { class: 'status', 'data-test': 'status' }, isEnglish() ? p.statusEn : p.statusVi),
    el('dl', null, ...rows.flatMap(([term, value]) => [el('dt', null, say(term)), el('dd', null, value)])),
    a ? el('div', { class: 'answer', 'data-test': 'answer' },
      el('h3', null, say(T.answer)),
      el('p', { class: 'muted' }, [say(T[a.how]), a.meetingTitle, dateVi(a.at)].filter(Boolean).join(' · ')),
      el('p', { class: 'text', 'data-test': 'answer-text' }, a.text)) : null,
    p.followUp ? followUp(p.followUp) : null,
  ].filter(Boolean));
}

/** The conclusion's follow-up: its status, office, deadline (overdue in words), result, and the rating. */
function followUp(f) {
  const rows = [
    [T.office, f.officeName],
    [T.deadline, isoDateToVi(f.deadline)],
    [T.settledOn, isoDateToVi(f.settledOn)],
    [T.transferredTo, f.transferredTo],
  ].filter(([, value]) => value);
  const outcome = f.rated != null ? el('p', { class: 'ok', 'data-test': 'rated' }, say(T.rated, say(f.rated ? T.satisfied : T.notYet)))
    : f.canRate ? ratingForm() : f.status === 'ASSIGNED' || f.status === 'IN_PROGRESS' ? el('p', { class: 'muted' }, say(T.rateLater)) : null;
  return el('div', { class: 'answer', 'data-test': 'follow-up' },
    el('h3', null, say(T.followUp)),
    el('p', { class: 'status', 'data-test': 'follow-up-status' }, isEnglish() ? f.statusEn : f.statusVi),
    f.overdue ? el('p', { class: 'error', 'data-test': 'follow-up-overdue' }, say(T.overdue)) : null,
    el('dl', null, ...rows.flatMap(([term, value]) => [el('dt', null, say(term)), el('dd', null, value)])),
    f.result ? el('p', { class: 'text', 'data-test': 'follow-up-result' }, f.result) : null,
    outcome);
}

function ratingForm() {
  const choice = (value, pair) => el('label', { class: 'choice' },
    el('input', { type: 'radio', name: 'satisfied', value, 'data-test': 'rate-' + value, checked: draft.satisfied === value ? '' : null }),
    ' ', say(pair));
  const reason = el('textarea', { name: 'reason', id: 'reason', 'data-test': 'rate-reason', maxlength: '500', rows: '3' });
  reason.value = draft.reason;
  const form = el('form', { 'data-test': 'rating-form', class: 'rating', novalidate: '' },
    el('fieldset', null, el('legend', null, say(T.rateTitle)), choice('true', T.satisfied), choice('false', T.notYet)),
    el('label', { for: 'reason' }, say(T.reason)), reason,
    el('p', { class: 'error', role: 'alert', 'data-test': 'rate-problem' }, ratingProblem ? said(ratingProblem) : ''),
    el('button', { class: 'primary', 'data-test': 'rate-send' }, say(T.send)));
  form.addEventListener('input', () => {
    const chosen = form.querySelector('input[name=satisfied]:checked');
    draft = { satisfied: chosen ? chosen.value : null, reason: reason.value };
    ratingProblem = null; // said again at the next sending, if still so
    form.querySelector('[data-test=rate-problem]').textContent = '';
  });
  form.addEventListener('submit', e => { e.preventDefault(); rate(); });
  return form;
}

const said = problem => (Array.isArray(problem) ? say(...problem) : pickText(problem));

async function rate() {
  const reason = draft.reason.trim();
  ratingProblem = draft.satisfied == null ? [T.choose] : draft.satisfied === 'false' && !reason ? [T.needReason] : null;
  if (ratingProblem) { draw(); return; }
  const answer = await call('POST', `/api/public/petitions/${encodeURIComponent(found.trackingCode)}/rating`,
    { satisfied: draft.satisfied === 'true', reason: reason || null });
  if (answer.status === 200) {
    found = { ...found, followUp: answer.data.followUp };
    draft = { satisfied: null, reason: '' };
  } else {
    ratingProblem = answer.data && answer.data.message ? answer.data.message : [UNREACHABLE];
  }
  draw();
}

async function lookUp(typed) {
  const code = typed.trim();
  found = null;
  ratingProblem = null;
  problem = code ? null : [[T.empty]];
  draw();
  if (!code) return;
  const answer = await call('GET', '/api/public/petitions/' + encodeURIComponent(code));
  if (answer.status === 200) {
    found = answer.data;
    input.value = found.trackingCode;
    history.replaceState(null, '', '#' + found.trackingCode);
  } else if (answer.status === 404) {
    const known = shaped(code);
    problem = known ? [[T.notFound, known]] : [[T.notFound, code], [T.shape]];
  } else {
    // 429 after many codes that found nothing: the server says how long to wait.
    problem = answer.data && answer.data.message ? answer.data.message : [[UNREACHABLE]];
  }
  draw();
  if (found) result.focus();
}

document.getElementById('lookup').addEventListener('submit', e => {
  e.preventDefault();
  lookUp(input.value);
});

function fromAddress() {
  let code = location.hash.slice(1);
  try { code = decodeURIComponent(code); } catch (e) { /* a stray % is read as typed */ }
  if (code) {
    input.value = code;
    lookUp(code);
  }
}

window.addEventListener('hashchange', fromAddress);
setupLang(ENGLISH, draw);
fromAddress();
