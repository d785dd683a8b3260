import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useSaveDocumentTemplate } from '../../api/documents.ts';

/** Saves a template from a form: says so and closes the form; a refusal stays on the mutation for the form. */
export function useSaveTemplate(onDone: () => void) {
  const { t } = useTranslation('admin');
  const save = useSaveDocumentTemplate();
  return {
    ...save,
    mutate: (input: Parameters<typeof save.mutate>[0]) =>
      save.mutate(input, {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', message: t('documents.saved', { name: saved.name }) });
          onDone();
        },
      }),
  };
}
