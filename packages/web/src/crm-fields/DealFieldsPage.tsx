import { Button, Stack } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAbility } from '../api/auth.ts';
import { usePipelines } from '../api/crm.ts';
import { useDealFields, useSaveDealFields } from '../api/crm-deal-fields.ts';
import { CardList } from '../app/CardList.tsx';
import { FormModal } from '../app/FormModal.tsx';
import { FormProblem } from '../app/FormProblem.tsx';
import { Empty, ErrorNotice, FORBIDDEN, Loading } from '../app/feedback.tsx';
import { PageHeader } from '../app/PageHeader.tsx';
import { DealFieldCard, type FieldDialog } from './DealFieldCard.tsx';
import { DealFieldForm } from './DealFieldForm.tsx';
import { DeleteDealField } from './DeleteDealField.tsx';
import { FieldsPreview } from './FieldsPreview.tsx';
import { inputsOf, moveField, rowErrors } from './field-list.ts';
import { stageLabels } from './stage-labels.ts';

/** The company's own deal fields, for those who manage the CRM: added, changed, reordered, deleted. */
export function DealFieldsPage() {
  const manage = useAbility('manageCrm');
  // Everyone reads the fields (the deal form renders them); changing them is the administrators'.
  return manage ? <DealFields /> : <ErrorNotice error={FORBIDDEN} />;
}

function DealFields() {
  const { t } = useTranslation('dealFields');
  const list = useDealFields();
  const pipelines = usePipelines().data?.items ?? [];
  const reorder = useSaveDealFields();
  const [dialog, setDialog] = useState<FieldDialog | null>(null);
  const fields = list.data?.items ?? [];
  const names = stageLabels(pipelines);
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
      <FormProblem error={Object.keys(refused).length > 0 ? null : reorder.error} />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorNotice error={list.error} retry={() => list.refetch()} />
      ) : fields.length === 0 ? (
        <Empty>{t('empty')}</Empty>
      ) : (
        <Stack gap="lg">
          <CardList aria-label={t('title')}>
            {fields.map((field, index) => (
              <DealFieldCard
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
          <FieldsPreview fields={fields} pipelines={pipelines} />
        </Stack>
      )}
      <FormModal
        opened={dialog?.kind === 'new' || dialog?.kind === 'edit'}
        onClose={close}
        title={
          dialog?.kind === 'edit'
            ? t('form.editTitle', { label: fields[dialog.index]?.label ?? '' })
            : t('form.newTitle')
        }
      >
        {dialog?.kind === 'new' && (
          <DealFieldForm fields={fields} index={null} pipelines={pipelines} onDone={close} />
        )}
        {dialog?.kind === 'edit' && (
          <DealFieldForm
            key={dialog.index}
            fields={fields}
            index={dialog.index}
            pipelines={pipelines}
            onDone={close}
          />
        )}
      </FormModal>
      {dialog?.kind === 'delete' && <DeleteDealField fields={fields} index={dialog.index} onClose={close} />}
    </>
  );
}
