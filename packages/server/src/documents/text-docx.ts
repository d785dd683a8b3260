import PizZip from 'pizzip';
import type { Block } from './text-template.ts';

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELATIONSHIPS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

const escapeXml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

/** A run of text; line breaks inside it become `<w:br/>`. Sizes in half-points. */
function run(text: string, size: number, bold: boolean): string {
  const props = `<w:rPr>${bold ? '<w:b/>' : ''}<w:sz w:val="${size}"/></w:rPr>`;
  const lines = text.split('\n').map((line) => `<w:t xml:space="preserve">${escapeXml(line)}</w:t>`);
  return `<w:r>${props}${lines.join('<w:br/>')}</w:r>`;
}

function paragraph(text: string, size: number, bold: boolean, indent = false): string {
  const props = `<w:pPr><w:spacing w:after="160"/>${indent ? '<w:ind w:left="360" w:hanging="360"/>' : ''}</w:pPr>`;
  return `<w:p>${props}${run(text, size, bold)}</w:p>`;
}

function blockXml(b: Block): string {
  if (b.kind === 'list') return b.items.map((item) => paragraph(`•\t${item}`, 22, false, true)).join('');
  if (b.kind === 'heading') return paragraph(b.text, 32, true);
  if (b.kind === 'subheading') return paragraph(b.text, 26, true);
  return paragraph(b.text, 22, false);
}

/** Blocks as a DOCX document (the few parts Word and LibreOffice need). */
export function blocksToDocx(blocks: readonly Block[]): Buffer {
  const body = blocks.map(blockXml).join('');
  const zip = new PizZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES);
  zip.file('_rels/.rels', RELATIONSHIPS);
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr></w:body></w:document>`,
  );
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}
