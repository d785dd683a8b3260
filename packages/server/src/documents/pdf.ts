import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Block } from './text-template.ts';

const require = createRequire(import.meta.url);
// pdfmake's own Roboto, which has Cyrillic; these files are all it may read, and it fetches no URL.
const fonts = require('pdfmake/fonts/Roboto.js') as { Roboto: { normal: string } };
const fontDirectory = dirname(fonts.Roboto.normal);
pdfmake.setFonts(fonts);
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path: string) => dirname(path) === fontDirectory);

/** Blocks laid out on A4 pages as PDF. */
export async function blocksToPdf(blocks: readonly Block[], title: string): Promise<Buffer> {
  const content = blocks.map(
    (b): Content =>
      b.kind === 'list' ? { ul: b.items, margin: [0, 0, 0, 8] } : { text: b.text, style: b.kind },
  );
  return a4Pdf({
    info: { title },
    pageMargins: [56, 56, 56, 56],
    content,
    defaultStyle: { fontSize: 11, lineHeight: 1.25 },
    styles: {
      heading: { fontSize: 16, bold: true, margin: [0, 0, 0, 10] },
      subheading: { fontSize: 13, bold: true, margin: [0, 6, 0, 6] },
      paragraph: { margin: [0, 0, 0, 8] },
    },
  });
}

/** A document on A4 pages in Roboto, the only font pdfmake may read here. */
export async function a4Pdf(document: TDocumentDefinitions): Promise<Buffer> {
  const pdf = pdfmake.createPdf({
    pageSize: 'A4',
    ...document,
    defaultStyle: { font: 'Roboto', ...document.defaultStyle },
  });
  return Buffer.from(await pdf.getBuffer());
}
