import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../api/crm.ts';
import type { DealItem } from '../../api/crm-deals.ts';
import { stageColor } from '../board.ts';
import { ItemCard } from '../items/ItemCard.tsx';
import { formatMoney } from '../money.ts';
import { DEAL_KIND } from './deal-kind.ts';

/**
 * One deal on the board or in a list: its title, amount, whom it is with and who is responsible. With
 * `stages`, a menu moves it to another stage, and on a desktop it can be dragged onto another column.
 */
export function DealCard(props: {
  deal: DealItem;
  /** The stage it is at, shown as a badge (in lists that are not a board's column). */
  stage?: Stage | undefined;
  stages?: readonly Stage[];
  onMove?: (stage: Stage) => void;
}) {
  const { t, i18n } = useTranslation('crm');
  const { deal } = props;
  const party = [deal.companyName, deal.contactName].filter(Boolean).join(' · ');
  return (
    <ItemCard kind={DEAL_KIND} item={deal} stages={props.stages} onMove={props.onMove}>
      {props.stage && (
        <Badge variant="dot" color={stageColor(props.stage)} tt="none" style={{ alignSelf: 'flex-start' }}>
          {props.stage.name}
        </Badge>
      )}
      {deal.amount !== null && (
        <Text size="sm" fw={500}>
          {formatMoney(deal.amount, deal.currency, i18n.language)}
        </Text>
      )}
      {party && (
        <Text size="xs" c="dimmed" className="wrap-anywhere">
          {party}
        </Text>
      )}
      {deal.responsibleName && (
        <Text size="xs" c="dimmed" className="wrap-anywhere">
          {t('deal.responsibleIs', { name: deal.responsibleName })}
        </Text>
      )}
    </ItemCard>
  );
}
