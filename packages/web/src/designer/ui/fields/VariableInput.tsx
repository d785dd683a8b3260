import { Autocomplete } from '@mantine/core';
import { useFormEnv } from '../form-env.tsx';

/** The name of a variable a step writes: one of the template's variables, offered as the user types. */
export function VariableInput(props: {
  label: string;
  error?: string | undefined;
  required: boolean;
  value: string;
  onChange: (v: string) => void;
  'data-testid': string;
}) {
  const env = useFormEnv();
  const variables = env.names.filter((n) => n.source === 'variable').map((n) => n.name);
  return (
    <Autocomplete
      {...props}
      data={variables}
      readOnly={env.readOnly}
      onBlur={env.seal}
      classNames={{ input: 'bn-code' }}
    />
  );
}
