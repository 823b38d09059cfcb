// One clock for every screen: the remaining time comes from the server's deadline and this screen's
// measured offset to the server, never from a local timer.

/** Milliseconds left in a turn at server time `now`; negative in overtime. */
export function remainingMs(turn, now) {
  if (!turn) return null;
  if (turn.phase === 'RUNNING' && turn.deadline) return Date.parse(turn.deadline) - now;
  return turn.allowedMs - turn.spokenMs;
}

/** "4:05", or "+0:12" in overtime. Rounded up while time is left, so 0:00 means the time is up. */
export function formatMs(ms) {
  const over = ms < 0;
  const total = over ? Math.floor(-ms / 1000) : Math.ceil(ms / 1000);
  const m = Math.floor(total / 60);
  const s = String(total % 60).padStart(2, '0');
  return (over ? '+' : '') + m + ':' + s;
}

/** 'ok', 'warning' (within the rules' warning time) or 'over'. */
export function urgency(ms, rules) {
  if (ms == null) return 'ok';
  if (ms < 0) return 'over';
  return ms <= (rules ? rules.warningSeconds * 1000 : 60000) ? 'warning' : 'ok';
}

/** Re-renders on every tenth of a second while the page shows a clock. */
export function everyTenth(render) {
  setInterval(render, 100);
}

/** For the browser tests: this screen's clock, as its countdown uses it, and the state it holds. */
export function exposeClock(conn) {
  window.doithoaiState = () => ({ seq: conn.seq, status: conn.status, state: conn.state });
  window.doithoaiClock = () => ({
    local: Date.now(),
    offset: conn.offset,
    remaining: conn.state && conn.state.floor ? remainingMs(conn.state.floor, conn.now()) : null,
  });
}
