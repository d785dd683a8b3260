import { Autocomplete, Group, Input, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormEnv } from '../form-env.tsx';
import { ExpressionInput } from './ExpressionInput.tsx';
import { AddItemButton, RemoveItemButton } from './ListButtons.tsx';

/** A list of CEL expressions, one input each. */
export function ExpressionList(props: {
  label: string;
  error?: string | undefined;
  value: string[];
  onChange: (v: unknown) => void;
}) {
  const env = useFormEnv();
  const set = (list: string[]) => props.onChange(list.length === 0 ? undefined : list);
  return (
    <Input.Wrapper label={props.label} error={props.error}>
      <Stack gap={4}>
        {props.value.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: list items are edited in place, by position
          <Group key={i} gap={4} wrap="nowrap">
            <div style={{ flex: 1 }}>
              <ExpressionInput
                mode="expression"
                aria-label={`${props.label} ${i + 1}`}
                value={item}
                names={env.names}
                readOnly={env.readOnly}
                onChange={(v) => set(props.value.map((x, j) => (j === i ? v : x)))}
                onBlur={env.seal}
              />
            </div>
            <RemoveItemButton onRemove={() => set(props.value.filter((_, j) => j !== i))} />
          </Group>
        ))}
        <AddItemButton onAdd={() => set([...props.value, ''])} />
      </Stack>
    </Input.Wrapper>
  );
}

/** Name → value rows (variables to set, document fields, webhook headers, child process parameters). */
export function RecordInput(props: {
  label: string;
  error?: string | undefined;
  expression: boolean;
  keyHint: string;
  /** The names a row may take, when the caller knows them (a list's fields); else from `keyHint`. */
  keyNames?: readonly string[] | undefined;
  value: Record<string, string>;
  onChange: (v: unknown) => void;
}) {
  const env = useFormEnv();
  const entries = Object.entries(props.value);
  const set = (list: [string, string][]) =>
    props.onChange(list.length === 0 ? undefined : Object.fromEntries(list));
  const keyNames = props.keyNames
    ? [...props.keyNames]
    : props.keyHint === 'values'
      ? env.names.filter((n) => n.source === 'variable').map((n) => n.name)
      : props.keyHint === 'fields'
        ? env.names.filter((n) => n.source === 'document').map((n) => n.name.slice('document.'.length))
        : [];
  return (
    <Input.Wrapper label={props.label} error={props.error}>
      <Stack gap={4}>
        {entries.map(([k, v], i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a row's key is being edited, so position is its identity
          <Group key={i} gap={4} wrap="nowrap" align="flex-start">
            <TagsLikeKey
              value={k}
              names={keyNames}
              readOnly={env.readOnly}
              onChange={(nk) => set(entries.map((e, j) => (j === i ? [nk, e[1]] : e)))}
            />
            <div style={{ flex: 1 }}>
              {props.expression ? (
                <ExpressionInput
                  mode="expression"
                  aria-label={`${props.label}: ${k}`}
                  value={v}
                  names={env.names}
                  readOnly={env.readOnly}
                  onChange={(nv) => set(entries.map((e, j) => (j === i ? [e[0], nv] : e)))}
                  onBlur={env.seal}
                />
              ) : (
                <TextInput
                  aria-label={`${props.label}: ${k}`}
                  value={v}
                  readOnly={env.readOnly}
                  onChange={(e) => {
                    const nv = e.currentTarget.value;
                    set(entries.map((x, j) => (j === i ? [x[0], nv] : x)));
                  }}
                  onBlur={env.seal}
                />
              )}
            </div>
            <RemoveItemButton mt={6} onRemove={() => set(entries.filter((_, j) => j !== i))} />
          </Group>
        ))}
        <AddItemButton
          onAdd={() => {
            let name = keyNames.find((n) => !(n in props.value)) ?? 'name';
            for (let i = 2; name in props.value; i++) name = `name${i}`;
            set([...entries, [name, '']]);
          }}
        />
      </Stack>
    </Input.Wrapper>
  );
}

function TagsLikeKey(props: {
  value: string;
  names: string[];
  readOnly: boolean;
  onChange: (v: string) => void;
}) {
  const { t } = useTranslation('designer');
  return (
    <Autocomplete
      aria-label={t('fields.name')}
      w={130}
      data={props.names}
      value={props.value}
      readOnly={props.readOnly}
      onChange={props.onChange}
      classNames={{ input: 'bn-code' }}
    />
  );
}
