/**
 * The Content-Security-Policy of the atlas: the promise "nothing leaves your machine" enforced by the browser.
 * Requests (fetch, XHR, WebSocket, images, fonts, workers) go only to the page's own origin — plus, if the
 * user asks for a basemap with ?tiles=<URL template>, that one tile server — so that no query, import, story
 * or project file can send data elsewhere, even through a bug. The build writes `cspWriterScript` as the
 * first script of <head> (vite.config.ts); `scripts/serve.mjs` sends `WORKER_POLICY` as a header with every
 * other file, which is the policy of the workers started from them.
 */

/** The policy, given the hashes of the page's inline scripts and the tile server's origin (or null). */
export function pagePolicy(scriptHashes: readonly string[], tileOrigin: string | null): string {
  const t = tileOrigin ? ` ${tileOrigin}` : '';
  return [
    "default-src 'self'",
    // 'unsafe-eval': DuckDB-WASM's Emscripten glue (EM_ASM) and Apache Arrow's builders compile small
    // functions at run time; it lets no request out (connect-src, img-src… do that)
    `script-src 'self' ${scriptHashes.join(' ')} 'unsafe-eval' 'wasm-unsafe-eval'`.replace(/\s+/g, ' '),
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${t}`,
    `connect-src 'self'${t}`,
    "worker-src 'self' blob:",
    "font-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
    "manifest-src 'self'",
  ].join('; ');
}

/** The policy of workers (a header on every file that is not the page). */
export const WORKER_POLICY = pagePolicy([], null);

/** The origin of a ?tiles= URL template, if it is an http(s) URL; anything else gives null. */
export function tileOrigin(template: string | null): string | null {
  if (!template) return null;
  try {
    const u = new URL(template);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : null;
  } catch {
    return null;
  }
}

/**
 * The inline script that writes the policy as a <meta> before anything else is parsed. It repeats
 * tileOrigin and pagePolicy in plain ES5 (it runs before any module); tests check both give the same policy.
 */
export function cspWriterScript(scriptHashes: readonly string[]): string {
  const fixed = JSON.stringify(pagePolicy(scriptHashes, '__TILES__'));
  return (
    '(function(){var t=null;try{var s=new URLSearchParams(location.search).get("tiles");if(s){var u=new URL(s);if(u.protocol==="https:"||u.protocol==="http:")t=u.origin;}}catch(e){t=null;}' +
    `var p=${fixed};p=t?p.split("__TILES__").join(t):p.split(" __TILES__").join("");` +
    'document.write(\'<meta http-equiv="Content-Security-Policy" content="\'+p.replace(/"/g,"&quot;")+\'">\');})();'
  );
}
