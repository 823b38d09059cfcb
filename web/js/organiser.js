// The organiser's page: sign in with a named account, set up meetings, hand out role links, print or
// show the join QR code, keep the invitation list. What the account's role may not do is not offered
// (the server refuses it anyway).
import { html, render } from 'lit-html';
import { setup, t, pick, langButton, errorText } from './i18n.js';
import { dateVi, timeVi, dateTimeVi, scheduledAtVi } from './format.js';
import { Session, SESSION_STRINGS, isAdmin, everyCommune } from './session.js';

setup({
  ...SESSION_STRINGS,
  title: ['Tổ chức hội nghị đối thoại', 'Organise dialogue conferences'],
  noCommunes: ['Tài khoản này chưa được xem xã nào.', 'This account may not see any commune yet.'],
  readOnly: ['Chỉ xem: tài khoản của bạn không sửa được hội nghị.', 'Read only: your account cannot change meetings.'],
  communes: ['Xã', 'Commune'],
  newCommune: ['Thêm xã', 'Add a commune'],
  communeName: ['Tên xã', 'Commune name'],
  province: ['Tỉnh', 'Province'],
  add: ['Thêm', 'Add'],
  meetings: ['Các hội nghị', 'Meetings'],
  noMeetings: ['Chưa có hội nghị nào.', 'No meetings yet.'],
  newMeeting: ['Tạo hội nghị mới', 'New meeting'],
  edit: ['Sửa', 'Edit'],
  open: ['Mở', 'Open'],
  setupTitle: ['Thông tin hội nghị', 'Meeting setup'],
  kind: ['Hình thức', 'Kind'],
  kind_PERIODIC: ['Định kỳ', 'Periodic'],
  kind_THEMATIC: ['Chuyên đề', 'Thematic'],
  kind_EXTRAORDINARY: ['Đột xuất', 'Extraordinary'],
  meetingTitle: ['Tên hội nghị', 'Title'],
  topic: ['Chủ đề', 'Topic'],
  group: ['Đối tượng đối thoại', 'Group'],
  scheduledDate: ['Ngày (ngày/tháng/năm)', 'Date (dd/mm/yyyy)'],
  scheduledTime: ['Giờ (24 giờ, giờ Việt Nam)', 'Time (24-hour, Vietnam time)'],
  badDate: ['Ngày không đúng: hãy nhập theo dạng ngày/tháng/năm (dd/mm/yyyy), ví dụ 20/10/2026.', 'Not a date: type it as dd/mm/yyyy, e.g. 20/10/2026.'],
  badTime: ['Giờ không đúng: hãy nhập giờ:phút theo 24 giờ, ví dụ 14:30.', 'Not a time: type hours:minutes, 24-hour, e.g. 14:30.'],
  dateWithoutTime: ['Hãy nhập cả ngày và giờ, hoặc để trống cả hai.', 'Give both the date and the time, or neither.'],
  venue: ['Địa điểm', 'Venue'],
  chairs: ['Chủ trì (mỗi dòng một người)', 'Chairs (one per line)'],
  hostOffice: ['Cơ quan tham mưu', 'Host office'],
  steps: ['Chương trình, tiếng Việt (mỗi dòng một nội dung; để trống: 4 bước theo kế hoạch)', 'Program in Vietnamese (one step a line; empty: the 4 steps of the plan)'],
  stepsEn: ['Chương trình, tiếng Anh (không bắt buộc; cùng thứ tự, mỗi dòng một nội dung)', 'Program in English (optional; same order, one step a line)'],
  tooManyEnglishSteps: ['Chương trình tiếng Anh có nhiều dòng hơn tiếng Việt.', 'The English program has more lines than the Vietnamese one.'],
  rules: ['Quy định phát biểu', 'Speaking rules'],
  slotSeconds: ['Thời gian mỗi ý kiến (giây)', 'Time per speech (seconds)'],
  warningSeconds: ['Cảnh báo trước khi hết giờ (giây)', 'Warning before the end (seconds)'],
  perVillageCap: ['Số người tối đa mỗi thôn (0: không giới hạn)', 'Most speakers per village (0: no cap)'],
  invitesPerVillage: ['Số người mỗi thôn được mời (0: không giới hạn)', 'Most invited per village (0: no cap)'],
  firstTimersFirst: ['Ưu tiên người chưa phát biểu', 'First-time speakers first'],
  responseSeconds: ['Thời gian trả lời (giây)', 'Time per response (seconds)'],
  create: ['Tạo hội nghị', 'Create the meeting'],
  save: ['Lưu thay đổi', 'Save changes'],
  saved: ['Đã lưu.', 'Saved.'],
  created: ['Đã tạo hội nghị. Mã QR và các liên kết ở cột bên phải.', 'Meeting created. The QR code and the links are in the right-hand column.'],
  links: ['Liên kết theo vai trò', 'Role links'],
  linksOnce: ['Các liên kết chỉ hiện một lần: hãy sao chép và gửi cho đúng người.', 'The links are shown once: copy them and give each to the right person.'],
  linksHidden: ['Liên kết đã được cấp. Nếu bị mất, hãy cấp lại (liên kết cũ sẽ hết hiệu lực).', 'Links were issued. If lost, issue new ones (the old ones stop working).'],
  newLinks: ['Cấp lại liên kết', 'Issue new links'],
  confirmNewLinks: ['Cấp liên kết mới? Liên kết cũ sẽ không dùng được nữa.', 'Issue new links? The old ones will stop working.'],
  link_chair: ['Chủ trì', 'Chair'],
  link_secretary: ['Thư ký', 'Secretary'],
  link_display: ['Màn hình hội trường', 'Hall display'],
  link_door: ['Điểm danh tại cửa (điện thoại cán bộ)', 'Check-in at the door (staff phone)'],
  link_join: ['Người dân tham gia', 'Attendees join'],
  joinCode: ['Mã tham gia', 'Join code'],
  printQr: ['In mã QR', 'Print the QR code'],
  showQr: ['Hiện mã QR toàn màn hình', 'Show the QR code full screen'],
  close: ['Đóng', 'Close'],
  qrDialog: ['Mã QR tham gia hội nghị', 'The QR code to join'],
  scanToJoin: ['Quét mã để đăng ký phát biểu', 'Scan to register to speak'],
  invitations: ['Danh sách mời', 'Invitation list'],
  invitationsHelp: ['Đại biểu, và người các thôn, làng mời (mỗi thôn tối đa {0}). Mỗi người có một mã cá nhân để điểm danh tại cửa.',
    'Delegates, and the people each village invites (at most {0} per village). Each has a personal code to check in at the door.'],
  noCap: ['không giới hạn', 'no cap'],
  inviteKind: ['Loại', 'Kind'],
  kind_INVITEE: ['Người của thôn, làng', 'Village guest'],
  kind_DELEGATE: ['Đại biểu', 'Delegate'],
  inviteeName: ['Họ và tên', 'Full name'],
  inviteeTitle: ['Chức vụ', 'Title'],
  inviteeOffice: ['Cơ quan, đơn vị', 'Office'],
  inviteeVillage: ['Thôn, làng', 'Village'],
  invite: ['Thêm vào danh sách mời', 'Add to the list'],
  invited: ['Đã mời {0}, mã {1}', 'Invited {0}, code {1}'],
  uninvite: ['Hủy mời', 'Take back'],
  confirmUninvite: ['Hủy giấy mời của {0}?', 'Take back the invitation of {0}?'],
  checkedInAt: ['đã điểm danh {0}', 'checked in {0}'],
  delegates: ['Đại biểu', 'Delegates'],
  printInvitations: ['In giấy mời có mã QR', 'Print the invitations with QR codes'],
  minutesTitle: ['Biên bản', 'Minutes'],
  minutesLink: ['Biên bản hội nghị: xem, in, tải .docx', 'Minutes of the meeting: view, print, download .docx'],
  minutesStage_DRAFT: ['Dự thảo', 'Draft'],
  minutesStage_FINAL: ['Bản hoàn thiện, chờ phê duyệt', 'Final, waiting for approval'],
  minutesStage_APPROVED: ['Đã phê duyệt', 'Approved'],
  nobodyInvited: ['Chưa có ai được mời.', 'Nobody is invited yet.'],
  agenda: ['Kiến nghị đưa vào hội nghị', 'Petitions on the agenda'],
  agendaHelp: ['Chọn các kiến nghị của xã sẽ được đối thoại. Chủ trì và thư ký thấy bên cạnh người phát biểu lĩnh vực, cơ quan và trả lời cơ quan đã chuẩn bị; màn hình hội trường và điện thoại người dân không thấy.',
    'Choose the commune\'s petitions to be discussed. The chair and the secretary see beside a speaker the field, the office and the answer it prepared; the hall display and the phones do not.'],
  agendaEmpty: ['Chưa có kiến nghị nào trong chương trình.', 'No petition on the agenda yet.'],
  agendaSearch: ['Tìm kiến nghị (mã, nội dung, thôn, người gửi)', 'Find petitions (code, content, village, sender)'],
  find: ['Tìm', 'Find'],
  noneFound: ['Không tìm thấy kiến nghị nào.', 'No petition found.'],
  agendaSave: ['Lưu danh sách kiến nghị', 'Save the list of petitions'],
  agendaRefresh: ['Cập nhật trả lời chuẩn bị', 'Refresh the prepared answers'],
  agendaSaved: ['Đã lưu {0} kiến nghị vào chương trình.', '{0} petition(s) saved on the agenda.'],
  agendaRefreshed: ['Đã cập nhật trả lời chuẩn bị của {0} kiến nghị.', 'Prepared answers of {0} petition(s) refreshed.'],
  agendaUnsaved: ['Có thay đổi chưa lưu.', 'There are unsaved changes.'],
  hasPrepared: ['có trả lời chuẩn bị', 'answer prepared'],
  noPrepared: ['chưa có trả lời chuẩn bị', 'no answer prepared'],
  onAgenda: ['Trong chương trình ({0})', 'On the agenda ({0})'],
  notice: ['Thông báo kết luận', 'Notice of conclusions'],
  noticeHelp: ['Sau khi hội nghị kết thúc, công bố thông báo kết luận: người dân xem được tại trang công khai (không có tên, số điện thoại người phát biểu), màn hình hội trường và điện thoại dẫn đến trang đó.',
    'Once the meeting has closed, publish the notice of conclusions: people read it on the public page (no speaker\'s name or phone), and the hall display and the phones lead to it.'],
  noticeNotPublished: ['Chưa công bố.', 'Not published yet.'],
  noticePublishedOn: ['Đã công bố lúc {0}.', 'Published at {0}.'],
  noticePublish: ['Công bố thông báo kết luận', 'Publish the notice of conclusions'],
  noticeRepublish: ['Công bố lại (ghi ngày mới)', 'Publish again (with a new date)'],
  confirmPublish: ['Công bố thông báo kết luận? Mọi người có mã hội nghị đều xem được.', 'Publish the notice of conclusions? Anyone with the meeting code can read it.'],
  confirmRepublish: ['Công bố lại thông báo kết luận với các kết luận hiện tại và ngày hôm nay?', 'Publish the notice again, with the conclusions as they are now and today\'s date?'],
  noticePublished: ['Đã công bố thông báo kết luận.', 'The notice of conclusions is published.'],
  noticePage: ['Trang công khai', 'Public page'],
  noticeDocx: ['Tải thông báo (Word .docx)', 'Download the notice (Word .docx)'],
}, () => draw());

