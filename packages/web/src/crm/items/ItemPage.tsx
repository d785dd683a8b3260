import type { ReactNode } from 'react';
import type { Pipeline } from '../../api/crm.ts';
import { ErrorNotice, Loading } from '../../app/feedback.tsx';
import type { PipelinesQuery } from './PipelinesGate.tsx';

/** What the page needs of the query for one item (`useDeal(id)`, `useLead(id)`). */
export interface ItemQuery<Item> {
  data?: Item | undefined;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch(): Promise<{ data?: Item | undefined }>;
}

/** An item's card once it and the pipelines are read: `editor` given the item, a reload and the pipelines. */
export function ItemPage<Item>(props: {
  item: ItemQuery<Item>;
  pipelines: PipelinesQuery;
  editor: (stored: Item, reload: () => Promise<Item | undefined>, pipelines: Pipeline[]) => ReactNode;
}) {
  const { item, pipelines } = props;
  if (item.isPending || pipelines.isPending) return <Loading />;
  if (item.isError) return <ErrorNotice error={item.error} retry={() => item.refetch()} />;
  if (pipelines.isError) return <ErrorNotice error={pipelines.error} retry={() => pipelines.refetch()} />;
  if (!item.data || !pipelines.data) return <Loading />;
  return <>{props.editor(item.data, async () => (await item.refetch()).data, pipelines.data.items)}</>;
}
