import { expect, it } from 'vitest';
import { apiSuite } from './api-harness.ts';

apiSuite('authentication and the open endpoints', (api) => {
  it('answers 401 problem+json without a token', async () => {
    const res = await api().call('GET', '/api/v1/instances', undefined, { authorization: '' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(res.json()).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
  });

  it('answers 401 for a wrong token and for another scheme', async () => {
    const wrong = await api().call('GET', '/api/v1/tasks', undefined, {
      authorization: 'Bearer not-the-token',
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).not.toContain('not-the-token');
    const basic = await api().call('GET', '/api/v1/tasks', undefined, {
      authorization: 'Basic dGVzdDp0ZXN0',
    });
    expect(basic.statusCode).toBe(401);
  });

  it('checks the token before reading the body', async () => {
    const res = await api().call('POST', '/api/v1/instances', '{not json', {
      authorization: 'Bearer nope',
      'content-type': 'application/json',
    });
    expect(res.statusCode).toBe(401);
  });

  it('keeps /health open: 200 { status: ok }', async () => {
    const res = await api().call('GET', '/health', undefined, { authorization: '' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('describes the API in OpenAPI at /api/docs/json, without a token', async () => {
    const res = await api().call('GET', '/api/docs/json', undefined, { authorization: '' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/health',
        '/api/v1/definitions',
        '/api/v1/definitions/{key}',
        '/api/v1/definitions/{key}/draft',
        '/api/v1/definitions/{key}/validate',
        '/api/v1/definitions/{key}/publish',
        '/api/v1/definitions/import',
        '/api/v1/definitions/{key}/bpmn',
        '/api/v1/instances',
        '/api/v1/instances/{id}',
        '/api/v1/instances/{id}/terminate',
        '/api/v1/instances/{id}/retry',
        '/api/v1/tasks',
        '/api/v1/tasks/{id}',
        '/api/v1/tasks/{id}/complete',
        '/api/v1/tasks/{id}/delegate',
        '/api/v1/messages',
        '/api/v1/jobs',
        '/api/v1/jobs/{key}/retry',
      ]),
    );
    const start = doc.paths['/api/v1/instances'].post;
    expect(start.requestBody.content['application/json'].schema.required).toContain('definitionKey');
    expect(doc.components.securitySchemes.bearer).toEqual({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/health'].get.security).toEqual([]);
  });

  it('serves the Swagger UI and its assets itself (no CDN)', async () => {
    const page = await api().call('GET', '/api/docs', undefined, { authorization: '' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('/api/docs/static/swagger-ui-bundle.js');
    expect(page.body).not.toMatch(/(src|href)="(https?:)?\/\//);
    const bundle = await api().call('GET', '/api/docs/static/swagger-ui-bundle.js', undefined, {
      authorization: '',
    });
    expect(bundle.statusCode).toBe(200);
  });
});
