import { useTranslation } from 'react-i18next';
import { type Robot, useDeleteRobot } from '../api/crm-robots.ts';
import { DeleteRule } from './DeleteRule.tsx';

/** Asks before removing a robot; deals already waiting on it are then left alone. */
export function DeleteRobot({ robot, onClose }: { robot: Robot; onClose: () => void }) {
  const { t } = useTranslation('robots');
  return (
    <DeleteRule
      id={robot.id}
      removal={useDeleteRobot()}
      title={t('delete.title', { name: robot.name })}
      confirmLabel={t('delete.confirm')}
      done={t('delete.done', { name: robot.name })}
      onClose={onClose}
    >
      {t('delete.consequence')}
    </DeleteRule>
  );
}
