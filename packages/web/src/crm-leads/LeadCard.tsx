import { Badge, Group, Menu, Paper, Stack, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Stage } from '../api/crm.ts';
import type { LeadItem } from '../api/crm-leads.ts';
import { ActionsMenu } from '../app/ActionsMenu.tsx';
import { contactLine, personLine } from './lead-lines.ts';

/**
 * One lead on the board: its title (a link to the lead), who it is from, how to reach them, where it
 * came from and who is responsible; a menu moves it to another stage (on a phone as on a desktop).
 */
export function LeadCard(props: { lead: LeadItem; stages: readonly Stage[]; onMove: (stage: Stage) => void }) {
  const { t } = useTranslation('leads');
  const { lead } = props;
  const titleId = useId();
  const others = props.stages.filter((s) => s.id !== lead.stageId);
  const person = personLine(lead);
  const reach = contactLine(lead);
  return (
    <Paper withBorder p="xs" radius="md" component="article" aria-labelledby={titleId}>
      <Stack gap={2}>
        <Group justify="space-between" gap={4} wrap="nowrap" align="flex-start">
          <Text
            id={titleId}
            fw={600}
            size="sm"
            component={Link}
            to={`/crm/leads/${encodeURIComponent(lead.id)}`}
            className="card-link wrap-anywhere"
          >
            {lead.title}
          </Text>
          {others.length > 0 && (
            <ActionsMenu label={t('board.actionsFor', { title: lead.title })}>
              <Menu.Label>{t('board.moveTo')}</Menu.Label>
              {others.map((stage) => (
                <Menu.Item
                  key={stage.id}
                  leftSection={<IconArrowRight size={14} aria-hidden />}
                  onClick={() => props.onMove(stage)}
                >
                  {stage.name}
                </Menu.Item>
              ))}
            </ActionsMenu>
          )}
        </Group>
        {person && (
          <Text size="sm" className="wrap-anywhere">
            {person}
          </Text>
        )}
        {reach && (
          <Text size="xs" c="dimmed" className="wrap-anywhere">
            {reach}
          </Text>
        )}
        {lead.source && (
          <Badge variant="light" color="gray" tt="none" style={{ alignSelf: 'flex-start', maxWidth: '100%' }}>
            {lead.source}
          </Badge>
        )}
        {lead.convertedDealId && (
          <Badge variant="light" color="green" tt="none" style={{ alignSelf: 'flex-start' }}>
            {t('converted')}
          </Badge>
        )}
        {lead.responsibleName && (
          <Text size="xs" c="dimmed" className="wrap-anywhere">
            {t('responsibleIs', { name: lead.responsibleName })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