const session = new Session({ draw: () => draw(), signedIn: () => loadCommunes(), ended: forget });
let communes = [];
let communeId = null;
let meetings = [];
let meeting = null;      // {meeting, state} of the one opened, or {new: true}
let links = {};          // meetingId → links shown once
let message = null;      // {kind, text}
let bigQr = false;
let inviteKind = 'INVITEE';
let inviteMessage = null; // {kind, text} of the last change to the invitation list
let agendaPicked = null;  // the petitions ticked for the agenda, by id, until saved: null = as the meeting holds them
let agendaFound = null;   // the last search's petitions
let agendaMessage = null; // {kind, text} of the last save or search
let noticeMessage = null; // {kind, text} of the last publishing of the notice

const api = (method, path, body) => session.api(method, path, body);

/** What the signed-in account may do here; Caller.may on the server has the last word. */
const mayManageMeetings = () => isAdmin(session.account);
const mayCreateCommunes = () => isAdmin(session.account) && everyCommune(session.account);

/** The communes the account may read (the server leaves out the others). */
async function loadCommunes() {
  const answer = await api('GET', '/api/communes');
  if (!answer.ok) { draw(); return; }
  communes = answer.data || [];
  const kept = communes.some(c => c.id === communeId) ? communeId : null;
  await pickCommune(kept || (communes[0] && communes[0].id) || null);
}

