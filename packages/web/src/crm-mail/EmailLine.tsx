import { Anchor, Group, Stack, Text } from '@mantine/core';
import { IconMailDown, IconMailUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Email } from '../api/crm-mail.ts';
import { CardListItem } from '../app/CardList.tsx';
import { formatDateTime } from '../i18n/format.ts';
import { EmailAttachments } from './EmailAttachments.tsx';
import { EmailStatusBadge } from './EmailStatusBadge.tsx';
import { formatAddress, formatAddresses } from './mail-addresses.ts';

const DIRECTION_ICONS = { in: IconMailDown, out: IconMailUp } as const;

/**
 * One letter of a deal's list: in or out, its subject (which opens it), from whom or to whom, when, the
 * first lines of its text, its attachments; a letter written here says whether it went out (and why not).
 */
export function EmailLine({ email, onOpen }: { email: Email; onOpen: () => void }) {
  const { t, i18n } = useTranslation('mail');
  const Icon = DIRECTION_ICONS[email.direction];
  const subject = email.subject || t('letter.noSubject');
  return (
    <CardListItem label={subject}>
      <Stack gap={4}>
        <Group gap={6} wrap="nowrap" align="flex-start">
          <Icon
            size={18}
            role="img"
            aria-label={t(`direction.${email.direction}`)}
            style={{ flexShrink: 0, marginTop: 2 }}
          />
          <Anchor
            component="button"
            type="button"
            fw={600}
            ta="start"
            className="wrap-anywhere"
            onClick={onOpen}
          >
            {subject}
          </Anchor>
        </Group>
        <Text size="sm" className="wrap-anywhere">
          {email.direction === 'in'
            ? t('letter.from', { who: formatAddress(email.from) })
            : t('letter.to', { who: formatAddresses(email.to) })}
        </Text>
        <Group gap="xs" wrap="wrap" style={{ rowGap: 2 }}>
          <Text size="sm" c="dimmed">
            {formatDateTime(email.sentAt, i18n.language)}
          </Text>
          <EmailStatusBadge status={email.status} />
        </Group>
        {email.error && (
          <Text size="sm" c="red" className="wrap-anywhere">
            {email.error}
          </Text>
        )}
        {email.preview && (
          <Text size="sm" c="dimmed" lineClamp={2} className="wrap-anywhere">
            {email.preview}
          </Text>
        )}
        <EmailAttachments email={email} />
      </Stack>
    </CardListItem>
  );
}
