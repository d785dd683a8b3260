import { Textarea } from '@mantine/core';
import type { CrmField } from '../api/crm-fields.ts';
import { useSnippetInsert } from '../crm/useSnippetInsert.ts';
import { MessageHelp } from './MessageHelp.tsx';

/** A {{ }} template the robot fills in (a notice, an activity's title), with the names it may use below. */
export function MessageField(props: {
  label: string;
  value: string;
  onChange: (text: string) => void;
  error: string | undefined;
  fields: readonly CrmField[];
  minRows: number;
}) {
  const box = useSnippetInsert(props.value, props.onChange);
  return (
    <>
      <Textarea
        ref={box.ref}
        label={props.label}
        required
        autosize
        minRows={props.minRows}
        maxRows={10}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
        error={props.error}
      />
      <MessageHelp fields={props.fields} onInsert={box.insert} />
    </>
  );
}
