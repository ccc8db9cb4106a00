// HTML to readable plain text: block elements become line breaks, scripts and styles vanish.
import { Parser } from 'htmlparser2';

const BLOCK = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'table', 'section', 'article',
  'blockquote', 'pre', 'header', 'footer', 'dd', 'dt', 'dl', 'figure', 'figcaption', 'hr', 'address', 'center',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'iframe', 'svg', 'select', 'button']);

/** Plain text of an HTML fragment or page, one paragraph per line, whitespace collapsed. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return tidy(html);
  let out = '';
  let skipping = 0;
  const parser = new Parser(
    {
      onopentagname(name) {
        if (SKIP.has(name)) skipping++;
        else if (BLOCK.has(name)) out += '\n';
        else if (name === 'td' || name === 'th') out += ' ';
      },
      onclosetag(name, implied) {
        if (SKIP.has(name)) skipping = Math.max(0, skipping - 1);
        else if (BLOCK.has(name) && !implied) out += '\n';
      },
      ontext(text) {
        if (!skipping) out += text;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return tidy(out);
}

/** One line of text (titles, authors): HTML stripped, all whitespace collapsed. */
export function inlineText(html: string | null | undefined): string {
  return html ? htmlToText(html).replace(/\s+/g, ' ').trim() : '';
}

function tidy(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[ \t\f\v\u00a0\u3000]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}
