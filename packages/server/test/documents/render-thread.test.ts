import { describe, expect, it } from 'vitest';
import { DocumentRenderer } from '../../src/documents/render-thread.ts';
import { TemplateProblem } from '../../src/documents/template-problem.ts';
import { pdfText } from '../support/documents.ts';

const text = (t: string) => ({ key: 'k', kind: 'text' as const, file: null, text: t });
const many = (n: number) => Array.from({ length: n }, (_, i) => ({ n: i }));

describe('the document thread', () => {
  it('renders a document, and reports a template problem as one', async () => {
    const renderer = new DocumentRenderer();
    const file = await renderer.render(text('Здравствуйте, {who}'), 'pdf', { who: 'Анна' }, 'x.pdf');
    expect(await pdfText(file)).toBe('Здравствуйте, Анна');
    const refused = await renderer.render(text('{who'), 'pdf', {}, 'x.pdf').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TemplateProblem);
    expect((refused as TemplateProblem).problems).toEqual(['The tag beginning with "{who" is unclosed']);
  });

  it('gives up on a document that takes too long, and makes the next one on a new thread', async () => {
    // Long enough for a new thread to start (it loads the renderer), far too short for 200,000 rows of PDF.
    const renderer = new DocumentRenderer({ timeoutMs: 3000, heapMb: 512 });
    const slow = renderer.render(text('{#rows}- row {n}\n{/rows}'), 'pdf', { rows: many(200_000) }, 'x.pdf');
    await expect(slow).rejects.toThrow('the document took longer than 3 s to make');
    await expect(slow).rejects.toBeInstanceOf(TemplateProblem);
    expect(await pdfText(await renderer.render(text('next'), 'pdf', {}, 'x.pdf'))).toBe('next');
  });

  it('fails the document that exhausts its heap, not the server, and goes on', async () => {
    const renderer = new DocumentRenderer({ timeoutMs: 60_000, heapMb: 24 });
    const big = renderer.render(text('{#rows}- row {n}\n{/rows}'), 'docx', { rows: many(400_000) }, 'x.docx');
    await expect(big).rejects.toThrow(/the document thread (failed|stopped)/);
    expect((await renderer.render(text('after'), 'docx', {}, 'x.docx')).subarray(0, 2).toString()).toBe('PK');
  });
});
