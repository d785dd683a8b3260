import { Button, Fieldset, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useUploading } from '../../api/process-files.ts';
import { FormCard } from '../../app/FormCard.tsx';
import { FormProblem } from '../../app/FormProblem.tsx';
import '../crm.css';

/** What the deal and lead forms take alike. */
export interface ItemFormProps<Draft> {
  /** Names the form for screen readers. */
  label: string;
  draft: Draft;
  onChange: (draft: Draft) => void;
  /** The server's refusal of the last save; its field errors show beside the fields. */
  error: unknown;
  pending: boolean;
  submitLabel: string;
  onSubmit: () => void;
  /** Above the fields: a notice about the item as stored (changed by someone else). */
  notice?: ReactNode;
  /** The reader may only read the item: its fields shown disabled, nothing to submit. */
  readOnly?: boolean | undefined;
  /** The stored item's id, whose files name its file fields' values; none for a new item. */
  itemId?: string | undefined;
}

/**
 * An item's form around its fields: the notice, the refusal (`problem`, but for the field errors
 * `shown` beside the fields), the fields in a column, and the submit button (none when read-only),
 * which waits while a file field's file is on its way.
 */
export function ItemFormCard(props: {
  form: Pick<
    ItemFormProps<unknown>,
    'label' | 'pending' | 'submitLabel' | 'onSubmit' | 'notice' | 'readOnly'
  >;
  problem: Error | null;
  shown: Record<string, string>;
  canSubmit: boolean;
  children: ReactNode;
}) {
  const { form } = props;
  const uploading = useUploading();
  return (
    <FormCard
      aria-label={form.label}
      onSubmit={(event) => {
        event.preventDefault();
        form.onSubmit();
      }}
    >
      {form.notice}
      <FormProblem error={props.problem} shown={props.shown} />
      {/* A disabled fieldset disables every input inside, however deep. */}
      <Fieldset
        variant="unstyled"
        disabled={form.readOnly}
        className={form.readOnly ? 'crm-read-only' : undefined}
      >
        <Stack gap="sm">{props.children}</Stack>
      </Fieldset>
      {!form.readOnly && (
        <Group justify="flex-end" mt="md">
          <Button type="submit" loading={form.pending} disabled={!props.canSubmit || uploading}>
            {form.submitLabel}
          </Button>
        </Group>
      )}
    </FormCard>
  );
}
