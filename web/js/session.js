// Signing in with a named account, shared by the staff pages (organiser, accounts, petitions). The session is an
// HttpOnly cookie the browser sends by itself: no script holds a secret. Any 401 after the sign-in
// means the session is over (signed out elsewhere, expired, account disabled): the page goes back to
// the sign-in form and says so.
import { html } from 'lit-html';
import { t, errorText, langButton } from './i18n.js';

export const ROLES = ['ADMIN', 'OFFICE_STAFF', 'FRONT_STAFF', 'UPPER_VIEWER'];

export const SESSION_STRINGS = {
  login: ['Tên đăng nhập', 'Login'],
  password: ['Mật khẩu', 'Password'],
  signIn: ['Đăng nhập', 'Sign in'],
  signOut: ['Đăng xuất', 'Sign out'],
  signInTitle: ['Đăng nhập cho cán bộ', 'Staff sign-in'],
  firstTime: ['Lần đầu: đăng nhập bằng tài khoản admin với mật khẩu người tổ chức in ra khi máy chủ khởi động lần đầu',
    'First time: sign in as admin with the organiser secret printed when the server first started'],
  sessionEnded: ['Phiên đăng nhập đã kết thúc. Hãy đăng nhập lại.', 'Your session has ended. Please sign in again.'],
  unreachable: ['Không kết nối được máy chủ; hãy thử lại.', 'Cannot reach the server; try again.'],
  loading: ['Đang tải…', 'Loading…'],
  changePassword: ['Đổi mật khẩu', 'Change password'],
  currentPassword: ['Mật khẩu hiện tại', 'Current password'],
  newPassword: ['Mật khẩu mới (ít nhất 10 ký tự)', 'New password (at least 10 characters)'],
  repeatPassword: ['Nhập lại mật khẩu mới', 'New password again'],
  passwordsDiffer: ['Hai lần nhập mật khẩu mới không giống nhau.', 'The two new passwords differ.'],
  passwordChanged: ['Đã đổi mật khẩu.', 'Password changed.'],
  cancel: ['Hủy', 'Cancel'],
  meetingsPage: ['Hội nghị', 'Meetings'],
  accountsPage: ['Tài khoản và cơ quan', 'Accounts and offices'],
  petitionsPage: ['Kiến nghị', 'Petitions'],
  followupPage: ['Theo dõi kết luận', 'Follow-up of conclusions'],
  reportsPage: ['Báo cáo', 'Reports'],
  role_ADMIN: ['Quản trị', 'Administrator'],
  role_OFFICE_STAFF: ['Cán bộ cơ quan', 'Office staff'],
  role_FRONT_STAFF: ['Cán bộ Mặt trận', 'Front staff'],
  role_UPPER_VIEWER: ['Cấp trên (chỉ xem)', 'Upper level (read only)'],
};

/** A message of this page in the server's shape, so that it follows the language switch like the server's. */
const said = key => ({ message: { vi: SESSION_STRINGS[key][0], en: SESSION_STRINGS[key][1] } });

/** Whether the account runs its commune's office work (accounts, offices, meetings); the server decides anyway. */
export const isAdmin = account => !!account && account.role === 'ADMIN';

/** Whether the account reaches every commune (the district or province level). */
export const everyCommune = account => !!account && account.communeId == null;

export class Session {
  /**
   * {@code draw}: redraws the page; {@code signedIn}: loads what the account sees; {@code ended}: forgets
   * what the page loaded for the last account.
   */
  constructor({ draw, signedIn, ended }) {
    this.draw = draw;
    this.signedIn = signedIn;
    this.ended = ended;
    this.account = null;   // the signed-in account, null when signed out
    this.known = false;    // whether the server has said who is there
    this.error = null;     // the sign-in form's error or notice, as the server's {code, message}
    this.passwordOpen = false;
    this.passwordProblem = null;
    this.passwordDone = false;
  }