async function pickCommune(id) {
  communeId = id;
  const answer = id ? await api('GET', `/api/communes/${id}/meetings`) : { ok: true, data: [] };
  meetings = answer.ok ? answer.data || [] : [];
  draw();
}

/** The last account's communes and meetings, gone with its session. */
function forget() {
  communes = [];
  communeId = null;
  meetings = [];
  meeting = null;
  links = {};
  message = null;
  bigQr = false;
}

async function addCommune(e) {
  e.preventDefault();
  const values = Object.fromEntries(new FormData(e.target));
  const answer = await api('POST', '/api/communes', values);
  if (answer.status === 401) return;
  if (!answer.ok) { message = { kind: 'error', text: errorText(answer.data) }; draw(); return; }
  e.target.reset();
  communes = [...communes, answer.data];
  await pickCommune(answer.data.id);
}

async function openMeeting(id) {
  const answer = await api('GET', `/api/meetings/${id}`);
  if (answer.status === 401) return;
  if (answer.ok) meeting = answer.data;
  message = answer.ok ? null : { kind: 'error', text: errorText(answer.data) };
  inviteMessage = null;
  agendaPicked = null;
  agendaFound = null;
  agendaMessage = null;
  noticeMessage = null;
  draw();
}

const lines = text => text.split('\n').map(l => l.trim()).filter(Boolean);

