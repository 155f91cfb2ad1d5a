/** The app itself, loaded by the boot script (main.ts). */
import { mount } from 'svelte';
import App from './App.svelte';
import { mark } from './io/instrument';

export function start(target: HTMLElement): void {
  mark('app-start');
  mount(App, { target });
}
