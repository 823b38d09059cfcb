// Dates and times on every screen, always the Vietnamese way — 20/10/2026 14:30: day first,
// 24-hour, no seconds — and in Vietnam's time, whatever the browser's language or the laptop's time
// zone. Browsers' own date fields and toLocaleString follow the browser's language (10/20/2026,
// 2:30 PM in an English browser), so staff screens format and parse by hand here.
const ZONE = 'Asia/Ho_Chi_Minh';
const VIETNAM_UTC_OFFSET_MS = 7 * 3600 * 1000; // Vietnam has no daylight saving time

const PARTS = new Intl.DateTimeFormat('vi-VN', {
  timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

function partsOf(iso) {
  const p = {};
  for (const { type, value } of PARTS.formatToParts(new Date(iso))) p[type] = value;
  return p;
}

const pad = n => String(n).padStart(2, '0');

/** "20/10/2026" for an instant, in Vietnam's time. */
export function dateVi(iso) {
  if (!iso) return '';
  const p = partsOf(iso);
  return `${p.day}/${p.month}/${p.year}`;
}

/** "14:30" for an instant, in Vietnam's time. */
export function timeVi(iso) {
  if (!iso) return '';
  const p = partsOf(iso);
  return `${p.hour}:${p.minute}`;
}

/** "20/10/2026 14:30", never broken between the date and the time. */
export const dateTimeVi = iso => (iso ? dateVi(iso) + '\u00a0' + timeVi(iso) : '');

/** "20/10/2026" (the year in four digits) → {year, month, day}, or null when it is no real date. */
export function parseDateVi(text) {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text || '');
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day
    ? { year, month, day } : null;
}

/** "14:30", "14h30" or "8:05" → {hour, minute}, or null. */
export function parseTimeVi(text) {
  const m = /^\s*(\d{1,2})\s*[:hg.]\s*(\d{2})\s*$/i.exec(text || '');
  if (!m) return null;
  const [hour, minute] = [Number(m[1]), Number(m[2])];
  return hour < 24 && minute < 60 ? { hour, minute } : null;
}

/**
 * dd/mm/yyyy and HH:MM typed in Vietnam's time (the meeting's place, whatever this laptop's zone) →
 * {value: the ISO instant or null when both are empty}, or {problem: 'dateWithoutTime' | 'badDate' |
 * 'badTime'}, the key of the page's message.
 */
export function scheduledAtVi(dateText, timeText) {
  if (!dateText && !timeText) return { value: null };
  if (!dateText || !timeText) return { problem: 'dateWithoutTime' };
  const date = parseDateVi(dateText);
  if (!date) return { problem: 'badDate' };
  const time = parseTimeVi(timeText);
  if (!time) return { problem: 'badTime' };
  return { value: instantInVietnam(date, time) };
}

/** A date and a time of day in Vietnam → the ISO instant the server keeps. */
export function instantInVietnam(date, time) {
  const local = Date.UTC(date.year, date.month - 1, date.day, time.hour, time.minute);
  return new Date(local - VIETNAM_UTC_OFFSET_MS).toISOString();
}

/** {year, month, day} → "2026-10-20", a calendar date as the server's commands take it. */
export const isoDate = d => `${d.year}-${pad(d.month)}-${pad(d.day)}`;

/** "2026-10-20" → "20/10/2026". */
export const isoDateToVi = iso => (iso ? iso.split('-').reverse().join('/') : '');

/** The year it is now in Vietnam, whatever this laptop's time zone. */
export const yearInVietnam = () => Number(new Intl.DateTimeFormat('en', { timeZone: ZONE, year: 'numeric' }).format(new Date()));
