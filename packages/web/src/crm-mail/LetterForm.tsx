import { Alert, Anchor, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Mailbox, useSendEmail } from '../api/crm-mail.ts';
import { FormButtons } from '../app/FormButtons.tsx';
import { FormProblem, fieldErrorsOf } from '../app/FormProblem.tsx';
import { LetterFiles } from './LetterFiles.tsx';
import { type LetterDraft, letterBody, letterProblem } from './letter-draft.ts';
import { attachmentOf } from './letter-files.ts';
import { explainedMail } from './mail-problems.ts';

/** The first message at `field` or at one of its items (`to.1`). */
const errorAt = (errors: Record<string, string>, field: string) =>
  Object.entries(errors).find(([path]) => path === field || path.startsWith(`${field}.`))?.[1];

/**
 * A letter's fields: the mailbox it goes from (a choice only when there are several), to, copy,
 * subject, text, files (read as they are sent). With no mailbox to write from it says where to
 * connect one.
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
  const [reading, setReading] = useState(false);
  const send = useSendEmail();
  const choosing = props.mailboxes.length > 1;
  const errors = fieldErrorsOf(send.error, [
    ...(choosing ? ['mailboxId'] : []),
    'to',
    'cc',
    'subject',
    'text',
    ...draft.files.map((_, i) => `attachments.${i}`),
  ]);
  const set = (change: Partial<LetterDraft>) => setDraft((d) => ({ ...d, ...change }));
  const setFiles = (files: File[]) => {
    set({ files });
    send.reset(); // its refusal named the files by their places in the list before
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (letterProblem(draft)) return;
    setReading(true);
    const attachments = await Promise.all(draft.files.map(attachmentOf)).finally(() => setReading(false));
    send.mutate(letterBody(props.dealId, draft, attachments), {
      onSuccess: (sent) => {
        notifications.show({ color: 'green', message: t('compose.queued', { subject: sent.subject }) });
        props.onDone();
      },
    });
  };
  return (
    <form aria-label={props.label} onSubmit={submit}>
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
        <LetterFiles
          files={draft.files}
          errors={draft.files.map((_, i) => errorAt(errors, `attachments.${i}`))}
          onChange={setFiles}
        />
      </Stack>
      <FormButtons
        onCancel={props.onDone}
        submitLabel={t('compose.send')}
        pending={reading || send.isPending}
        disabled={props.mailboxes.length === 0 || letterProblem(draft) !== null}
      />
    </form>
  );
}
