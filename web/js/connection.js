// One WebSocket to the server (docs/protocol.md): hello with lastSeq, catch-up, commands that are
// resent with the same id after a reconnect until answered, and the clock offset to the server.
import { applyPatch } from './state.js';

// A cut network (a phone leaving the Wi-Fi, a dead 3G cell) closes nothing: the socket just goes
// silent. The server's own "time" comes only every 15 s, so the screen asks: a ping after a second
// without any frame. A ping unanswered for 1.2 s makes the link unsure: a countdown may be counting
// to an old deadline, and the screen says so within 3 s of the cut. The socket is kept a little
// longer (a short cut heals by itself: TCP sends again) and replaced after 5 s of silence.
// Silence is counted from the ping, not from the last frame: a tab whose timers slept is not
// taken for a lost link when it wakes.
const PING_EVERY_MS = 1000;
const ANSWER_LIMIT_MS = 1200;
const GIVE_UP_MS = 5000;
const CONNECT_LIMIT_MS = 5000; // a socket still not open by then hangs on a dead network: try again
const BACKOFF_MS = [300, 1000, 2000, 3000];
const TICK_MS = 100;
// Not stored, or not confirmed stored: the same command (same id) is sent again, which the server
// carries out once whatever happened the first time; after this long the error is shown.
const STORAGE_ERRORS = ['STORAGE_FAILED', 'STORAGE_UNCONFIRMED'];
const RESEND_EVERY_MS = 1000;
const RESEND_FOR_MS = 30000;

export class Connection {
  /**
   * @param credential () => ({token} | {join, attendeeKey})
   * @param onChange   called after every change of state, status or clock
   * @param onWelcome  optional, with the welcome frame
   * @param onEvent    optional, with each applied event frame
   */
  constructor({ credential, onChange, onWelcome, onEvent }) {
    this.credential = credential;
    this.onChange = onChange;
    this.onWelcome = onWelcome || (() => {});
    this.onEvent = onEvent || (() => {});
    this.state = null;
    this.offices = [];          // the commune's offices with their heads (chair and secretary only)
    this.seq = 0;
    this.welcome = null;
    this.status = null;         // connecting | online | offline | refused (setStatus)
    this.setStatus('connecting');
    this.offset = 0;            // server time − local time, ms
    this.bestRtt = Infinity;
    this.pending = new Map();   // id → {frame, resolve}
    this.attempt = 0;
    this.socket = null;
    this.lastHeard = 0;
    this.lastPing = 0;
    this.openedAt = 0;
    this.joined = false;
    this.refusal = null;
    const wake = () => this.checkAlive();
    document.addEventListener('visibilitychange', () => { if (!document.hidden) wake(); });
    window.addEventListener('online', wake);
    // A phone that knows it has no network says so at once (a pong heals a false alarm).
    window.addEventListener('offline', () => this.suspect());
    window.addEventListener('pageshow', wake);
    setInterval(() => this.tick(), TICK_MS);
    this.open();
  }

  /** Sends a command; resolves with the ack or error frame (never rejects). */
  command(name, args) {
    const id = newId('c-');
    return this.commandWithId(id, name, args);
  }

  commandWithId(id, name, args) {
    const frame = { type: 'command', id, name, args: args || {} };
    return new Promise(resolve => {
      this.pending.set(id, { frame, resolve });
      if (this.status === 'online') this.send(frame);
      this.onChange();
    });
  }

  /** Milliseconds on the server's clock, now. */
  now() { return Date.now() + this.offset; }

