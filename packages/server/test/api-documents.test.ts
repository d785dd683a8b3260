import { expect, it } from 'vitest';
import { apiSuite } from './api-harness.ts';
import { base64, INVOICE, purchase, putTemplate, setUpDocuments } from './support/document-processes.ts';
import { docxText, docxWith, pdfText } from './support/documents.ts';
import { signIn } from './support/people.ts';

apiSuite('document templates', (api) => {
  it('keeps templates: listed with what they make and read, replaced, downloaded, deleted', async () => {
    const a = api();
    await setUpDocuments(a);
    const list = await a.call('GET', '/api/v1/document-templates');
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([
      {
        key: 'contract',
        name: 'Договор',
        kind: 'docx',
        formats: ['docx'],
        placeholders: ['client'],
        size: docxWith('Договор с {client}').length,
        updatedAt: new Date(a.clock.now).toISOString(),
        updatedBy: 'admin',
      },
      expect.objectContaining({
        key: 'invoice',
        kind: 'text',
        formats: ['pdf', 'docx'],
        placeholders: ['amount', 'client', 'items'],
      }),
    ]);
    expect((await a.call('GET', '/api/v1/document-templates/invoice')).json()).toMatchObject({
      text: INVOICE,
    });

    const replaced = await putTemplate(a, 'notice', { name: 'Notice', kind: 'text', text: 'Hello {who}' });
    expect(replaced.statusCode).toBe(201);
    const again = await putTemplate(a, 'notice', { name: 'Notice v2', kind: 'text', text: 'Hi {name}' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ name: 'Notice v2', placeholders: ['name'], text: 'Hi {name}' });

    const file = await a.call('GET', '/api/v1/document-templates/contract/file');
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('wordprocessingml');
    expect(docxText(file.rawPayload)).toBe('Договор с {client}');
    expect((await a.call('GET', '/api/v1/document-templates/notice/file')).json()).toMatchObject({
      status: 409,
      code: 'NOT_A_FILE',
    });

    expect((await a.call('DELETE', '/api/v1/document-templates/notice')).statusCode).toBe(204);
    expect((await a.call('GET', '/api/v1/document-templates/notice')).statusCode).toBe(404);
    expect((await a.call('DELETE', '/api/v1/document-templates/notice')).statusCode).toBe(404);
  });

  it('refuses a broken template, naming the problem and where, and keeps the one stored', async () => {
    const a = api();
    await setUpDocuments(a);
    const unclosed = await putTemplate(a, 'invoice', { name: 'Счёт', kind: 'text', text: 'Dear {client' });
    expect(unclosed.statusCode).toBe(422);
    expect(unclosed.json()).toMatchObject({
      code: 'INVALID_TEMPLATE',
      errors: [{ path: 'body.text', message: 'The tag beginning with "{client" is unclosed' }],
    });
    const notDocx = await putTemplate(a, 'contract', {
      name: 'Договор',
      kind: 'docx',
      content: base64(Buffer.from('plain')),
    });
    expect(notDocx.statusCode).toBe(422);
    expect(notDocx.json().errors).toEqual([
      { path: 'body.content', message: 'the file is not a DOCX document (not a ZIP archive)' },
    ]);
    expect((await a.call('GET', '/api/v1/document-templates/invoice')).json().text).toBe(INVOICE);

    const badKey = await putTemplate(a, '-x', { name: 'x', kind: 'text', text: '' });
    expect(badKey.statusCode).toBe(400);
    expect(badKey.json().errors[0].path).toBe('params.key');
    const unknownField = await putTemplate(a, 'x', { name: 'x', kind: 'text', text: '', extra: 1 });
    expect(unknownField.statusCode).toBe(400);
    const notBase64 = await putTemplate(a, 'x', { name: 'x', kind: 'docx', content: '***' });
    expect(notBase64.statusCode).toBe(400);
    expect(notBase64.json().errors[0].path).toBe('body.content');
  });

  it('lets process administrators edit templates; employees only read them', async () => {
    const a = api();
    await setUpDocuments(a);
    const emma = await signIn(a.app, 'emma');
    expect((await emma.call('GET', '/api/v1/document-templates')).statusCode).toBe(200);
    expect(
      (await emma.call('PUT', '/api/v1/document-templates/x', { name: 'x', kind: 'text', text: 'x' }))
        .statusCode,
    ).toBe(403);
    expect((await emma.call('DELETE', '/api/v1/document-templates/invoice')).statusCode).toBe(403);
    expect(
      (await emma.call('POST', '/api/v1/document-templates/invoice/preview', { format: 'pdf', data: {} }))
        .statusCode,
    ).toBe(403);
  });

  it('tries a template with sample data before a process uses it', async () => {
    const a = api();
    await setUpDocuments(a);
    const pdf = await a.call('POST', '/api/v1/document-templates/invoice/preview', {
      format: 'pdf',
      data: { client: 'ИП Петров', amount: 10, items: [{ name: 'Песок', qty: 2 }] },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('Счёт.pdf')}`,
    );
    expect(await pdfText(pdf.rawPayload)).toBe('Счёт для ИП Петров\nСумма: 10\nПесок: 2');
    const asPdf = await a.call('POST', '/api/v1/document-templates/contract/preview', {
      format: 'pdf',
      data: {},
    });
    expect(asPdf.statusCode).toBe(422);
    expect(asPdf.json().detail).toBe('template contract is a DOCX template: it makes docx, not pdf');
  });

  it('warns at publishing of a template not stored, or a format its template cannot make', async () => {
    const a = api();
    await setUpDocuments(a);
    const draft = {
      ...purchase,
      key: 'warned-docs',
      nodes: purchase.nodes.map((n) =>
        n.id === 'invoice'
          ? { ...n, config: { ...n.config, template: 'missing' } }
          : n.id === 'contract'
            ? { ...n, config: { ...n.config, format: 'pdf' } }
            : n,
      ),
    };
    expect((await a.call('PUT', '/api/v1/definitions/warned-docs/draft', draft)).statusCode).toBe(200);
    const validated = await a.call('POST', '/api/v1/definitions/warned-docs/validate');
    const published = await a.call('POST', '/api/v1/definitions/warned-docs/publish');
    expect(published.statusCode).toBe(200);
    const expected = [
      {
        severity: 'warning',
        code: 'BAD_REFERENCE',
        message: 'there is no document template missing: its documents will fail until it is uploaded',
        nodeId: 'invoice',
        path: 'nodes[1].config.template',
      },
      {
        severity: 'warning',
        code: 'INVALID_CONFIG',
        message: 'document template contract is a DOCX template: it makes docx, not pdf',
        nodeId: 'contract',
        path: 'nodes[2].config.format',
      },
    ];
    expect(published.json().warnings).toEqual(expected);
    expect(validated.json()).toEqual({ ok: true, problems: expected });
  });
});
