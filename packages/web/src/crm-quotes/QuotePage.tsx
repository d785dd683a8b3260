import { useParams } from 'react-router';
import { useDeal } from '../api/crm-deals.ts';
import { useQuote } from '../api/crm-quotes.ts';
import { ErrorNotice, Loading } from '../app/feedback.tsx';
import { QuoteEditor } from './QuoteEditor.tsx';
import { QuoteSummary } from './QuoteSummary.tsx';

/**
 * A quote's page (`/crm/quotes/:id`): a draft's editor, or once sent what went to the client — as that
 * too when its deal is one the reader may only read.
 */
export function QuotePage() {
  const quote = useQuote(useParams().id ?? '');
  const deal = useDeal(quote.data?.dealId ?? '');
  if (quote.isPending) return <Loading />;
  if (quote.isError) return <ErrorNotice error={quote.error} retry={() => quote.refetch()} />;
  if (deal.isPending) return <Loading />;
  const stored = quote.data;
  // A deal that cannot be read (an error) leaves the quote to the server's refusals.
  const editable = deal.data?.editable ?? true;
  if (!editable || stored.status !== 'draft') return <QuoteSummary quote={stored} editable={editable} />;
  return <QuoteEditor key={stored.id} stored={stored} reload={async () => (await quote.refetch()).data} />;
}
