import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { mediaTypeOf } from '../app/media-type.ts';
import { type Body, call, callWithBytes, urlOf } from './client.ts';
import { refresh } from './query-client.ts';
import type { DriveFile, DriveFileVersion, DriveFolder } from './schema.gen.ts';

export type { DriveFile, DriveFileVersion, DriveFolder };
/** What POST and PUT take: the whole folder's settings. */
export type FolderInput = Body<'POST /api/v1/drive/folders'>;

/** The largest file the drive keeps (the server answers 413 beyond). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** Everything of the drive under `drive`, so whatever changes a folder or a file refreshes them all. */
export const driveKeys = {
  folders: ['drive', 'folders'] as const,
  folder: (id: string) => ['drive', 'folder', id] as const,
  files: (folderId: string, q: string) => ['drive', 'files', folderId, q] as const,
  file: (id: string) => ['drive', 'file', id] as const,
  versions: (id: string) => ['drive', 'versions', id] as const,
};

/** The folders I read, by name. */
export function useFolders() {
  return useQuery({
    queryKey: driveKeys.folders,
    queryFn: ({ signal }) => call('GET /api/v1/drive/folders', { signal }),
  });
}

export function useFolder(id: string) {
  return useQuery({
    queryKey: driveKeys.folder(id),
    queryFn: ({ signal }) => call('GET /api/v1/drive/folders/{id}', { path: { id }, signal }),
    enabled: id !== '',
  });
}

/** Creates a folder (`id` null) or replaces the settings of the folder `id` (`manageFiles`). */
export function useSaveFolder(id: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: FolderInput) =>
      id === null
        ? call('POST /api/v1/drive/folders', { body })
        : call('PUT /api/v1/drive/folders/{id}', { path: { id }, body }),
    onSuccess: (saved) => {
      client.setQueryData(driveKeys.folder(saved.id), saved);
      refresh(client, 'drive');
    },
  });
}

/** Deletes a folder with its files. */
export function useDeleteFolder() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('DELETE /api/v1/drive/folders/{id}', { path: { id } }),
    onSuccess: (_, id) => {
      client.removeQueries({ queryKey: driveKeys.folder(id) });
      refresh(client, 'drive');
    },
  });
}

/** A folder's files, the latest changed first, page by page; `q` searches names in any letter case. */
export function useFiles(folderId: string, q: string) {
  return useInfiniteQuery({
    queryKey: driveKeys.files(folderId, q),
    queryFn: ({ pageParam, signal }) =>
      call('GET /api/v1/drive/folders/{id}/files', {
        path: { id: folderId },
        query: { ...(q ? { q } : {}), ...(pageParam ? { cursor: pageParam } : {}) },
        signal,
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: folderId !== '',
  });
}

export function useFile(id: string) {
  return useQuery({
    queryKey: driveKeys.file(id),
    queryFn: ({ signal }) => call('GET /api/v1/drive/files/{id}', { path: { id }, signal }),
    enabled: id !== '',
  });
}

/** The versions of a file whose bytes are kept (the latest 20), the latest first. */
export function useFileVersions(id: string) {
  return useQuery({
    queryKey: driveKeys.versions(id),
    queryFn: ({ signal }) => call('GET /api/v1/drive/files/{id}/versions', { path: { id }, signal }),
    enabled: id !== '',
  });
}

/**
 * Uploads a file into a folder under `name` (the chosen file's own by default): a name the folder has
 * becomes that file's next version, with the same id.
 */
export function uploadFile(folderId: string, file: File, name = file.name): Promise<DriveFile> {
  const type = mediaTypeOf(file);
  return callWithBytes(
    'POST /api/v1/drive/folders/{id}/files',
    { path: { id: folderId }, query: { name, ...(type ? { type } : {}) } },
    file,
  );
}

/** Uploads one file (see uploadFile) and refreshes what shows the drive (its versions too). */
export function useUploadFile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { folderId: string; file: File; name?: string }) =>
      uploadFile(input.folderId, input.file, input.name),
    onSuccess: (saved) => {
      client.setQueryData(driveKeys.file(saved.id), saved);
      refresh(client, 'drive');
    },
  });
}

export function useRenameFile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; name: string }) =>
      call('PATCH /api/v1/drive/files/{id}', { path: { id: input.id }, body: { name: input.name } }),
    onSuccess: (saved) => {
      client.setQueryData(driveKeys.file(saved.id), saved);
      refresh(client, 'drive');
    },
  });
}

export function useDeleteFile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('DELETE /api/v1/drive/files/{id}', { path: { id } }),
    onSuccess: (_, id) => {
      client.removeQueries({ queryKey: driveKeys.file(id) });
      client.removeQueries({ queryKey: driveKeys.versions(id) });
      refresh(client, 'drive');
    },
  });
}

/**
 * Where a file's latest version, or an earlier one kept, downloads from (a plain link: the browser
 * saves it under its name).
 */
export const contentUrl = (id: string, version?: number) =>
  urlOf('/api/v1/drive/files/{id}/content', { id }, { version });
