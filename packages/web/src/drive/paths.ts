/** Where the drive's pages are: the folders, one folder's files, one file; and what processes about a file are. */
export const DRIVE_PATH = '/drive';
export const folderPath = (id: string) => `${DRIVE_PATH}/folders/${encodeURIComponent(id)}`;
export const filePath = (id: string) => `${DRIVE_PATH}/files/${encodeURIComponent(id)}`;

/** What processes about a file are made for: templates whose document type is `file`. */
export const FILE_DOCUMENT_TYPE = 'file';

/** A process about a file points to it so (`documentRef`). */
export const fileRef = (id: string) => `${FILE_DOCUMENT_TYPE}:${id}`;
