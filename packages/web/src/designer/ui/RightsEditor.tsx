import { Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SubjectsInput } from '../../app/SubjectsInput.tsx';
import { type DefinitionRights, definitionsApi } from '../api.ts';
import { useFormEnv } from './form-env.tsx';

/** Who may start, see and edit the template, when the server has template rights (else nothing is shown). */
export function RightsEditor({ templateKey }: { templateKey: string }) {
  const { t } = useTranslation('designer');
  const env = useFormEnv();
  const client = useQueryClient();
  const rights = useQuery({
    queryKey: ['designer', 'rights', templateKey],
    queryFn: () => definitionsApi.rights(templateKey),
    retry: false,
  });
  const save = useMutation({
    mutationFn: (next: Pick<DefinitionRights, 'start' | 'view' | 'edit'>) =>
      definitionsApi.setRights(templateKey, next),
    onSuccess: (data) => client.setQueryData(['designer', 'rights', templateKey], data),
  });
  if (rights.isError)
    return (
      <Text size="sm" c="dimmed">
        {t('settings.rightsUnavailable')}
      </Text>
    );
  if (!rights.data) return null;
  const data = rights.data;
  return (
    <Stack gap={6}>
      {(['start', 'view', 'edit'] as const).map((right) => (
        <SubjectsInput
          key={right}
          label={t(`settings.rightsOf.${right}`)}
          value={data[right]}
          readOnly={env.readOnly}
          onChange={(v) => save.mutate({ start: data.start, view: data.view, edit: data.edit, [right]: v })}
        />
      ))}
      {save.isError && (
        <Text size="xs" c="red">
          {String(save.error)}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {t('settings.rightsHint')}
      </Text>
    </Stack>
  );
}
