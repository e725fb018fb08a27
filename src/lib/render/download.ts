/** Characters Windows and macOS refuse in file names. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]+/g;

/** A safe file name: what and when, e.g. `整改完成率_按县_2023-12-31.png`. */
export function exportFileName(parts: string[], extension: string): string {
  // Spaces between words (English titles) become hyphens, so the words stay apart.
  const stem = parts.map((p) => p.replace(UNSAFE, '').trim().replace(/\s+/g, '-')).filter(Boolean).join('_').slice(0, 120);
  return `${stem || 'export'}.${extension}`;
}

/** Starts a browser download of a Blob (nothing leaves the machine). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
