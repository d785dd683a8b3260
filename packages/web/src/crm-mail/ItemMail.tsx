import { Button } from '@mantine/core';
import { IconPencilPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type EmailDetail, useDealEmails } from '../api/crm-mail.ts';
import { CardList } from '../app/CardList.tsx';
import { PagedItems } from '../app/PagedList.tsx';
import { SectionCard } from '../app/SectionCard.tsx';
import { useUrlParam } from '../crm/url-params.ts';
import { EmailLine } from './EmailLine.tsx';
import { LetterComposer } from './LetterComposer.tsx';
import { LetterDialog } from './LetterDialog.tsx';
import { LETTER_PARAM } from './letter-path.ts';
import type { MailClient } from './useClientAddress.ts';

/** The letter being written: a new one, or the answer to an incoming one. */
type Composing = { reply: EmailDetail | null };

/**
 * A deal's or lead's letters, newest first; one opens whole (kept in the address, `?email=ID`, so an
 * activity about a letter links to it). On an item the reader may change (`editable`): "Write a
 * letter" to its client, and "Reply" on an incoming one.
 */
export function ItemMail(props: { dealId: string; client: MailClient; editable: boolean }) {
  const { t } = useTranslation('mail');
  const list = useDealEmails(props.dealId);
  const [opened, setOpened] = useUrlParam(LETTER_PARAM);
  const [composing, setComposing] = useState<Composing | null>(null);
  const reply = (letter: EmailDetail) => {
    setOpened(null);
    setComposing({ reply: letter });
  };
  return (
    <SectionCard
      id="item-mail"
      title={t('section.title')}
      aside={
        props.editable && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPencilPlus size={14} aria-hidden />}
            onClick={() => setComposing({ reply: null })}
          >
            {t('section.write')}
          </Button>
        )
      }
    >
      <PagedItems
        query={list}
        empty={t('section.empty')}
        render={(items) => (
          <CardList aria-label={t('section.letters')}>
            {items.map((email) => (
              <EmailLine key={email.id} email={email} onOpen={() => setOpened(email.id)} />
            ))}
          </CardList>
        )}
      />
      {opened && (
        <LetterDialog
          id={opened}
          onClose={() => setOpened(null)}
          onReply={props.editable ? reply : undefined}
        />
      )}
      {composing && (
        <LetterComposer
          dealId={props.dealId}
          client={props.client}
          reply={composing.reply}
          onClose={() => setComposing(null)}
        />
      )}
    </SectionCard>
  );
}
