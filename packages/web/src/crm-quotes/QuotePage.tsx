import { useParams } from 'react-router';
import { useQuote } from '../api/crm-quotes.ts';
import { ErrorNotice, Loading } from '../app/feedback.tsx';
import { QuoteEditor } from './QuoteEditor.tsx';
import { QuoteSummary } from './QuoteSummary.tsx';

/** A quote's page (`/crm/quotes/:id`): a draft's editor, or once sent what went to the client. */
export function QuotePage() {
  const quote = useQuote(useParams().id ?? '');
  if (quote.isPending) return <Loading />;
  if (quote.isError) return <ErrorNotice error={quote.error} retry={() => quote.refetch()} />;
  const stored = quote.data;
  if (stored.status !== 'draft') return <QuoteSummary quote={stored} />;
  return <QuoteEditor key={stored.id} stored={stored} reload={async () => (await quote.refetch()).data} />;
}
