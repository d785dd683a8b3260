import { Button, Group, Stack, Text } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type EmailDetail, useEmail } from '../api/crm-mail.ts';
import { FormModal } from '../app/FormModal.tsx';
import { ErrorNotice, Loading } from '../app/feedback.tsx';
import { formatDateTime } from '../i18n/format.ts';
import { EmailAttachments } from './EmailAttachments.tsx';
import { EmailStatusBadge } from './EmailStatusBadge.tsx';
import { formatAddress, formatAddresses } from './mail-addresses.ts';

/**
 * A letter read whole: from, to, copies, when, whether it went out, its text and attachments. An
 * incoming one has "Reply" when `onReply` is given (on an item the reader may change).
 */
export function LetterDialog(props: {
  id: string;
  onClose: () => void;
  onReply?: ((letter: EmailDetail) => void) | undefined;
}) {
  const { t } = useTranslation('mail');
  const letter = useEmail(props.id);
  const title = letter.data ? letter.data.subject || t('letter.noSubject') : t('letter.title');
  return (
    <FormModal opened onClose={props.onClose} title={title}>
      {letter.isPending ? (
        <Loading />
      ) : letter.isError ? (
        <ErrorNotice error={letter.error} />
      ) : (
        <Letter letter={letter.data} />
      )}
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={props.onClose}>
          {t('letter.close')}
        </Button>
        {props.onReply && letter.data?.direction === 'in' && (
          <Button
            leftSection={<IconArrowBackUp size={16} aria-hidden />}
            onClick={() => letter.data && props.onReply?.(letter.data)}
          >
            {t('letter.reply')}
          </Button>
        )}
      </Group>
    </FormModal>
  );
}

function Letter({ letter }: { letter: EmailDetail }) {
  const { t, i18n } = useTranslation('mail');
  return (
    <Stack gap="xs">
      <Text size="sm" className="wrap-anywhere">
        {t('letter.from', { who: formatAddress(letter.from) })}
      </Text>
      <Text size="sm" className="wrap-anywhere">
        {t('letter.to', { who: formatAddresses(letter.to) })}
      </Text>
      {letter.cc.length > 0 && (
        <Text size="sm" className="wrap-anywhere">
          {t('letter.cc', { who: formatAddresses(letter.cc) })}
        </Text>
      )}
      <Group gap="xs" wrap="wrap">
        <Text size="sm" c="dimmed">
          {formatDateTime(letter.sentAt, i18n.language)}
          {letter.mailboxName && ` · ${letter.mailboxName}`}
        </Text>
        <EmailStatusBadge status={letter.status} />
      </Group>
      {letter.error && (
        <Text size="sm" c="red" className="wrap-anywhere">
          {letter.error}
        </Text>
      )}
      <Text mt="sm" className="wrap-anywhere" style={{ whiteSpace: 'pre-wrap' }}>
        {letter.text}
      </Text>
      <EmailAttachments email={letter} />
    </Stack>
  );
}
