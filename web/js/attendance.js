// Attendance as the screens show it: the head count (every screen that shows it uses these words),
// the time asked for at registration, and finding an invited person by name as people type it.
import { html } from 'lit-html';
import { t } from './i18n.js';

export const ATTENDANCE_STRINGS = {
  present: ['Có mặt: {0}', 'Present: {0}'],
  delegatesCount: ['đại biểu {0}/{1}', 'delegates {0}/{1}'],
  inviteesCount: ['khách mời {0}/{1}', 'invited guests {0}/{1}'],
  walkInsCount: ['không có giấy mời {0}', 'without invitation {0}'],
  minutesAsked: ['Thời gian xin phát biểu', 'Speaking time asked for'],
  minutesRule: ['Theo quy định ({0})', 'As the rule says ({0})'],
  minutesN: ['{0} phút', '{0} min'],
  secondsN: ['{0} giây', '{0} s'],
};

const present = hc => hc.delegatesPresent + hc.inviteesPresent + hc.walkIns;

/** Whether there is anything to count: a meeting without invitations nor arrivals shows no line. */
export const counting = hc => !!hc && (hc.delegatesInvited + hc.inviteesInvited + hc.walkIns > 0);

/** "Có mặt: 72 · đại biểu 18/20 · khách mời 47/60 · không có giấy mời 7"; each part kept whole on one line. */
export function headCountLine(hc, testId = 'head-count') {
  if (!counting(hc)) return '';
  const parts = [t('present', present(hc))];
  if (hc.delegatesInvited) parts.push(t('delegatesCount', hc.delegatesPresent, hc.delegatesInvited));
  if (hc.inviteesInvited) parts.push(t('inviteesCount', hc.inviteesPresent, hc.inviteesInvited));
  if (hc.walkIns) parts.push(t('walkInsCount', hc.walkIns));
  return html`<div class="head-count" data-test=${testId} role="status">${parts.map((p, i) =>
    html`${i ? html`<span class="sep"> · </span>` : ''}<span class=${i ? 'part' : 'part total'}>${p}</span>`)}</div>`;
}

/** The rules' slot in words: "5 phút", or "90 giây" when not whole minutes. */
export const slotText = seconds => seconds % 60 === 0 ? t('minutesN', seconds / 60) : t('secondsN', seconds);

const CHOICES = [1, 2, 3, 5, 7, 10, 15, 20, 30];

/**
 * The time a speaker may ask for: the rules' slot (sent as nothing) or fewer whole minutes. A form
 * offers only times within the slot; the server refuses more (see Registrations.minutesProblem).
 */
export function minutesField(rules, testId = 'minutes') {
  const choices = CHOICES.filter(m => m * 60 < rules.slotSeconds);
  return html`<label>${t('minutesAsked')}
    <select name="minutes" data-test=${testId}>
      <option value="">${t('minutesRule', slotText(rules.slotSeconds))}</option>
      ${choices.map(m => html`<option value=${m}>${t('minutesN', m)}</option>`)}
    </select></label>`;
}

/**
 * A name as compared when searching: without diacritics, đ as d, any case, single spaces. "nguyen van an"
 * finds "Nguyễn Văn An"; names are still shown and sorted with their diacritics.
 */
export function foldVi(text) {
  return (text || '').normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase()
    .replace(/\s+/g, ' ').trim();
}
