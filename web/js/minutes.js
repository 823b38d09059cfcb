// The minutes of a meeting to read and print on A4 (/minutes#meeting=<id>), laid out as the .docx:
// Decree 30/2020/NĐ-CP's header block, the sections, the signatures, the addenda and the record's
// check code. Everything in the document comes worded from the server (GET /api/meetings/:id/minutes),
// so the page and the .docx say the same; the document is Vietnamese, the page's controls are in
// both languages. Opened from the organiser's page and from the chair's and secretary's consoles
// once the meeting is closed; signed in with a staff account like the organiser's page.
import { html, render } from 'lit-html';
import { setup, t, langButton, errorText, currentLang } from './i18n.js';
import { Session, SESSION_STRINGS } from './session.js';

setup({
  ...SESSION_STRINGS,
  title: ['Biên bản hội nghị', 'Minutes of the meeting'],
  print: ['In biên bản', 'Print the minutes'],
  download: ['Tải bản Word (.docx)', 'Download as Word (.docx)'],
  back: ['← Trang tổ chức', '← Organiser page'],
  noMeeting: ['Thiếu mã hội nghị trong địa chỉ trang.', 'The page address has no meeting id.'],
  onlyVietnamese: ['', 'The minutes are an official document in Vietnamese; only this page\u2019s controls are translated.'],
  stage_DRAFT: ['Dự thảo: thư ký còn ghi và sửa', 'Draft: the secretary still writes and corrects it'],
  stage_FINAL: ['Bản hoàn thiện: chờ chủ trì phê duyệt', 'Final: waiting for the chair\u2019s approval'],
  stage_APPROVED: ['Đã phê duyệt: biên bản đã khóa, sửa đổi bằng phụ lục', 'Approved: locked; corrections go in addenda'],
}, () => draw());

const meetingId = new URLSearchParams(location.hash.slice(1)).get('meeting');
const session = new Session({ draw: () => draw(), signedIn: () => load(), ended: () => { minutes = null; } });
let minutes = null;
let problem = null; // the server's {code, message}, or a page text as () => text

async function load() {
  if (!meetingId) { problem = () => t('noMeeting'); draw(); return; }
  const answer = await session.api('GET', `/api/meetings/${encodeURIComponent(meetingId)}/minutes`);
  if (answer.status === 401) return;
  if (answer.ok) { minutes = answer.data; problem = null; } else { problem = answer.data; }
  draw();
}

function draw() {
  const signedIn = !!session.account;
  render(html`
    <header class="bar no-print"><h1>${t('title')}</h1>
      <div class="bar-right">
        ${signedIn ? html`<a class="bar-link" href="/organiser">${t('back')}</a>` : ''}
        ${minutes ? html`
          <button type="button" data-test="print" @click=${() => window.print()}>${t('print')}</button>
          <a class="bar-link" data-test="download" href="/api/meetings/${encodeURIComponent(meetingId)}/minutes.docx">${t('download')}</a>` : ''}
        ${langButton()}</div></header>
    ${!session.known ? html`<p class="card muted no-print">${t('loading')}</p>`
      : !signedIn ? session.signInForm()
      : problem ? html`<p class="card error no-print" role="alert" data-test="problem">${typeof problem === 'function' ? problem() : errorText(problem)}</p>`
      : minutes ? html`
        <p class="minutes-status no-print" role="status" data-test="stage">${t('stage_' + minutes.version.stage)}
          ${currentLang() === 'en' ? html`<span class="muted"> — ${t('onlyVietnamese')}</span>` : ''}</p>
        ${paper(minutes)}`
      : html`<p class="card muted no-print">${t('loading')}</p>`}`, document.getElementById('app'));
}

const blank = '…………………………';

