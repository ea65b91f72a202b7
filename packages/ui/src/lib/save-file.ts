import type { Download } from '../api/transport.ts';

/**
 * Hand a downloaded file to the browser's save dialog. The API needs the bearer token, which a
 * plain link cannot carry, so the file is fetched and offered from an object URL.
 */
export function saveFile(download: Download, fallbackName: string): void {
  const url = URL.createObjectURL(download.blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = download.filename ?? fallbackName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
