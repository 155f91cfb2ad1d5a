/**
 * Stands in for @loaders.gl/core and @loaders.gl/images in the build (vite.config.ts `resolve.alias`).
 * deck.gl fetches and parses a layer's data through loaders.gl when that data is a URL; the atlas hands every
 * layer its data in memory (binary boundaries, point arrays, its own glyph atlas), so those loaders would be
 * some 30 KB gzip of JavaScript before the first map that never runs. A URL given to a layer fails in plain words.
 */
const refuse = (what: unknown): Promise<never> =>
  Promise.reject(new Error(`the map loads no data by URL (${String(what)}): layers get their data in memory`));

export function registerLoaders(): void {}
export const load = refuse;
export const parse = refuse;
export const fetchFile = (url: string, init?: RequestInit): Promise<Response> => fetch(url, init);
/** registered by deck.gl at start; never used to load an image here */
export const ImageLoader = { id: 'image', name: 'Images', module: 'images', extensions: [], mimeTypes: [] };
