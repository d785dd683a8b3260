import type { DXT } from 'docxtemplater';
import TxtTemplater from 'docxtemplater/js/text.js';
import { recordingNames, templateOptions } from './placeholders.ts';
import { templateProblemOf } from './template-problem.ts';

/** A text template's layout after filling: `# ` heading, `## ` subheading, `- ` list item, paragraphs. */
export type Block =
  | { kind: 'heading' | 'subheading' | 'paragraph'; text: string }
  | { kind: 'list'; items: string[] };

function fill(text: string, data: Record<string, unknown>, options: DXT.ConstructorOptions): string {
  let template: TxtTemplater;
  try {
    template = new TxtTemplater(text, options);
  } catch (error) {
    throw templateProblemOf(error, 'the text template has errors');
  }
  try {
    return template.render(data);
  } catch (error) {
    throw templateProblemOf(error, 'the text template could not be filled');
  }
}

/** Checks a text template and lists the names it reads; a TemplateProblem says what is wrong. */
export function inspectText(text: string): string[] {
  const names = new Set<string>();
  fill(text, {}, recordingNames(names));
  return [...names].sort();
}

/** The text template filled with `data`, as blocks to lay out. */
export function renderText(text: string, data: Record<string, unknown>): Block[] {
  return blocksOf(fill(text, data, templateOptions()));
}

/** Lines into blocks; lines next to each other make one paragraph (their breaks kept). */
export function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const endParagraph = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join('\n') });
    paragraph = [];
  };
  for (const line of text.split(/\r?\n/)) {
    const heading = /^(#{1,2})\s+(.*)$/.exec(line);
    const item = /^[-•]\s+(.*)$/.exec(line)?.[1];
    if (heading || item !== undefined || line.trim() === '') endParagraph();
    if (heading)
      blocks.push({ kind: heading[1] === '#' ? 'heading' : 'subheading', text: (heading[2] ?? '').trim() });
    else if (item !== undefined) {
      const last = blocks.at(-1);
      if (last?.kind === 'list') last.items.push(item);
      else blocks.push({ kind: 'list', items: [item] });
    } else if (line.trim() !== '') paragraph.push(line);
  }
  endParagraph();
  return blocks;
}
