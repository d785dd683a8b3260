import { Checkbox, Fieldset, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WebhookEvent } from '../api/webhooks.ts';
import { EVENT_GROUPS, eventLabelKey } from './webhook-events.ts';

/** The events a webhook sends, as checkboxes by group (Processes, Tasks, Deals, Leads), side by side where room allows. */
export function EventCheckboxes(props: {
  value: WebhookEvent[];
  onChange: (events: WebhookEvent[]) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation('webhooks');
  return (
    <Checkbox.Group
      label={t('form.events')}
      description={t('form.eventsHint')}
      required
      value={props.value}
      // The checkboxes' values are the events: nothing else can come back.
      onChange={(events) => props.onChange(events as WebhookEvent[])}
      error={props.error}
    >
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt={4}>
        {EVENT_GROUPS.map(({ group, events }) => (
          <Fieldset key={group} legend={t(`groups.${group}`)} p="xs">
            <Stack gap={6}>
              {events.map((event) => (
                <Checkbox key={event} value={event} label={t(eventLabelKey(event))} />
              ))}
            </Stack>
          </Fieldset>
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}
