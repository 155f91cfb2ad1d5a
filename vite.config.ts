/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { cspWriterScript } from './src/boot/csp.ts';
import { GEOMETRY_WORKER_PLACEHOLDER, writeFirstPicture } from './src/contract/firstPicture.ts';

/**
 * The first picture's constants (src/contract/firstPicture.ts) written into index.html's inline script, in
 * development and build alike, before the CSP hashes that script (tests/boot/firstPicture.test.ts).
 */
function firstPictureContract(): Plugin {
  return {
    name: 'coefficienti-first-picture',
    transformIndexHtml: { order: 'pre', handler: writeFirstPicture },
  };
}

/**
 * The entry (src/main.ts) is a small boot script that loads the app with a dynamic import. So that the
 * app's JavaScript still downloads from the first moment, its chunks are announced in index.html as
 * modulepreload links (Vite does this for static imports only). The inline script of index.html also
 * learns the file name of the geometry worker, which it starts for the comune view.
 */
function preloadApp(): Plugin {
  return {
    name: 'coefficienti-preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        const entry = ctx.chunk;
        if (!bundle || !entry) return html;
        // the comune boundaries' worker, started by the inline script (see index.html)
        const worker = Object.keys(bundle).find((f) => /(^|\/)geometry\.worker-[^/]*\.js$/.test(f));
        if (worker)
          html = html.replace(`'${GEOMETRY_WORKER_PLACEHOLDER}'`, JSON.stringify(`./${worker}`).replace(/"/g, "'"));
        const files = new Set<string>();
        const add = (f: string) => {
          const c = bundle[f];
          if (!c || c.type !== 'chunk' || files.has(f) || f === entry.fileName) return;
          files.add(f);
          c.imports.forEach(add);
        };
        // the app chunk (the boot's dynamic import) and what it imports statically, then the map
        // (MapLibre: the app's dynamic import of MapView) and its own static imports
        const app = entry.dynamicImports.find((f) => /(^|\/)app-[^/]*\.js$/.test(f));
        if (app) add(app);
        const appChunk = app ? bundle[app] : undefined;
        const map =
          appChunk?.type === 'chunk'
            ? appChunk.dynamicImports.find((f) => /(^|\/)MapView-[^/]*\.js$/.test(f))
            : undefined;
        if (map) add(map);
        return {
          html,
          tags: [...files].map((f) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: '', href: `./${f}` },
            injectTo: 'head' as const,
          })),
        };
      },
    },
  };
}

/**
 * The page's Content-Security-Policy (src/boot/csp.ts): requests only to the page's own origin (plus a tile
 * server the user names with ?tiles=), scripts only from it (the inline scripts by their hash). Written by
 * the first script of <head>, before anything else can run; build only (Vite's dev server injects scripts).
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'coefficienti-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const hashes = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
          (m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`,
        );
        // after <meta charset> (which must come first), before every other element
        return html.replace(/(<meta charset="[^"]*"\s*\/?>)/i, `$1\n    <script>${cspWriterScript(hashes)}</script>`);
      },
    },
  };
}

/**
 * The service worker of a second visit with no network (src/offline/sw.ts): written to dist/sw.js after the
 * build, with the list of every file of the release and a version that changes whenever any file changes
 * (so a new release, data included, is offered as an update).
 */
function serviceWorker(): Plugin {
  let outDir = 'dist';
  return {
    name: 'coefficienti-service-worker',
    apply: 'build',
    configResolved(c) {
      outDir = path.resolve(c.root, c.build.outDir);
    },
    closeBundle() {
      const files: string[] = [];
      const walk = (dir: string) => {
        for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
          const p = path.join(dir, e.name);
          if (e.isDirectory()) walk(p);
          else files.push(path.relative(outDir, p).split(path.sep).join('/'));
        }
      };
      walk(outDir);
      const precache = files.filter((f) => f !== 'sw.js');
      const hash = createHash('sha256');
      for (const f of precache) hash.update(f).update(fs.readFileSync(path.join(outDir, f)));
      const version = hash.digest('hex').slice(0, 16);
      const source = fs.readFileSync(path.resolve(import.meta.dirname, 'src/offline/sw.ts'), 'utf8');
      const js = ts.transpileModule(source, {
        compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
      }).outputText;
      const head = `self.__PRECACHE__ = ${JSON.stringify(precache)};\nself.__VERSION__ = ${JSON.stringify(version)};\n`;
      fs.writeFileSync(path.join(outDir, 'sw.js'), head + js);
    },
  };
}

/** Test files that need fresh modules of their own (module mocks, stubbed globals, the app's state singletons). */
const ISOLATED = [
  'tests/boot/**/*.test.ts',
  'tests/state/**/*.test.ts',
  'tests/grouping/**/*.test.ts',
  'tests/import/**/*.test.ts',
  'tests/io/**/*.test.ts',
  'tests/network/**/*.test.ts',
  'tests/project/**/*.test.ts',
  'tests/spatial/**/*.test.ts',
  'tests/story/**/*.test.ts',
];

export default defineConfig({
  base: './',
  plugins: [svelte(), firstPictureContract(), preloadApp(), contentSecurityPolicy(), serviceWorker()],
  // deck.gl's URL loaders, never used by the atlas (every layer's data is in memory): see src/map/noLoaders.ts
  resolve: {
    alias: {
      '@loaders.gl/core': path.resolve(import.meta.dirname, 'src/map/noLoaders.ts'),
      '@loaders.gl/images': path.resolve(import.meta.dirname, 'src/map/noLoaders.ts'),
    },
  },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  server: { port: 5173 },
  preview: { port: 4173 },
  // Unit, pipeline and DuckDB tests, in worker threads. Most files test pure code (or spawn the CLIs) and share
  // a worker's loaded modules (isolate false: each file no longer re-imports Svelte, DuckDB, hyparquet…); the
  // files that mock modules, stub globals, or drive the app's state classes each get fresh modules.
  test: {
    environment: 'node',
    testTimeout: 60000,
    pool: 'threads',
    projects: [
      { extends: true, test: { name: 'shared', include: ['tests/**/*.test.ts'], exclude: ISOLATED, isolate: false } },
      { extends: true, test: { name: 'isolated', include: ISOLATED } },
    ],
  },
});
