import { Select, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Pipeline } from '../../api/crm.ts';
import { MoneyInputs } from '../MoneyInputs.tsx';
import { UserSelect } from '../UserSelect.tsx';
import type { ItemDraftBasics } from './item-draft.ts';
import type { ItemKind } from './item-kind.ts';

/** The inputs deal and lead forms share; labelled by `${kind.itemWords}fields.*`. */
interface FieldsProps {
  kind: ItemKind;
  draft: ItemDraftBasics;
  set: (change: Partial<ItemDraftBasics>) => void;
  errors: Record<string, string>;
}

/** The amount and, beside it, its currency. */
export function AmountInputs({ kind, draft, set, errors }: FieldsProps) {
  const { t } = useTranslation(kind.ns);
  return (
    <MoneyInputs
      labels={{
        amount: t(`${kind.itemWords}fields.amount`),
        currency: t(`${kind.itemWords}fields.currency`),
      }}
      value={{ amount: draft.amount, currency: draft.currency }}
      onChange={set}
      errors={errors}
    />
  );
}

/** The pipeline and its stage; choosing another pipeline starts at its first stage. */
export function PipelineStageSelects(
  props: FieldsProps & { pipelines: readonly Pipeline[]; required?: boolean },
) {
  const { kind, draft, set, errors, pipelines } = props;
  const { t } = useTranslation(kind.ns);
  const pipeline = pipelines.find((p) => p.id === draft.pipelineId);
  return (
    <>
      <Select
        label={t(`${kind.itemWords}fields.pipeline`)}
        data={pipelines.map((p) => ({ value: p.id, label: p.name }))}
        value={draft.pipelineId || null}
        onChange={(id) => {
          const next = pipelines.find((p) => p.id === id);
          if (next) set({ pipelineId: next.id, stageId: next.stages[0]?.id ?? '' });
        }}
        allowDeselect={false}
        required={props.required}
        error={errors.pipelineId}
      />
      <Select
        label={t(`${kind.itemWords}fields.stage`)}
        data={(pipeline?.stages ?? []).map((s) => ({ value: s.id, label: s.name }))}
        value={draft.stageId || null}
        onChange={(stageId) => stageId && set({ stageId })}
        allowDeselect={false}
        required={props.required}
        error={errors.stageId}
      />
    </>
  );
}

/** Who is responsible. */
export function ResponsibleSelect({ kind, draft, set, errors }: FieldsProps) {
  const { t } = useTranslation(kind.ns);
  return (
    <UserSelect
      label={t(`${kind.itemWords}fields.responsible`)}
      value={draft.responsibleId}
      onChange={(responsibleId) => set({ responsibleId })}
      error={errors.responsibleId}
    />
  );
}

/** A comment, growing with its text. */
export function CommentInput({ kind, draft, set, errors }: FieldsProps) {
  const { t } = useTranslation(kind.ns);
  return (
    <Textarea
      label={t(`${kind.itemWords}fields.comment`)}
      autosize
      minRows={3}
      maxRows={12}
      value={draft.comment}
      onChange={(e) => set({ comment: e.currentTarget.value })}
      error={errors.comment}
    />
  );
}
