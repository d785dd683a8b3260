import { Group, NumberInput, Select, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Pipeline } from '../../api/crm.ts';
import { CURRENCIES } from '../money.ts';
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
    <Group gap="sm" align="flex-start" wrap="nowrap">
      <NumberInput
        label={t(`${kind.itemWords}fields.amount`)}
        value={draft.amount}
        onChange={(amount) => set({ amount })}
        min={0}
        decimalScale={2}
        thousandSeparator=" "
        hideControls
        error={errors.amount}
        style={{ flex: 1, minWidth: 0 }}
      />
      <Select
        label={t(`${kind.itemWords}fields.currency`)}
        data={[...new Set([...CURRENCIES, draft.currency])]}
        value={draft.currency}
        onChange={(currency) => currency && set({ currency })}
        allowDeselect={false}
        error={errors.currency}
        w="6.5rem"
      />
    </Group>
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
