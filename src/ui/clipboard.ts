/**
 * Copy `text` to the clipboard. Where the browser refuses (no permission, an insecure page), the text is
 * selected in the input with id `fallbackId` so the user can copy it by hand. True when it was copied.
 */
export async function copyOrSelect(text: string, fallbackId: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    (document.getElementById(fallbackId) as HTMLInputElement | null)?.select();
    return false;
  }
}
