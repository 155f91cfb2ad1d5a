performance.mark('app-start');
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';

const target = document.getElementById('app');
function showFatal(message: string) {
  if (!target) return;
  const box = document.createElement('div');
  box.setAttribute('role', 'alert');
  box.className = 'fatal';
  box.textContent = `Coefficienti: ${message}`;
  target.prepend(box);
}
window.addEventListener('error', (e) => showFatal(e.message));
window.addEventListener('unhandledrejection', (e) => showFatal(String((e.reason as Error)?.message ?? e.reason)));

if (target) mount(App, { target });
