import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth.ts';
import { type EmailDetail, useMailboxes } from '../api/crm-mail.ts';
import { FormModal } from '../app/FormModal.tsx';
import { Loading } from '../app/feedback.tsx';
import { LetterForm } from './LetterForm.tsx';
import { newLetterDraft, replyDraft, usableMailboxes } from './letter-draft.ts';
import { type MailClient, useClientAddress } from './useClientAddress.ts';

const NO_CLIENT: MailClient = { contactId: null, companyId: null };

/**
 * Writes a letter on a deal or lead: to its client's address (a new one) or the sender of `reply`, from
 * a mailbox I may write from. The form opens once the mailboxes and the address are read.
 */
export function LetterComposer(props: {
  dealId: string;
  client: MailClient;
  reply: EmailDetail | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('mail');
  const { reply } = props;
  const me = useMe().data?.user.id ?? null;
  const mailboxes = useMailboxes();
  const client = useClientAddress(reply ? NO_CLIENT : props.client);
  const usable = usableMailboxes(mailboxes.data?.items ?? [], me);
  const title = reply ? t('compose.replyTitle', { subject: reply.subject }) : t('compose.title');
  return (
    <FormModal opened onClose={props.onClose} title={title}>
      {mailboxes.isPending || client.pending ? (
        <Loading />
      ) : (
        <LetterForm
          label={title}
          dealId={props.dealId}
          mailboxes={usable}
          initial={reply ? replyDraft(reply, usable) : newLetterDraft(client.address, usable)}
          onDone={props.onClose}
        />
      )}
    </FormModal>
  );
}
