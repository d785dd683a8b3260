import { Select, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pipeline } from '../api/crm.ts';
import type { DealField, DealFieldValue } from '../api/crm-deal-fields.ts';
import { SectionCard } from '../app/SectionCard.tsx';
import { DealCustomFields } from './DealCustomFields.tsx';
import { stageOptions } from './stage-labels.ts';

/** The fields as a deal's form shows them at a stage picked here, those required there marked; nothing is saved. */
export function FieldsPreview(props: { fields: readonly DealField[]; pipelines: readonly Pipeline[] }) {
  const { t } = useTranslation('dealFields');
  const [stageId, setStageId] = useState<string | null>(props.pipelines[0]?.stages[0]?.id ?? null);
  const [values, setValues] = useState<Record<string, DealFieldValue>>({});
  if (props.fields.length === 0) return null;
  return (
    <SectionCard id="deal-fields-preview" title={t('preview.title')}>
      <Text size="sm" c="dimmed" mb="sm">
        {t('preview.about')}
      </Text>
      <Select
        label={t('preview.stage')}
        data={stageOptions(props.pipelines)}
        value={stageId}
        onChange={setStageId}
        allowDeselect={false}
        mb="sm"
      />
      <DealCustomFields
        definitions={props.fields}
        values={values}
        onChange={setValues}
        stageId={stageId ?? ''}
      />
    </SectionCard>
  );
}
