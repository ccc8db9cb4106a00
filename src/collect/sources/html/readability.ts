// Main-text extraction for pages without a body selector: Mozilla's Readability on a linkedom DOM.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { htmlToText } from '../common/text.ts';

export interface Readable {
  title?: string | undefined;
  text?: string | undefined;
  byline?: string | undefined;
  publishedTime?: string | undefined;
}

type ReadabilityDocument = ConstructorParameters<typeof Readability>[0];

/** Readability's article for the page, with its HTML content turned into plain text; null when none. */
export function readableContent(html: string): Readable | null {
  const { document } = parseHTML(html);
  // linkedom implements the DOM subset Readability walks; the type names differ, not the behaviour.
  const article = new Readability(document as unknown as ReadabilityDocument, { charThreshold: 200 }).parse();
  if (!article) return null;
  return {
    title: article.title ?? undefined,
    text: article.content ? htmlToText(article.content) : article.textContent ?? undefined,
    byline: article.byline ?? undefined,
    publishedTime: article.publishedTime ?? undefined,
  };
}
