import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../api/crm.ts';
import type { LeadItem } from '../api/crm-leads.ts';
import { ItemCard } from '../crm/items/ItemCard.tsx';
import { LEAD_KIND } from './lead-kind.ts';
import { contactLine, personLine } from './lead-lines.ts';

/**
 * One lead on the board: its title, who it is from, how to reach them, where it came from and who is
 * responsible; a menu moves it to another stage (on a phone as on a desktop), and on a desktop it can
 * be dragged onto another column.
 */
export function LeadCard(props: {
  lead: LeadItem;
  stages: readonly Stage[];
  onMove: (stage: Stage) => void;
}) {
  const { t } = useTranslation('leads');
  const { lead } = props;
  const person = personLine(lead);
  const reach = contactLine(lead);
  return (
    <ItemCard kind={LEAD_KIND} item={lead} stages={props.stages} onMove={props.onMove}>
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
    </ItemCard>
  );
}
