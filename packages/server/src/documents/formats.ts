/** What a document is made as, and what each kind of template can make. */
export const DOCUMENT_FORMATS = ['pdf', 'docx'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export const TEMPLATE_KINDS = ['docx', 'text'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/**
 * A DOCX template keeps its own layout and makes DOCX (a PDF of it would need an office suite to lay
 * it out); a text template is laid out by Baton, as PDF or DOCX.
 */
export const FORMATS_OF: Record<TemplateKind, readonly DocumentFormat[]> = {
  docx: ['docx'],
  text: ['pdf', 'docx'],
};

export const MIME_TYPES: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

const FILE_NAME_LENGTH = 200;

/**
 * A file name safe to offer for download: one line, no path, at most 200 characters, ending in the
 * format's extension (added when missing).
 */
export function documentFileName(wanted: string, format: DocumentFormat): string {
  const extension = `.${format}`;
  const cleaned = wanted
    .replace(/[\p{Cc}/\\:*?"<>|]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const stem = cleaned.toLowerCase().endsWith(extension) ? cleaned.slice(0, -extension.length) : cleaned;
  return `${stem.slice(0, FILE_NAME_LENGTH - extension.length).trim() || 'document'}${extension}`;
}

/** A `Content-Disposition` for a download: an ASCII fallback and the UTF-8 name (RFC 6266). */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** A stored file's type as sent back: a well-formed one as given, anything else as plain bytes. */
export const safeType = (type: string) =>
  /^[\w.+-]+\/[\w.+-]+$/.test(type) ? type : 'application/octet-stream';