/** The form as the server's setup, or {error} with what to correct. */
function setupFrom(form) {
  const v = name => form.elements[name].value.trim();
  const when = scheduledAtVi(v('scheduledDate'), v('scheduledTime'));
  if (when.problem) return { error: t(when.problem) };
  const steps = programFrom(lines(v('steps')), lines(v('stepsEn')));
  if (steps.error) return steps;
  const setupValue = {
    kind: v('kind'), title: v('title'), topic: v('topic') || null, group: v('group') || null,
    scheduledAt: when.value,
    venue: v('venue') || null, chairs: lines(v('chairs')), hostOffice: v('hostOffice') || null,
    rules: {
      slotSeconds: Number(v('slotSeconds')), warningSeconds: Number(v('warningSeconds')),
      perVillageCap: Number(v('perVillageCap')), firstTimersFirst: form.elements.firstTimersFirst.checked,
      responseSeconds: Number(v('responseSeconds')), invitesPerVillage: Number(v('invitesPerVillage')),
    },
  };
  if (steps.value.length) setupValue.steps = steps.value;
  return { value: setupValue };
}


/** The steps in two languages, paired line by line; a missing English line repeats the Vietnamese. */
function programFrom(vi, en) {
  if (en.length > vi.length) return { error: t('tooManyEnglishSteps') };
  return { value: vi.map((text, i) => ({ vi: text, en: en[i] || text })) };
}

async function saveMeeting(e) {
  e.preventDefault();
  const checked = setupFrom(e.target);
  if (checked.error) { showError(checked.error); return; }
  const body = checked.value;
  const answer = meeting.new
    ? await api('POST', `/api/communes/${communeId}/meetings`, body)
    : await api('PUT', `/api/meetings/${meeting.meeting.id}/setup`, body);
  if (answer.status === 401) return;
  if (!answer.ok) { showError(errorText(answer.data)); return; }
  const created = meeting.new;
  const id = created ? answer.data.meetingId : meeting.meeting.id;
  if (created) links[id] = answer.data.links;
  await pickCommune(communeId);
  await openMeeting(id);
  message = { kind: 'ok', text: t(created ? 'created' : 'saved') };
  draw();
  // The form was long and its button at the bottom: bring the new QR code and links into sight.
  if (created) window.scrollTo(0, 0);
}

/** The message sits at the top of a long form whose button is at the bottom: bring it into sight. */
function showError(text) {
  message = { kind: 'error', text };
  draw();
  document.querySelector('[data-test=message]').scrollIntoView({ block: 'nearest' });
}

async function newLinks() {
  if (!confirm(t('confirmNewLinks'))) return;
  const answer = await api('POST', `/api/meetings/${meeting.meeting.id}/links`);
  if (answer.status === 401) return;
  if (answer.ok) links[meeting.meeting.id] = answer.data.links;
  else message = { kind: 'error', text: errorText(answer.data) };
  draw();
}

function draw() {
  const page = !session.known ? html`<header class="bar"><h1>${t('title')}</h1>${langButton()}</header>
      <p class="card narrow muted" role="status">${t('loading')}</p>`
    : session.account ? signedIn()
    : html`<header class="bar"><h1>${t('title')}</h1>${langButton()}</header>${session.signInForm()}`;
  render(page, document.getElementById('app'));
}

function signedIn() {
  return html`
    <header class="bar staff-bar no-print"><h1>${t('title')}</h1>
      <div class="bar-right">${session.bar(isAdmin(session.account) ? { href: '/accounts', test: 'accounts-link', label: 'accountsPage' } : null,
        { href: '/petitions', test: 'petitions-link', label: 'petitionsPage' },
        { href: '/followup', test: 'followup-link', label: 'followupPage' },
        { href: '/reports', test: 'reports-link', label: 'reportsPage' })}${langButton()}</div></header>
    ${session.passwordPanel()}
    <div class="organiser-grid">
      <section class="panel no-print">
        <h2 id="communes-title">${t('communes')}</h2>
        ${communes.length ? html`<select data-test="commune" aria-labelledby="communes-title" @change=${e => pickCommune(e.target.value)}>
          ${communes.map(c => html`<option value=${c.id} ?selected=${c.id === communeId}>${c.name}${c.province ? ' — ' + c.province : ''}</option>`)}
        </select>` : mayCreateCommunes() ? '' : html`<p class="muted" data-test="no-communes">${t('noCommunes')}</p>`}
        ${mayCreateCommunes() ? html`<form class="stack" data-test="commune-form" @submit=${addCommune}>
          <h3>${t('newCommune')}</h3>
          <label>${t('communeName')}<input name="name" required maxlength="200"></label>
          <label>${t('province')}<input name="province" maxlength="200"></label>
          <button>${t('add')}</button>
        </form>` : ''}
        <h2>${t('meetings')}</h2>
        ${meetings.length ? '' : html`<p class="muted">${t('noMeetings')}</p>`}
        <ul class="meetings" data-test="meetings">
          ${meetings.map(m => html`<li><button class="link" data-test="meeting" @click=${() => openMeeting(m.id)}>${m.title}</button>
            <div class="muted">${t('status_' + m.status)} · ${m.joinCode}${m.scheduledAt ? ' · ' + dateTimeVi(m.scheduledAt) : ''}</div></li>`)}
        </ul>
        ${communeId && mayManageMeetings() ? html`<button class="primary" data-test="new-meeting" @click=${() => { meeting = { new: true }; message = null; draw(); }}>${t('newMeeting')}</button>` : ''}
      </section>
      ${meeting ? html`<section class="panel wide no-print">${meeting.new ? '' : noticeView()}${setupForm()}${meeting.new ? '' : html`${agendaView()}${invitationsView()}`}</section>` : ''}
      ${meeting && !meeting.new ? html`<section class="panel">${joinPanel()}${minutesPanel()}</section>` : ''}
    </div>
    ${bigQr && meeting && !meeting.new ? qrOverlay() : ''}`;
}

