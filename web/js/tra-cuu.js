// The tracking page (/tra-cuu): a tracking code, typed in any case, with spaces or without its
// dashes (the server reads it), or opened from the link in an e-mail (/tra-cuu#KN-XXXX-XXXX). It
// shows what the server makes public of a petition: status, dates, office, the answer, where it was
// transferred; the server never sends who sent it nor what it says.
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
};
const SYMBOLS = /^(?:KN)?([23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8})$/;

const input = document.getElementById('code');
const problemLine = document.getElementById('problem');
const result = document.getElementById('result');
let found = null;     // the public view of the petition shown
let problem = null;   // [pair, ...args] of this page, or the server's {vi, en}

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
  ].filter(Boolean));
}

async function lookUp(typed) {
  const code = typed.trim();
  found = null;
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
