import { beforeAll, expect, it } from 'vitest';
import { KEPT_VERSIONS } from '../src/drive/files.ts';
import { apiSuite } from './api-harness.ts';
import { itemProcess } from './support/crm.ts';
import { addPeople } from './support/org.ts';
import { asUser } from './support/people.ts';
import { BINARY } from './support/uploads.ts';

/** Acknowledgment of a document on the drive: whoever uploaded it reads it. */
const acknowledge = itemProcess('read-the-rules', 'file', [
  {
    id: 'read',
    type: 'userTask',
    config: {
      kind: 'acknowledge',
      assignees: ['document.author'],
      title: 'Ознакомьтесь: {{ document.name }} (версия {{ document.version }}, {{ document.folder }})',
    },
  },
]);

const PDF = Buffer.from('%PDF-1.4 договор поставки');

apiSuite("the company's drive", (api) => {
  let contracts = '';
  const olga = asUser(() => api().app, 'olga'); // the lawyer: writes
  const ivan = asUser(() => api().app, 'ivan'); // sales: reads
  const petr = asUser(() => api().app, 'petr'); // elsewhere: nothing

  beforeAll(async () => {
    const a = api();
    await addPeople(a, {
      roles: ['lawyer'],
      departments: [{ id: 'sales', head: 'ivan' }, { id: 'workshop' }],
      users: [
        { id: 'olga', departmentId: 'workshop', canSignIn: true, roles: ['lawyer'] },
        { id: 'ivan', departmentId: 'sales', canSignIn: true },
        { id: 'petr', departmentId: 'workshop', canSignIn: true },
      ],
    });
    await a.publish(acknowledge);
    const res = await a.call('POST', '/api/v1/drive/folders', {
      name: 'Договоры',
      rights: { read: ['department:sales', 'role:lawyer'], write: ['role:lawyer'] },
    });
    expect(res.statusCode, res.body).toBe(201);
    contracts = res.json().id;
  });

  const upload = (call: typeof olga, name: string, content: Buffer, folder = contracts) =>
    call('POST', `/api/v1/drive/folders/${folder}/files?name=${encodeURIComponent(name)}`, content, BINARY);

  it('keeps folders with their rights; only process administrators set them up', async () => {
    const a = api();
    expect((await olga('GET', '/api/v1/drive/folders')).json().items).toMatchObject([
      { name: 'Договоры', canWrite: true, canManage: false },
    ]);
    expect((await ivan('GET', `/api/v1/drive/folders/${contracts}`)).json().canWrite).toBe(false);
    expect((await petr('GET', '/api/v1/drive/folders')).json().items).toEqual([]);
    expect((await petr('GET', `/api/v1/drive/folders/${contracts}`)).statusCode).toBe(404);
    expect((await olga('POST', '/api/v1/drive/folders', { name: 'Мои' })).statusCode).toBe(403);
    const taken = await a.call('POST', '/api/v1/drive/folders', { name: 'Договоры' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().errors).toEqual([
      { path: 'body.name', message: 'Договоры is taken by another folder' },
    ]);
    const nobody = await a.call('POST', '/api/v1/drive/folders', {
      name: 'Кадры',
      rights: { read: ['group:nobody'], write: [] },
    });
    expect(nobody.json().errors).toEqual([{ path: 'body.rights.read.0', message: 'no group nobody' }]);
  });

  it('takes an upload, and the same name again as its next version', async () => {
    const first = await upload(olga, 'Договор №1.pdf', Buffer.from('%PDF-1.4 черновик'));
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      name: 'Договор №1.pdf',
      contentType: 'application/pdf',
      version: 1,
      createdBy: 'olga',
      editable: true,
    });
    const second = await upload(olga, 'Договор №1.pdf', PDF);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ id: first.json().id, version: 2, size: PDF.length });

    // Sales download the latest version; they upload nothing.
    const download = await ivan('GET', `/api/v1/drive/files/${first.json().id}/content`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''");
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    const refused = await upload(ivan, 'x.txt', Buffer.from('x'));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('READ_ONLY');
    // The first version is kept: listed with who uploaded it, and downloaded as it was.
    const versions = (await ivan('GET', `/api/v1/drive/files/${first.json().id}/versions`)).json().items;
    expect(versions).toMatchObject([
      { version: 2, size: PDF.length, createdBy: 'olga', contentType: 'application/pdf' },
      { version: 1, createdBy: 'olga' },
    ]);
    const old = await ivan('GET', `/api/v1/drive/files/${first.json().id}/content?version=1`);
    expect(old.body).toBe('%PDF-1.4 черновик');
    expect((await ivan('GET', `/api/v1/drive/files/${first.json().id}/content?version=3`)).statusCode).toBe(
      404,
    );
    expect((await petr('GET', `/api/v1/drive/files/${first.json().id}`)).statusCode).toBe(404);
    expect((await petr('GET', `/api/v1/drive/files/${first.json().id}/content`)).statusCode).toBe(404);
  });

  it('makes two uploads of one new name at the same moment a file and its second version', async () => {
    const both = await Promise.all([
      upload(olga, 'Одновременно.txt', Buffer.from('first')),
      upload(olga, 'Одновременно.txt', Buffer.from('second')),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 201]);
    expect(new Set(both.map((r) => r.json().id)).size).toBe(1);
    const latest = both.find((r) => r.statusCode === 200)?.json();
    expect(latest.version).toBe(2);
    // Each kept with its own bytes.
    const contents = await Promise.all(
      [1, 2].map(
        async (v) => (await olga('GET', `/api/v1/drive/files/${latest.id}/content?version=${v}`)).body,
      ),
    );
    expect(contents.sort()).toEqual(['first', 'second']);
  });

  it('keeps the bytes of the latest twenty versions', async () => {
    let id = '';
    for (let v = 1; v <= KEPT_VERSIONS + 2; v++)
      id = (await upload(olga, 'Прайс.csv', Buffer.from(`v${v}`))).json().id;
    const versions = (await olga('GET', `/api/v1/drive/files/${id}/versions`)).json().items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual(
      Array.from({ length: KEPT_VERSIONS }, (_, i) => KEPT_VERSIONS + 2 - i),
    );
    expect((await olga('GET', `/api/v1/drive/files/${id}/content?version=2`)).statusCode).toBe(404);
    expect((await olga('GET', `/api/v1/drive/files/${id}/content`)).body).toBe(`v${KEPT_VERSIONS + 2}`);
  });

  it('refuses a bad name, an empty file, one too large and one of another content type', async () => {
    const slash = await upload(olga, 'a/b.pdf', PDF);
    expect(slash.statusCode).toBe(422);
    expect(slash.json().errors).toEqual([
      { path: 'querystring.name', message: 'a file name has no slashes and no control characters' },
    ]);
    expect((await upload(olga, 'empty.txt', Buffer.alloc(0))).json().errors).toEqual([
      { path: 'body', message: 'the file is empty' },
    ]);
    expect((await upload(olga, 'big.bin', Buffer.alloc(50 * 1024 * 1024 + 1))).statusCode).toBe(413);
    const json = await olga(
      'POST',
      `/api/v1/drive/folders/${contracts}/files?name=a.json`,
      { a: 1 },
      { 'content-type': 'application/json' },
    );
    expect(json.statusCode).toBe(415);
    expect(json.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const typed = await olga(
      'POST',
      `/api/v1/drive/folders/${contracts}/files?name=scan&type=image/png`,
      Buffer.from('png'),
      BINARY,
    );
    expect(typed.json().contentType).toBe('image/png');
    // A type that is not one is refused; one stored oddly is sent as plain bytes.
    const bad = await olga(
      'POST',
      `/api/v1/drive/folders/${contracts}/files?name=x&type=text/html;%20x`,
      Buffer.from('x'),
      BINARY,
    );
    expect(bad.statusCode).toBe(400);
  });

  it('finds files by name in any letter case, renames and deletes them', async () => {
    const a = api();
    for (const n of [1, 2, 3]) {
      a.clock.now += 1000;
      expect((await upload(olga, `Спецификация ${n}.xlsx`, Buffer.from(`s${n}`))).statusCode).toBe(201);
    }
    const found = (await ivan('GET', `/api/v1/drive/folders/${contracts}/files?q=СПЕЦИФ&limit=2`)).json();
    expect(found.items.map((f: { name: string }) => f.name)).toEqual([
      'Спецификация 3.xlsx',
      'Спецификация 2.xlsx',
    ]);
    const rest = (
      await ivan(
        'GET',
        `/api/v1/drive/folders/${contracts}/files?q=специф&limit=2&cursor=${found.nextCursor}`,
      )
    ).json();
    expect(rest).toMatchObject({ items: [{ name: 'Спецификация 1.xlsx' }], nextCursor: null });
    const [third, second] = found.items as { id: string }[];
    const taken = await olga('PATCH', `/api/v1/drive/files/${third?.id}`, { name: 'Спецификация 2.xlsx' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('FILE_NAME_TAKEN');
    const renamed = await olga('PATCH', `/api/v1/drive/files/${third?.id}`, {
      name: 'Спецификация итог.xlsx',
    });
    expect(renamed.json()).toMatchObject({ name: 'Спецификация итог.xlsx', updatedBy: 'olga' });
    expect((await ivan('DELETE', `/api/v1/drive/files/${second?.id}`)).statusCode).toBe(403);
    expect((await olga('DELETE', `/api/v1/drive/files/${second?.id}`)).statusCode).toBe(204);
    expect((await olga('GET', `/api/v1/drive/files/${second?.id}`)).statusCode).toBe(404);
  });

  it('runs a process about a file: it reads the file’s name, folder and version', async () => {
    const a = api();
    const put = (await upload(olga, 'Регламент продаж.docx', Buffer.from('v1'))).json();
    await upload(olga, 'Регламент продаж.docx', Buffer.from('v2'));
    const started = await olga('POST', '/api/v1/instances', {
      definitionKey: acknowledge.key,
      documentRef: `file:${put.id}`,
    });
    expect(started.statusCode, started.body).toBe(201);
    const [task] = await a.openTasks(started.json().id);
    expect((await olga('GET', `/api/v1/tasks/${task?.id}`)).json()).toMatchObject({
      assignees: ['olga'],
      title: 'Ознакомьтесь: Регламент продаж.docx (версия 2, Договоры)',
    });
    const hidden = await petr('POST', '/api/v1/instances', {
      definitionKey: acknowledge.key,
      documentRef: `file:${put.id}`,
    });
    expect(hidden.statusCode).toBe(422);
    expect(hidden.json().errors).toEqual([
      { path: 'body.documentRef', message: `there is no file ${put.id}` },
    ]);
    const offered = (await olga('GET', '/api/v1/definitions?published=true&documentType=file')).json().items;
    expect(offered.map((d: { key: string }) => d.key)).toEqual([acknowledge.key]);
  });

  it('installs the standard acknowledgment of a file: each reader is asked to read it', async () => {
    const a = api();
    const installed = await a.call('POST', '/api/v1/library/file-acknowledgment/install', {
      publish: true,
      language: 'ru',
    });
    expect(installed.statusCode, installed.body).toBe(201);
    const put = (await upload(olga, 'Правила внутреннего распорядка.pdf', PDF)).json();
    const started = await olga('POST', '/api/v1/instances', {
      definitionKey: 'file-acknowledgment',
      documentRef: `file:${put.id}`,
      params: { readers: ['ivan', 'olga'] },
    });
    expect(started.statusCode, started.body).toBe(201);
    const tasks = await a.openTasks(started.json().id);
    expect(tasks).toHaveLength(2);
    const task = (await ivan('GET', `/api/v1/tasks/${tasks[0]?.id}`)).json();
    expect(task).toMatchObject({
      title: 'Ознакомиться: Правила внутреннего распорядка.pdf',
      kind: 'acknowledge',
      documentRef: `file:${put.id}`,
    });
    expect(task.form.description).toContain('(версия 1) в папке «Договоры»');
  });

  it('deletes a folder with its files, and is closed to a token without the files scopes', async () => {
    const a = api();
    const temp = (await a.call('POST', '/api/v1/drive/folders', { name: 'Временная' })).json();
    const put = await a.call(
      'POST',
      `/api/v1/drive/folders/${temp.id}/files?name=x.txt`,
      Buffer.from('x'),
      BINARY,
    );
    expect(put.statusCode).toBe(201);
    expect((await olga('DELETE', `/api/v1/drive/folders/${temp.id}`)).statusCode).toBe(403);
    expect((await a.call('DELETE', `/api/v1/drive/folders/${temp.id}`)).statusCode).toBe(204);
    expect((await a.call('GET', `/api/v1/drive/files/${put.json().id}`)).statusCode).toBe(404);

    const token = await a.call('POST', '/api/v1/auth/tokens', { name: 'reader', scopes: ['files:read'] });
    const bearer = { authorization: `Bearer ${token.json().token}` };
    expect((await a.call('GET', '/api/v1/drive/folders', undefined, bearer)).statusCode).toBe(200);
    const write = await a.call('POST', '/api/v1/drive/folders', { name: 'T' }, bearer);
    expect(write.statusCode).toBe(403);
  });
});
