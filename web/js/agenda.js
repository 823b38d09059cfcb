// Petitions beside the speakers, on the chair's and the secretary's consoles: the petition a
// registration raises, with its field, its office and the answer that office prepared (from the
// organiser's agenda, `state.agenda`, which only staff screens receive); linking a registration to a
// petition's tracking code; the petitions a conclusion answers.
import { html } from 'lit-html';
import { t } from './i18n.js';
import { allTurns } from './state.js';

export const PETITION_STRINGS = {
  notOnAgenda: ['chưa có trong chương trình', 'not on the agenda'],
  preparedAnswerOf: ['Trả lời chuẩn bị của {0}', 'Prepared answer of {0}'],
  preparedAnswer: ['Trả lời chuẩn bị', 'Prepared answer'],
  noPreparedAnswer: ['Cơ quan chưa chuẩn bị trả lời', 'No answer prepared yet'],
  noOffice: ['chưa giao cơ quan', 'no office yet'],
  linkPetition: ['Gắn mã kiến nghị', 'Link a petition'],
  unlinkPetition: ['Bỏ gắn mã', 'Unlink'],
  petitionCode: ['Mã kiến nghị (nếu có)', 'Petition tracking code (if any)'],
  petitionCodeShort: ['Mã kiến nghị', 'Petition tracking code'],
  petitionCodeHint: ['Ví dụ KN-7QX4-M2PD', 'E.g. KN-7QX4-M2PD'],
  answersPetitions: ['Trả lời kiến nghị', 'Answers the petitions'],
  answersHelp: ['Khi bế mạc, mỗi kiến nghị được chọn nhận nội dung kết luận này làm câu trả lời.',
    'When the meeting closes, each petition ticked gets this conclusion as its answer.'],
  ofSpeaker: ['của người phát biểu', 'of the speaker'],
  agendaPetitions: ['Kiến nghị trong chương trình ({0})', 'Petitions on the agenda ({0})'],
  ack_LinkPetition: ['Đã cập nhật mã kiến nghị', 'Petition link updated'],
};

/** The shape the server accepts, checked before sending: any case, spaces or dashes, with or without "KN". */
export function petitionCodeShape(typed) {
  const symbols = (typed || '').toUpperCase().replace(/[\s\-\u2010-\u2015_.]/g, '').replace(/^KN(?=.{8}$)/, '');
  return /^[2-9A-HJKMNP-Z]{8}$/.test(symbols) ? `KN-${symbols.slice(0, 4)}-${symbols.slice(4)}` : null;
}

const onAgenda = (state, code) => (state.agenda || []).find(a => a.trackingCode === code);

/** Which prepared answers are open, by registration: kept here, so a redraw (ten a second) keeps them open. */
const opened = new Set();

/**
 * Beside a registration: its petition's field and office, and the office's prepared answer, folded
 * and opened with one click; a code not on the agenda says so.
 */
export function petitionNote(state, r) {
  if (!r || !r.petitionCode) return '';
  const item = onAgenda(state, r.petitionCode);
  if (!item) {
    return html`<div class="petition" data-test="petition"><span class="code">${r.petitionCode}</span>
      <span class="muted" data-test="not-on-agenda">— ${t('notOnAgenda')}</span></div>`;
  }
  const toggled = e => { if (e.target.open) opened.add(r.id); else opened.delete(r.id); };
  return html`<div class="petition" data-test="petition">
    <div><span class="code">${item.trackingCode}</span> · <span data-test="petition-field">${item.field || ''}</span>
      · <span data-test="petition-office">${item.officeName || t('noOffice')}</span></div>
    ${item.preparedAnswer
      ? html`<details class="prepared" data-test="prepared" ?open=${opened.has(r.id)} @toggle=${toggled}>
          <summary>${item.officeName ? t('preparedAnswerOf', item.officeName) : t('preparedAnswer')}</summary>
          <p class="prepared-text" data-test="prepared-answer">${item.preparedAnswer}</p></details>`
      : html`<div class="muted">${t('noPreparedAnswer')}</div>`}
  </div>`;
}

/** The registration on the floor, or the one whose speech the responder on the floor answers. */
export function speakerRegistration(state) {
  const f = state.floor;
  if (!f) return null;
  const speech = f.kind === 'SPEECH' ? f : allTurns(state).find(turn => turn.id === f.answersTurnId);
  return speech && speech.registrationId != null ? state.registrations[speech.registrationId] : null;
}

/** Whose link is being typed, and the redraw to call: one at a time per console. */
let linking = null;

/** Link or unlink a petition's tracking code to a registration, from the chair's or the secretary's console. */
export function linkControls(conn, r, report, redraw) {
  const act = async args => {
    const answer = await conn.command('LinkPetition', args);
    report(answer, 'LinkPetition', args);
    return answer;
  };
  if (linking === r.id) {
    const submit = async e => {
      e.preventDefault();
      const typed = new FormData(e.target).get('petitionCode').trim();
      const answer = await act({ registrationId: r.id, petitionCode: petitionCodeShape(typed) || typed });
      if (answer.type === 'ack') { linking = null; redraw(); }
    };
    return html`<form class="row link-form" data-test="link-form" @submit=${submit}>
      <label class="inline">${t('petitionCodeShort')}<input name="petitionCode" maxlength="20" required
        placeholder=${t('petitionCodeHint')} data-test="link-code" autocomplete="off"></label>
      <button class="small primary" data-test="link-save">${t('save')}</button>
      <button type="button" class="small" @click=${() => { linking = null; redraw(); }}>${t('cancel')}</button>
    </form>`;
  }
  return r.petitionCode
    ? html`<button class="small link" data-test="unlink" @click=${() => act({ registrationId: r.id })}>${t('unlinkPetition')}</button>`
    : html`<button class="small link" data-test="link" @click=${() => { linking = r.id; redraw(); }}>${t('linkPetition')}</button>`;
}

/**
 * The petitions a conclusion may answer: the speaker's first, then those on the agenda (folded when
 * many). Their checkboxes are named petitionCodes; the form sends the ticked ones.
 */
export function conclusionPetitions(state) {
  const speaker = speakerRegistration(state);
  const own = speaker && speaker.petitionCode ? [speaker.petitionCode] : [];
  const agenda = (state.agenda || []).filter(a => !own.includes(a.trackingCode));
  if (!own.length && !agenda.length) return '';
  const label = a => html`${a.trackingCode} — ${a.field || ''}${a.village ? ' · ' + a.village : ''}`;
  const box = (code, text) => html`<label class="check"><input type="checkbox" name="petitionCodes" value=${code} data-test="conclusion-petition"> ${text}</label>`;
  return html`<fieldset data-test="conclusion-petitions"><legend>${t('answersPetitions')}</legend>
    <small class="muted">${t('answersHelp')}</small>
    ${own.map(code => { const a = onAgenda(state, code); return box(code, html`${a ? label(a) : code} <em>(${t('ofSpeaker')})</em>`); })}
    ${agenda.length > 6
      ? html`<details><summary>${t('agendaPetitions', agenda.length)}</summary>${agenda.map(a => box(a.trackingCode, label(a)))}</details>`
      : agenda.map(a => box(a.trackingCode, label(a)))}
  </fieldset>`;
}
