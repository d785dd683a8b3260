import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { suiteStage } from './stage.ts';
import {
  DESKTOP,
  horizontalOverflow,
  openFromRussianMenu,
  openTaskId,
  PHONE,
  publish,
  SETUP_TIMEOUT,
  screenshot,
  switchToRussian,
} from './support.ts';

/** A template made for files: whoever added the file acknowledges its latest version. */
const acknowledgeFile = {
  key: 'acknowledge-file',
  name: 'Acknowledge the rules',
  documentType: 'file',
  nodes: [
    { id: 'start', type: 'start' },
    {
      id: 'read',
      type: 'userTask',
      name: 'Read',
      config: {
        kind: 'acknowledge',
        assignees: ['document.author'],
        title: 'Read {{ document.name }}, version {{ document.version }}',
      },
    },
    { id: 'end', type: 'end' },
  ],
  flows: [
    { id: 'f1', source: 'start', target: 'read' },
    { id: 'f2', source: 'read', target: 'end' },
  ],
};

interface FolderBody {
  id: string;
  name: string;
}

interface FileBody {
  id: string;
  name: string;
  version: number;
}

const text = (name: string, content: string) => ({
  name,
  mimeType: 'text/plain',
  buffer: Buffer.from(content),
});

/** Chooses files through the page's upload button, as the file picker would give them. */
async function upload(page: Page, button: string, files: ReturnType<typeof text>[]): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: button }).click(),
  ]);
  await chooser.setFiles(files);
}

/** The files of a folder as the folder's page lists them on a desktop. */
const filesTable = (page: Page) => page.getByRole('table', { name: 'Files' });

/**
 * An administrator sets up a folder everyone reads and the clerks write (told at the name first that
 * it is taken); a clerk uploads two files, one again as its next version, and drops a third; finds one
 * in another letter case, downloads and renames it; someone without the role only reads; a process
 * made for files starts from a file's page, and its card and task say what they are about; the file's
 * page lists the versions kept, an earlier one downloading as it was and one uploaded there joining
 * them as the current one; in Russian on a phone.
 */
