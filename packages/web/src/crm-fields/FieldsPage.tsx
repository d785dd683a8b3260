import { Button, SegmentedControl, Stack } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAbility } from '../api/auth.ts';
import { type FieldEntity, useFields, useSaveFields } from '../api/crm-fields.ts';
import { CardList } from '../app/CardList.tsx';
import { FormModal } from '../app/FormModal.tsx';
import { FormProblem } from '../app/FormProblem.tsx';
import { Empty, ErrorNotice, FORBIDDEN, Loading } from '../app/feedback.tsx';
import { PageHeader } from '../app/PageHeader.tsx';
import { useUrlParam } from '../crm/url-params.ts';
import { DeleteField } from './DeleteField.tsx';
import { FieldCard, type FieldDialog } from './FieldCard.tsx';
import { FieldForm } from './FieldForm.tsx';
import { FieldsPreview } from './FieldsPreview.tsx';
import { FIELD_ENTITIES, fieldEntityOf } from './field-entity.ts';
import { inputsOf, moveField, rowErrors } from './field-list.ts';
import { stageLabels } from './stage-labels.ts';
import { useStagePipelines } from './useStagePipelines.ts';

/**
 * The company's own fields of deals, leads, contacts and companies (`/admin/fields?entity=lead`), for
 * those who manage the CRM: one kind at a time, its fields added, changed, reordered, deleted.
 */
export function FieldsPage() {
  const manage = useAbility('manageCrm');
  const [param, setParam] = useUrlParam('entity');
  const entity = fieldEntityOf(param);
  // Everyone reads the fields (the forms render them); changing them is the administrators'.
  if (!manage) return <ErrorNotice error={FORBIDDEN} />;
  // A kind's list and its pending saves start afresh when another kind is picked.
  return <EntityFields key={entity} entity={entity} onEntity={setParam} />;
}

function EntityFields({
  entity,
  onEntity,
}: {
  entity: FieldEntity;
  onEntity: (entity: FieldEntity) => void;
}) {
  const { t } = useTranslation('crmFields');
  const list = useFields(entity);
  const pipelines = useStagePipelines(entity);
  const reorder = useSaveFields(entity);
  const [dialog, setDialog] = useState<FieldDialog | null>(null);
  const fields = list.data?.items ?? [];
  const names = stageLabels(pipelines);
  const listLabel = t(`entities.${entity}.list`);
  // A refused reorder names rows of the list it sent: its messages go to the fields by key.
  const refused = rowErrors(reorder.error);
  const errorsOf = (key: string) => {
    const at = (reorder.variables ?? []).findIndex((f) => f.key === key);
    return at < 0 ? undefined : refused[at];
  };
  const close = () => setDialog(null);
  const open = (next: FieldDialog) => {
    reorder.reset();
    setDialog(next);
  };

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => open({ kind: 'new' })}>
            {t('add')}
          </Button>
        }
      />
      <SegmentedControl
        mb="md"
        fullWidth
        maw={560}
        value={entity}
        onChange={(value) => onEntity(value as FieldEntity)}
        aria-label={t('entity')}
        data={FIELD_ENTITIES.map((e) => ({ value: e, label: t(`entities.${e}.tab`) }))}
      />
      <FormProblem error={Object.keys(refused).length > 0 ? null : reorder.error} />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorNotice error={list.error} retry={() => list.refetch()} />
      ) : fields.length === 0 ? (
        <Empty>{t(`entities.${entity}.empty`)}</Empty>
      ) : (
        <Stack gap="lg">
          <CardList aria-label={listLabel}>
            {fields.map((field, index) => (
              <FieldCard
                key={field.key}
                field={field}
                index={index}
                last={index === fields.length - 1}
                stageNames={names}
                errors={errorsOf(field.key)}
                busy={reorder.isPending}
                onMove={(delta) => reorder.mutate(moveField(inputsOf(fields), index, delta))}
                onDialog={open}
              />
            ))}
          </CardList>
          <FieldsPreview entity={entity} fields={fields} pipelines={pipelines} />
        </Stack>
      )}
      <FormModal
        opened={dialog?.kind === 'new' || dialog?.kind === 'edit'}
        onClose={close}
        title={
          dialog?.kind === 'edit'
            ? t('form.editTitle', { label: fields[dialog.index]?.label ?? '' })
            : t(`entities.${entity}.newTitle`)
        }
      >
        {(dialog?.kind === 'new' || dialog?.kind === 'edit') && (
          <FieldForm
            key={dialog.kind === 'edit' ? dialog.index : 'new'}
            entity={entity}
            fields={fields}
            index={dialog.kind === 'edit' ? dialog.index : null}
            pipelines={pipelines}
            onDone={close}
          />
        )}
      </FormModal>
      {dialog?.kind === 'delete' && (
        <DeleteField entity={entity} fields={fields} index={dialog.index} onClose={close} />
      )}
    </>
  );
}
