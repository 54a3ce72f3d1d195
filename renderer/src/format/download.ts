/** Saves text as a file through a Blob link: works the same in the Electron window and in browser mode. */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  // A byte-order mark makes Excel read the file as UTF-8 (names with accents, the ⇄ arrow).
  const blob = new Blob(['\ufeff', text], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; keep the URL a moment for slow browsers, then free it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
