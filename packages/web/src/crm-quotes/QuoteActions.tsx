import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconFileTypePdf, IconSend, IconTrash, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type Quote, type QuoteDecision, quotePdfUrl, useCopyQuote } from '../api/crm-quotes.ts';
import { DecideQuote } from './DecideQuote.tsx';
import { DeleteQuote } from './DeleteQuote.tsx';
import { quotePath } from './quote-path.ts';
import { SendQuote } from './SendQuote.tsx';

/**
 * What can be done with a quote, by its status: a draft is sent or deleted, a sent one sent again; the
 * client's answer is recorded on either (a draft may have gone by hand); every one has its PDF, and one
 * no longer a draft is copied as a new draft. `unsaved`: the draft has edits not saved yet, which its
 * PDF, letter and total would not show. Not `editable` (its deal only read): the PDF alone.
 */
export function QuoteActions({
  quote,
  unsaved = false,
  editable,
}: {
  quote: Quote;
  unsaved?: boolean;
  editable: boolean;
}) {
  const { t } = useTranslation('quotes');
  const navigate = useNavigate();
  const copy = useCopyQuote();
  const [sending, setSending] = useState(false);
  const [deciding, setDeciding] = useState<QuoteDecision | null>(null);
  const [deleting, setDeleting] = useState(false);
  const open = editable && (quote.status === 'draft' || quote.status === 'sent');
  const pdfIcon = <IconFileTypePdf size={16} aria-hidden />;
  return (
    <>
      {unsaved ? (
        <Button variant="default" leftSection={pdfIcon} disabled>
          {t('actions.pdf')}
        </Button>
      ) : (
        <Button component="a" href={quotePdfUrl(quote.id)} download variant="default" leftSection={pdfIcon}>
          {t('actions.pdf')}
        </Button>
      )}
      {open && (
        <>
          <Button
            leftSection={<IconSend size={16} aria-hidden />}
            disabled={unsaved}
            onClick={() => setSending(true)}
          >
            {t(quote.status === 'draft' ? 'actions.send' : 'actions.sendAgain')}
          </Button>
          <Button
            color="green"
            variant="light"
            leftSection={<IconCheck size={16} aria-hidden />}
            disabled={unsaved}
            onClick={() => setDeciding('accept')}
          >
            {t('actions.accept')}
          </Button>
          <Button
            color="red"
            variant="light"
            leftSection={<IconX size={16} aria-hidden />}
            disabled={unsaved}
            onClick={() => setDeciding('decline')}
          >
            {t('actions.decline')}
          </Button>
        </>
      )}
      {editable && quote.status !== 'draft' && (
        <Button
          variant="default"
          leftSection={<IconCopy size={16} aria-hidden />}
          loading={copy.isPending}
          onClick={() =>
            copy.mutate(quote.id, {
              onSuccess: (draft) => {
                notifications.show({ color: 'green', message: t('copied', { number: draft.number }) });
                navigate(quotePath(draft.id));
              },
              onError: (error) => notifications.show({ color: 'red', message: error.message }),
            })
          }
        >
          {t('actions.copy')}
        </Button>
      )}
      {editable && quote.status === 'draft' && (
        <Button
          variant="light"
          color="red"
          leftSection={<IconTrash size={16} aria-hidden />}
          onClick={() => setDeleting(true)}
        >
          {t('actions.delete')}
        </Button>
      )}
      <SendQuote quote={quote} opened={sending} onClose={() => setSending(false)} />
      <DecideQuote quote={quote} decision={deciding} onClose={() => setDeciding(null)} />
      <DeleteQuote quote={quote} opened={deleting} onClose={() => setDeleting(false)} />
    </>
  );
}
