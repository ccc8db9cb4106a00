// Selector fields in collector settings: "css selector" reads text, "css selector@attr" reads an attribute.
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import { z } from 'zod';
import { inlineText } from '../common/text.ts';

/** A selector with an optional @attribute suffix, e.g. "span.time", "time@datetime", "a@title". */
export const fieldSchema = z
  .string()
  .trim()
  .min(1, 'empty selector')
  .refine((s) => /^[^@]+(@[\w:-]+)?$/.test(s), 'expected "selector" or "selector@attribute"');

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

/** Reject a selector cheerio cannot parse, naming it, before any fetch happens. */
export function checkSelector($: CheerioAPI, field: string): string | null {
  try {
    $.root().find(splitField(field).selector === ':scope' ? '*' : splitField(field).selector);
    return null;
  } catch (e) {
    return `invalid CSS selector ${JSON.stringify(field)}: ${(e as Error).message}`;
  }
}
