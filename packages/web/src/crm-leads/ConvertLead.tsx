import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { usePipelines } from '../api/crm.ts';
import { type LeadItem, useConvertLead } from '../api/crm-leads.ts';
import { FormModal } from '../app/FormModal.tsx';
import { FormProblem, fieldErrorsOf } from '../app/FormProblem.tsx';
import { Loading } from '../app/feedback.tsx';
import { explainedLead } from './lead-problems.ts';

/**
 * "Convert to deal": the deal pipeline (and optionally its stage and the deal's title) the lead becomes a
 * deal on; the person becomes a contact and the company a company, and the new deal opens.
 */
export function ConvertLead({
  lead,
  opened,
  onClose,
}: {
  lead: LeadItem;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('leads');
  return (
    <FormModal opened={opened} onClose={onClose} title={t('convert.title', { title: lead.title })}>
      {opened && <ConvertForm lead={lead} onClose={onClose} />}
    </FormModal>
  );
}

function ConvertForm({ lead, onClose }: { lead: LeadItem; onClose: () => void }) {
  const { t } = useTranslation('leads');
  const navigate = useNavigate();
  const pipelines = usePipelines();
  const convert = useConvertLead();
  const items = pipelines.data?.items ?? [];
  const [pipelineId, setPipelineId] = useState<string | null>(null);
  const [stageId, setStageId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const chosen = items.find((p) => p.id === pipelineId) ?? items[0];
  const errors = fieldErrorsOf(convert.error, ['pipelineId', 'stageId', 'title']);
  if (pipelines.isPending) return <Loading />;

  return (
    <form
      aria-label={t('convert.title', { title: lead.title })}
      onSubmit={(event) => {
        event.preventDefault();
        if (!chosen) return;
        convert.mutate(
          {
            id: lead.id,
            body: {
              pipelineId: chosen.id,
              ...(stageId ? { stageId } : {}),
              ...(title.trim() ? { title: title.trim() } : {}),
            },
          },
          {
            onSuccess: ({ deal }) => {
              notifications.show({ color: 'green', message: t('convert.converted', { title: deal.title }) });
              onClose();
              navigate(`/crm/deals/${encodeURIComponent(deal.id)}`);
            },
          },
        );
      }}
    >
      <FormProblem error={explainedLead(convert.error ?? pipelines.error, t)} shown={errors} />
      <Stack gap="sm">
        <Text size="sm">{t('convert.explain')}</Text>
        {!chosen ? (
          <Text size="sm" c="red">
            {t('convert.noDealPipelines')}
          </Text>
        ) : (
          <>
            <Select
              label={t('convert.pipeline')}
              data={items.map((p) => ({ value: p.id, label: p.name }))}
              value={chosen.id}
              onChange={(id) => {
                setPipelineId(id);
                setStageId(null);
              }}
              allowDeselect={false}
              error={errors.pipelineId}
            />
            <Select
              label={t('convert.stage')}
              placeholder={chosen.stages[0]?.name}
              data={chosen.stages.map((s) => ({ value: s.id, label: s.name }))}
              value={stageId}
              onChange={setStageId}
              clearable
              error={errors.stageId}
            />
            <TextInput
              label={t('convert.dealTitle')}
              placeholder={lead.title}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={errors.title}
            />
          </>
        )}
      </Stack>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose}>
          {t('common:actions.cancel')}
        </Button>
        <Button type="submit" loading={convert.isPending} disabled={!chosen}>
          {t('convert.submit')}
        </Button>
      </Group>
    </form>
  );
}
