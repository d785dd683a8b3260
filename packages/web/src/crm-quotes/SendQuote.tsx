import { Select, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePipelines } from '../api/crm.ts';
import { useDeal } from '../api/crm-deals.ts';
import { type Quote, useSendQuote } from '../api/crm-quotes.ts';
import { FormButtons } from '../app/FormButtons.tsx';
import { FormModal } from '../app/FormModal.tsx';
import { FormProblem, fieldErrorsOf } from '../app/FormProblem.tsx';
import { explainedQuoteProblem, quoteProblemCode } from './quote-problems.ts';
import { EMPTY_SENDING, type SendingDraft, sendingOf } from './quote-sending.ts';

const FIELDS = ['to', 'subject', 'message', 'stageId'] as const;

/**
 * Mails the quote as PDF: to whom (nobody named: the client's e-mail), subject and letter (empty: the
 * standard ones), and the stage of the deal's pipeline to move the deal to as it goes — where a robot
 * may wait for the client's answer.
 */
export function SendQuote(props: { quote: Quote; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('quotes');
  const { quote } = props;
  const send = useSendQuote();
  const deal = useDeal(quote.dealId).data;
  const pipeline = usePipelines().data?.items.find((p) => p.id === deal?.pipelineId);
  const stages = (pipeline?.stages ?? []).filter((s) => s.id !== deal?.stageId);
  const [draft, setDraft] = useState<SendingDraft>(EMPTY_SENDING);
  const set = (change: Partial<SendingDraft>) => setDraft({ ...draft, ...change });
  const errors = fieldErrorsOf(send.error, FIELDS);
  // An address refused is named at `to.<i>`; the line holding them all shows it.
  const toError =
    quoteProblemCode(send.error) === 'NO_RECIPIENT'
      ? t('send.noRecipient')
      : Object.entries(errors).find(([path]) => path === 'to' || path.startsWith('to.'))?.[1];
  const close = () => {
    send.reset();
    setDraft(EMPTY_SENDING);
    props.onClose();
  };

  return (
    <FormModal opened={props.opened} onClose={close} title={t('send.title', { number: quote.number })}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          send.mutate(
            { id: quote.id, body: sendingOf(draft) },
            {
              onSuccess: (sent) => {
                notifications.show({
                  color: 'green',
                  message: t('send.done', { number: sent.number, to: sent.sentTo.join(', ') }),
                });
                close();
              },
            },
          );
        }}
      >
        <FormProblem error={explainedQuoteProblem(send.error, t)} shown={errors} />
        <Stack gap="sm">
          <TextInput
            label={t('send.to')}
            description={t('send.toHint')}
            inputMode="email"
            value={draft.to}
            onChange={(e) => set({ to: e.currentTarget.value })}
            error={toError}
            data-autofocus
          />
          <TextInput
            label={t('send.subject')}
            description={t('send.subjectHint')}
            value={draft.subject}
            onChange={(e) => set({ subject: e.currentTarget.value })}
            error={errors.subject}
          />
          <Textarea
            label={t('send.message')}
            description={t('send.messageHint')}
            autosize
            minRows={3}
            maxRows={10}
            value={draft.message}
            onChange={(e) => set({ message: e.currentTarget.value })}
            error={errors.message}
          />
          <Select
            label={t('send.stage')}
            description={t('send.stageHint')}
            placeholder={t('send.keepStage')}
            data={stages.map((s) => ({ value: s.id, label: s.name }))}
            value={draft.stageId}
            onChange={(stageId) => set({ stageId })}
            clearable
            error={errors.stageId}
          />
        </Stack>
        <FormButtons onCancel={close} submitLabel={t('send.submit')} pending={send.isPending} />
      </form>
    </FormModal>
  );
}
