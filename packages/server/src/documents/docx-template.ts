import Docxtemplater, { type DXT } from 'docxtemplater';
import PizZip from 'pizzip';
import { recordingNames, templateOptions } from './placeholders.ts';
import { TemplateProblem, templateProblemOf } from './template-problem.ts';

/** What a DOCX may unpack to: a real template is a few MB; a zip bomb is refused before it is inflated. */
const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;

interface ZipEntry {
  _data?: { uncompressedSize?: number };
}

function openDocx(file: Buffer): PizZip {
  let zip: PizZip;
  try {
    zip = new PizZip(file);
  } catch {
    throw new TemplateProblem('the file is not a DOCX document (not a ZIP archive)');
  }
  if (!zip.file('word/document.xml'))
    throw new TemplateProblem('the file is not a DOCX document (it has no word/document.xml)');
  const unpacked = Object.values(zip.files).reduce(
    (sum, entry) => sum + ((entry as unknown as ZipEntry)._data?.uncompressedSize ?? 0),
    0,
  );
  if (unpacked > MAX_UNPACKED_BYTES)
    throw new TemplateProblem(`the DOCX unpacks to ${unpacked} bytes, more than ${MAX_UNPACKED_BYTES}`);
  return zip;
}

function fill(file: Buffer, data: Record<string, unknown>, options: DXT.ConstructorOptions): Docxtemplater {
  const zip = openDocx(file);
  let doc: Docxtemplater;
  try {
    doc = new Docxtemplater(zip, options);
  } catch (error) {
    throw templateProblemOf(error, 'the DOCX template has errors');
  }
  try {
    return doc.render(data);
  } catch (error) {
    throw templateProblemOf(error, 'the DOCX template could not be filled');
  }
}

/** Checks a DOCX template and lists the names it reads; a TemplateProblem says what is wrong. */
export function inspectDocx(file: Buffer): string[] {
  const names = new Set<string>();
  fill(file, {}, recordingNames(names));
  return [...names].sort();
}

/** The DOCX template filled with `data`. */
export function renderDocx(file: Buffer, data: Record<string, unknown>): Buffer {
  return fill(file, data, templateOptions())
    .getZip()
    .generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}
