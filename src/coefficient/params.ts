/** The coefficient's URL parameters: its configuration (`cfg=`) and the fading of uncertain ranks (`fade=1`). */
import type { UrlParam } from '../state/url';
import { flagParam, tokenParam } from '../modes/params';

declare module '../state/url' {
  interface ViewParams {
    /** the coefficient's configuration, as base64url JSON (validated where it is used) */
    cfg: string | null;
    /** fade territories whose rank is uncertain */
    fade: boolean;
  }
}

export const FADE: UrlParam<'fade'> = flagParam('fade', 'fade', 'coefficient');
export const CFG: UrlParam<'cfg'> = tokenParam('cfg', 'cfg', 'coefficient');
