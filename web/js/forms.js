// Forms shared by the chair and the secretary consoles. Inputs are uncontrolled: values are read
// with FormData on submit, so a re-render never takes away what a person is typing.
import { html } from 'lit-html';
import { t, GROUNDS, OUTCOMES } from './i18n.js';
import { allTurns } from './state.js';
import { parseDateVi, isoDate } from './format.js';
import { minutesField } from './attendance.js';
import { conclusionPetitions, petitionCodeShape, PETITION_STRINGS } from './agenda.js';

export const STAFF_STRINGS = {
  ...PETITION_STRINGS,
  conclusion: ['Ghi kết luận', 'Record a conclusion'],
  conclusionText: ['Nội dung kết luận', 'Conclusion'],
  outcome: ['Kết quả', 'Outcome'],
  office: ['Cơ quan chịu trách nhiệm', 'Responsible office'],
  deadline: ['Thời hạn', 'Deadline'],
  onSpeeches: ['Về các ý kiến', 'On the speeches'],
  save: ['Lưu', 'Save'],
  cancel: ['Hủy', 'Cancel'],
  ground: ['Lý do', 'Ground'],
  reasonText: ['Ghi rõ lý do', 'Reason in words'],
  registerAtDesk: ['Đăng ký tại bàn thư ký', 'Register at the desk'],
  name: ['Họ và tên', 'Full name'],
  village: ['Thôn, làng hoặc tổ chức', 'Village or organisation'],
  group: ['Nhóm', 'Group'],
  topic: ['Nội dung', 'Topic'],
  summary: ['Tóm tắt', 'Summary'],
  phone: ['Số điện thoại', 'Phone'],
  note: ['Ghi chú riêng (không hiển thị công khai)', 'Private note (never shown publicly)'],
  register: ['Đăng ký', 'Register'],
  deadlineFormat: ['ngày/tháng/năm', 'dd/mm/yyyy'],
  badDate: ['Ngày không đúng: hãy nhập theo dạng ngày/tháng/năm, ví dụ 20/10/2026.', 'Not a date: type it as dd/mm/yyyy, e.g. 20/10/2026.'],
  dismiss: ['Đóng thông báo', 'Dismiss'],
  overtime: ['Quá giờ', 'Overtime'],
  responding: ['Đang trả lời', 'Responding'],
  // What an accepted action did, said back to the person who did it ({0}: a name, {1}: a step number).
  ack_CallNext: ['Đã mời {0}', 'Called {0}'],
  ack_CallSpeaker: ['Đã mời {0}', 'Called {0}'],
  ack_CallResponder: ['Đã mời {0} trả lời', 'Called {0} to respond'],
  ack_StartSlot: ['Đã bắt đầu tính giờ', 'Clock started'],
  ack_PauseSlot: ['Đã tạm dừng', 'Paused'],
  ack_ResumeSlot: ['Đã tiếp tục tính giờ', 'Clock resumed'],
  ack_ExtendSlot: ['Đã thêm 1 phút', 'One minute added'],
  ack_EndSlot: ['Đã kết thúc lượt', 'Turn ended'],
  ack_StopSpeaker: ['Đã dừng người phát biểu', 'Speaker stopped'],
  ack_RefuseRegistration: ['Đã từ chối đăng ký', 'Registration refused'],
  ack_MoveRegistration: ['Đã đổi thứ tự', 'Order changed'],
  ack_OpenRegistration: ['Đã mở đăng ký phát biểu', 'Registration opened'],
  ack_StartMeeting: ['Đã khai mạc', 'Meeting started'],
  ack_AdvanceStep: ['Đã chuyển sang nội dung {1}', 'Moved to step {1}'],
  ack_CloseList: ['Đã khóa danh sách', 'List closed'],
  ack_ReopenList: ['Đã mở lại danh sách', 'List reopened'],
  ack_RecordConclusion: ['Đã ghi kết luận', 'Conclusion recorded'],
  ack_RegisterAtDesk: ['Đã đăng ký cho {0}', 'Registered {0}'],
  ack_EditRegistration: ['Đã sửa nội dung', 'Topic corrected'],
  ack_RecordMinute: ['Đã ghi vào biên bản', 'Added to the minutes'],
  ack_CorrectMinute: ['Đã sửa dòng biên bản', 'Minutes entry corrected'],
  ack_CheckIn: ['Đã điểm danh {0}', 'Checked in {0}'],
  ack_CheckInWalkIn: ['Đã đếm 1 người không có giấy mời', 'One person without an invitation counted'],
};

/** A refusal made on this screen, shown like the server's. */
const localError = (vi, en) => ({ type: 'error', message: { vi, en } });

/**
 * Sends the form's non-empty fields as a command; resets it when the server accepted. A field shaped
 * 'date' is typed dd/mm/yyyy and sent as yyyy-mm-dd; 'list' gathers numbers, 'texts' texts.
 */
