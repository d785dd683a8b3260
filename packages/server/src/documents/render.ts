import { renderDocx } from './docx-template.ts';
import { type DocumentFormat, FORMATS_OF, type TemplateKind } from './formats.ts';
import { blocksToPdf } from './pdf.ts';
import { TemplateProblem } from './template-problem.ts';
import { blocksToDocx } from './text-docx.ts';
import { renderText } from './text-template.ts';

/** A template as stored: a DOCX file or a text. */
export interface StoredTemplate {
  key: string;
  kind: TemplateKind;
  file: Buffer | null;
  text: string | null;
}

/** The template filled with `data` as a file of `format`; a TemplateProblem when it cannot be made. */
export async function renderDocument(
  template: StoredTemplate,
  format: DocumentFormat,
  data: Record<string, unknown>,
  title: string,
): Promise<Buffer> {
  if (!FORMATS_OF[template.kind].includes(format))
    throw new TemplateProblem(
      `template ${template.key} is a ${template.kind.toUpperCase()} template: it makes ${FORMATS_OF[template.kind].join(', ')}, not ${format}`,
    );
  if (template.kind === 'docx') return renderDocx(template.file as Buffer, data);
  const blocks = renderText(template.text ?? '', data);
  return format === 'pdf' ? blocksToPdf(blocks, title) : blocksToDocx(blocks);
}