describe('the company drive', () => {
  const stage = suiteStage(async (server) => {
    await server.api('POST', '/api/v1/roles', { name: 'clerk', title: 'Clerks' });
    await server.api('PATCH', '/api/v1/users/ivan', { roles: [{ role: 'clerk' }] });
    await server.api('POST', '/api/v1/drive/folders', { name: 'Archive' });
    await publish(server, acknowledgeFile);
  });
  let admin: Page;
  let clerk: Page;
  let folder: FolderBody;
  const folderFiles = async () =>
    (await stage.server.api<{ items: FileBody[] }>('GET', `/api/v1/drive/folders/${folder.id}/files`)).items;

  beforeAll(async () => {
    admin = await stage.signIn('admin', { viewport: DESKTOP });
    clerk = await stage.signIn('ivan', { viewport: DESKTOP });
  }, SETUP_TIMEOUT);

  it('is set up by an administrator: a folder everyone reads and the clerks write', async () => {
    await admin
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Files', exact: true })
      .click();
    await admin.getByRole('heading', { level: 1, name: 'Files' }).waitFor();
    await admin.getByRole('button', { name: 'New folder' }).click();
    const dialog = admin.getByRole('dialog', { name: 'New folder' });
    const name = dialog.getByRole('textbox', { name: 'Name' });
    await name.fill('Archive');
    await dialog.getByRole('textbox', { name: 'Description' }).fill('Rules everyone must know');
    // Everyone reads (the default); the clerks write instead of everyone.
    const writers = dialog.getByRole('combobox', { name: 'Who writes' });
    await writers.click();
    await writers.press('Backspace');
    await writers.fill('Clerks');
    await admin.getByRole('option', { name: 'Role: Clerks' }).click();
    await writers.press('Escape');
    await dialog.getByRole('button', { name: 'Create the folder' }).click();

    await dialog.getByText('There is already a folder by this name.').waitFor();
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
    await name.fill('Rules');
    await dialog.getByRole('button', { name: 'Create the folder' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Rules' }).waitFor();
    folder = { id: new URL(admin.url()).pathname.split('/').pop() ?? '', name: 'Rules' };
    expect(await stage.server.api('GET', `/api/v1/drive/folders/${folder.id}`)).toMatchObject({
      name: 'Rules',
      description: 'Rules everyone must know',
      rights: { read: ['everyone'], write: ['role:clerk'] },
    });
  });

  it('takes a clerk’s files; a name the folder has becomes its next version', async () => {
    await clerk
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Files', exact: true })
      .click();
    await clerk.getByRole('link', { name: 'Rules' }).click();
    await clerk.getByRole('heading', { level: 1, name: 'Rules' }).waitFor();
    await clerk.getByText('No files in this folder yet.').waitFor();

    await upload(clerk, 'Upload files', [
      text('Office rules.txt', 'Be kind.'),
      text('Price list.csv', 'item;price\npaper;5'),
    ]);
    const uploads = clerk.getByRole('list', { name: 'Uploaded 2 of 2' });
    await uploads.getByRole('listitem', { name: 'Office rules.txt' }).getByText('Added').waitFor();
    await uploads.getByRole('listitem', { name: 'Price list.csv' }).getByText('Added').waitFor();
    await clerk.getByRole('button', { name: 'Clear' }).click();

    await upload(clerk, 'Upload files', [text('Office rules.txt', 'Be kind. Say hello.')]);
    await clerk
      .getByRole('list', { name: 'Uploaded 1 of 1' })
      .getByRole('listitem', { name: 'Office rules.txt' })
      .getByText('Uploaded as version 2')
      .waitFor();
    await filesTable(clerk)
      .getByRole('row', { name: /Office rules\.txt/ })
      .getByRole('cell', { name: '2', exact: true })
      .waitFor();
    await clerk.getByRole('button', { name: 'Clear' }).click();

    // Dropped from the desktop onto the list.
    const dropped = await clerk.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['Lunch at one.'], 'Notes.txt', { type: 'text/plain' }));
      return transfer;
    });
    await clerk.getByText(/^Drag files here/).dispatchEvent('drop', { dataTransfer: dropped });
    await filesTable(clerk).getByRole('link', { name: 'Notes.txt' }).waitFor();
    expect(
      (await folderFiles())
        .map((f) => [f.name, f.version])
        .sort(([a], [b]) => String(a).localeCompare(String(b))),
    ).toEqual([
      ['Notes.txt', 1],
      ['Office rules.txt', 2],
      ['Price list.csv', 1],
    ]);
    await screenshot(clerk, 'drive-folder-desktop');
  });

  it('finds a file in another letter case, downloads it and renames it', async () => {
    await clerk.getByRole('searchbox', { name: 'Search the files' }).fill('OFFICE');
    await expect.poll(() => filesTable(clerk).getByRole('row').count()).toBe(2);
    const row = filesTable(clerk).getByRole('row', { name: /Office rules\.txt/ });

    await row.getByRole('button', { name: 'What to do with Office rules.txt' }).click();
    const [download] = await Promise.all([
      clerk.waitForEvent('download'),
      clerk.getByRole('menuitem', { name: 'Download' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Office rules.txt');
    expect(await readFile(await download.path(), 'utf8')).toBe('Be kind. Say hello.');

    await row.getByRole('button', { name: 'What to do with Office rules.txt' }).click();
    await clerk.getByRole('menuitem', { name: 'Rename' }).click();
    const dialog = clerk.getByRole('dialog', { name: 'Rename Office rules.txt' });
    const name = dialog.getByRole('textbox', { name: 'Name' });
    await name.fill('Price list.csv');
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await dialog.getByText('This folder already has a file by this name.').waitFor();
    await name.fill('House rules.txt');
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await clerk.getByText('Renamed to “House rules.txt”.').waitFor();
    await dialog.waitFor({ state: 'detached' });
    await clerk.getByRole('searchbox', { name: 'Search the files' }).fill('');
    await filesTable(clerk).getByRole('link', { name: 'House rules.txt' }).waitFor();
  });

  it('is read-only to someone without the role: nothing to upload, rename or delete', async () => {
    const reader = await stage.signIn('anna', { viewport: DESKTOP });
    await reader.goto('/drive');
    await reader.getByRole('article', { name: 'Rules' }).getByText('Read only').waitFor();
    await reader.getByRole('link', { name: 'Rules' }).click();
    await filesTable(reader).getByRole('link', { name: 'House rules.txt' }).waitFor();
    expect(await reader.getByRole('button', { name: 'Upload files' }).count()).toBe(0);
    expect(await reader.getByText(/^Drag files here/).count()).toBe(0);
    expect(await reader.getByRole('button', { name: 'Settings' }).count()).toBe(0);
    await reader.getByRole('button', { name: 'What to do with House rules.txt' }).click();
    await reader.getByRole('menuitem', { name: 'Download' }).waitFor();
    expect(await reader.getByRole('menuitem', { name: 'Rename' }).count()).toBe(0);
    await reader.context().close();
  });

  it('starts a process made for files from a file’s page; its card and task say what it is about', async () => {
    await filesTable(clerk).getByRole('link', { name: 'House rules.txt' }).click();
    await clerk.getByRole('heading', { level: 1, name: 'House rules.txt' }).waitFor();
    const filePath = new URL(clerk.url()).pathname;
    await clerk.getByRole('region', { name: 'About the file' }).getByText('Rules', { exact: true }).waitFor();
    await clerk.getByRole('link', { name: 'Download' }).waitFor();
    await clerk.getByRole('button', { name: 'Upload a new version' }).waitFor();

    const processes = clerk.getByRole('region', { name: 'Processes' });
    await processes.getByText('No process about this file yet.').waitFor();
    await processes.getByRole('button', { name: 'Start process' }).click();
    await clerk.getByRole('menuitem', { name: 'Acknowledge the rules' }).click();
    await clerk.getByText('Process “Acknowledge the rules” started.').waitFor();
    await screenshot(clerk, 'drive-file-desktop');
    await processes.getByRole('link', { name: 'Acknowledge the rules' }).click();

    await clerk.getByRole('heading', { level: 1, name: 'Acknowledge the rules' }).waitFor();
    const summary = clerk.getByRole('region', { name: 'Summary' });
    await summary.getByText('About: file').waitFor();
    const about = summary.getByRole('link', { name: 'House rules.txt' });
    expect(await about.getAttribute('href')).toBe(filePath);

    // The task went to the file's author, and says what it is about too.
    const id = filePath.split('/').pop() ?? '';
    const started = await stage.server.api<{ items: { id: string }[] }>(
      'GET',
      `/api/v1/instances?documentRef=file:${id}`,
    );
    const taskId = await openTaskId(stage.server, started.items[0]?.id ?? '');
    await clerk.goto(`/tasks/${encodeURIComponent(taskId)}`);
    await clerk.getByRole('heading', { level: 1, name: 'Read House rules.txt, version 2' }).waitFor();
    await clerk.getByText('About: file').waitFor();
    await clerk.getByRole('link', { name: 'House rules.txt' }).click();
    await clerk.getByRole('heading', { level: 1, name: 'House rules.txt' }).waitFor();
  });

  it('lists a file’s versions on its page: an earlier one downloads as it was, a new one becomes current', async () => {
    await clerk.getByRole('heading', { level: 1, name: 'House rules.txt' }).waitFor();
    const versions = clerk.getByRole('region', { name: 'Versions' });
    await versions.getByRole('link', { name: 'Version 1' }).waitFor();
    expect(await versions.getByRole('link').allInnerTexts()).toEqual(['Version 2', 'Version 1']);
    const [latest, first] = [versions.getByRole('listitem').nth(0), versions.getByRole('listitem').nth(1)];
    await latest.getByText('Current', { exact: true }).waitFor();
    await latest.getByText(/^19 bytes · uploaded by Ivan Petrov, /).waitFor();
    await first.getByText(/^8 bytes · uploaded by Ivan Petrov, /).waitFor();
    expect(await versions.getByText('Current', { exact: true }).count()).toBe(1);

    const [download] = await Promise.all([
      clerk.waitForEvent('download'),
      versions.getByRole('link', { name: 'Version 1' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('House rules.txt');
    expect(await readFile(await download.path(), 'utf8')).toBe('Be kind.');

    // A version uploaded from the page joins the list at once, and is the current one.
    await upload(clerk, 'Upload a new version', [text('rules-v3.txt', 'Be kind. Say hello. Smile.')]);
    await clerk.getByText('Version 3 uploaded.').waitFor();
    await versions.getByRole('link', { name: 'Version 3' }).waitFor();
    expect(await versions.getByRole('link').allInnerTexts()).toEqual(['Version 3', 'Version 2', 'Version 1']);
    await latest.getByText('Current', { exact: true }).waitFor();
    expect(await versions.getByText('Current', { exact: true }).count()).toBe(1);
  });

  it('is in Russian on a phone without sideways scrolling', async () => {
    const phone = await stage.signIn('ivan', { viewport: PHONE });
    await switchToRussian(phone);
    await openFromRussianMenu(phone, 'Диск');
    await phone.getByRole('link', { name: 'Rules' }).click();
    await phone.getByRole('heading', { level: 1, name: 'Rules' }).waitFor();
    await phone.getByRole('button', { name: 'Загрузить файлы' }).waitFor();
    await phone.getByRole('searchbox', { name: 'Поиск по файлам' }).waitFor();
    const cards = phone.getByRole('region', { name: 'Файлы' }).getByRole('article');
    await cards
      .filter({ hasText: 'House rules.txt' })
      .getByText(/· версия 3$/)
      .waitFor();
    expect(await cards.count()).toBe(3);
    expect(await horizontalOverflow(phone)).toBe(0);
    await screenshot(phone, 'drive-folder-phone');

    await phone.getByRole('link', { name: 'House rules.txt' }).click();
    await phone.getByRole('heading', { level: 1, name: 'House rules.txt' }).waitFor();
    await phone.getByRole('region', { name: 'О файле' }).getByText('Изменил(а)').waitFor();
    await phone.getByRole('button', { name: 'Загрузить новую версию' }).waitFor();
    await phone.getByRole('region', { name: 'Версии' }).getByRole('link', { name: 'Версия 1' }).waitFor();
    expect(await horizontalOverflow(phone)).toBe(0);
    const processes = phone.getByRole('region', { name: 'Процессы' });
    await processes.getByRole('link', { name: 'Acknowledge the rules' }).click();
    await phone.getByText('Касается: файл').waitFor();
    expect(await horizontalOverflow(phone)).toBe(0);
    await screenshot(phone, 'drive-process-phone');
    await phone.context().close();
  });
});
