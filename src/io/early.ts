/**
 * Requests started by the inline script in index.html before the app's JavaScript has even been
 * parsed (boundaries of the level in the URL, the catalogue, the Parquet footers; the protocol is
 * src/contract/firstPicture.ts). The app takes each response once; anything not prefetched is fetched normally.
 */
import { EARLY_GLOBAL, earlyKey as keyOf } from '../contract/firstPicture';

type Early = Record<string, Promise<Response>>;

export function earlyKey(url: string, init?: RequestInit): string {
  const range = init?.headers ? new Headers(init.headers).get('range') : null;
  return keyOf(new URL(url, location.href).pathname, range);
}

export function earlyFetch(url: string, init?: RequestInit, fetcher: typeof fetch = fetch): Promise<Response> {
  const early =
    typeof window !== 'undefined' ? (window as unknown as Record<string, Early | undefined>)[EARLY_GLOBAL] : undefined;
  if (!early) return fetcher(url, init);
  const key = earlyKey(url, init);
  const p = early[key];
  if (p) {
    delete early[key];
    return p.catch(() => fetcher(url, init));
  }
  return fetcher(url, init);
}
