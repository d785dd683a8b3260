import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface FormButtonsProps {
  onCancel: () => void;
  /** What the submit button says. */
  submitLabel: string;
  /** The request is on its way: the submit button spins. */
  pending?: boolean;
  /** Nothing to send yet. */
  disabled?: boolean;
}

/** Cancel and submit under a form in a dialog, on the right. */
export function FormButtons({ onCancel, submitLabel, pending, disabled }: FormButtonsProps) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" mt="md">
      <Button variant="default" onClick={onCancel}>
        {t('actions.cancel')}
      </Button>
      <Button type="submit" loading={pending} disabled={disabled}>
        {submitLabel}
      </Button>
    </Group>
  );
}
