import { Alert } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Above an item the reader sees through a role's read grant: why nothing on it can be changed. */
export function ReadOnlyNote() {
  const { t } = useTranslation('crm');
  return (
    <Alert color="gray" variant="light" mb="md" icon={<IconEye aria-hidden />}>
      {t('readOnly.note')}
    </Alert>
  );
}
