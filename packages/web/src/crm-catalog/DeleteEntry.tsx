import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useDeletePriceList, useDeleteProduct } from '../api/crm-catalog.ts';
import { ConfirmDialog } from '../app/ConfirmDialog.tsx';
import { explainedCatalog } from './catalog-problems.ts';

/** What of the catalogue can be deleted; its words are catalog.json `delete.<kind>`. */
export type EntryKind = 'product' | 'priceList';

/**
 * Asks before deleting a product or a price list; the server's refusal (a list that still has
 * products) shows inside, in words.
 */
export function DeleteEntry(props: {
  kind: EntryKind;
  entry: { id: string; name: string };
  onClose: () => void;
}) {
  const { t } = useTranslation('catalog');
  const removers = { product: useDeleteProduct(), priceList: useDeletePriceList() };
  const remove = removers[props.kind];
  const { id, name } = props.entry;
  const words = `delete.${props.kind}`;
  return (
    <ConfirmDialog
      opened
      onClose={props.onClose}
      title={t(`${words}.title`, { name })}
      confirmLabel={t('delete.confirm')}
      pending={remove.isPending}
      error={explainedCatalog(remove.error, t)}
      onConfirm={() =>
        remove.mutate(id, {
          onSuccess: () => {
            notifications.show({ color: 'green', message: t(`${words}.done`, { name }) });
            props.onClose();
          },
        })
      }
    >
      {t(`${words}.consequence`)}
    </ConfirmDialog>
  );
}
