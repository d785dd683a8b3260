import {
  Autocomplete,
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  TagsInput,
  TextInput,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type Group as CondGroup, OPERATORS, type Operator, type Rule, UNARY } from '../model/condition.ts';
import type { Name } from '../model/names.ts';
import { RemoveItemButton } from './fields/ListButtons.tsx';
import { useFormEnv } from './form-env.tsx';

/** Operators that make sense for a field type; names of unknown type (document fields) get all. */
export function operatorsFor(type: string | undefined): readonly Operator[] {
  if (type === 'boolean') return ['isTrue', 'isFalse'];
  if (type === 'number' || type === 'money' || type === 'date' || type === 'datetime')
    return ['eq', 'ne', 'lt', 'le', 'gt', 'ge'];
  if (type === 'select') return ['eq', 'ne', 'in', 'empty', 'notEmpty'];
  if (type === 'multiselect' || type === 'users') return ['empty', 'notEmpty'];
  if (type === 'string' || type === 'text' || type === 'user' || type === 'department')
    return ['eq', 'ne', 'contains', 'startsWith', 'in', 'empty', 'notEmpty'];
  return OPERATORS;
}

export interface ConditionBuilderProps {
  value: CondGroup;
  onChange: (value: CondGroup) => void;
  names: readonly Name[];
  depth?: number;
}

