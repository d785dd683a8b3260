import { Select, Stack, Switch, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDefinitions } from '../api/definitions.ts';
import { type EventWebhook, useSaveWebhook } from '../api/webhooks.ts';
import { FormButtons } from '../app/FormButtons.tsx';
import { FormProblem, inputErrorsOf } from '../app/FormProblem.tsx';
import { EventCheckboxes } from './EventCheckboxes.tsx';
import { draftOfWebhook, newWebhookDraft, type WebhookDraft, webhookBody } from './webhook-draft.ts';

/** Where the server's words go: `events.0` (the first event sent) beside the events. */
const INPUT_OF = { url: 'url', events: 'events', definitionKey: 'definitionKey', active: 'active' } as const;

/** Adds a webhook, or changes one (`hook`): its URL, events, template and whether it sends. */
export function WebhookForm({ hook, onDone }: { hook?: EventWebhook; onDone: () => void }) {
  const { t } = useTranslation('webhooks');
  const [draft, setDraft] = useState<WebhookDraft>(() => (hook ? draftOfWebhook(hook) : newWebhookDraft()));
  // The server would refuse no events too, in its own words; the form says it in the reader's.
  const [noEvents, setNoEvents] = useState(false);
  const templates = useDefinitions().data?.items ?? [];
  const save = useSaveWebhook();
  const errors = inputErrorsOf(save.error, INPUT_OF);
  const set = (change: Partial<WebhookDraft>) => setDraft((d) => ({ ...d, ...change }));
  const options = templates.map((d) => ({ value: d.key, label: d.name }));
  // A template since deleted stays shown, so saving does not silently widen the webhook.
  if (draft.definitionKey && !options.some((o) => o.value === draft.definitionKey))
    options.push({ value: draft.definitionKey, label: draft.definitionKey });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNoEvents(draft.events.length === 0);
    if (draft.events.length === 0) return;
    save.mutate(
      { id: hook?.id ?? null, body: webhookBody(draft) },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', message: t('saved', { url: saved.url }) });
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} aria-label={hook ? t('editTitle', { url: hook.url }) : t('newTitle')}>
      <FormProblem error={save.error} shown={errors} />
      <Stack gap="sm">
        <TextInput
          label={t('form.url')}
          description={t('form.urlHint')}
          required
          inputMode="url"
          autoComplete="off"
          placeholder="https://"
          value={draft.url}
          onChange={(e) => set({ url: e.currentTarget.value })}
          error={errors.url}
          data-autofocus
        />
        <EventCheckboxes
          value={draft.events}
          onChange={(events) => {
            set({ events });
            setNoEvents(false);
          }}
          error={noEvents ? t('form.noEvents') : errors.events}
        />
        <Select
          label={t('form.template')}
          description={t('form.templateHint')}
          placeholder={t('form.allTemplates')}
          data={options}
          value={draft.definitionKey}
          onChange={(definitionKey) => set({ definitionKey })}
          clearable
          searchable
          nothingFoundMessage={t('form.noTemplates')}
          error={errors.definitionKey}
        />
        <Switch
          label={t('form.active')}
          checked={draft.active}
          onChange={(e) => set({ active: e.currentTarget.checked })}
        />
      </Stack>
      <FormButtons
        onCancel={onDone}
        submitLabel={hook ? t('common:actions.save') : t('create')}
        pending={save.isPending}
      />
    </form>
  );
}
