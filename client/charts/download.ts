// Saves something made in the page (a chart's PNG, its CSV) as a download, and names the file after what it shows.

/** Starts a download of `href` (a data: or blob: URL) under `filename`. */
export function saveAs(href: string, filename: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  // Firefox ignores clicks on links that are not in the document.
  document.body.append(link);
  link.click();
  link.remove();
}

export function saveText(text: string, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  saveAs(url, filename);
  // Revoked on the next turn: the browser has taken the download by then, and the blob is not kept alive.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** `roadmap-needs_top_needs_KZ-10_2024-03-01.png`: survey, question and filter, safe on every file system. */
export function fileName(parts: readonly (string | null | undefined)[], extension: string): string {
  const safe = parts
    .filter((p): p is string => Boolean(p))
    .map((p) => p.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, ''))
    .filter(Boolean);
  return `${safe.join('_')}.${extension}`;
}
