import { Anchor, Group } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { attachmentUrl, type Email } from '../api/crm-mail.ts';
import { formatFileSize } from '../i18n/format.ts';

/** A letter's attachments as download links, each with its size. */
export function EmailAttachments({ email }: { email: Pick<Email, 'id' | 'attachments'> }) {
  const { i18n } = useTranslation();
  if (email.attachments.length === 0) return null;
  return (
    <Group gap="xs" wrap="wrap" style={{ rowGap: 2 }}>
      {email.attachments.map((a) => (
        <Anchor
          key={a.index}
          href={attachmentUrl(email.id, a.index)}
          download={a.filename}
          size="sm"
          className="wrap-anywhere"
        >
          <IconPaperclip size={14} aria-hidden style={{ verticalAlign: 'middle' }} /> {a.filename} (
          {formatFileSize(a.size, i18n.language)})
        </Anchor>
      ))}
    </Group>
  );
}
