import { type DriveFile, MAX_FILE_BYTES } from '../api/drive.ts';
import { type SizeProblem, sizeProblem } from '../app/size-problem.ts';

/** Why a chosen file is not sent at all: the server would refuse it. */
export type UploadProblem = SizeProblem;

/** Where one chosen file is on its way into the folder. */
export type UploadState =
  | { phase: 'waiting' }
  | { phase: 'uploading' }
  | { phase: 'done'; file: DriveFile }
  | { phase: 'refused'; problem: UploadProblem }
  | { phase: 'failed'; error: unknown };

export interface Upload {
  /** Unique in the page's uploads (two files may share a name). */
  key: number;
  name: string;
  state: UploadState;
}

export const uploadProblem = (file: Pick<File, 'size'>): UploadProblem | null =>
  sizeProblem(file, MAX_FILE_BYTES);

/** Whether an upload is still to finish. */
export const pending = (upload: Upload) =>
  upload.state.phase === 'waiting' || upload.state.phase === 'uploading';
