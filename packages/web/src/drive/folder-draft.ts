import type { DriveFolder, FolderInput } from '../api/drive.ts';
import { inputErrorsOf } from '../app/FormProblem.tsx';

/** A folder's settings as the form edits them. */
export interface FolderDraft {
  name: string;
  description: string;
  /** Who reads, as subjects (`everyone`, `role:clerk`). */
  read: string[];
  /** Who uploads, renames and deletes files. */
  write: string[];
}

/** A new folder: everyone reads and writes, as the server would have it. */
export const newFolderDraft = (): FolderDraft => ({
  name: '',
  description: '',
  read: ['everyone'],
  write: ['everyone'],
});

export const draftOfFolder = (folder: DriveFolder): FolderDraft => ({
  name: folder.name,
  description: folder.description,
  read: [...folder.rights.read],
  write: [...folder.rights.write],
});

export const folderOfDraft = (draft: FolderDraft): FolderInput => ({
  name: draft.name.trim(),
  description: draft.description.trim(),
  rights: { read: draft.read, write: draft.write },
});

const INPUT_OF = {
  name: 'name',
  description: 'description',
  'rights.read': 'read',
  'rights.write': 'write',
} as const satisfies Record<string, keyof FolderDraft>;

/** The refusal's first message for each input: `body.rights.read.2` → `read`. */
export const folderErrors = (error: unknown) => inputErrorsOf<keyof FolderDraft>(error, INPUT_OF);
