import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { type Quote, type QuoteDecision, useDecideQuote } from '../api/crm-quotes.ts';
import { ConfirmDialog } from '../app/ConfirmDialog.tsx';
import { formatMoney } from '../crm/money.ts';
import { explainedQuoteProblem } from './quote-problems.ts';

/** Asks before recording the client's answer (`decision`; none: closed): it closes the quote for good. */
export function DecideQuote(props: { quote: Quote; decision: QuoteDecision | null; onClose: () => void }) {
  const { t, i18n } = useTranslation('quotes');
  const decide = useDecideQuote();
  const { quote } = props;
  const decision = props.decision ?? 'accept';
  const words = (key: string) =>
    t(`decide.${decision}.${key}`, {
      number: quote.number,
      total: formatMoney(quote.total, quote.currency, i18n.language),
    });
  const close = () => {
    decide.reset();
    props.onClose();
  };
  return (
    <ConfirmDialog
      opened={props.decision !== null}
      onClose={close}
      title={words('title')}
      confirmLabel={t(`actions.${decision}`)}
      color={decision === 'accept' ? 'green' : 'red'}
      pending={decide.isPending}
      error={explainedQuoteProblem(decide.error, t)}
      onConfirm={() =>
        decide.mutate(
          { id: quote.id, decision },
          {
            onSuccess: () => {
              notifications.show({ color: 'green', message: words('done') });
              close();
            },
          },
        )
      }
    >
      {words('consequence')}
    </ConfirmDialog>
  );
}
