/** Where the story comes from: a link (?story=…, kept from the first navigation), the session, or the default file. */
import { storyFromParam, validateStory, type Story } from './story';

const SESSION_KEY = 'coefficienti:story';
export const DEFAULT_STORY_URL = 'stories/brussels-en.json';

/** The `story` parameter of the page's original URL (the atlas rewrites the URL after loading). */
export function storyParam(): string | null {
  const nav = performance.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined;
  for (const href of [location.href, nav?.name]) {
    if (!href) continue;
    const u = new URL(href);
    const p = u.searchParams.get('story') ?? new URLSearchParams(u.hash.slice(1)).get('story');
    if (p) return p;
  }
  return null;
}

export function remember(story: Story | null): void {
  try {
    if (story) sessionStorage.setItem(SESSION_KEY, JSON.stringify(story));
    else sessionStorage.removeItem(SESSION_KEY);
  } catch {
    /* private mode: not kept */
  }
}

/** The story kept for this session (loaded or edited here), or null (the project file saves it). */
export function keptStory(): Story | null {
  try {
    const kept = sessionStorage.getItem(SESSION_KEY);
    return kept ? validateStory(JSON.parse(kept)) : null;
  } catch {
    return null;
  }
}

export async function loadDefault(base = ''): Promise<Story> {
  const r = await fetch(base + DEFAULT_STORY_URL);
  if (!r.ok) throw new Error(`${DEFAULT_STORY_URL}: could not be downloaded (HTTP ${r.status})`);
  return validateStory(await r.json());
}

let linkUsed = false;

/** Link parameter first (once per page), then the story of this session, then the default story. */
export async function initialStory(): Promise<Story> {
  const p = linkUsed ? null : storyParam();
  linkUsed = true;
  if (p) {
    const s = storyFromParam(p);
    remember(s);
    return s;
  }
  try {
    const kept = sessionStorage.getItem(SESSION_KEY);
    if (kept) return validateStory(JSON.parse(kept));
  } catch {
    /* fall through to the default */
  }
  return loadDefault();
}
