/**
 * Saves text as a file from an extension page: a Blob link with `download`, so no
 * `downloads` permission is needed.
 */
export function saveTextFile(fileName: string, text: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mimeType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: Chromium may still be reading the Blob for the download.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `2026-11-25T08-40` for file names (no `:`, which Windows refuses). */
export const fileStamp = (now: Date) => now.toISOString().slice(0, 16).replace(/:/g, '-');
