import { useIsMutating, useMutation, useQuery } from '@tanstack/react-query';
import { mediaTypeOf } from '../app/media-type.ts';
import { call, callWithBytes, urlOf } from './client.ts';
import type { HeldFile, Upload } from './schema.gen.ts';

/**
 * Files given to a process: a chosen file is uploaded first (POST /uploads) and its id is the value of
 * a `file` field in a start's `params` or a task's `variables`; the server lets go of an upload no start
 * or task took within a day.
 */
export type ProcessFile = HeldFile;
export type UploadedFile = Upload;

/** The largest file an upload takes (the server answers 413 beyond): the drive's limit. */
export { MAX_FILE_BYTES as MAX_UPLOAD_BYTES } from './drive.ts';

/** Uploads a chosen file under its own name, for a `file` field to name by its id. */
export function uploadFile(file: File): Promise<UploadedFile> {
  const type = mediaTypeOf(file);
  return callWithBytes(
    'POST /api/v1/uploads',
    { query: { name: file.name, ...(type ? { type } : {}) } },
    file,
  );
}

const UPLOAD_KEY = ['processes', 'upload'];

export function useUploadFile() {
  return useMutation({ mutationKey: UPLOAD_KEY, mutationFn: uploadFile });
}

/** A file is still on its way: a form waits for it rather than being sent without it. */
export const useUploading = () => useIsMutating({ mutationKey: UPLOAD_KEY }) > 0;

/**
 * The files given to a process, oldest first. Under the instances' query root, so completing a task
 * refreshes them; polled every 15 s, as the card, while `poll`.
 */
export function useInstanceFiles(id: string, poll: boolean) {
  return useQuery({
    queryKey: ['instances', 'files', id],
    queryFn: ({ signal }) => call('GET /api/v1/instances/{id}/files', { path: { id }, signal }),
    enabled: id !== '',
    refetchInterval: poll ? 15_000 : false,
  });
}

/** Where a process's file downloads from: a plain link, the browser saves it under its name. */
export const processFileUrl = (instanceId: string, fileId: string) =>
  urlOf('/api/v1/instances/{id}/files/{fileId}', { id: instanceId, fileId });
