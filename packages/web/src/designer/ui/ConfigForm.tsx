import {
  Fieldset,
  Group,
  Input,
  JsonInput,
  NumberInput,
  Paper,
  Select,
  Stack,
  Switch,
  TagsInput,
  TextInput,
} from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type FieldSpec, getAt, type Widget } from '../model/schema-form.ts';
import { AssigneePicker } from './fields/AssigneePicker.tsx';
import { DocumentTemplateInput } from './fields/DocumentTemplateInput.tsx';
import { DurationInput } from './fields/DurationInput.tsx';
import { ExpressionInput } from './fields/ExpressionInput.tsx';
import { AddItemButton, RemoveItemButton } from './fields/ListButtons.tsx';
import { ExpressionList, RecordInput } from './fields/ListInputs.tsx';
import { ListKeyInput, ListValuesInput } from './fields/ListKeyInputs.tsx';
import { VariableInput } from './fields/VariableInput.tsx';
import { type FormEnv, FormEnvProvider, useFormEnv } from './form-env.tsx';

type Value = Record<string, unknown>;

export interface ConfigFormProps {
  fields: readonly FieldSpec[];
  value: Value | undefined;
  /** A new value at a path of `value` (undefined removes it). */
  onChange: (path: readonly string[], value: unknown) => void;
  /** Prefix for field labels' test ids (nested lists). */
  testPrefix?: string;
  /** The node type, for type-specific labels (`fields.userTask.title`). */
  type?: string;
}

/** Renders a config form from its field descriptions (schema-form.ts): one widget per field. */
export function ConfigForm({ fields, value, onChange, testPrefix = 'field', type }: ConfigFormProps) {
  return (
    <Stack gap="sm">
      {fields.map((spec) => (
        <Field
          key={spec.path.join('.')}
          spec={spec}
          value={getAt(value, spec.path)}
          onChange={(v) => onChange(spec.path, v)}
          testId={`${testPrefix}-${spec.path.join('.')}`}
          type={type}
          config={value}
        />
      ))}
    </Stack>
  );
}

const humanize = (key: string) => key.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());

interface FieldProps {
  spec: FieldSpec;
  value: unknown;
  onChange: (value: unknown) => void;
  testId: string;
  type: string | undefined;
  /** The whole config, for a field whose choices follow another's (a list's fields follow the list). */
  config: Value | undefined;
}