  /** A JSON request; {ok, status, data}. A 401 ends the session on this page. */
  async api(method, path, body) {
    let response;
    try {
      response = await fetch(path, {
        method,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      return { ok: false, status: 0, data: said('unreachable') };
    }
    const data = response.status === 204 ? null : await response.json().catch(() => null);
    if (response.status === 401 && this.account) this.lost();
    return { ok: response.ok, status: response.status, data };
  }

  /** Asks the server who is signed in on this browser; true when someone is. */
  async start() {
    const answer = await this.api('GET', '/api/session');
    this.known = true;
    this.account = answer.ok && answer.data ? answer.data.account || null : null;
    return !!this.account;
  }

  lost() {
    this.account = null;
    this.passwordOpen = false;
    this.error = said('sessionEnded');
    this.ended();
    this.draw();
  }

  async signIn(e) {
    e.preventDefault();
    const values = Object.fromEntries(new FormData(e.target));
    const answer = await this.api('POST', '/api/session', { login: values.login.trim(), password: values.password });
    if (!answer.ok) {
      this.error = answer.data && answer.data.message ? answer.data : said('unreachable');
      this.draw();
      e.target.elements.password.value = '';
      e.target.elements.password.focus();
      return;
    }
    this.error = null;
    this.account = answer.data.account;
    await this.signedIn();
  }

  async signOut() {
    await this.api('DELETE', '/api/session');
    this.account = null;
    this.error = null;
    this.passwordOpen = false;
    this.ended();
    this.draw();
  }

  signInForm() {
    return html`
      <form class="card narrow" data-test="sign-in" @submit=${e => this.signIn(e)}>
        <h2>${t('signInTitle')}</h2>
        <label>${t('login')}<input name="login" data-test="login" autocomplete="username" autocapitalize="none"
          spellcheck="false" maxlength="40" required></label>
        <label>${t('password')}<input type="password" name="password" data-test="password" autocomplete="current-password"
          maxlength="200" required></label>
        ${this.error ? html`<p class="error" role="alert" data-test="sign-in-error">${errorText(this.error)}</p>` : ''}
        <button class="primary" data-test="sign-in-submit">${t('signIn')}</button>
        <p class="muted hint" data-test="first-time">${t('firstTime')}</p>
      </form>`;
  }

  /**
   * A staff page as a whole: the header with its title, who is signed in, the ways to the other
   * pages (null ones left out) and the language; until someone is signed in, the sign-in form in
   * place of {@code body()}.
   */
  page(title, links, body) {
    const head = content => html`<header class="bar staff-bar"><h1>${title}</h1><div class="bar-right">${content}${langButton()}</div></header>`;
    if (!this.known) return html`${head('')}<p class="card narrow muted" role="status">${t('loading')}</p>`;
    if (!this.account) return html`${head('')}${this.signInForm()}`;
    return html`${head(this.bar(...links))}${this.passwordPanel()}${body()}`;
  }

  /** Who is signed in, with the ways to the other staff pages (null ones left out), the own password and signing out. */
  bar(...otherPages) {
    const a = this.account;
    return html`
      <div class="who" data-test="who"><span class="who-name">${a.name}</span> <span class="pill">${t('role_' + a.role)}</span></div>
      ${otherPages.filter(Boolean).map(page => html`<a class="bar-link" href=${page.href} data-test=${page.test}>${t(page.label)}</a>`)}
      <button type="button" data-test="change-password" aria-expanded=${this.passwordOpen ? 'true' : 'false'}
        @click=${() => { this.passwordOpen = !this.passwordOpen; this.passwordProblem = null; this.passwordDone = false; this.draw(); }}>${t('changePassword')}</button>
      <button type="button" data-test="sign-out" @click=${() => this.signOut()}>${t('signOut')}</button>`;
  }

  /** The account's own password: the current one, then the new one twice. */
  passwordPanel() {
    if (!this.passwordOpen) return '';
    return html`
      <form class="card narrow" data-test="password-form" @submit=${e => this.changePassword(e)}>
        <h2>${t('changePassword')}</h2>
        <label>${t('currentPassword')}<input type="password" name="currentPassword" autocomplete="current-password" maxlength="200" required></label>
        <label>${t('newPassword')}<input type="password" name="password" autocomplete="new-password" maxlength="200" required></label>
        <label>${t('repeatPassword')}<input type="password" name="repeat" autocomplete="new-password" maxlength="200" required></label>
        ${this.passwordProblem ? html`<p class="error" role="alert" data-test="password-error">${errorText(this.passwordProblem)}</p>` : ''}
        ${this.passwordDone ? html`<p class="ok" role="status" data-test="password-done">${t('passwordChanged')}</p>` : ''}
        <div class="actions">
          <button class="primary" data-test="password-submit">${t('changePassword')}</button>
          <button type="button" @click=${() => { this.passwordOpen = false; this.draw(); }}>${t('cancel')}</button>
        </div>
      </form>`;
  }

  async changePassword(e) {
    e.preventDefault();
    const form = e.target;
    const values = Object.fromEntries(new FormData(form));
    this.passwordDone = false;
    if (values.password !== values.repeat) {
      this.passwordProblem = said('passwordsDiffer');
      this.draw();
      return;
    }
    const answer = await this.api('PUT', `/api/accounts/${this.account.id}/password`,
      { password: values.password, currentPassword: values.currentPassword });
    if (answer.status === 401) return;
    this.passwordProblem = answer.ok ? null : answer.data || said('unreachable');
    this.passwordDone = answer.ok;
    if (answer.ok) form.reset();
    this.draw();
  }
}
