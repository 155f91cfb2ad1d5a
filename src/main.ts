/**
 * Boot: a few lines that run before the app's JavaScript has even downloaded. They start the comune
 * boundaries' worker when the comune view is asked for (the heaviest part of the first map) and, for the
 * province and comune views, the worker that reads the map's first data; they show any fatal error in
 * the page instead of a blank screen, then load the app.
 */
import { startEarly } from './map/geometryJob';
import { startFirstData } from './boot/firstData';
import { GEO_PACKED } from './map/files';
import { mark } from './io/instrument';
import './app.css';

mark('boot');
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

try {
  if (GEO_PACKED.comune) startEarly(location.search, './', GEO_PACKED.comune);
  startFirstData(location.search, './');
} catch {
  // no early start (e.g. workers unavailable): the app fetches the boundaries and data itself
}
if (target) {
  import('./app').then(
    (m) => m.start(target),
    (e: Error) => showFatal(e.message),
  );
  // in an idle moment before the data arrives: the number formats' locale data (the legend needs it
  // with the map; loading it takes a few tens of ms the first time)
  const warm = () =>
    new Intl.NumberFormat(new URLSearchParams(location.search).get('lang') === 'en' ? 'en-GB' : 'it-IT', {
      maximumFractionDigits: 1,
    }).format(1.5);
  if ('requestIdleCallback' in window) requestIdleCallback(warm, { timeout: 500 });
  else setTimeout(warm, 200);
}
