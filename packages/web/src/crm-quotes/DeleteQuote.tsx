import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type Quote, useDeleteQuote } from '../api/crm-quotes.ts';
import { ConfirmDialog } from '../app/ConfirmDialog.tsx';
import { DEAL_KIND } from '../crm/deals/deal-kind.ts';
import { itemPath } from '../crm/items/item-kind.ts';
import { explainedQuoteProblem } from './quote-problems.ts';

/** Asks before deleting a draft; deleted, it goes back to its deal. */
export function DeleteQuote(props: { quote: Quote; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('quotes');
  const navigate = useNavigate();
  const remove = useDeleteQuote();
  const { quote } = props;
  return (
    <ConfirmDialog
      opened={props.opened}
      onClose={() => {
        remove.reset();
        props.onClose();
      }}
      title={t('delete.title', { number: quote.number })}
      confirmLabel={t('actions.delete')}
      pending={remove.isPending}
      error={explainedQuoteProblem(remove.error, t)}
      onConfirm={() =>
        remove.mutate(quote.id, {
          onSuccess: () => {
            notifications.show({ color: 'green', message: t('delete.done', { number: quote.number }) });
            navigate(itemPath(DEAL_KIND, quote.dealId), { replace: true });
          },
        })
      }
    >
      {t('delete.consequence')}
    </ConfirmDialog>
  );
}
