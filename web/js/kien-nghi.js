// The citizens' petition form (/kien-nghi): the commune, who sends it (the village or organisation
// is required, the name is not), a private contact, the field and the text. The server checks
// everything and says what is wrong in both languages; this page shows its words. On success the
// tracking code is shown large, with the way to the tracking page.
import { setupLang, say, pickText, call, el, isEnglish, UNREACHABLE } from './citizen.js';

const ENGLISH = {
  title: 'Send a petition to the commune',
  intro: 'Send a petition or a concern to the commune People\'s Committee. You then get a tracking code to see how far it has been dealt with.',
  commune: 'The commune',
  loading: 'Loading…',
  name: 'Full name (optional)',
  village: 'Village or organisation (required)',
  contact: 'Contact (optional, seen by commune staff only)',
  email: 'E-mail: you are told each time the petition moves on',
  phone: 'Phone',
  private: 'The e-mail and the phone are never made public.',
  field: 'Field',
  content: 'The petition (required)',
  send: 'Send the petition',
  sent: 'Petition sent',
  yourCode: 'Your tracking code:',
  writeDown: 'Write this code down or take a photo of it: you need it to see the outcome.',
  follow: 'Follow this petition',
  again: 'Send another petition',
  toTracking: 'Have a tracking code? Follow a petition',
};
const CHOOSE = ['— Chọn xã —', '— Choose the commune —'];
const NOT_LOADED = ['Không tải được danh sách xã; hãy tải lại trang.', 'The list of communes could not be loaded; reload the page.'];
const NO_COMMUNES = ['Chưa có xã nào nhận kiến nghị trực tuyến.', 'No commune takes petitions online yet.'];

const form = document.getElementById('petition');
const communeSelect = document.getElementById('commune');
const fieldSelect = document.getElementById('field');
const problemLine = document.getElementById('problem');
const send = document.getElementById('send');
const done = document.getElementById('done');
let communes = null;  // null until loaded
let fields = [];
let problem = null;   // what to say: the server's {vi, en}, or a pair of this page
let sending = false;

const text = what => (Array.isArray(what) ? say(what) : pickText(what));

/** The lists, in the current language, keeping what is chosen. */
function draw() {
  const commune = communeSelect.value;
  if (communes) {
    communeSelect.replaceChildren(el('option', { value: '' }, say(CHOOSE)),
      ...communes.map(c => el('option', { value: c.id }, c.province ? `${c.name} — ${c.province}` : c.name)));
    communeSelect.value = commune || (communes.length === 1 ? communes[0].id : '');
  }
  const field = fieldSelect.value;
  fieldSelect.replaceChildren(...fields.map(f => el('option', { value: f.code }, isEnglish() ? f.en : f.vi)));
  fieldSelect.value = field || 'khac';
  problemLine.textContent = problem ? text(problem) : '';
}

async function load() {
  const c = await call('GET', '/api/public/communes');
  if (c.status === 200) communes = c.data.communes;
  problem = c.status !== 200 ? NOT_LOADED : communes.length ? null : NO_COMMUNES;
  draw();
  await loadFields();
}

/** The chosen commune's own list of fields (each commune keeps its own). */
async function loadFields() {
  const commune = communeSelect.value;
  const o = await call('GET', '/api/public/petition-options' + (commune ? '?communeId=' + encodeURIComponent(commune) : ''));
  if (o.status === 200) fields = o.data.fields;
  draw();
}

communeSelect.addEventListener('change', loadFields);

const orNull = value => (value.trim() ? value.trim() : null);

form.addEventListener('submit', async e => {
  e.preventDefault();
  if (sending) return;
  const v = Object.fromEntries(new FormData(form));
  sending = true;
  send.disabled = true;
  problem = null;
  draw();
  const answer = await call('POST', '/api/public/petitions', {
    communeId: v.communeId || null, name: orNull(v.name), village: orNull(v.village), email: orNull(v.email),
    phone: orNull(v.phone), fieldCode: v.fieldCode || null, content: orNull(v.content), website: v.website,
  });
  sending = false;
  send.disabled = false;
  if (answer.status === 201) {
    sent(answer.data.trackingCode);
    return;
  }
  // 400: what is missing or wrong; 429: too many from this address, with the seconds to wait.
  problem = answer.data && answer.data.message ? answer.data.message : UNREACHABLE;
  draw();
});

function sent(code) {
  document.getElementById('code').textContent = code;
  document.getElementById('track').href = '/tra-cuu#' + code;
  form.hidden = true;
  done.hidden = false;
  done.focus();
}

document.getElementById('again').addEventListener('click', () => {
  const commune = communeSelect.value;
  form.reset();
  communeSelect.value = commune;
  fieldSelect.value = 'khac';
  done.hidden = true;
  form.hidden = false;
  document.getElementById('village').focus();
});

setupLang(ENGLISH, draw);
load();