function setupForm() {
  const s = meeting.new ? null : meeting.state.setup;
  const rules = s ? s.rules : { slotSeconds: 300, warningSeconds: 60, perVillageCap: 5, firstTimersFirst: true, responseSeconds: 300, invitesPerVillage: 5 };
  const key = meeting.new ? 'new' : meeting.meeting.id;
  const input = (name, value, attrs = {}) => html`<label>${t(attrs.label || name)}<input name=${name} .value=${value == null ? '' : String(value)}
      type=${attrs.type || 'text'} ?required=${attrs.required} min=${attrs.min ?? ''} max=${attrs.max ?? ''}
      placeholder=${attrs.placeholder ?? ''} maxlength=${attrs.maxlength ?? ''}></label>`;
  const when = s && s.scheduledAt;
  return html`
    <form class="stack" data-test="setup-form" data-key=${key} @submit=${saveMeeting}>
      <h2>${meeting.new ? t('newMeeting') : t('setupTitle')}</h2>
      ${message ? html`<p class=${message.kind} role="alert" data-test="message">${message.text}</p>` : ''}
      ${mayManageMeetings() ? '' : html`<p class="muted" data-test="read-only">${t('readOnly')}</p>`}
      <fieldset class="bare" ?disabled=${!mayManageMeetings()}>
        <label>${t('kind')}<select name="kind">${['PERIODIC', 'THEMATIC', 'EXTRAORDINARY'].map(k => html`<option value=${k} ?selected=${s ? s.kind === k : k === 'PERIODIC'}>${t('kind_' + k)}</option>`)}</select></label>
        ${input('title', s && s.title, { label: 'meetingTitle', required: true })}
        <div class="row">${input('topic', s && s.topic)}${input('group', s && s.group)}</div>
        <div class="row">
          ${input('scheduledDate', dateVi(when), { placeholder: 'dd/mm/yyyy', maxlength: 10 })}
          ${input('scheduledTime', timeVi(when), { placeholder: 'HH:MM', maxlength: 5 })}
        </div>
        ${input('venue', s && s.venue)}
        <label>${t('chairs')}<textarea name="chairs" rows="2" .value=${s ? s.chairs.join('\n') : ''}></textarea></label>
        ${input('hostOffice', s && s.hostOffice)}
        <label>${t('steps')}<textarea name="steps" rows="4" .value=${s ? s.steps.map(step => step.vi).join('\n') : ''}></textarea></label>
        <label>${t('stepsEn')}<textarea name="stepsEn" rows="4" lang="en" .value=${s ? s.steps.map(step => step.en).join('\n') : ''}></textarea></label>
        <fieldset><legend>${t('rules')}</legend>
          <div class="row">${input('slotSeconds', rules.slotSeconds, { type: 'number', min: 30, max: 3600 })}${input('warningSeconds', rules.warningSeconds, { type: 'number', min: 0, max: 3599 })}</div>
          <div class="row">${input('responseSeconds', rules.responseSeconds, { type: 'number', min: 30, max: 3600 })}${input('perVillageCap', rules.perVillageCap, { type: 'number', min: 0, max: 1000 })}</div>
          <div class="row">${input('invitesPerVillage', rules.invitesPerVillage, { type: 'number', min: 0, max: 1000 })}</div>
          <label class="check"><input type="checkbox" name="firstTimersFirst" .checked=${rules.firstTimersFirst}> ${t('firstTimersFirst')}</label>
        </fieldset>
      </fieldset>
      ${mayManageMeetings() ? html`<button class="primary" data-test="setup-submit">${meeting.new ? t('create') : t('save')}</button>` : ''}
    </form>`;
}

