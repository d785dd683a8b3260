import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api/client.ts';
import type { DriveFolder } from '../../src/api/drive.ts';
import { draftOfFolder, folderErrors, folderOfDraft, newFolderDraft } from '../../src/drive/folder-draft.ts';

const folder: DriveFolder = {
  id: 'f1',
  name: 'Rules',
  description: 'For everyone',
  rights: { read: ['everyone'], write: ['role:clerk'] },
  canWrite: true,
  canManage: true,
  createdAt: '2026-05-12T10:00:00.000Z',
  updatedAt: '2026-05-12T10:00:00.000Z',
};

describe("a folder's settings", () => {
  it('start, for a new folder, as the server would have them: everyone reads and writes', () => {
    expect(folderOfDraft(newFolderDraft())).toEqual({
      name: '',
      description: '',
      rights: { read: ['everyone'], write: ['everyone'] },
    });
  });

  it('go back to the server as they came, trimmed', () => {
    const draft = { ...draftOfFolder(folder), name: '  Rules 2026 ' };
    expect(folderOfDraft(draft)).toEqual({
      name: 'Rules 2026',
      description: 'For everyone',
      rights: { read: ['everyone'], write: ['role:clerk'] },
    });
  });

  it('show a refusal at the input it is about: an unknown subject at who reads or who writes', () => {
    const refused = new ApiError(422, 'VALIDATION', 'bad', [
      { path: 'body.rights.read.1', message: 'no role auditor' },
      { path: 'body.rights.read.2', message: 'no group x' },
      { path: 'body.rights.write.0', message: 'no user olga2' },
      { path: 'body.name', message: 'too long' },
    ]);
    expect(folderErrors(refused)).toEqual({
      read: 'no role auditor',
      write: 'no user olga2',
      name: 'too long',
    });
  });

  it('show nothing at the inputs for an error that is not a refusal of the body', () => {
    expect(folderErrors(new Error('offline'))).toEqual({});
    expect(folderErrors(new ApiError(403, 'FORBIDDEN', 'no'))).toEqual({});
  });
});
