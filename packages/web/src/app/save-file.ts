/**
 * Hands the browser a file the page holds (an export, a document made on request) to save as `name`;
 * the object URL lives a moment longer than the click needs.
 */
export function saveFile(name: string, content: Blob | string, type = 'application/octet-stream'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
