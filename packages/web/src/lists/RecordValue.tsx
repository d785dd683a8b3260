import type { ReactNode } from 'react';
import type { ListField, ListRecord } from '../api/lists.ts';
import { ItemFileLink } from '../crm-fields/ItemFileLink.tsx';

/**
 * A record's value where its list shows it (the records table, a phone's card): a file field's file as
 * a link that downloads it, any other value as `children` word it (valueText).
 */
export function RecordValue(props: { field: ListField; record: ListRecord; children: ReactNode }) {
  const value = props.record.values[props.field.key];
  if (props.field.type === 'file' && typeof value === 'string' && value !== '')
    return <ItemFileLink holder={{ kind: 'record', id: props.record.id }} fileId={value} />;
  return <>{props.children}</>;
}
