/**
 * The atlas for a second visit with no network: registers the service worker (dist/sw.js, see sw.ts) once
 * the first map is on screen and DuckDB has started (App.svelte), when the page is idle, and says where it stands — caching, available offline,
 * or a new release waiting for the user's "update". Nothing here runs in development (no sw.js there).
 */
import { hook } from '../io/instrument';

export type OfflineState = 'unsupported' | 'idle' | 'caching' | 'ready' | 'update' | 'failed';

export class Offline {
  state = $state<OfflineState>('idle');
  #reg: ServiceWorkerRegistration | null = null;
  #started = false;

  /** Register (after the first map, when the browser is idle). */
  start(url = './sw.js'): void {
    if (this.#started) return;
    this.#started = true;
    if (!('serviceWorker' in navigator) || import.meta.env.DEV) {
      this.state = 'unsupported';
      return;
    }
    const go = () => void this.#register(url);
    if ('requestIdleCallback' in window) requestIdleCallback(go, { timeout: 3000 });
    else setTimeout(go, 1000);
  }

  async #register(url: string): Promise<void> {
    try {
      const reg = await navigator.serviceWorker.register(url, { type: 'module', scope: './' });
      this.#reg = reg;
      const refresh = () => {
        const controlled = !!navigator.serviceWorker.controller;
        if (reg.waiting && controlled) this.state = 'update';
        else if (reg.installing || reg.waiting) this.state = 'caching';
        else if (reg.active) this.state = 'ready';
        hook('offline', this.state);
      };
      const follow = (w: ServiceWorker | null) => w?.addEventListener('statechange', refresh);
      follow(reg.installing ?? reg.waiting);
      reg.addEventListener('updatefound', () => {
        follow(reg.installing);
        refresh();
      });
      navigator.serviceWorker.addEventListener('controllerchange', refresh);
      refresh();
    } catch {
      this.state = 'failed';
      hook('offline', this.state);
    }
  }

  /** Use the waiting release: the worker takes over and the page reloads once, on the new files. */
  update(): void {
    const w = this.#reg?.waiting;
    if (!w) return;
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    w.postMessage({ type: 'update' });
  }
}

export const offline = new Offline();
