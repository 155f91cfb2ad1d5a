import { describe, it, expect } from 'vitest';
import vm from 'node:vm';
import { cspWriterScript, pagePolicy, tileOrigin, WORKER_POLICY } from '../../src/boot/csp';
// @ts-expect-error plain ESM helper shared with the benchmark
import { WORKER_POLICY as SERVED } from '../../scripts/serve.mjs';

/** Run the inline writer as the page would, for a given query string; return the policy it writes. */
function written(search: string, hashes: string[] = ["'sha256-x'"]): string {
  let html = '';
  vm.runInNewContext(cspWriterScript(hashes), {
    location: { search },
    URLSearchParams,
    URL,
    document: { write: (s: string) => (html += s) },
  });
  const m = /^<meta http-equiv="Content-Security-Policy" content="([^"]*)">$/.exec(html);
  if (!m) throw new Error(`unexpected output: ${html}`);
  return m[1].replace(/&quot;/g, '"');
}

describe('Content-Security-Policy', () => {
  it('allows requests to the page’s own origin only', () => {
    const p = pagePolicy(["'sha256-abc'"], null);
    expect(p).toContain("connect-src 'self';");
    expect(p).toContain("img-src 'self' data: blob:;");
    expect(p).toContain("script-src 'self' 'sha256-abc' 'unsafe-eval' 'wasm-unsafe-eval';");
    expect(p).toContain("default-src 'self';");
    expect(p).toContain("form-action 'none'");
    expect(p).not.toMatch(/\*|https?:/);
  });

  it('adds the origin of a ?tiles= template, and nothing for anything that is not an http(s) URL', () => {
    expect(tileOrigin('https://tiles.example.org/{z}/{x}/{y}.png')).toBe('https://tiles.example.org');
    expect(tileOrigin('javascript:alert(1)')).toBeNull();
    expect(tileOrigin('https://a.example.org; connect-src *')).toBeNull();
    expect(tileOrigin('not a url')).toBeNull();
    expect(tileOrigin(null)).toBeNull();
  });

  it('the inline writer (plain ES5) writes the same policy as pagePolicy, with and without tiles', () => {
    expect(written('')).toBe(pagePolicy(["'sha256-x'"], null));
    expect(written('?tiles=' + encodeURIComponent('https://t.example.org/{z}/{x}/{y}.png'))).toBe(
      pagePolicy(["'sha256-x'"], 'https://t.example.org'),
    );
    expect(written('?tiles=' + encodeURIComponent("x' ; connect-src *"))).toBe(pagePolicy(["'sha256-x'"], null));
    expect(written('?tiles=' + encodeURIComponent('https://t.example.org/"><script>'))).toBe(
      pagePolicy(["'sha256-x'"], 'https://t.example.org'),
    );
  });

  it('the server’s worker policy is the one in src/boot/csp.ts', () => {
    expect(SERVED).toBe(WORKER_POLICY);
  });
});
