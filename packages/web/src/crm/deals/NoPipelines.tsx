import { Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAbility } from '../../api/auth.ts';
import { Empty } from '../../app/feedback.tsx';

/** No pipeline yet: deals need one, which an administrator sets up (here, for one who may). */
export function NoPipelines() {
  const { t } = useTranslation('crm');
  const manage = useAbility('manageCrm');
  return (
    <Stack align="center" gap={0}>
      <Empty>{manage ? t('deals.noPipelinesYours') : t('deals.noPipelines')}</Empty>
      {manage && (
        <Anchor component={Link} to="/admin/pipelines">
          {t('deals.setUpPipelines')}
        </Anchor>
      )}
    </Stack>
  );
}
