import { Stack, TagsInput, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type DefinitionRights, definitionsApi } from '../api.ts';
import { useFormEnv, useOrg } from './form-env.tsx';

/** Who may start, see and edit the template, when the server has template rights (else nothing is shown). */
export function RightsEditor({ templateKey }: { templateKey: string }) {
  const { t } = useTranslation('designer');
  const env = useFormEnv();
  const org = useOrg();
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
  const subjects = [
    'everyone',
    ...org.roles.map((r) => `role:${r.name}`),
    ...org.groups.map((g) => `group:${g.name}`),
    ...org.departments.map((d) => `department:${d.id}`),
    ...org.users.map((u) => `user:${u.id}`),
  ];
  const data = rights.data;
  return (
    <Stack gap={6}>
      {(['start', 'view', 'edit'] as const).map((right) => (
        <TagsInput
          key={right}
          label={t(`settings.rightsOf.${right}`)}
          data={subjects}
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