export async function submitForm(e, conn, name, shape, report) {
  e.preventDefault();
  const form = e.target;
  const args = {};
  for (const [key, value] of new FormData(form)) {
    const v = typeof value === 'string' ? value.trim() : value;
    if (v === '') continue;
    if (shape && shape[key] === 'list') (args[key] = args[key] || []).push(Number(v));
    else if (shape && shape[key] === 'texts') (args[key] = args[key] || []).push(v);
    else if (shape && shape[key] === 'petitionCode') args[key] = petitionCodeShape(v) || v;
    else if (shape && shape[key] === 'number') args[key] = Number(v);
    else if (shape && shape[key] === 'date') {
      const date = parseDateVi(v);
      if (!date) {
        const refused = localError(...STAFF_STRINGS.badDate);
        report(refused, name);
        return refused;
      }
      args[key] = isoDate(date);
    } else args[key] = v;
  }
  const answer = await conn.command(name, args);
  if (answer.type === 'ack') form.reset();
  report(answer, name, args);
  return answer;
}

export function conclusionForm(conn, state, report) {
  const speeches = allTurns(state).filter(turn => turn.kind === 'SPEECH').slice(-8);
  return html`
    <form class="stack" data-test="conclusion-form" @submit=${e => submitForm(e, conn, 'RecordConclusion',
      { turnIds: 'list', deadline: 'date', petitionCodes: 'texts' }, report)}>
      <h2>${t('conclusion')}</h2>
      <label>${t('conclusionText')}<textarea name="text" rows="3" maxlength="5000" required></textarea></label>
      <div class="row">
        <label>${t('outcome')}<select name="outcome">${OUTCOMES.map(o => html`<option value=${o}>${t('outcome_' + o)}</option>`)}</select></label>
        <label>${t('deadline')}<input name="deadline" maxlength="10" placeholder=${t('deadlineFormat')}
          pattern="\\d{1,2}/\\d{1,2}/\\d{4}" title=${t('deadlineFormat')} autocomplete="off"></label>
      </div>
      <label>${t('office')}<input name="office" maxlength="200" list="office-names" autocomplete="off"></label>
      ${officeNames(conn)}
      ${speeches.length ? html`<fieldset><legend>${t('onSpeeches')}</legend>
        ${speeches.map(turn => html`<label class="check"><input type="checkbox" name="turnIds" value=${turn.id}> ${turn.name} — ${turn.topic || ''}</label>`)}
      </fieldset>` : ''}
      ${conclusionPetitions(state)}
      <button class="primary" data-test="conclusion-submit">${t('save')}</button>
    </form>`;
}

/**
 * The commune's offices offered as suggestions: picked from the directory, while a guest from the
 * upper level can still be typed in full.
 */
export function officeNames(conn) {
  return html`<datalist id="office-names">${conn.offices.map(o => html`<option value=${o.name}></option>`)}</datalist>`;
}

/** When an office of the directory is picked and the responder's name is empty, its head is the one who answers. */
export function fillHead(conn, form) {
  const office = conn.offices.find(o => o.name === form.elements.office.value);
  if (office && office.headName && !form.elements.name.value) {
    form.elements.name.value = office.headTitle ? `${office.headTitle} ${office.headName}` : office.headName;
  }
}

export function reasonFields() {
  return html`
    <fieldset><legend>${t('ground')}</legend>
      ${GROUNDS.map((g, i) => html`<label class="check"><input type="radio" name="ground" value=${g} ?checked=${i === 0}> ${t('ground_' + g)}</label>`)}
    </fieldset>
    <label>${t('reasonText')}<input name="text" maxlength="500" data-test="reason-text"></label>`;
}

/** Registration at the desk, with the time asked for within the rules' slot. */
export function deskForm(conn, rules, report) {
  const input = (name, max, required) => html`<label>${t(name)}<input name=${name} maxlength=${max} ?required=${required}></label>`;
  return html`
    <form class="stack" data-test="desk-form" @submit=${e => submitForm(e, conn, 'RegisterAtDesk', { minutes: 'number', petitionCode: 'petitionCode' }, report)}>
      <h2>${t('registerAtDesk')}</h2>
      <div class="row">${input('name', 100, true)}${input('village', 100, true)}</div>
      <div class="row">${input('group', 100)}${input('phone', 20)}</div>
      ${input('topic', 200, true)}
      ${minutesField(rules, 'desk-minutes')}
      <label>${t('summary')}<textarea name="summary" rows="2" maxlength="1000"></textarea></label>
      <label>${t('petitionCode')}<input name="petitionCode" maxlength="20" placeholder=${t('petitionCodeHint')}
        autocomplete="off" data-test="desk-petition-code"></label>
      <label>${t('note')}<input name="note" maxlength="1000"></label>
      <button class="primary" data-test="desk-submit">${t('register')}</button>
    </form>`;
}
