import type { ReactNode } from 'react';
import { itemFileUrl } from '../api/item-files.ts';
import type { ListField, ListRecord } from '../api/lists.ts';
import { DownloadLink } from '../app/DownloadLink.tsx';

/**
 * A record's value where its list shows it (the records table, a phone's card): a file field's file as
 * a link that downloads it — named by the record itself, so a page of records asks nothing more —, any
 * other value as `children` word it (valueText).
 */
export function RecordValue(props: { field: ListField; record: ListRecord; children: ReactNode }) {
  const value = props.record.values[props.field.key];
  const file = props.field.type === 'file' ? props.record.files.find((f) => f.id === value) : undefined;
  if (file)
    return (
      <DownloadLink
        href={itemFileUrl({ kind: 'record', id: props.record.id }, file.id)}
        fileName={file.name}
      />
    );
  return <>{props.children}</>;
}
