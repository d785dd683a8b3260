import { Button, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../api/crm.ts';
import type { Robot } from '../api/crm-robots.ts';
import { CardList } from '../app/CardList.tsx';
import { StageShell } from '../crm/StageShell.tsx';
import { RobotCard, type RobotDialog } from './RobotCard.tsx';

/** One stage: its name in its colour, its robots in the order they were set, and a button to add one. */
export function RobotColumn(props: {
  stage: Stage;
  robots: Robot[];
  onDialog: (dialog: RobotDialog) => void;
}) {
  const { t } = useTranslation('robots');
  const { stage, robots } = props;
  return (
    <StageShell stage={stage} count={robots.length} countLabel={t('board.count', { count: robots.length })}>
      {robots.length === 0 ? (
        <Text size="sm" c="dimmed" py="xs">
          {t('board.empty')}
        </Text>
      ) : (
        <CardList aria-label={t('board.robotsAt', { stage: stage.name })}>
          {robots.map((robot) => (
            <RobotCard key={robot.id} robot={robot} onDialog={props.onDialog} />
          ))}
        </CardList>
      )}
      <Button
        mt="xs"
        size="xs"
        variant="subtle"
        fullWidth
        leftSection={<IconPlus size={14} aria-hidden />}
        aria-label={t('board.addAt', { stage: stage.name })}
        onClick={() => props.onDialog({ kind: 'new', stageId: stage.id })}
      >
        {t('board.add')}
      </Button>
    </StageShell>
  );
}
