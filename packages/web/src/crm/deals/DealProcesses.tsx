import { Alert, Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconPlayerPlay } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDefinitionNames, useTemplatesFor } from '../../api/definitions.ts';
import { useInstanceList } from '../../api/instances.ts';
import { PagedList } from '../../app/PagedList.tsx';
import { SectionCard } from '../../app/SectionCard.tsx';
import { InstanceCard } from '../../processes/InstanceCard.tsx';
import { useStartAbout } from '../../start/useStartAbout.ts';

/** The processes about a deal (a link to each one's card) and the templates made for deals, to start one. */
export function DealProcesses({ dealId }: { dealId: string }) {
  const { t } = useTranslation('crm');
  const documentRef = `deal:${dealId}`;
  const list = useInstanceList({ documentRef });
  const processName = useDefinitionNames();
  const start = useStartAbout(documentRef, (name) =>
    notifications.show({ color: 'green', message: t('processes.started', { name }) }),
  );
  return (
    <SectionCard id="deal-processes" title={t('processes.title')} aside={<StartMenu start={start} />}>
      {start.error ? (
        <Alert color="red" mb="sm" role="alert" className="wrap-anywhere">
          {start.error instanceof Error ? start.error.message : String(start.error)}
        </Alert>
      ) : null}
      <PagedList query={list} empty={t('processes.empty')}>
        {(instance) => (
          <InstanceCard
            key={instance.id}
            instance={instance}
            processName={processName(instance.definitionKey)}
          />
        )}
      </PagedList>
    </SectionCard>
  );
}

/** "Start process": the published templates made for deals. */
function StartMenu({ start }: { start: ReturnType<typeof useStartAbout> }) {
  const { t } = useTranslation('crm');
  const templates = useTemplatesFor('deal');
  const items = templates.data?.items ?? [];
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlayerPlay size={14} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
          loading={start.pending !== null}
        >
          {t('processes.start')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {items.length === 0 ? (
          <Menu.Label>{templates.isPending ? t('common:loading') : t('processes.noTemplates')}</Menu.Label>
        ) : (
          items.map((d) => (
            <Menu.Item key={d.key} onClick={() => void start.begin(d.key)}>
              {d.name}
            </Menu.Item>
          ))
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
