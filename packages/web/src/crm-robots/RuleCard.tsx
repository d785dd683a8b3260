import { Badge, Group, Menu, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type Icon, IconPencil, IconPower, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionsMenu } from '../app/ActionsMenu.tsx';
import { CardListItem } from '../app/CardList.tsx';

/** What a stage's card needs of a robot or a trigger: both have a name and are switched on and off. */
export interface StageRule {
  name: string;
  active: boolean;
}

/**
 * A robot's or a trigger's card in its stage's column: the name and a menu to edit, switch off or on and
 * delete it; a switched-off one dimmed, with a badge. `children` say what it does.
 */
export function RuleCard(props: {
  rule: StageRule;
  onEdit: () => void;
  onDelete: () => void;
  /** Stores the rule with `active` changed and every other setting as it is. */
  onSwitch: (active: boolean) => Promise<StageRule>;
  /** The notice once switched: "Robot “X” switched off." */
  switched: (saved: StageRule) => string;
  children: ReactNode;
}) {
  const { t } = useTranslation('robots');
  const { rule } = props;
  const toggle = () =>
    props.onSwitch(!rule.active).then(
      (saved) => notifications.show({ color: 'green', message: props.switched(saved) }),
      (error: Error) => notifications.show({ color: 'red', message: error.message }),
    );

  return (
    <CardListItem label={rule.name}>
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Text fw={600} c={rule.active ? undefined : 'dimmed'} className="wrap-anywhere">
            {rule.name}
          </Text>
          <ActionsMenu label={t('card.actionsFor', { name: rule.name })}>
            <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={props.onEdit}>
              {t('card.edit')}
            </Menu.Item>
            <Menu.Item leftSection={<IconPower size={16} aria-hidden />} onClick={toggle}>
              {t(rule.active ? 'card.switchOff' : 'card.switchOn')}
            </Menu.Item>
            <Menu.Item color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={props.onDelete}>
              {t('card.delete')}
            </Menu.Item>
          </ActionsMenu>
        </Group>
        {!rule.active && (
          <Badge color="gray" variant="light" tt="none" w="fit-content">
            {t('card.off')}
          </Badge>
        )}
        {props.children}
      </Stack>
    </CardListItem>
  );
}

/** A line of a rule's card after its icon: what it does, when, what sets it off. */
export function RuleLine({ icon: LineIcon, children }: { icon: Icon; children: ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <LineIcon size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
      {children}
    </Group>
  );
}