/** The invitation list: who is invited, with the code each checks in with; added and taken back here. */
function invitationsView() {
  const s = meeting.state;
  const cap = s.setup.rules.invitesPerVillage;
  const standing = s.invitations.filter(i => !i.removed);
  const delegate = inviteKind === 'DELEGATE';
  return html`
    <section data-test="invitations">
      <h2>${t('invitations')}</h2>
      <p class="muted">${t('invitationsHelp', cap || t('noCap'))}</p>
      <form class="stack" data-test="invite-form" @submit=${addInvitation}>
        ${inviteMessage ? html`<p class=${inviteMessage.kind} role="status" data-test="invite-message">${inviteMessage.text}</p>` : ''}
        <div class="row">
          <label>${t('inviteKind')}<select name="kind" data-test="invite-kind" @change=${e => { inviteKind = e.target.value; draw(); }}>
            ${['INVITEE', 'DELEGATE'].map(k => html`<option value=${k} ?selected=${k === inviteKind}>${t('kind_' + k)}</option>`)}</select></label>
          <label>${t('inviteeName')}<input name="name" maxlength="100" required data-test="invite-name"></label>
        </div>
        ${delegate
          ? html`<div class="row"><label>${t('inviteeTitle')}<input name="title" maxlength="200"></label>
              <label>${t('inviteeOffice')}<input name="office" maxlength="200"></label></div>`
          : html`<label>${t('inviteeVillage')}<input name="village" maxlength="100" required data-test="invite-village"></label>`}
        <button class="primary" data-test="invite-submit">${t('invite')}</button>
      </form>
      ${standing.length ? '' : html`<p class="muted">${t('nobodyInvited')}</p>`}
      ${invitationGroups(standing).map(g => html`
        <h3>${g.title} <span class="muted">(${g.people.length}${g.village && cap ? '/' + cap : ''})</span></h3>
        <ul class="invitation-list">${g.people.map(i => html`
          <li data-test="invitation"><span><strong>${i.name}</strong>${i.title || i.office ? html` <span class="muted">· ${[i.title, i.office].filter(Boolean).join(', ')}</span>` : ''}</span>
            <span><code data-test="invitation-code">${i.code}</code>
              ${i.checkedInAt ? html`<span class="muted">${t('checkedInAt', timeVi(i.checkedInAt))}</span>`
                : html`<button class="small danger" data-test="uninvite" @click=${() => removeInvitation(i)}>${t('uninvite')}</button>`}</span>
          </li>`)}</ul>`)}
      <p><a href="/invitations#meeting=${meeting.meeting.id}" data-test="print-invitations">${t('printInvitations')}</a></p>
    </section>`;
}

/** The agenda as ticked: the meeting's, until the organiser changes it. */
function picked() {
  if (!agendaPicked) {
    agendaPicked = new Map((meeting.state.agenda || []).map(a => [a.petitionId, { id: a.petitionId, trackingCode: a.trackingCode,
      village: a.village, field: a.field, officeName: a.officeName, prepared: !!a.preparedAnswer }]));
  }
  return agendaPicked;
}

const savedIds = () => (meeting.state.agenda || []).map(a => a.petitionId);

/**
 * The petitions the chair will have in hand: found in the commune's list, ticked, saved. Saving again
 * (or "refresh") copies the offices' latest drafts, which they keep writing until the meeting.
 */
function agendaView() {
  const chosen = [...picked().values()];
  const unsaved = chosen.map(p => p.id).join() !== savedIds().join();
  const manage = mayManageMeetings() && meeting.state.status !== 'CLOSED';
  const tick = (p, on) => {
    if (on) picked().set(p.id, p); else picked().delete(p.id);
    draw();
  };
  const line = (p, extra) => html`<li data-test="agenda-item"><label class="check">
      ${manage ? html`<input type="checkbox" .checked=${picked().has(p.id)} @change=${e => tick(p, e.target.checked)}
        data-test="agenda-tick" data-code=${p.trackingCode}>` : ''}
      <span><span class="code">${p.trackingCode}</span> · ${p.field || ''}${p.village ? ' · ' + p.village : ''}
        <span class="muted">· ${p.officeName || ''} ${extra}</span></span></label></li>`;
  return html`
    <section data-test="agenda">
      <h2>${t('agenda')}</h2>
      <p class="muted">${t('agendaHelp')}</p>
      ${agendaMessage ? html`<p class=${agendaMessage.kind} role="status" data-test="agenda-message">${agendaMessage.text}</p>` : ''}
      <h3>${t('onAgenda', chosen.length)}</h3>
      ${chosen.length ? html`<ul class="agenda-list" data-test="agenda-list">${chosen.map(p => line(p, p.prepared ? '· ' + t('hasPrepared') : p.prepared === false ? '· ' + t('noPrepared') : ''))}</ul>`
        : html`<p class="muted">${t('agendaEmpty')}</p>`}
      ${manage ? html`
        <div class="actions">
          <button class="primary" data-test="agenda-save" ?disabled=${!unsaved} @click=${() => saveAgenda(chosen.map(p => p.id), 'agendaSaved')}>${t('agendaSave')}</button>
          <button data-test="agenda-refresh" ?disabled=${unsaved || !savedIds().length} @click=${() => saveAgenda(savedIds(), 'agendaRefreshed')}>${t('agendaRefresh')}</button>
          ${unsaved ? html`<span class="muted" data-test="agenda-unsaved">${t('agendaUnsaved')}</span>` : ''}
        </div>
        <form class="row agenda-search" data-test="agenda-search" @submit=${findPetitions}>
          <label>${t('agendaSearch')}<input type="search" name="q" maxlength="200" data-test="agenda-q"></label>
          <button data-test="agenda-find">${t('find')}</button>
        </form>
        ${agendaFound ? agendaFound.length
          ? html`<ul class="agenda-list" data-test="agenda-found">${agendaFound.map(p => line(p, p.status ? '· ' + p.status : ''))}</ul>`
          : html`<p class="muted">${t('noneFound')}</p>` : ''}` : ''}
    </section>`;
}

