import { skipToken, useQuery } from '@tanstack/react-query';
import { call, urlOf } from './client.ts';
import type { FieldEntity } from './crm-fields.ts';
import type { HeldFile } from './schema.gen.ts';

/**
 * What holds files through its `file` fields: a CRM item (deal, lead, contact, company) or a list
 * record. Such a field's value is an upload's id (uploadFile); the holder's files give it a name and a
 * download, for whoever reads the holder — every file it ever held, a replaced one too.
 */
export interface FileHolder {
  kind: FieldEntity | 'record';
  id: string;
}

export type ItemFile = HeldFile;

type FilesEndpoint =
  | 'GET /api/v1/crm/deals/{id}/files'
  | 'GET /api/v1/crm/leads/{id}/files'
  | 'GET /api/v1/crm/contacts/{id}/files'
  | 'GET /api/v1/crm/companies/{id}/files'
  | 'GET /api/v1/list-records/{id}/files';

const FILES: Record<FileHolder['kind'], FilesEndpoint> = {
  deal: 'GET /api/v1/crm/deals/{id}/files',
  lead: 'GET /api/v1/crm/leads/{id}/files',
  contact: 'GET /api/v1/crm/contacts/{id}/files',
  company: 'GET /api/v1/crm/companies/{id}/files',
  record: 'GET /api/v1/list-records/{id}/files',
};

/**
 * Under the root its holder's saves refresh — `crm` for an item, `lists` for a record (beneath the
 * record's own key, so deleting the record drops them too) — so a saved file field lists its new file.
 */
export const itemFilesKey = (holder: FileHolder) =>
  holder.kind === 'record'
    ? (['lists', 'record', holder.id, 'files'] as const)
    : (['crm', holder.kind, holder.id, 'files'] as const);

/** Where a file the holder holds downloads from: a plain link, the browser saves it under its name. */
export const itemFileUrl = (holder: FileHolder, fileId: string): string =>
  urlOf(`${FILES[holder.kind].slice('GET '.length)}/{fileId}`, { id: holder.id, fileId });

/** The file of `files` a `file` field's value names; none for no value or one not (yet) listed. */
export const heldFileOf = (files: readonly ItemFile[], value: unknown): ItemFile | undefined =>
  typeof value === 'string' && value !== '' ? files.find((file) => file.id === value) : undefined;

/**
 * The files a holder holds, the first given first; nothing is asked without a holder (an item not
 * created yet, or one whose file fields hold nothing).
 */
export function useItemFiles(holder: FileHolder | undefined) {
  return useQuery({
    queryKey: holder ? itemFilesKey(holder) : ['item-files', 'none'],
    queryFn: holder
      ? ({ signal }) => call(FILES[holder.kind], { path: { id: holder.id }, signal })
      : skipToken,
  });
}