/** Field / operator / value rows in AND/OR groups; writes the same CEL a person would (condition.ts). */
export function ConditionBuilder({ value, onChange, names, depth = 0 }: ConditionBuilderProps) {
  const { t } = useTranslation('designer');
  // From the form env, like the shared remove button, so the whole builder agrees on it.
  const { readOnly } = useFormEnv();
  const setItem = (i: number, item: Rule | CondGroup) =>
    onChange({ ...value, items: value.items.map((x, j) => (j === i ? item : x)) });
  const remove = (i: number) => onChange({ ...value, items: value.items.filter((_, j) => j !== i) });
  const first = names.find((n) => n.source !== 'engine');
  const newRule = (): Rule => {
    const type = first?.type;
    const op = operatorsFor(type)[0] as Operator;
    return {
      kind: 'rule',
      field: first?.name ?? '',
      op,
      ...(UNARY.has(op) ? {} : { value: type === 'number' || type === 'money' ? 0 : '' }),
    };
  };
  return (
    <Paper withBorder={depth > 0} p={depth > 0 ? 'xs' : 0} data-testid={`condition-group-${depth}`}>
      <Stack gap={6}>
        {value.items.length > 1 && (
          <SegmentedControl
            size="xs"
            disabled={readOnly}
            data={[
              { value: 'and', label: t('condition.and') },
              { value: 'or', label: t('condition.or') },
            ]}
            value={value.join}
            onChange={(join) => onChange({ ...value, join: join as 'and' | 'or' })}
            style={{ alignSelf: 'flex-start' }}
          />
        )}
        {value.items.map((item, i) =>
          item.kind === 'group' ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, by position
            <Group key={i} gap={4} wrap="nowrap" align="flex-start">
              <div style={{ flex: 1 }}>
                <ConditionBuilder
                  value={item}
                  onChange={(g) => setItem(i, g)}
                  names={names}
                  depth={depth + 1}
                />
              </div>
              <RemoveItemButton onRemove={() => remove(i)} />
            </Group>
          ) : (
            <RuleRow
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, by position
              key={i}
              rule={item}
              names={names}
              readOnly={readOnly}
              onChange={(r) => setItem(i, r)}
              onRemove={() => remove(i)}
            />
          ),
        )}
        {!readOnly && (
          <Group gap={4}>
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} />}
              onClick={() => onChange({ ...value, items: [...value.items, newRule()] })}
              data-testid="condition-add-rule"
            >
              {t('condition.addRule')}
            </Button>
            {depth < 2 && (
              <Button
                size="xs"
                variant="subtle"
                leftSection={<IconPlus size={14} />}
                onClick={() =>
                  onChange({
                    ...value,
                    items: [
                      ...value.items,
                      {
                        kind: 'group',
                        join: value.join === 'and' ? 'or' : 'and',
                        items: [newRule(), newRule()],
                      },
                    ],
                  })
                }
              >
                {t('condition.addGroup')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function RuleRow(props: {
  rule: Rule;
  names: readonly Name[];
  readOnly: boolean;
  onChange: (r: Rule) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation('designer');
  const { rule } = props;
  const name = props.names.find((n) => n.name === rule.field);
  const ops = operatorsFor(name?.type ?? (rule.field.startsWith('document.') ? undefined : 'string'));
  const op = ops.includes(rule.op) ? rule.op : (ops[0] as Operator);
  const setField = (field: string) => {
    const n = props.names.find((x) => x.name === field);
    const nextOps = operatorsFor(n?.type);
    const nextOp = nextOps.includes(rule.op) ? rule.op : (nextOps[0] as Operator);
    props.onChange({
      kind: 'rule',
      field,
      op: nextOp,
      ...(UNARY.has(nextOp) ? {} : { value: rule.value ?? '' }),
    });
  };
  const setOp = (o: Operator) => {
    const { value: _v, ...rest } = rule;
    props.onChange(
      UNARY.has(o)
        ? { ...rest, op: o }
        : {
            ...rest,
            op: o,
            value:
              o === 'in'
                ? Array.isArray(rule.value)
                  ? rule.value
                  : []
                : Array.isArray(rule.value)
                  ? ''
                  : (rule.value ?? ''),
          },
    );
  };
  const numeric = name?.type === 'number' || name?.type === 'money';
  return (
    <Group gap={4} wrap="nowrap" align="flex-start" data-testid="condition-rule">
      <Autocomplete
        aria-label={t('condition.field')}
        style={{ flex: '1 1 100px', minWidth: 0 }}
        data={props.names.map((n) => n.name)}
        value={rule.field}
        readOnly={props.readOnly}
        onChange={setField}
        classNames={{ input: 'bn-code' }}
        data-testid="condition-field"
      />
      <Select
        aria-label={t('condition.operator')}
        w={124}
        data={ops.map((o) => ({ value: o, label: t(`condition.ops.${o}`) }))}
        value={op}
        readOnly={props.readOnly}
        allowDeselect={false}
        onChange={(o) => o && setOp(o as Operator)}
        data-testid="condition-operator"
      />
      {UNARY.has(op) ? null : op === 'in' ? (
        <TagsInput
          aria-label={t('condition.value')}
          style={{ flex: '1 1 80px', minWidth: 0 }}
          data={name?.options ?? []}
          value={Array.isArray(rule.value) ? rule.value : []}
          readOnly={props.readOnly}
          onChange={(v) => props.onChange({ ...rule, op, value: v })}
        />
      ) : name?.options ? (
        <Select
          aria-label={t('condition.value')}
          style={{ flex: '1 1 80px', minWidth: 0 }}
          data={name.options}
          value={typeof rule.value === 'string' ? rule.value : null}
          readOnly={props.readOnly}
          onChange={(v) => props.onChange({ ...rule, op, value: v ?? '' })}
        />
      ) : numeric ? (
        <NumberInput
          aria-label={t('condition.value')}
          style={{ flex: '1 1 80px', minWidth: 0 }}
          value={typeof rule.value === 'number' ? rule.value : ''}
          readOnly={props.readOnly}
          onChange={(v) => props.onChange({ ...rule, op, value: Number(v) || 0 })}
          data-testid="condition-value"
        />
      ) : (
        <TextInput
          aria-label={t('condition.value')}
          style={{ flex: '1 1 80px', minWidth: 0 }}
          value={typeof rule.value === 'string' ? rule.value : String(rule.value ?? '')}
          readOnly={props.readOnly}
          onChange={(e) => props.onChange({ ...rule, op, value: e.currentTarget.value })}
          data-testid="condition-value"
        />
      )}
      <RemoveItemButton mt={6} onRemove={props.onRemove} />
    </Group>
  );
}
