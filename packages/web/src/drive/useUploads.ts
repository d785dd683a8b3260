import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { uploadFile } from '../api/drive.ts';
import { refresh } from '../api/query-client.ts';
import { pending, type Upload, type UploadState, uploadProblem } from './uploads.ts';

/**
 * The files chosen for a folder, uploaded one after another (a phone's connection is not flooded, and
 * two files of one name become versions in the order chosen), each with where it is; the folder's
 * list refreshes after each one.
 */
export function useUploads(folderId: string) {
  const client = useQueryClient();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const counter = useRef(0);
  const set = (key: number, state: UploadState) =>
    setUploads((all) => all.map((u) => (u.key === key ? { ...u, state } : u)));

  const send = async (key: number, file: File) => {
    const problem = uploadProblem(file);
    if (problem) return set(key, { phase: 'refused', problem });
    set(key, { phase: 'uploading' });
    try {
      set(key, { phase: 'done', file: await uploadFile(folderId, file) });
      refresh(client, 'drive');
    } catch (error) {
      set(key, { phase: 'failed', error });
    }
  };

  const add = (files: readonly File[]) => {
    const added = files.map((file) => ({ file, key: ++counter.current }));
    setUploads((all) => [
      ...all,
      ...added.map(({ file, key }) => ({ key, name: file.name, state: { phase: 'waiting' } as const })),
    ]);
    for (const { file, key } of added) queue.current = queue.current.then(() => send(key, file));
  };

  /** Forgets the finished uploads (the list shows only those still going). */
  const clear = () => setUploads((all) => all.filter(pending));

  return { uploads, add, clear };
}
