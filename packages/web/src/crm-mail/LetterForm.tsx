import { Alert, Anchor, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Mailbox, useSendEmail } from '../api/crm-mail.ts';
import { FormButtons } from '../app/FormButtons.tsx';
import { FormProblem, fieldErrorsOf } from '../app/FormProblem.tsx';
import { type LetterDraft, letterBody, letterProblem } from './letter-draft.ts';
import { explainedMail } from './mail-problems.ts';

/** The first message at `field` or at one of its items (`to.1`). */
const errorAt = (errors: Record<string, string>, field: string) =>
  Object.entries(errors).find(([path]) => path === field || path.startsWith(`${field}.`))?.[1];

/**
 * A letter's fields: the mailbox it goes from (a choice only when there are several), to, copy,
 * subject, text. With no mailbox to write from it says where to connect one.
 */
export function LetterForm(props: {
  label: string;
  dealId: string;
  mailboxes: readonly Mailbox[];
  initial: LetterDraft;
  onDone: () => void;
}) {
  const { t } = useTranslation('mail');
  const [draft, setDraft] = useState(props.initial);
  const send = useSendEmail();
  const choosing = props.mailboxes.length > 1;
  const errors = fieldErrorsOf(send.error, [
    ...(choosing ? ['mailboxId'] : []),
    'to',
    'cc',
    'subject',
    'text',
  ]);
  const set = (change: Partial<LetterDraft>) => setDraft((d) => ({ ...d, ...change }));
  return (
    <form
      aria-label={props.label}
      onSubmit={(event) => {
        event.preventDefault();
        if (letterProblem(draft)) return;
        send.mutate(letterBody(props.dealId, draft), {
          onSuccess: (sent) => {
            notifications.show({ color: 'green', message: t('compose.queued', { subject: sent.subject }) });
            props.onDone();
          },
        });
      }}
    >
      {props.mailboxes.length === 0 && (
        <Alert color="yellow" mb="sm">
          {t('compose.noMailbox')}{' '}
          <Anchor component={Link} to="/crm/mailboxes" size="sm">
            {t('compose.connectMailbox')}
          </Anchor>
        </Alert>
      )}
      <FormProblem error={explainedMail(send.error, t)} shown={errors} />
      <Stack gap="sm">
        {choosing && (
          <Select
            label={t('compose.mailbox')}
            data={props.mailboxes.map((m) => ({ value: m.id, label: `${m.name} <${m.address}>` }))}
            value={draft.mailboxId}
            onChange={(mailboxId) => set({ mailboxId })}
            allowDeselect={false}
            error={errors.mailboxId}
          />
        )}
        <TextInput
          label={t('compose.to')}
          description={t('compose.addressesHint')}
          inputMode="email"
          required
          value={draft.to}
          onChange={(e) => set({ to: e.currentTarget.value })}
          error={errorAt(errors, 'to')}
          data-autofocus
        />
        <TextInput
          label={t('compose.cc')}
          inputMode="email"
          value={draft.cc}
          onChange={(e) => set({ cc: e.currentTarget.value })}
          error={errorAt(errors, 'cc')}
        />
        <TextInput
          label={t('compose.subject')}
          required
          value={draft.subject}
          onChange={(e) => set({ subject: e.currentTarget.value })}
          error={errors.subject}
        />
        <Textarea
          label={t('compose.text')}
          autosize
          minRows={6}
          maxRows={16}
          value={draft.text}
          onChange={(e) => set({ text: e.currentTarget.value })}
          error={errors.text}
        />
      </Stack>
      <FormButtons
        onCancel={props.onDone}
        submitLabel={t('compose.send')}
        pending={send.isPending}
        disabled={props.mailboxes.length === 0 || letterProblem(draft) !== null}
      />
    </form>
  );
}
