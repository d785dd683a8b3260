import { Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAbility } from '../api/auth.ts';
import { Empty } from '../app/feedback.tsx';

/** No lead pipeline yet: leads need one, which an administrator sets up (here, for one who may). */
export function NoLeadPipelines() {
  const { t } = useTranslation('leads');
  const manage = useAbility('manageCrm');
  return (
    <Stack align="center" gap={0}>
      <Empty>{manage ? t('noPipelinesYours') : t('noPipelines')}</Empty>
      {manage && (
        <Anchor component={Link} to="/admin/pipelines">
          {t('setUpPipelines')}
        </Anchor>
      )}
    </Stack>
  );
}
