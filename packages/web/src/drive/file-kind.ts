/** What a file looks like in a list: the kind its icon shows. */
export const FILE_KINDS = ['pdf', 'text', 'sheet', 'slides', 'image', 'archive', 'other'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** Extensions by kind; a name's extension decides before its media type (a browser often sends none). */
const EXTENSIONS: Record<Exclude<FileKind, 'other'>, readonly string[]> = {
  pdf: ['pdf'],
  text: ['doc', 'docx', 'odt', 'rtf', 'txt', 'md'],
  sheet: ['xls', 'xlsx', 'ods', 'csv'],
  slides: ['ppt', 'pptx', 'odp'],
  image: ['png', 'jpg', 'jpeg', 'gif', 'webp', 'svg', 'bmp', 'heic'],
  archive: ['zip', 'rar', '7z', 'gz', 'tar'],
};

/** A file's kind by its name's extension, else by its media type's family (`image/…`, `text/…`). */
export function fileKindOf(file: { name: string; contentType: string }): FileKind {
  const dot = file.name.lastIndexOf('.');
  const extension = dot < 0 ? '' : file.name.slice(dot + 1).toLowerCase();
  const byName = FILE_KINDS.find((kind) => kind !== 'other' && EXTENSIONS[kind].includes(extension));
  if (byName) return byName;
  if (file.contentType.startsWith('image/')) return 'image';
  if (file.contentType.startsWith('text/')) return 'text';
  return file.contentType === 'application/pdf' ? 'pdf' : 'other';
}