/** For a closed meeting: publish the notice of conclusions (again), its public page and its .docx. */
function noticeView() {
  const s = meeting.state;
  if (s.status !== 'CLOSED') return '';
  const m = meeting.meeting;
  const url = `${location.origin}/thong-bao/${m.joinCode}`;
  return html`
    <section data-test="notice-section">
      <h2>${t('notice')}</h2>
      <p class="muted">${t('noticeHelp')}</p>
      ${noticeMessage ? html`<p class=${noticeMessage.kind} role="status" data-test="notice-message">${noticeMessage.text}</p>` : ''}
      <p data-test="notice-state">${s.noticePublishedAt ? t('noticePublishedOn', dateTimeVi(s.noticePublishedAt)) : t('noticeNotPublished')}</p>
      ${s.noticePublishedAt ? html`<p>${t('noticePage')}: <a href=${url} target="_blank" rel="noopener" data-test="notice-page">${url}</a></p>` : ''}
      <div class="actions">
        ${mayManageMeetings() ? html`<button class="primary" data-test="notice-publish" @click=${publishNotice}>${t(s.noticePublishedAt ? 'noticeRepublish' : 'noticePublish')}</button>` : ''}
        <a href="/api/meetings/${m.id}/notice.docx" data-test="notice-docx">${t('noticeDocx')}</a>
      </div>
    </section>`;
}

async function publishNotice() {
  if (!confirm(t(meeting.state.noticePublishedAt ? 'confirmRepublish' : 'confirmPublish'))) return;
  const answer = await api('POST', `/api/meetings/${meeting.meeting.id}/notice`);
  if (answer.status === 401) return;
  noticeMessage = answer.ok ? { kind: 'ok', text: t('noticePublished') } : { kind: 'error', text: errorText(answer.data) };
  await reloadMeeting();
}

let fieldLabels = null; // field code → its Vietnamese label, as the agenda keeps it

async function findPetitions(e) {
  e.preventDefault();
  const q = new FormData(e.target).get('q').trim();
  if (!fieldLabels) {
    const options = await api('GET', '/api/public/petition-options');
    fieldLabels = new Map(options.ok ? options.data.fields.map(f => [f.code, f.vi]) : []);
  }
  const answer = await api('GET', `/api/communes/${communeId}/petitions?q=${encodeURIComponent(q)}`);
  if (answer.status === 401) return;
  if (!answer.ok) { agendaMessage = { kind: 'error', text: errorText(answer.data) }; draw(); return; }
  agendaFound = answer.data.petitions.map(p => ({ id: p.id, trackingCode: p.trackingCode, village: p.village,
    field: fieldLabels.get(p.fieldCode) || p.fieldCode, officeName: p.officeName, status: pick(p.statusLabel) }));
  agendaMessage = null;
  draw();
}

async function saveAgenda(ids, said) {
  const answer = await api('PUT', `/api/meetings/${meeting.meeting.id}/agenda`, { petitionIds: ids });
  if (answer.status === 401) return;
  if (!answer.ok) { agendaMessage = { kind: 'error', text: errorText(answer.data) }; draw(); return; }
  agendaMessage = { kind: 'ok', text: t(said, answer.data.items.length) };
  agendaPicked = null;
  await reloadMeeting();
}

const collator = new Intl.Collator('vi');

