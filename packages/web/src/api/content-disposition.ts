/**
 * The file name a Content-Disposition header gives (RFC 6266): the UTF-8 `filename*` when present — a
 * Russian name travels only there — else the plain `filename`; null when it names none.
 *
 * @example
 * fileNameOf(`attachment; filename="Dogovor.pdf"; filename*=UTF-8''%D0%94%D0%BE%D0%B3.pdf`); // 'Дог.pdf'
 */
export function fileNameOf(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*([\w-]+)'[^']*'([^;]+)/i.exec(header);
  if (extended?.[2] && extended[1]?.toLowerCase() === 'utf-8') {
    try {
      return decodeURIComponent(extended[2].trim());
    } catch {
      // A malformed escape: fall back to the plain name.
    }
  }
  const plain = /filename\s*=\s*(?:"((?:\\.|[^"\\])*)"|([^;\s]+))/i.exec(header);
  const name = plain?.[1]?.replace(/\\(.)/g, '$1') ?? plain?.[2];
  return name ? name : null;
}
