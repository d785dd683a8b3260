import { useTranslation } from 'react-i18next';
import { type Quote, useDeleteQuote } from '../api/crm-quotes.ts';
import { DeleteAndLeave } from '../app/DeleteAndLeave.tsx';
import { DEAL_KIND } from '../crm/deals/deal-kind.ts';
import { itemPath } from '../crm/items/item-kind.ts';
import { explainedQuoteProblem } from './quote-problems.ts';

/** Asks before deleting a draft; deleted, it goes back to its deal. */
export function DeleteQuote(props: { quote: Quote; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('quotes');
  const remove = useDeleteQuote();
  const { quote } = props;
  return (
    <DeleteAndLeave
      id={quote.id}
      removal={remove}
      opened={props.opened}
      onClose={props.onClose}
      title={t('delete.title', { number: quote.number })}
      confirmLabel={t('actions.delete')}
      doneMessage={t('delete.done', { number: quote.number })}
      leaveTo={itemPath(DEAL_KIND, quote.dealId)}
      error={explainedQuoteProblem(remove.error, t)}
    >
      {t('delete.consequence')}
    </DeleteAndLeave>
  );
}
