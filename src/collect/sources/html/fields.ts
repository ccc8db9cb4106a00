// Selector fields in collector settings: "css selector" reads text, "css selector@attr" reads an attribute.
import { load, type Cheerio, type CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import { z } from 'zod';
import { inlineText } from '../common/text.ts';

const probe = load('<p></p>');

/** The CSS parser's complaint about a selector, or null when it parses. */
function selectorError(field: string): string | null {
  const { selector } = splitField(field);
  if (selector === ':scope') return null;
  try {
    probe.root().find(selector);
    return null;
  } catch (e) {
    return `invalid CSS selector ${JSON.stringify(selector)}: ${(e as Error).message}`;
  }
}

/** A selector with an optional @attribute suffix, e.g. "span.time", "time@datetime", "a@title". */
export const fieldSchema = z
  .string()
  .trim()
  .min(1, 'empty selector')
  .refine((s) => /^[^@]+(@[\w:-]+)?$/.test(s), 'expected "selector" or "selector@attribute"')
  .superRefine((s, ctx) => {
    const err = selectorError(s);
    if (err) ctx.addIssue({ code: 'custom', message: err });
  });

/** "time@datetime" → { selector: 'time', attr: 'datetime' }. */
export function splitField(field: string): { selector: string; attr?: string | undefined } {
  const at = field.lastIndexOf('@');
  return at > 0 ? { selector: field.slice(0, at).trim(), attr: field.slice(at + 1) } : { selector: field.trim() };
}

/** The field's value inside scope (first match), as one line of text; undefined when absent or empty. */
export function readField($: CheerioAPI, scope: Cheerio<AnyNode>, field: string | undefined): string | undefined {
  if (!field) return undefined;
  const { selector, attr } = splitField(field);
  const el = selector === ':scope' ? scope.first() : scope.find(selector).first();
  if (el.length === 0) return undefined;
  const v = attr ? el.attr(attr) : inlineText($.html(el) ?? '');
  return v?.trim() || undefined;
}
