import { Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAbility } from '../../api/auth.ts';
import { Empty } from '../../app/feedback.tsx';
import type { ItemKind } from './item-kind.ts';

/** No pipeline yet: items need one, which an administrator sets up (here, for one who may). */
export function NoPipelines({ kind }: { kind: ItemKind }) {
  const { t } = useTranslation(kind.ns);
  const manage = useAbility('manageCrm');
  return (
    <Stack align="center" gap={0}>
      <Empty>{t(`${kind.listWords}${manage ? 'noPipelinesYours' : 'noPipelines'}`)}</Empty>
      {manage && (
        <Anchor component={Link} to="/admin/pipelines">
          {t(`${kind.listWords}setUpPipelines`)}
        </Anchor>
      )}
    </Stack>
  );
}
