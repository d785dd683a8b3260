import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GrantAccess } from '../api/crm-access.ts';
import { GRANT_ACCESS } from './grants.ts';

/** Read, or read and change: a grant's row and the "Add access" form switch it alike. */
export function AccessControl(props: {
  label: string;
  value: GrantAccess;
  onChange: (access: GrantAccess) => void;
  disabled?: boolean;
  fullWidth?: boolean;
}) {
  const { t } = useTranslation('crmAccess');
  return (
    <SegmentedControl
      aria-label={props.label}
      data={GRANT_ACCESS.map((access) => ({ value: access, label: t(`access.${access}`) }))}
      value={props.value}
      onChange={(access) => props.onChange(access as GrantAccess)}
      disabled={props.disabled}
      fullWidth={props.fullWidth}
      size="xs"
    />
  );
}
