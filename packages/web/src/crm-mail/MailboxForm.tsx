import { NumberInput, Stack, Switch, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAbility, useMe } from '../api/auth.ts';
import { type Mailbox, useCreateMailbox, useUpdateMailbox } from '../api/crm-mail.ts';
import { FormButtons } from '../app/FormButtons.tsx';
import { FormProblem, fieldErrorsOf } from '../app/FormProblem.tsx';
import { UserSelect } from '../crm/UserSelect.tsx';
import { LeadFields } from './LeadFields.tsx';
import { explainedMail } from './mail-problems.ts';
import {
  type MailboxDraft,
  mailboxChanges,
  mailboxDraftOf,
  mailboxInput,
  newMailboxDraft,
  newSmtpDraft,
  type ServerDraft,
} from './mailbox-draft.ts';
import { ServerFields } from './ServerFields.tsx';

const SERVER_FIELDS = ['host', 'port', 'user', 'password'];
/** The request's fields an input shows the server's word for (MAILBOX_UNREACHABLE names one of them). */
const FIELDS = [
  'name',
  'address',
  'ownerId',
  ...SERVER_FIELDS.map((f) => `imap.${f}`),
  'imap.folder',
  ...SERVER_FIELDS.map((f) => `smtp.${f}`),
  'leadPipelineId',
  'leadResponsibleId',
  'checkEveryMinutes',
];

/** The errors under `imap.` or `smtp.`, keyed by the rest of their path. */
const under = (errors: Record<string, string>, prefix: string) =>
  Object.fromEntries(
    Object.entries(errors)
      .filter(([path]) => path.startsWith(`${prefix}.`))
      .map(([path, message]) => [path.slice(prefix.length + 1), message]),
  );

/**
 * Connects a mailbox (no `mailbox`) or changes one: its name and address, whose it is (chosen by whoever
 * manages the CRM; the others connect their own), IMAP, an own SMTP server or Baton's, leads from
 * unknown senders, how often it is checked and whether at all. Passwords left empty on a stored one
 * are kept.
 */
export function MailboxForm(props: { mailbox?: Mailbox | undefined; onDone: () => void }) {
  const { t } = useTranslation('mail');
  const { mailbox } = props;
  const me = useMe().data?.user.id ?? null;
  const manages = useAbility('manageCrm');
  const [draft, setDraft] = useState<MailboxDraft>(() =>
    mailbox ? mailboxDraftOf(mailbox) : newMailboxDraft(manages, me),
  );
  const create = useCreateMailbox();
  const update = useUpdateMailbox();
  const saving = mailbox ? update : create;
  const errors = fieldErrorsOf(saving.error, FIELDS);
  const set = (change: Partial<MailboxDraft>) => setDraft((d) => ({ ...d, ...change }));
  const setImap = (change: Partial<MailboxDraft['imap']>) =>
    setDraft((d) => ({ ...d, imap: { ...d.imap, ...change } }));
  const setSmtp = (change: Partial<ServerDraft>) =>
    setDraft((d) => ({ ...d, smtp: { ...(d.smtp ?? newSmtpDraft()), ...change } }));
  // Switched off and on again, a stored SMTP server comes back as it was (its password kept).
  const storedSmtp = () => (mailbox && mailboxDraftOf(mailbox).smtp) || newSmtpDraft();
  const title = mailbox ? t('form.editTitle', { name: mailbox.name }) : t('form.newTitle');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const done = (saved: Mailbox) => {
      notifications.show({
        color: 'green',
        message: t(mailbox ? 'form.saved' : 'form.connected', { name: saved.name }),
      });
      props.onDone();
    };
    if (mailbox)
      update.mutate({ id: mailbox.id, changes: mailboxChanges(draft, manages) }, { onSuccess: done });
    else create.mutate(mailboxInput(draft, manages), { onSuccess: done });
  };

  return (
    <form onSubmit={submit} aria-label={title}>
      <FormProblem error={explainedMail(saving.error, t)} shown={errors} />
      <Stack gap="sm">
        <TextInput
          label={t('form.name')}
          placeholder={t('form.namePlaceholder')}
          required
          value={draft.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
          error={errors.name}
          data-autofocus
        />
        <TextInput
          label={t('form.address')}
          description={t('form.addressHint')}
          type="email"
          required
          value={draft.address}
          onChange={(e) => set({ address: e.currentTarget.value })}
          error={errors.address}
        />
        {manages && (
          <>
            <Switch
              label={t('form.company')}
              description={t('form.companyHint')}
              checked={draft.owner.kind === 'company'}
              onChange={(e) =>
                set({ owner: e.currentTarget.checked ? { kind: 'company' } : { kind: 'person', id: me } })
              }
            />
            {draft.owner.kind === 'person' && (
              <UserSelect
                label={t('form.owner')}
                value={draft.owner.id}
                onChange={(id) => set({ owner: { kind: 'person', id } })}
                error={errors.ownerId}
              />
            )}
          </>
        )}
        <ServerFields
          legend={t('form.imap')}
          draft={draft.imap}
          onChange={setImap}
          errors={under(errors, 'imap')}
          passwordKept={mailbox !== undefined}
        >
          <TextInput
            label={t('form.folder')}
            value={draft.imap.folder}
            onChange={(e) => setImap({ folder: e.currentTarget.value })}
            error={errors['imap.folder']}
          />
        </ServerFields>
        <Switch
          label={t('form.ownSmtp')}
          description={t('form.ownSmtpHint')}
          checked={draft.smtp !== null}
          onChange={(e) => set({ smtp: e.currentTarget.checked ? storedSmtp() : null })}
        />
        {draft.smtp && (
          <ServerFields
            legend={t('form.smtp')}
            draft={draft.smtp}
            onChange={setSmtp}
            errors={under(errors, 'smtp')}
            passwordKept={mailbox?.smtp != null}
          />
        )}
        <LeadFields leads={draft.leads} onChange={(leads) => set({ leads })} errors={errors} />
        <NumberInput
          label={t('form.checkEvery')}
          min={1}
          max={1440}
          allowDecimal={false}
          value={draft.checkEveryMinutes}
          onChange={(checkEveryMinutes) => set({ checkEveryMinutes })}
          error={errors.checkEveryMinutes}
        />
        <Switch
          label={t('form.enabled')}
          description={t('form.enabledHint')}
          checked={draft.enabled}
          onChange={(e) => set({ enabled: e.currentTarget.checked })}
        />
      </Stack>
      <FormButtons
        onCancel={props.onDone}
        submitLabel={mailbox ? t('common:actions.save') : t('form.connect')}
        pending={saving.isPending}
      />
    </form>
  );
}
