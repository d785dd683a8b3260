import { Select, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pipeline } from '../api/crm.ts';
import type { CrmField, CrmFieldValue, FieldEntity } from '../api/crm-fields.ts';
import { SectionCard } from '../app/SectionCard.tsx';
import { CustomFields } from './CustomFields.tsx';
import { STAGED } from './field-entity.ts';
import { stageOptions } from './stage-labels.ts';

/**
 * The fields as the kind's form shows them — a deal's or lead's at a stage picked here, those required
 * there marked; nothing is saved.
 */
export function FieldsPreview(props: {
  entity: FieldEntity;
  fields: readonly CrmField[];
  pipelines: readonly Pipeline[];
}) {
  const { t } = useTranslation('crmFields');
  // The first stage until one is picked (the pipelines may come after the fields).
  const [picked, setPicked] = useState<string | null>(null);
  const stageId = picked ?? props.pipelines[0]?.stages[0]?.id ?? null;
  const [values, setValues] = useState<Record<string, CrmFieldValue>>({});
  if (props.fields.length === 0) return null;
  const staged = STAGED[props.entity];
  return (
    <SectionCard id="fields-preview" title={t('preview.title')}>
      <Text size="sm" c="dimmed" mb="sm">
        {t(`entities.${props.entity}.preview`)}
      </Text>
      {staged && (
        <Select
          label={t('preview.stage')}
          data={stageOptions(props.pipelines)}
          value={stageId}
          onChange={setPicked}
          allowDeselect={false}
          mb="sm"
        />
      )}
      <CustomFields
        definitions={props.fields}
        values={values}
        onChange={setValues}
        stageId={staged ? (stageId ?? '') : undefined}
      />
    </SectionCard>
  );
}