/** Delegates first, then the villages in Vietnamese order, names in Vietnamese order within each. */
function invitationGroups(invitations) {
  const byVillage = new Map();
  for (const i of invitations) {
    const key = i.kind === 'DELEGATE' ? '' : i.village;
    byVillage.set(key, [...(byVillage.get(key) || []), i]);
  }
  return [...byVillage.entries()]
    .sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : collator.compare(a, b)))
    .map(([key, people]) => ({ title: key === '' ? t('delegates') : key, village: key !== '', people: people.sort((a, b) => collator.compare(a.name, b.name)) }));
}

async function addInvitation(e) {
  e.preventDefault();
  const form = e.target;
  const values = Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, v.trim()]).filter(([, v]) => v));
  const answer = await api('POST', `/api/meetings/${meeting.meeting.id}/invitations`, values);
  if (!answer.ok) { inviteMessage = { kind: 'error', text: errorText(answer.data) }; draw(); return; }
  // The village stays: a village's people are usually typed one after another.
  for (const field of ['name', 'title', 'office']) if (form.elements[field]) form.elements[field].value = '';
  inviteMessage = { kind: 'ok', text: t('invited', values.name, answer.data.code) };
  await reloadMeeting();
  form.elements.name.focus();
}

async function removeInvitation(invitation) {
  if (!confirm(t('confirmUninvite', invitation.name))) return;
  const answer = await api('DELETE', `/api/meetings/${meeting.meeting.id}/invitations/${invitation.id}`);
  inviteMessage = answer.ok ? null : { kind: 'error', text: errorText(answer.data) };
  await reloadMeeting();
}

/** The meeting's state again, keeping the messages on the page. */
async function reloadMeeting() {
  const answer = await api('GET', `/api/meetings/${meeting.meeting.id}`);
  if (answer.ok) meeting = answer.data;
  draw();
}

function joinPanel() {
  const m = meeting.meeting;
  const shown = links[m.id];
  return html`
    <div class="print-card">
      <h2 class="print-only">${meeting.state.setup.title}</h2>
      <img class="qr" src="/qr/${m.joinCode}.svg" alt="QR" data-test="qr">
      <p class="print-only">${t('scanToJoin')}</p>
      <div>${t('joinCode')}: <strong class="join-code-inline" data-test="join-code">${m.joinCode}</strong></div>
      <div class="muted">${location.origin}/j/${m.joinCode}</div>
    </div>
    <div class="actions no-print">
      <button data-test="print-qr" @click=${() => window.print()}>${t('printQr')}</button>
      <button data-test="show-qr" @click=${openQr}>${t('showQr')}</button>
    </div>
    <div class="no-print">
      <h2>${t('links')}</h2>
      ${shown ? html`<p class="muted">${t('linksOnce')}</p>
        <dl class="links" data-test="links">${Object.entries(shown).map(([role, url]) => html`
          <dt id="link-label-${role}">${t('link_' + role)}</dt><dd><input readonly .value=${url} data-test="link-${role}"
            aria-labelledby="link-label-${role}" @focus=${e => e.target.select()}></dd>`)}</dl>`
        : html`<p class="muted">${t('linksHidden')}</p>`}
      ${mayManageMeetings() ? html`<button class="danger" data-test="new-links" @click=${newLinks}>${t('newLinks')}</button>` : ''}
    </div>`;
}

/** The minutes, from the record: a draft while the meeting runs, then final and approved on the consoles. */
function minutesPanel() {
  const stage = (meeting.state.minutesSignOff || { stage: 'DRAFT' }).stage;
  return html`
    <div class="no-print" data-test="minutes-panel">
      <h2>${t('minutesTitle')}</h2>
      <p><a href="/minutes#meeting=${meeting.meeting.id}" data-test="minutes-link">${t('minutesLink')}</a>
        <span class="pill" data-test="minutes-stage">${t('minutesStage_' + stage)}</span></p>
    </div>`;
}

// The code for the hall's projector or the laptop's own screen: everything fits the window (a 1366×768
// laptop included), the close button stays in sight, and a click anywhere or Escape closes it.
function qrOverlay() {
  const m = meeting.meeting;
  return html`<div class="overlay" role="dialog" aria-modal="true" aria-label=${t('qrDialog')} data-test="qr-overlay" @click=${closeQr}>
    <img src="/qr/${m.joinCode}.svg" alt="QR">
    <div class="overlay-code" data-test="qr-join-code">${m.joinCode}</div>
    <div class="overlay-text">${t('scanToJoin')}</div>
    <button type="button" data-test="qr-close">${t('close')}</button></div>`;
}

function openQr() {
  bigQr = true;
  draw();
  document.querySelector('[data-test=qr-close]').focus();
}

function closeQr() {
  bigQr = false;
  draw();
}

document.addEventListener('keydown', e => { if (e.key === 'Escape' && bigQr) closeQr(); });

draw();
session.start().then(signedIn => signedIn ? loadCommunes() : draw());