function Field({ spec, value, onChange, testId, type, config }: FieldProps) {
  const { t } = useTranslation('designer');
  const env = useFormEnv();
  const generic = t(`fields.${spec.key}`, { defaultValue: humanize(spec.key) });
  const label = spec.title ?? (type ? t(`fieldsOf.${type}.${spec.key}`, { defaultValue: generic }) : generic);
  const error = env.problemAt(spec.path);
  const common = { label, error, required: spec.required, 'data-testid': testId };
  const placeholder =
    spec.default !== undefined && typeof spec.default !== 'object' ? String(spec.default) : undefined;
  const str = typeof value === 'string' ? value : '';
  const setText = (v: string) => onChange(v === '' ? undefined : v);

  switch (spec.widget) {
    case 'text':
      return (
        <TextInput
          {...common}
          value={str}
          placeholder={placeholder}
          readOnly={env.readOnly}
          onChange={(e) => setText(e.currentTarget.value)}
          onBlur={env.seal}
        />
      );
    case 'documentTemplate':
      return (
        <DocumentTemplateInput
          {...common}
          value={str}
          readOnly={env.readOnly}
          onChange={setText}
          onBlur={env.seal}
        />
      );
    case 'listKey':
      return (
        <ListKeyInput {...common} value={str} readOnly={env.readOnly} onChange={setText} onBlur={env.seal} />
      );
    case 'variable':
      return <VariableInput {...common} value={str} onChange={setText} />;
    case 'listValues':
      return (
        <ListValuesInput
          label={label}
          error={error}
          listKey={String(getAt(config, ['list']) ?? '')}
          value={value && typeof value === 'object' ? (value as Record<string, string>) : {}}
          onChange={onChange}
        />
      );
    case 'expression':
    case 'template':
      return (
        <ExpressionInput
          {...common}
          mode={spec.widget}
          value={str}
          names={env.names}
          multiline={spec.widget === 'template' && /body|text|description/.test(spec.key)}
          placeholder={placeholder}
          readOnly={env.readOnly}
          onChange={setText}
          onBlur={env.seal}
        />
      );
    case 'duration':
      return (
        <DurationInput
          {...common}
          value={typeof value === 'string' ? value : undefined}
          onChange={onChange}
          onBlur={env.seal}
          readOnly={env.readOnly}
        />
      );
    case 'number':
      return (
        <NumberInput
          {...common}
          value={typeof value === 'number' ? value : ''}
          placeholder={placeholder}
          {...(spec.minimum === undefined ? {} : { min: spec.minimum })}
          {...(spec.maximum === undefined ? {} : { max: spec.maximum })}
          readOnly={env.readOnly}
          onChange={(v) => onChange(v === '' ? undefined : Number(v))}
          onBlur={env.seal}
        />
      );
    case 'boolean':
      return (
        <Switch
          label={label}
          data-testid={testId}
          checked={typeof value === 'boolean' ? value : spec.default === true}
          disabled={env.readOnly}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            onChange(on === (spec.default === true) ? undefined : on);
            env.seal();
          }}
        />
      );
    case 'enum':
      return (
        <Select
          {...common}
          data={(spec.options ?? []).map((o) => ({
            value: o,
            label: t(`options.${spec.key}.${o}`, { defaultValue: o }),
          }))}
          value={typeof value === 'string' ? value : typeof spec.default === 'string' ? spec.default : null}
          readOnly={env.readOnly}
          allowDeselect={false}
          onChange={(v) => {
            onChange(v === null || v === spec.default ? undefined : v);
            env.seal();
          }}
        />
      );
    case 'assignees':
      return (
        <AssigneePicker
          label={label}
          error={error}
          required={spec.required}
          value={Array.isArray(value) ? (value as string[]) : []}
          onChange={(v) => onChange(v.length === 0 ? undefined : v)}
        />
      );
    case 'list':
    case 'documentSteps':
    case 'fileFields':
      return (
        <TagsInput
          {...common}
          data={suggestions(spec.widget, env)}
          value={Array.isArray(value) ? (value as string[]) : []}
          readOnly={env.readOnly}
          onChange={(v) => {
            onChange(v.length === 0 ? undefined : v);
            env.seal();
          }}
        />
      );
    case 'expressionList':
      return (
        <ExpressionList
          label={label}
          error={error}
          value={Array.isArray(value) ? (value as string[]) : []}
          onChange={onChange}
        />
      );
    case 'record':
    case 'expressionRecord':
      return (
        <RecordInput
          label={label}
          error={error}
          expression={spec.widget === 'expressionRecord'}
          keyHint={spec.key}
          value={value && typeof value === 'object' ? (value as Record<string, string>) : {}}
          onChange={onChange}
        />
      );
    case 'object':
      return (
        <ObjectFields
          spec={spec}
          label={label}
          value={isObject(value) ? value : undefined}
          onChange={onChange}
          testId={testId}
        />
      );
    case 'objectList':
      return (
        <ObjectList
          label={label}
          error={error}
          fields={spec.fields ?? []}
          value={Array.isArray(value) ? (value as Value[]) : []}
          onChange={(v) => onChange(v.length === 0 ? undefined : v)}
          testId={testId}
        />
      );
    default:
      return (
        <JsonInput
          {...common}
          autosize
          minRows={2}
          formatOnBlur
          readOnly={env.readOnly}
          defaultValue={value === undefined ? '' : JSON.stringify(value, null, 2)}
          onBlur={(e) => {
            try {
              const text = e.currentTarget.value.trim();
              onChange(text === '' ? undefined : JSON.parse(text));
            } catch {
              // JsonInput shows the parse error itself.
            }
          }}
        />
      );
  }
}

