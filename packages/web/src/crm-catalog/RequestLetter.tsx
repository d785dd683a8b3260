import { Button, Group, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PriceRequest, usePriceRequest, useSavePriceRequest } from '../api/crm-catalog.ts';
import { FormProblem, fieldErrorsOf } from '../app/FormProblem.tsx';
import { ErrorNotice, Loading } from '../app/feedback.tsx';
import { SectionCard } from '../app/SectionCard.tsx';
import { PlaceholderHelp } from '../crm/PlaceholderHelp.tsx';
import { useSnippetInsert } from '../crm/useSnippetInsert.ts';

/** The names the letter may use inside `{{ }}`; each described in catalog.json `letter.names.<name with _>`. */
const LETTER_NAMES = ['priceList.name', 'priceList.days', 'priceList.pricesUpdatedAt'] as const;

/** The letter the robot mails a supplier whose prices are stale, as a section of the price lists page. */
export function RequestLetter() {
  const { t } = useTranslation('catalog');
  const settings = usePriceRequest();
  return (
    <SectionCard id="price-request" title={t('letter.title')}>
      {settings.isPending ? (
        <Loading />
      ) : settings.isError ? (
        <ErrorNotice error={settings.error} retry={() => settings.refetch()} />
      ) : (
        <LetterForm settings={settings.data} />
      )}
    </SectionCard>
  );
}

/** Both templates must parse: the server's word on one that does not shows at its field. */
function LetterForm({ settings }: { settings: PriceRequest }) {
  const { t } = useTranslation('catalog');
  const [draft, setDraft] = useState(settings);
  const save = useSavePriceRequest();
  const errors = fieldErrorsOf(save.error, ['subject', 'message']);
  const set = (change: Partial<PriceRequest>) => setDraft((d) => ({ ...d, ...change }));
  const messageBox = useSnippetInsert(draft.message, (message) => set({ message }));
  const names = LETTER_NAMES.map((name) => ({ name, about: t(`letter.names.${name.replace('.', '_')}`) }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft, {
      onSuccess: () => notifications.show({ color: 'green', message: t('letter.saved') }),
    });
  };

  return (
    <form onSubmit={submit} aria-label={t('letter.title')}>
      <Text size="sm" c="dimmed" mb="sm">
        {t('letter.about')}
      </Text>
      <FormProblem error={save.error} shown={errors} />
      <Stack gap="sm">
        <Switch
          label={t('letter.enabled')}
          description={t('letter.enabledHint')}
          checked={draft.enabled}
          onChange={(e) => set({ enabled: e.currentTarget.checked })}
        />
        <TextInput
          label={t('letter.subject')}
          required
          value={draft.subject}
          onChange={(e) => set({ subject: e.currentTarget.value })}
          error={errors.subject}
        />
        <Textarea
          ref={messageBox.ref}
          label={t('letter.message')}
          required
          autosize
          minRows={4}
          maxRows={14}
          value={draft.message}
          onChange={(e) => set({ message: e.currentTarget.value })}
          error={errors.message}
        />
        <PlaceholderHelp
          label={t('letter.helpTitle')}
          intro={t('letter.helpIntro')}
          names={names}
          onInsert={messageBox.insert}
        />
      </Stack>
      <Group justify="flex-end" mt="md">
        <Button type="submit" loading={save.isPending}>
          {t('letter.save')}
        </Button>
      </Group>
    </form>
  );
}
