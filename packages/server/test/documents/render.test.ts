import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { inspectDocx } from '../../src/documents/docx-template.ts';
import { attachment, documentFileName } from '../../src/documents/formats.ts';
import { renderDocument } from '../../src/documents/render.ts';
import { TemplateProblem } from '../../src/documents/template-problem.ts';
import { blocksOf, inspectText } from '../../src/documents/text-template.ts';
import { docxText, docxWith, pdfText } from '../support/documents.ts';

const invoice = [
  '# Счёт № {number}',
  'Покупатель: {client}',
  'Сумма: {amount} руб.',
  '',
  '## Позиции',
  '{#items}',
  '- {name}: {qty} шт.',
  '{/items}',
  '{^paid}Оплатить до {due}.{/paid}',
].join('\n');
const data = {
  number: 17,
  client: 'ООО «Ромашка» <opt>',
  amount: '120 000',
  items: [
    { name: 'Кирпич', qty: 500 },
    { name: 'Цемент', qty: 40 },
  ],
  paid: false,
  due: '05.12.2026',
};
const text = (t: string) => ({ key: 'invoice', kind: 'text' as const, file: null, text: t });
const docx = (file: Buffer) => ({ key: 'contract', kind: 'docx' as const, file, text: null });

describe('text templates', () => {
  it('lay out headings, paragraphs and list items', () => {
    expect(blocksOf('# Title\nfirst line\nsecond line\n\n## Part\n- one\n- two\nafter')).toEqual([
      { kind: 'heading', text: 'Title' },
      { kind: 'paragraph', text: 'first line\nsecond line' },
      { kind: 'subheading', text: 'Part' },
      { kind: 'list', items: ['one', 'two'] },
      { kind: 'paragraph', text: 'after' },
    ]);
  });

  it('list the names they read', () => {
    expect(inspectText(invoice)).toEqual(['amount', 'client', 'due', 'items', 'number', 'paid']);
  });

  it('fill a PDF with the values, Cyrillic included, loops and conditions applied', async () => {
    const file = await renderDocument(text(invoice), 'pdf', data, 'invoice.pdf');
    expect(file.subarray(0, 5).toString()).toBe('%PDF-');
    const seen = await pdfText(file);
    expect(seen).toContain('Счёт № 17');
    expect(seen).toContain('Покупатель: ООО «Ромашка» <opt>');
    expect(seen).toContain('Кирпич: 500 шт.');
    expect(seen).toContain('Цемент: 40 шт.');
    expect(seen).toContain('Оплатить до 05.12.2026.');
  });

  it('fill a DOCX the same way, escaping what XML would read as markup', async () => {
    const file = await renderDocument(text(invoice), 'docx', { ...data, paid: true }, 'invoice.docx');
    const seen = docxText(file);
    expect(seen).toContain('Счёт № 17');
    expect(seen).toContain('Покупатель: ООО «Ромашка» <opt>');
    expect(seen).toContain('•\tКирпич: 500 шт.');
    expect(seen).not.toContain('Оплатить');
  });

  it('leave a value the process did not give empty', async () => {
    const seen = await pdfText(await renderDocument(text('Client: [{client}]'), 'pdf', {}, 'x.pdf'));
    expect(seen).toBe('Client: []');
  });

  it('name every tag that does not close', () => {
    const error = (() => {
      try {
        inspectText('Dear {client,\nyour {#items} order');
      } catch (e) {
        return e as TemplateProblem;
      }
    })();
    expect(error).toBeInstanceOf(TemplateProblem);
    expect(error?.problems.join('\n')).toMatch(/client/);
    expect(error?.problems.join('\n')).toMatch(/items/);
  });
});

describe('DOCX templates', () => {
  it('fill the uploaded file, keeping its layout, and list the names it reads', async () => {
    const template = docxWith('Договор № {number}', 'Заказчик: {client}', '{#items}{name};{/items}');
    expect(inspectDocx(template)).toEqual(['client', 'items', 'number']);
    const file = await renderDocument(docx(template), 'docx', data, 'c.docx');
    expect(docxText(file)).toBe('Договор № 17\nЗаказчик: ООО «Ромашка» <opt>\nКирпич;Цемент;');
  });

  it('make DOCX only: a PDF would need an office suite to lay the file out', async () => {
    await expect(renderDocument(docx(docxWith('{a}')), 'pdf', {}, 'c.pdf')).rejects.toThrow(
      'template contract is a DOCX template: it makes docx, not pdf',
    );
  });

  it('refuse a file that is not a DOCX, naming why', () => {
    expect(() => inspectDocx(Buffer.from('hello'))).toThrow('not a ZIP archive');
    const zip = new PizZip();
    zip.file('readme.txt', 'hi');
    expect(() => inspectDocx(zip.generate({ type: 'nodebuffer' }))).toThrow('it has no word/document.xml');
  });

  it('refuse a tag that does not close, naming it', () => {
    expect(() => inspectDocx(docxWith('Dear {client'))).toThrow(/the DOCX template has errors: .*\{client/);
  });

  it('refuse a file that would unpack to more than 100 MiB before unpacking it', () => {
    const zip = new PizZip(docxWith('{a}'));
    zip.file('word/media/padding.bin', Buffer.alloc(101 * 1024 * 1024));
    const bomb = zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(() => inspectDocx(bomb)).toThrow(/unpacks to \d+ bytes, more than 104857600/);
  });
});

describe('file names', () => {
  it('are one line without a path, with the extension', () => {
    expect(documentFileName('Договор 5', 'pdf')).toBe('Договор 5.pdf');
    expect(documentFileName('act.DOCX', 'docx')).toBe('act.docx');
    expect(documentFileName('../../etc/passwd\r\nX: y', 'pdf')).toBe('.. .. etc passwd X y.pdf');
    expect(documentFileName('  ', 'docx')).toBe('document.docx');
    expect(documentFileName('a'.repeat(500), 'pdf')).toHaveLength(200);
  });

  it('go into Content-Disposition in ASCII and UTF-8', () => {
    expect(attachment('Счёт "5".pdf')).toBe(
      `attachment; filename="____ _5_.pdf"; filename*=UTF-8''${encodeURIComponent('Счёт "5".pdf')}`,
    );
  });
});
