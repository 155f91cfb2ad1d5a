/**
 * URL parameters of modes and tools (the plug-in side of src/state/url.ts): small builders, and the one
 * parameter the modes share (`opt`: the active mode's settings). Each mode or tool declares its own in its
 * `params.ts`; src/features.ts registers them all before the first decode.
 */
import type { UrlParam, ViewParams } from '../state/url';

declare module '../state/url' {
  interface ViewParams {
    /** settings of the active view other than the coefficient's (e.g. coverage layer, measure, d0), base64url JSON */
    opts: string | null;
  }
}

function simple<K extends keyof ViewParams>(
  field: K,
  key: string,
  owner: string,
  parse: (raw: string | null) => unknown,
  format: (v: unknown) => string | null,
): UrlParam<K> {
  return { field, key, owner, default: parse(null) as ViewParams[K], parse: parse as UrlParam<K>['parse'], format };
}

/** Keys whose value is JSON as base64url (validated where it is used); anything else reads as null. */
export const tokenParam = <K extends keyof ViewParams>(field: K, key: string, owner: string): UrlParam<K> =>
  simple(
    field,
    key,
    owner,
    (raw) => (raw && /^[A-Za-z0-9_-]+$/.test(raw) ? raw : null),
    (v) => (v as string) || null,
  );

/** An on/off switch, written as key=1 when on. */
export const flagParam = <K extends keyof ViewParams>(field: K, key: string, owner: string): UrlParam<K> =>
  simple(
    field,
    key,
    owner,
    (raw) => raw === '1',
    (v) => (v ? '1' : null),
  );

export const MODE_PARAMS: readonly UrlParam[] = [tokenParam('opts', 'opt', 'modes')];
