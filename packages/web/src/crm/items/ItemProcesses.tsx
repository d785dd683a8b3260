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

/**
 * The processes about one record (`documentRef`, `deal:ID`; a link to each one's card) and the templates
 * made for its `documentType`, to start one. Its words are `processes.*` of the namespace `ns` (or
 * under `prefix`, e.g. `companies.processes`).
 */
export function ItemProcesses(props: {
  documentRef: string;
  documentType: string;
  ns: string;
  prefix?: string;
}) {
  const { t } = useTranslation(props.ns, { keyPrefix: props.prefix ?? 'processes' });
  const list = useInstanceList({ documentRef: props.documentRef });
  const processName = useDefinitionNames();
  const start = useStartAbout(props.documentRef, (name) =>
    notifications.show({ color: 'green', message: t('started', { name }) }),
  );
  return (
    <SectionCard
      id={`${props.documentType}-processes`}
      title={t('title')}
      aside={
        <StartMenu start={start} documentType={props.documentType} ns={props.ns} prefix={props.prefix} />
      }
    >
      {start.error ? (
        <Alert color="red" mb="sm" role="alert" className="wrap-anywhere">
          {start.error instanceof Error ? start.error.message : String(start.error)}
        </Alert>
      ) : null}
      <PagedList query={list} empty={t('empty')}>
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

/** "Start process": the published templates made for the document type. */
function StartMenu(props: {
  start: ReturnType<typeof useStartAbout>;
  documentType: string;
  ns: string;
  prefix?: string | undefined;
}) {
  const { t } = useTranslation(props.ns, { keyPrefix: props.prefix ?? 'processes' });
  const common = useTranslation('common').t;
  const { start } = props;
  const templates = useTemplatesFor(props.documentType);
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
          {t('start')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {items.length === 0 ? (
          <Menu.Label>{templates.isPending ? common('loading') : t('noTemplates')}</Menu.Label>
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
