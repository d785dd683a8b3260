import { Combobox, Text, Textarea, TextInput, useCombobox } from '@mantine/core';
import { type ReactNode, useMemo, useRef, useState } from 'react';
import { complete, type Name, wordAt } from '../../model/names.ts';

export interface ExpressionInputProps {
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  /** `expression`: CEL; `template`: text with `{{ CEL }}` parts (suggestions only inside the braces). */
  mode: 'expression' | 'template';
  names: readonly Name[];
  label?: ReactNode;
  description?: ReactNode;
  placeholder?: string;
  error?: ReactNode;
  required?: boolean;
  multiline?: boolean;
  readOnly?: boolean;
  'aria-label'?: string;
  'data-testid'?: string;
}

/** Inside `{{ … }}` at the caret? Templates suggest names only there. */
function insideBraces(text: string, caret: number): boolean {
  const before = text.slice(0, caret);
  return before.lastIndexOf('{{') > before.lastIndexOf('}}');
}

/**
 * A CEL expression or template field: monospace, with autocomplete of the template's declared names and
 * `document.` fields at the caret. Errors come from compiling the whole definition (the problems of this
 * field's path), so what is flagged here is exactly what blocks publishing.
 */
export function ExpressionInput(props: ExpressionInputProps) {
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const input = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState(0);
  const { start, word } = wordAt(props.value, caret);
  const active = props.mode === 'expression' || insideBraces(props.value, caret);
  const options = useMemo(
    () => (active && word.length > 0 ? complete(props.names, word) : []),
    [active, word, props.names],
  );

  const insert = (name: string) => {
    const next = props.value.slice(0, start) + name + props.value.slice(caret);
    props.onChange(next);
    const at = start + name.length;
    setCaret(at);
    combobox.closeDropdown();
    requestAnimationFrame(() => input.current?.setSelectionRange(at, at));
  };

  const common = {
    ref: input,
    value: props.value,
    label: props.label,
    description: props.description,
    placeholder: props.placeholder,
    error: props.error,
    required: props.required,
    readOnly: props.readOnly,
    'aria-label': props['aria-label'],
    'data-testid': props['data-testid'],
    classNames: { input: 'bn-code' },
    spellCheck: false,
    autoComplete: 'off',
    onChange: (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => {
      props.onChange(e.currentTarget.value);
      setCaret(e.currentTarget.selectionStart ?? e.currentTarget.value.length);
      combobox.openDropdown();
    },
    onKeyUp: (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) =>
      setCaret(e.currentTarget.selectionStart ?? 0),
    onClick: (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) =>
      setCaret(e.currentTarget.selectionStart ?? 0),
    onBlur: () => {
      combobox.closeDropdown();
      props.onBlur?.();
    },
  };

  return (
    <Combobox store={combobox} onOptionSubmit={insert} withinPortal position="bottom-start">
      <Combobox.Target>
        {props.multiline ? (
          <Textarea autosize minRows={2} maxRows={8} {...common} />
        ) : (
          <TextInput {...common} />
        )}
      </Combobox.Target>
      <Combobox.Dropdown hidden={options.length === 0 || props.readOnly}>
        <Combobox.Options>
          {options.map((o) => (
            <Combobox.Option value={o.name} key={o.name}>
              <Text size="sm" ff="monospace" span>
                {o.name}
              </Text>{' '}
              <Text size="xs" c="dimmed" span>
                {o.type}
              </Text>
            </Combobox.Option>
          ))}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