const isObject = (v: unknown): v is Value => typeof v === 'object' && v !== null && !Array.isArray(v);

function setIn(base: Value, path: readonly string[], value: unknown): Value {
  const [head, ...rest] = path;
  if (head === undefined) return base;
  const out = { ...base };
  const next = rest.length === 0 ? value : setIn((out[head] as Value) ?? {}, rest, value);
  if (next === undefined) delete out[head];
  else out[head] = next;
  return out;
}

/**
 * An object's fields, in a frame. One with a default (a plugin activity's input and output) is always there;
 * another is switched on and off. Its fields' problems are shown at them, the rest under the frame.
 */
function ObjectFields(props: {
  spec: FieldSpec;
  label: string;
  value: Value | undefined;
  onChange: (v: unknown) => void;
  testId: string;
}) {
  const { spec, value, testId } = props;
  const env = useFormEnv();
  const always = isObject(spec.default);
  const fields = (spec.fields ?? []).map((f) => ({ ...f, path: f.path.slice(spec.path.length) }));
  // The nested form's paths are relative to this object; problems are found by the full path.
  const nested = useMemo(
    () => ({ ...env, problemAt: (path: readonly string[]) => env.problemAt([...spec.path, ...path]) }),
    [env, spec.path],
  );
  const error = fields.some((f) => nested.problemAt(f.path)) ? undefined : env.problemAt(spec.path);
  const legend = always ? (
    props.label
  ) : (
    <Switch
      label={props.label}
      size="xs"
      checked={value !== undefined}
      disabled={env.readOnly}
      data-testid={testId}
      onChange={(e) => {
        props.onChange(e.currentTarget.checked ? {} : undefined);
        env.seal();
      }}
    />
  );
  return (
    <Fieldset legend={legend} p="xs" {...(always ? { 'data-testid': testId } : {})}>
      {(always || value !== undefined) && (
        <FormEnvProvider value={nested}>
          <ConfigForm
            fields={fields}
            value={value}
            onChange={(path, v) => props.onChange(setIn(value ?? {}, path, v))}
            testPrefix={testId}
          />
        </FormEnvProvider>
      )}
      {error && <Input.Error>{error}</Input.Error>}
    </Fieldset>
  );
}

/** A list of objects (outcomes, form fields): each item its own small form. */
function ObjectList(props: {
  label: string;
  error?: string | undefined;
  fields: FieldSpec[];
  value: Value[];
  onChange: (v: Value[]) => void;
  testId: string;
}) {
  const firstKey = props.fields.find((f) => f.required && f.widget === 'text')?.key ?? 'id';
  return (
    <Input.Wrapper label={props.label} error={props.error}>
      <Stack gap={6}>
        {props.value.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: items are edited in place, by position
          <Paper key={i} withBorder p="xs" data-testid={`${props.testId}-row`}>
            <Group justify="flex-end" mb={-8}>
              <RemoveItemButton
                size="sm"
                onRemove={() => props.onChange(props.value.filter((_, j) => j !== i))}
              />
            </Group>
            <ConfigForm
              fields={props.fields}
              value={item}
              testPrefix={`${props.testId}-${i}`}
              onChange={(path, v) =>
                props.onChange(props.value.map((x, j) => (j === i ? setIn(x, path, v) : x)))
              }
            />
          </Paper>
        ))}
        <AddItemButton
          testId={`${props.testId}-add`}
          onAdd={() => props.onChange([...props.value, { [firstKey]: '' }])}
        />
      </Stack>
    </Input.Wrapper>
  );
}

/** What a list of names offers: the Create document steps, the file fields, or every name. */
function suggestions(widget: Widget, env: FormEnv): string[] {
  if (widget === 'documentSteps') return [...env.documentSteps];
  const names = widget === 'fileFields' ? env.names.filter((n) => n.type === 'file') : env.names;
  return names.map((n) => n.name);
}
