/** The largest DOCX template the server takes (its limit on the decoded file). */
export const MAX_DOCX_BYTES = 10 * 1024 * 1024;

/** btoa takes a binary string; built in slices, since spreading megabytes into one call overflows the stack. */
const SLICE = 0x8000;

/** Bytes as base64 (what the upload's `content` carries). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += SLICE)
    binary += String.fromCharCode(...bytes.subarray(at, at + SLICE));
  return btoa(binary);
}

/** Why a chosen file cannot be a DOCX template, before sending it; null when it may be. */
export function docxProblem(file: { name: string; size: number }): 'notDocx' | 'tooLarge' | null {
  if (!file.name.toLowerCase().endsWith('.docx')) return 'notDocx';
  if (file.size > MAX_DOCX_BYTES) return 'tooLarge';
  return null;
}

/** A chosen file's content as base64. */
export async function readAsBase64(file: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()));
}

/** A template name from a file's: "Договор поставки.docx" → "Договор поставки". */
export const nameOfFile = (fileName: string) => fileName.replace(/\.docx$/i, '').trim();