  open() {
    clearTimeout(this.retryTimer);
    if (this.socket) { this.socket.onclose = null; this.socket.close(); }
    const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws';
    const socket = new WebSocket(url);
    this.socket = socket;
    this.joined = false; // welcomed on this socket
    this.openedAt = Date.now();
    if (this.status !== 'refused' && this.status !== 'offline') this.setStatus('connecting');
    socket.onopen = () => {
      this.lastHeard = Date.now();
      const hello = { type: 'hello', v: 1, ...this.credential() };
      if (this.state) hello.lastSeq = this.seq;
      this.send(hello);
      this.ping();
    };
    socket.onmessage = message => { if (this.socket === socket) this.receive(JSON.parse(message.data)); };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (this.status !== 'refused') this.setStatus('offline');
      this.onChange();
      const delay = BACKOFF_MS[Math.min(this.attempt++, BACKOFF_MS.length - 1)];
      this.retryTimer = setTimeout(() => this.open(), delay);
    };
  }

  /**
   * Every screen's page is marked while its link is not online, so the shared stylesheet can mark
   * any countdown as unsure (body.unsure) without code in each screen.
   */
  setStatus(status) {
    this.status = status;
    document.body.classList.toggle('unsure', status !== 'online');
  }

  /** A ping unanswered: the link may be cut. Said at once; the socket is still listened to. */
  suspect() {
    if (this.status !== 'online') return;
    this.setStatus('offline');
    this.onChange();
  }

  /** A socket that stays silent or never opens: say so, and open a new one (the old may never close). */
  lost() {
    this.setStatus('offline');
    this.onChange();
    this.open();
  }

  /** After the phone wakes or the network returns: reconnect now rather than at the next backoff. */
  checkAlive() {
    if (this.status === 'refused') return;
    if (!this.socket || this.socket.readyState > 1) { this.attempt = 0; this.open(); return; }
    this.ping();
    const asked = Date.now();
    setTimeout(() => { if (this.lastHeard < asked && this.socket) this.open(); }, 3000);
  }

  tick() {
    const socket = this.socket;
    if (!socket || this.status === 'refused') return;
    const now = Date.now();
    if (socket.readyState === WebSocket.CONNECTING) {
      if (now - this.openedAt > CONNECT_LIMIT_MS) this.lost();
    } else if (socket.readyState === WebSocket.OPEN) {
      // Pings are answered before the welcome too: a server slow to welcome is not a lost link.
      const waited = this.lastPing > this.lastHeard ? now - this.lastPing : 0;
      if (waited > GIVE_UP_MS) this.lost();
      else if (waited > ANSWER_LIMIT_MS) this.suspect();
      else if (!waited && now - Math.max(this.lastHeard, this.lastPing) >= PING_EVERY_MS) this.ping();
    }
  }

  ping() {
    this.lastPing = Date.now();
    this.send({ type: 'ping', t: Date.now() });
  }

  send(frame) {
    if (this.socket && this.socket.readyState === 1) this.socket.send(JSON.stringify(frame));
  }

  receive(frame) {
    this.lastHeard = Date.now();
    if (this.status === 'offline' && this.joined) { this.setStatus('online'); this.onChange(); } // a short cut healed
    switch (frame.type) {
      case 'welcome': return this.welcomed(frame);
      case 'event': return this.applyEvent(frame, true);
      case 'events': return this.applyBatch(frame);
      case 'own': if (this.state) { applyPatch(this.state, frame.patch); this.onChange(); } return;
      case 'ack':
      case 'error': return this.answered(frame);
      case 'pong': return this.pong(frame);
      case 'offices': this.offices = frame.offices; this.onChange(); return;
      case 'time':
        if (this.bestRtt === Infinity) this.offset = frame.serverTime - Date.now();
        return;
    }
  }

  welcomed(frame) {
    this.joined = true;
    this.setStatus('online');
    this.attempt = 0;
    this.welcome = frame;
    this.refusal = null;
    if (this.bestRtt === Infinity) this.offset = frame.serverTime - Date.now();
    if (frame.catchUp === 'snapshot') {
      this.state = frame.snapshot;
      this.seq = frame.seq;
    }
    for (const event of frame.events || []) this.applyEvent(event, false);
    this.onWelcome(frame);
    for (const { frame: command } of this.pending.values()) this.send(command);
    this.onChange();
  }

  applyEvent(frame, live) {
    if (frame.seq <= this.seq) return;
    if (frame.seq !== this.seq + 1) { this.open(); return; } // a gap: catch up from lastSeq
    applyPatch(this.state, frame.patch);
    this.seq = frame.seq;
    this.onEvent(frame, live);
    if (live) this.onChange();
  }

  /** A burst of events merged into one patch (displays and phones only). */
  applyBatch(frame) {
    if (frame.lastSeq <= this.seq) return;
    if (frame.firstSeq !== this.seq + 1) { this.open(); return; }
    applyPatch(this.state, frame.patch);
    this.seq = frame.lastSeq;
    this.onChange();
  }

  answered(frame) {
    if (frame.id == null) {
      if (!this.state) { // a refused hello
        this.setStatus('refused');
        this.refusal = frame;
        this.socket && this.socket.close();
        this.onChange();
      }
      return;
    }
    const waiting = this.pending.get(frame.id);
    if (!waiting) return;
    if (frame.type === 'error' && STORAGE_ERRORS.includes(frame.code)) {
      waiting.firstFailed = waiting.firstFailed || Date.now();
      if (Date.now() - waiting.firstFailed < RESEND_FOR_MS) {
        setTimeout(() => { if (this.pending.has(frame.id) && this.status === 'online') this.send(waiting.frame); }, RESEND_EVERY_MS);
        return;
      }
    }
    this.pending.delete(frame.id);
    waiting.resolve(frame);
    this.onChange();
  }

  pong(frame) {
    const received = Date.now();
    const rtt = received - frame.t;
    // The sample with the shortest round trip is the most exact; older ones age out slowly.
    if (rtt <= this.bestRtt + 20) {
      this.bestRtt = Math.min(rtt, this.bestRtt);
      this.offset = frame.serverTime - (frame.t + received) / 2;
      this.onChange();
    } else {
      this.bestRtt += 5;
    }
  }

  /** Retry after a refused credential (e.g. a join code typed again). */
  retry() {
    this.setStatus('connecting');
    this.state = null;
    this.seq = 0;
    this.attempt = 0;
    this.open();
  }
}

/**
 * A random id for a command or a draft line: 128 bits from crypto.getRandomValues, which every
 * browser has, also on plain HTTP over the hall's network (crypto.randomUUID is only given to
 * secure pages). Two screens must never pick the same id.
 */
export function newId(prefix) {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return prefix + Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}
