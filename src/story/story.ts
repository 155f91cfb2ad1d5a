/**
 * A story: slides, each a saved view of the atlas (a URL query string) with a title and a caption in
 * Italian and/or English. Captions may hold placeholders filled from the data (see placeholders.ts).
 * Stories are plain JSON: saved to and loaded from files, or carried in a link as base64url.
 */
import { fromBase64Url, toBase64Url } from '../state/url';

export interface Text {
  it?: string;
  en?: string;
}

export interface Slide {
  /** the view, as the atlas's query string: "?level=province&ind=foreign_per_100&at=12.5,41.9,5" */
  view: string;
  title: Text;
  caption: Text;
}

export interface Story {
  format: 'coefficienti-story';
  version: 1;
  title: Text;
  /** the language the story was written for (the presenter can switch) */
  lang?: 'it' | 'en';
  slides: Slide[];
}

export const STORY_FORMAT = 'coefficienti-story';
const MAX_SLIDES = 100;
const MAX_TEXT = 2000;

function text(x: unknown, where: string, errors: string[], required: boolean): Text {
  if (x === undefined && !required) return {};
  if (typeof x === 'string') return { it: x, en: x };
  if (!x || typeof x !== 'object') {
    errors.push(`${where}: expected {"it": "…", "en": "…"}`);
    return {};
  }
  const o = x as Record<string, unknown>;
  const out: Text = {};
  for (const l of ['it', 'en'] as const) {
    if (o[l] === undefined) continue;
    if (typeof o[l] !== 'string') errors.push(`${where}.${l}: expected text`);
    else if ((o[l] as string).length > MAX_TEXT) errors.push(`${where}.${l}: longer than ${MAX_TEXT} characters`);
    else out[l] = o[l] as string;
  }
  if (required && out.it === undefined && out.en === undefined) errors.push(`${where}: needs "it" or "en"`);
  return out;
}

export class StoryError extends Error {
  constructor(public readonly problems: string[]) {
    super(problems.join('; '));
  }
}

/** Check a parsed JSON story; throws StoryError listing every problem. */
export function validateStory(json: unknown): Story {
  const errors: string[] = [];
  if (!json || typeof json !== 'object') throw new StoryError(['the file is not a JSON object']);
  const o = json as Record<string, unknown>;
  if (o.format !== STORY_FORMAT) errors.push(`format: expected "${STORY_FORMAT}"`);
  if (o.version !== 1) errors.push('version: expected 1');
  const title = text(o.title, 'title', errors, false);
  const lang = o.lang === 'it' || o.lang === 'en' ? o.lang : undefined;
  if (o.lang !== undefined && !lang) errors.push('lang: expected "it" or "en"');
  const slides: Slide[] = [];
  if (!Array.isArray(o.slides) || o.slides.length === 0) errors.push('slides: expected a non-empty list');
  else if (o.slides.length > MAX_SLIDES) errors.push(`slides: more than ${MAX_SLIDES}`);
  else
    o.slides.forEach((s, i) => {
      const where = `slides[${i}]`;
      if (!s || typeof s !== 'object') {
        errors.push(`${where}: expected an object`);
        return;
      }
      const so = s as Record<string, unknown>;
      let view = '';
      if (typeof so.view !== 'string' || !/^\??[A-Za-z0-9_.,=&%+-]*$/.test(so.view))
        errors.push(`${where}.view: expected a query string like "?level=region&ind=foreign_per_100"`);
      else view = so.view.startsWith('?') ? so.view : `?${so.view}`;
      slides.push({
        view,
        title: text(so.title, `${where}.title`, errors, true),
        caption: text(so.caption, `${where}.caption`, errors, false),
      });
    });
  if (errors.length) throw new StoryError(errors);
  return { format: STORY_FORMAT, version: 1, title, ...(lang ? { lang } : {}), slides };
}

/** The text in `lang`, else the other language. */
export function textIn(t: Text, lang: 'it' | 'en'): string {
  return t[lang] ?? t[lang === 'it' ? 'en' : 'it'] ?? '';
}

export function storyToParam(s: Story): string {
  return toBase64Url(s);
}

export function storyFromParam(p: string): Story {
  let json: unknown;
  try {
    json = fromBase64Url(p);
  } catch {
    throw new StoryError(['the link does not hold a readable story']);
  }
  return validateStory(json);
}

/** The view of a slide without the story's own parameters. */
export function slideQuery(search: string): string {
  const p = new URLSearchParams(search);
  for (const k of ['tool', 'slide', 'story']) p.delete(k);
  return '?' + p.toString().replace(/%2C/g, ',');
}
