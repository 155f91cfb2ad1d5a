/**
 * Words the page itself (App.svelte) shows about imports, kept apart from the import tool's i18n.ts so
 * that the first bundle does not carry the tool's whole dictionary.
 */
import type { Lang } from '../i18n';

/** Shown by the page while a link to imported data waits for them to be restored from this browser. */
export const restoreText: Record<Lang, { restoring: string; missing: (id: string) => string }> = {
  it: {
    restoring: 'Ripristino dei dati importati salvati in questo browser…',
    missing: (id) =>
      `Il link apre dati importati («${id}») che non sono in questo browser: importa di nuovo il file. Intanto è mostrato l’indicatore predefinito.`,
  },
  en: {
    restoring: 'Restoring the imported data kept in this browser…',
    missing: (id) =>
      `The link opens imported data (“${id}”) that are not in this browser: import the file again. Meanwhile the default indicator is shown.`,
  },
};