/** The document itself, in Vietnamese, as the .docx prints it. */
function paper(m) {
  const s = m.session;
  return html`
    <article class="paper" lang="vi" data-test="paper">
      <table class="doc-header" data-test="doc-header"><tbody>
        <tr>
          <td class="issuer">${m.heading.issuingBody.split('\n').map(line => html`<div>${line.toLocaleUpperCase('vi')}</div>`)}<hr></td>
          <td class="motto"><div class="state">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>
            <div class="slogan">Độc lập - Tự do - Hạnh phúc</div><hr></td>
        </tr>
        <tr><td></td><td class="place-date" data-test="place-date">${m.heading.placeAndDate}</td></tr>
      </tbody></table>
      <p class="version" data-test="version">${m.version.mark}</p>
      <h1 class="doc-title">BIÊN BẢN<span class="subject">${m.heading.subject}</span></h1>
      <hr class="title-rule">

      <h2>I. THỜI GIAN, ĐỊA ĐIỂM, HÌNH THỨC</h2>
      ${labelled('Thời gian', s.time)}${labelled('Địa điểm', s.venue)}${labelled('Hình thức', s.form)}
      ${s.topic ? labelled('Chủ đề', s.topic) : ''}${s.group ? labelled('Đối tượng đối thoại', s.group) : ''}

      <h2>II. THÀNH PHẦN</h2>
      ${labelled('Chủ trì', s.chairs.length ? s.chairs.join('; ') : null)}${labelled('Thư ký', s.secretary)}
      ${s.hostOffice ? labelled('Cơ quan chủ trì tham mưu', s.hostOffice) : ''}
      ${m.attendance.lines.map(line => html`<p class="body">${line}</p>`)}
      ${m.attendance.delegates.length ? html`<p class="body">Đại biểu có mặt:</p>
        ${table(['STT', 'Họ và tên', 'Chức vụ', 'Cơ quan, đơn vị'], m.attendance.delegates.map((d, i) => [i + 1, d.name, d.title, d.office]), 'delegates')}` : ''}

      <h2>III. CHƯƠNG TRÌNH HỘI NGHỊ</h2>
      ${m.program.map((step, i) => html`<p class="body">${i + 1}. ${step}</p>`)}

      <h2>IV. DIỄN BIẾN HỘI NGHỊ</h2>
      <h3>1. Ý kiến phát biểu của Nhân dân</h3>
      ${m.speeches.length ? table(['STT', 'Người phát biểu', 'Thôn, tổ chức', 'Nội dung', 'Bắt đầu', 'Thời lượng'],
        m.speeches.map(x => [x.number, x.speaker, x.village, [x.topic, x.summary], x.start, x.length]), 'speeches')
        : html`<p class="body">Không có ý kiến phát biểu.</p>`}
      <h3>2. Trả lời, giải trình của lãnh đạo và cơ quan chuyên môn</h3>
      ${m.answers.length ? table(['STT', 'Người trả lời', 'Chức vụ, cơ quan', 'Trả lời ý kiến số', 'Bắt đầu', 'Thời lượng'],
        m.answers.map(a => [a.number, a.responder, a.office, a.answers, a.start, a.length]), 'answers')
        : html`<p class="body">Không có phần trả lời riêng.</p>`}
      <h3>3. Ghi chép của thư ký</h3>
      ${m.notes.length ? m.notes.map(n => html`<p class="body note" data-test="note">${n.at}${n.about ? ` (${n.about})` : ''}: ${n.text}</p>`)
        : html`<p class="body">Không có.</p>`}
      <h3>4. Từ chối, dừng phát biểu</h3>
      ${m.refusals.length ? table(['STT', 'Họ và tên', 'Thôn, tổ chức', 'Hình thức', 'Lý do'],
        m.refusals.map(r => [r.number, r.name, r.village, r.what, r.grounds]), 'refusals')
        : html`<p class="body">Không có.</p>`}

      <h2>V. KẾT LUẬN CỦA CHỦ TRÌ</h2>
      ${m.conclusions.length ? table(['STT', 'Nội dung kết luận', 'Hình thức', 'Cơ quan thực hiện', 'Thời hạn'],
        m.conclusions.map(c => [c.number, [c.text, c.speeches], c.outcome, c.office, c.deadline]), 'conclusions')
        : html`<p class="body">Không có kết luận nào được ghi.</p>`}
      ${m.closing ? html`<p class="body">${m.closing}</p>` : ''}

      <table class="signatures" data-test="signatures"><tbody><tr>
        <td><div class="sign-title">THƯ KÝ</div><div class="sign-name">${m.signatures.secretary || ''}</div></td>
        <td><div class="sign-title">CHỦ TRÌ</div><div class="sign-name">${m.signatures.chair || ''}</div></td>
      </tr></tbody></table>

      ${m.addenda.map(a => html`<section class="addendum" data-test="addendum"><h2>${a.heading} (${a.by})</h2><p class="body">${a.text}</p></section>`)}
      <p class="check-code" data-test="check-code"><em>Mã kiểm tra biên bản: </em>${m.checkCode || 'chưa có (hội nghị chưa bế mạc)'}</p>
    </article>`;
}

function labelled(label, value) {
  return html`<p class="body"><strong>${label}:</strong> ${value || blank}</p>`;
}

/** A ruled table; a cell given as a list is its lines (the empty ones left out). */
function table(headers, rows, test) {
  const cell = value => Array.isArray(value)
    ? value.filter(Boolean).map((line, i) => html`${i ? html`<br>` : ''}${line}`)
    : value == null ? '' : String(value);
  return html`
    <table class="doc-table ${test}" data-test=${test}>
      <thead><tr>${headers.map(h => html`<th scope="col">${h}</th>`)}</tr></thead>
      <tbody>${rows.map(row => html`<tr>${row.map(value => html`<td>${cell(value)}</td>`)}</tr>`)}</tbody>
    </table>`;
}

draw();
session.start().then(signedIn => (signedIn ? load() : draw()));
