import { Button, Card, Chip, Group, SimpleGrid, Text, TextInput } from '@mantine/core';
import { IconPlayerPlay, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCatalogue } from '../api/definitions.ts';
import { Empty, ErrorNotice, Loading } from '../app/feedback.tsx';
import { LabelBadges } from '../app/LabelBadges.tsx';
import { PageHeader } from '../app/PageHeader.tsx';
import { TemplateIcon } from '../app/TemplateIcon.tsx';

/**
 * The templates I may start: published ones the server lists for me (it leaves out what I may not see),
 * in the order it lists them — the templates' `sort`, then name; narrowed by a search or a label.
 */
export function CataloguePage() {
  const { t } = useTranslation('start');
  const definitions = useCatalogue();
  const [search, setSearch] = useState('');
  const [label, setLabel] = useState<string | null>(null);
  const needle = search.trim().toLowerCase();
  const mine = (definitions.data?.items ?? []).filter((d) => d.publishedVersion !== null && canStart(d));
  const labels = [...new Set(mine.flatMap((d) => d.labels))].sort((a, b) => a.localeCompare(b));
  const startable = mine
    .filter((d) => label === null || d.labels.includes(label))
    .filter((d) => !needle || d.name.toLowerCase().includes(needle) || d.key.toLowerCase().includes(needle));

  return (
    <>
      <PageHeader title={t('catalogue.title')} subtitle={t('catalogue.subtitle')} />
      <TextInput
        label={t('catalogue.search')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        mb="md"
        maw={420}
        type="search"
      />
      {labels.length > 0 && (
        <Chip.Group
          value={label ?? ''}
          onChange={(value) => setLabel(value === '' ? null : (value as string))}
        >
          <Group gap="xs" mb="md" role="group" aria-label={t('catalogue.labels')}>
            <Chip value="" size="sm">
              {t('catalogue.allLabels')}
            </Chip>
            {labels.map((l) => (
              <Chip key={l} value={l} size="sm">
                {l}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      )}
      {definitions.isPending ? (
        <Loading />
      ) : definitions.isError ? (
        <ErrorNotice error={definitions.error} retry={() => definitions.refetch()} />
      ) : startable.length === 0 ? (
        <Empty>{needle ? t('catalogue.noMatch') : t('catalogue.empty')}</Empty>
      ) : (
        <SimpleGrid
          cols={{ base: 1, sm: 2, lg: 3 }}
          spacing="md"
          component="ul"
          style={{ listStyle: 'none', padding: 0 }}
        >
          {startable.map((d) => (
            <Card
              key={d.key}
              withBorder
              padding="md"
              radius="md"
              component="li"
              data-testid="catalogue-item"
              data-key={d.key}
            >
              <Group gap="sm" wrap="nowrap" align="flex-start" mb="sm">
                <TemplateIcon icon={d.icon} />
                <div style={{ minWidth: 0 }}>
                  <Text fw={600} className="wrap-anywhere">
                    {d.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('catalogue.version', { version: d.publishedVersion })}
                  </Text>
                  <LabelBadges labels={d.labels} />
                </div>
              </Group>
              <Group justify="flex-end" mt="auto">
                <Button
                  component={Link}
                  to={`/start/${encodeURIComponent(d.key)}`}
                  leftSection={<IconPlayerPlay size={16} aria-hidden />}
                  aria-label={t('catalogue.startNamed', { name: d.name })}
                >
                  {t('catalogue.start')}
                </Button>
              </Group>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </>
  );
}

/** The server may say per template whether I may start it; when it does not, listing means yes. */
function canStart(d: object): boolean {
  const access = (d as { access?: { start?: unknown } }).access;
  return access?.start !== false;
}
