// The minutes' sign-off on the consoles once the meeting is closed (docs/protocol.md): the secretary
// finalises the text ("Hoàn thành biên bản") or takes it back to the draft with a reason, the chair
// approves the final text ("Phê duyệt biên bản"); once approved, both may add a dated addendum. Each
// step asks for a confirmation; the server decides, and the state's minutesSignOff says where they are.
import { html } from 'lit-html';
import { t } from './i18n.js';
import { dateVi } from './format.js';
import { submitForm } from './forms.js';

export const SIGNOFF_STRINGS = {
  minutesDoc: ['Biên bản hội nghị', 'Minutes of the meeting'],
  openMinutes: ['Xem, in, tải biên bản', 'View, print, download the minutes'],
  signOff_DRAFT: ['Dự thảo', 'Draft'],
  signOff_FINAL: ['Bản hoàn thiện — chờ chủ trì phê duyệt', 'Final — waiting for the chair\u2019s approval'],
  signOff_APPROVED: ['Đã phê duyệt', 'Approved'],
  finalisedBy: ['Thư ký {0} hoàn thành ngày {1}', 'Finalised by the secretary {0} on {1}'],
  approvedBy: ['Chủ trì {0} phê duyệt ngày {1}', 'Approved by the chair {0} on {1}'],
  reopenedBecause: ['Đã mở lại để sửa: {0}', 'Reopened for corrections: {0}'],
  secretaryName: ['Họ tên thư ký (ký biên bản)', 'Secretary\u2019s full name (signs the minutes)'],
  chairName: ['Họ tên người chủ trì (ký biên bản)', 'Chair\u2019s full name (signs the minutes)'],
  finalise: ['Hoàn thành biên bản', 'Finalise the minutes'],
  confirmFinalise: ['Hoàn thành biên bản? Sau đó chỉ sửa được khi mở lại, và chủ trì sẽ phê duyệt.',
    'Finalise the minutes? They can then be corrected only after reopening them, and the chair approves them.'],
  reopenReason: ['Lý do mở lại', 'Why reopen'],
  reopen: ['Mở lại để sửa', 'Reopen to correct'],
  approve: ['Phê duyệt biên bản', 'Approve the minutes'],
  confirmApprove: ['Phê duyệt biên bản? Biên bản sẽ bị khóa; sửa đổi sau đó ghi thành phụ lục.',
    'Approve the minutes? They will be locked; later corrections become addenda.'],
  waitingForSecretary: ['Thư ký chưa hoàn thành biên bản.', 'The secretary has not finalised the minutes yet.'],
  addendum: ['Phụ lục biên bản', 'Addendum to the minutes'],
  addendumText: ['Nội dung sửa đổi, bổ sung', 'What is corrected or added'],
  addAddendum: ['Thêm phụ lục', 'Add the addendum'],
  addendumLine: ['Phụ lục ngày {0}', 'Addendum of {0}'],
  by_CHAIR: ['Chủ trì', 'Chair'],
  by_SECRETARY: ['Thư ký', 'Secretary'],
  lockedHelp: ['Biên bản đã hoàn thành: các dòng, kết luận và nội dung đăng ký không sửa được nữa.',
    'The minutes are final: lines, conclusions and registrations can no longer change.'],
  ack_FinaliseMinutes: ['Đã hoàn thành biên bản', 'Minutes finalised'],
  ack_ReopenMinutes: ['Đã mở lại biên bản', 'Minutes reopened'],
  ack_ApproveMinutes: ['Đã phê duyệt biên bản', 'Minutes approved'],
  ack_AddMinutesAddendum: ['Đã thêm phụ lục', 'Addendum added'],
};

/** Whether the minutes are still a draft: lines, conclusions and registrations may change. */
export const minutesOpen = s => !s.minutesSignOff || s.minutesSignOff.stage === 'DRAFT';

/** The sign-off panel of a closed meeting; {@code role}: 'SECRETARY' or 'CHAIR'. */
export function signOffView(conn, s, role, report) {
  const o = s.minutesSignOff;
  const meetingId = conn.welcome && conn.welcome.meetingId;
  const confirmed = (key, command, shape) => e => {
    e.preventDefault();
    if (confirm(t(key))) submitForm(e, conn, command, shape, report);
  };
  return html`
    <section class="sign-off" data-test="sign-off">
      <h2>${t('minutesDoc')}</h2>
      <p><span class="pill stage-${o.stage.toLowerCase()}" data-test="minutes-stage">${t('signOff_' + o.stage)}</span></p>
      ${o.finalisedAt ? html`<p class="muted" data-test="finalised-by">${t('finalisedBy', o.secretary, dateVi(o.finalisedAt))}</p>` : ''}
      ${o.approvedAt ? html`<p class="muted" data-test="approved-by">${t('approvedBy', o.chair, dateVi(o.approvedAt))}</p>` : ''}
      ${o.stage === 'DRAFT' && o.reopenedBecause ? html`<p class="muted" data-test="reopened-because">${t('reopenedBecause', o.reopenedBecause)}</p>` : ''}
      ${meetingId ? html`<p><a href="/minutes#meeting=${encodeURIComponent(meetingId)}" target="_blank" rel="noopener"
        data-test="minutes-link">${t('openMinutes')}</a></p>` : ''}
      ${role === 'SECRETARY' && o.stage === 'DRAFT' ? html`
        <form class="stack" data-test="finalise-form" @submit=${confirmed('confirmFinalise', 'FinaliseMinutes')}>
          <label>${t('secretaryName')}<input name="secretary" maxlength="100" required autocomplete="name" .value=${o.secretary || ''}
            data-test="secretary-name"></label>
          <button class="primary" data-test="finalise">${t('finalise')}</button>
        </form>` : ''}
      ${role === 'SECRETARY' && o.stage === 'FINAL' ? html`
        <p class="muted">${t('lockedHelp')}</p>
        <form class="stack" data-test="reopen-form" @submit=${e => submitForm(e, conn, 'ReopenMinutes', null, report)}>
          <label>${t('reopenReason')}<input name="reason" maxlength="500" required data-test="reopen-reason"></label>
          <button data-test="reopen">${t('reopen')}</button>
        </form>` : ''}
      ${role === 'CHAIR' && o.stage === 'DRAFT' ? html`<p class="muted" data-test="waiting-for-secretary">${t('waitingForSecretary')}</p>` : ''}
      ${role === 'CHAIR' && o.stage === 'FINAL' ? html`
        <form class="stack" data-test="approve-form" @submit=${confirmed('confirmApprove', 'ApproveMinutes')}>
          <label>${t('chairName')}<input name="chair" maxlength="100" required autocomplete="name" data-test="chair-name"></label>
          <button class="primary" data-test="approve">${t('approve')}</button>
        </form>` : ''}
      ${o.stage === 'APPROVED' ? html`
        ${o.addenda.length ? html`<ol class="addenda" data-test="addenda">${o.addenda.map(a => html`
          <li><strong>${t('addendumLine', dateVi(a.at))}</strong> <span class="muted">(${t('by_' + a.by)})</span>
            <div class="text">${a.text}</div></li>`)}</ol>` : ''}
        <form class="stack" data-test="addendum-form" @submit=${e => submitForm(e, conn, 'AddMinutesAddendum', null, report)}>
          <label>${t('addendumText')}<textarea name="text" rows="3" maxlength="5000" required data-test="addendum-text"></textarea></label>
          <button data-test="addendum-submit">${t('addAddendum')}</button>
        </form>` : ''}
    </section>`;
}
