// Vietnamese first, every text also in English; the choice is remembered on this device.
import { html } from 'lit-html';

const KEY = 'doithoai.lang';
let lang = localStorage.getItem(KEY) === 'en' ? 'en' : 'vi';
let dictionary = {};
let onSwitch = () => {};

const COMMON = {
  connecting: ['Đang kết nối…', 'Connecting…'],
  offline: ['Mất kết nối — đang kết nối lại…', 'Connection lost — reconnecting…'],
  online: ['Đã kết nối', 'Connected'],
  switchTo: ['English', 'Tiếng Việt'],
  status_SCHEDULED: ['Chưa bắt đầu', 'Not started'],
  status_REGISTRATION_OPEN: ['Đang nhận đăng ký phát biểu', 'Registration open'],
  status_IN_PROGRESS: ['Đang diễn ra', 'In progress'],
  status_CLOSED: ['Đã kết thúc', 'Closed'],
  outcome_ANSWERED: ['Đã trả lời tại hội nghị', 'Answered at the meeting'],
  outcome_ASSIGNED: ['Giao xử lý', 'Assigned'],
  outcome_EXPLAINED: ['Đã giải thích', 'Explained'],
  outcome_FORWARDED: ['Chuyển cấp trên', 'Forwarded upward'],
  ground_LACKS_CIVIL_CAPACITY: ['Không có năng lực hành vi dân sự', 'Lacks civil capacity'],
  ground_INTOXICATED: ['Đang sử dụng rượu, bia hoặc chất kích thích', 'Under the influence of alcohol or drugs'],
  ground_BREAKS_RULES: ['Vi phạm nội quy, quy định đối thoại', 'Breaks the rules of the meeting'],
  ground_CASE_FINALLY_DECIDED: ['Khiếu kiện đã có quyết định giải quyết cuối cùng', 'Complaint already finally decided'],
  ground_OTHER: ['Lý do khác', 'Other reason'],
  phase_CALLED: ['Đã mời, chưa bắt đầu', 'Called, not started'],
  phase_RUNNING: ['Đang phát biểu', 'Speaking'],
  phase_PAUSED: ['Tạm dừng', 'Paused'],
  phase_ENDED: ['Đã kết thúc', 'Ended'],
  reg_WAITING: ['Đang chờ', 'Waiting'],
  reg_ON_FLOOR: ['Đang phát biểu', 'Speaking'],
  reg_SPOKEN: ['Đã phát biểu', 'Has spoken'],
  reg_ABSENT: ['Vắng mặt', 'Absent'],
  reg_STOPPED: ['Bị dừng', 'Stopped'],
  reg_WITHDRAWN: ['Đã rút', 'Withdrawn'],
  reg_REFUSED: ['Bị từ chối', 'Refused'],
  refusedCredential: ['Liên kết hoặc mã không đúng, hoặc đã được thay.', 'The link or code is wrong, or was replaced.'],
  noFloor: ['Chưa có ai phát biểu', 'Nobody has the floor'],
  responder: ['Trả lời', 'Response'],
  minutesShort: ['phút', 'min'],
};

export const GROUNDS = ['LACKS_CIVIL_CAPACITY', 'INTOXICATED', 'BREAKS_RULES', 'CASE_FINALLY_DECIDED', 'OTHER'];
export const OUTCOMES = ['ANSWERED', 'ASSIGNED', 'EXPLAINED', 'FORWARDED'];

/** A screen's own strings, as {key: [vi, en]}; rerender is called after a switch. */
export function setup(strings, rerender) {
  dictionary = { ...COMMON, ...strings };
  onSwitch = rerender || (() => {});
  document.documentElement.lang = lang;
}

export function t(key, ...args) {
  const entry = dictionary[key];
  let text = entry ? entry[lang === 'vi' ? 0 : 1] : key;
  args.forEach((arg, i) => { text = text.replace('{' + i + '}', arg); });
  return text;
}

/** A bilingual value from the server ({vi, en}). */
export function pick(value) {
  if (value == null) return '';
  return typeof value === 'string' ? value : (value[lang] || value.vi || '');
}

export function currentLang() { return lang; }

export function switchLang() {
  lang = lang === 'vi' ? 'en' : 'vi';
  localStorage.setItem(KEY, lang);
  document.documentElement.lang = lang;
  onSwitch();
}

export const langButton = () => html`<button type="button" class="lang" data-test="lang" @click=${switchLang}>${t('switchTo')}</button>`;

const collator = new Intl.Collator('vi');
/** Names compared as Vietnamese. */
export const byName = (a, b) => collator.compare(a.name, b.name);

/** The server's {vi, en} message of a refused command, or a fallback. */
export function errorText(frame) {
  return frame && frame.message ? pick(frame.message) : (frame && frame.code) || '';
}

export const connectionBadge = conn => conn.status === 'online' ? '' :
  html`<div class="banner ${conn.status}" data-test="connection" role="status">${conn.status === 'refused' ? t('refusedCredential') : t(conn.status)}</div>`;
