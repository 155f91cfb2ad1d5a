/** The app itself, loaded by the boot script (main.ts). */
import { mount } from 'svelte';
import App from './App.svelte';

export function start(target: HTMLElement): void {
  performance.mark('app-start');
  mount(App, { target });
}
