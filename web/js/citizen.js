// What the citizens' two pages share (the petition form and the tracking page): Vietnamese first,
// an English switch remembered on this device (the staff screens' choice too), the server's
// {vi, en} messages, and elements made with createElement: text goes in as text, never as HTML.
// No framework: both pages together stay far under 50 KB for a phone on a weak connection.
const KEY = 'doithoai.lang';
let lang = localStorage.getItem(KEY) === 'en' ? 'en' : 'vi';

/** Puts the page's [data-t] texts in the chosen language (the page is written in Vietnamese) and wires the switch. */
export function setupLang(english, redraw) {
  const written = new Map();
  document.querySelectorAll('[data-t]').forEach(node => written.set(node, node.textContent));
  const button = document.getElementById('lang');
  const apply = () => {
    document.documentElement.lang = lang;
    written.forEach((vi, node) => { node.textContent = lang === 'en' ? english[node.dataset.t] || vi : vi; });
    button.textContent = lang === 'en' ? 'Tiếng Việt' : 'English';
    button.lang = lang === 'en' ? 'vi' : 'en';
    redraw();
  };
  button.addEventListener('click', () => {
    lang = lang === 'en' ? 'vi' : 'en';
    localStorage.setItem(KEY, lang);
    apply();
  });
  apply();
}

export const isEnglish = () => lang === 'en';

/** [vi, en] in the current language, {0}… replaced by the arguments. */
export function say(pair, ...args) {
  return args.reduce((text, arg, i) => text.replace('{' + i + '}', arg), pair[lang === 'en' ? 1 : 0]);
}

/** The server's {vi, en}. */
export const pickText = message => (message ? message[lang] || message.vi || '' : '');

/** A JSON request: {status, data}; status 0 when the server cannot be reached. */
export async function call(method, path, body) {
  try {
    const response = await fetch(path, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, data: await response.json().catch(() => null) };
  } catch (e) {
    return { status: 0, data: null };
  }
}

/** An element with its attributes (null ones left out) and its children, strings as text nodes. */
export function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => { if (value != null) node.setAttribute(name, value); });
  node.append(...children.filter(child => child != null && child !== ''));
  return node;
}

export const UNREACHABLE = ['Không kết nối được máy chủ; hãy kiểm tra mạng và thử lại.', 'Cannot reach the server; check the connection and try again.'];
