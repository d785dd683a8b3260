import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Container,
  FileButton,
  Group,
  Loader,
  Menu,
  Modal,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import {
  IconChartBar,
  IconCopy,
  IconDots,
  IconDownload,
  IconFileImport,
  IconPlus,
  IconSearch,
  IconTrash,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { LabelBadges } from '../app/LabelBadges.tsx';
import { saveFile } from '../app/save-file.ts';
import { TemplateIcon } from '../app/TemplateIcon.tsx';
import { LibrarySection } from '../library/LibrarySection.tsx';
import { type DefinitionSummary, definitionsApi, useDefinitions } from './api.ts';
import { emptyDoc, toDoc } from './model/doc.ts';
import { KEY_PATTERN, uniqueKey } from './model/keys.ts';
import { NewTemplateModal } from './ui/NewTemplateModal.tsx';
import { notify } from './ui/notify.ts';

/**
 * Route `/designer`: the process templates in catalogue order (as the server lists them) — search,
 * create, import, export, duplicate, delete — and the standard processes to install.
 */
export default function TemplatesPage() {
  const { t, i18n } = useTranslation('designer');
  const navigate = useNavigate();
  const client = useQueryClient();
  const list = useDefinitions();
  const all = list.data?.items;
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  const [duplicating, setDuplicating] = useState<DefinitionSummary | null>(null);
  const [deleting, setDeleting] = useState<DefinitionSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const taken = (all ?? []).map((d) => d.key);
  const refresh = () => client.invalidateQueries({ queryKey: ['definitions'] });
  const fail = (title: string, error: unknown) =>
    notify({ color: 'red', title, message: String((error as Error).message) });

  const items = (all ?? []).filter((d) => {
    const q = query.trim().toLowerCase();
    return !q || d.name.toLowerCase().includes(q) || d.key.toLowerCase().includes(q);
  });

  const create = async (name: string, key: string) => {
    setCreating(false);
    try {
      await definitionsApi.saveDraft(key, emptyDoc(key, name));
      await refresh();
      navigate(`/designer/${encodeURIComponent(key)}`);
    } catch (error) {
      fail(t('templates.createFailed'), error);
    }
  };

  const duplicate = async (from: DefinitionSummary, name: string, key: string) => {
    setDuplicating(null);
    try {
      const source = await definitionsApi.get(from.key, from.status === 'draft' ? 'draft' : undefined);
      await definitionsApi.saveDraft(key, { ...toDoc({ ...source.definition, key }), key, name, version: 1 });
      await refresh();
      notify({ color: 'green', message: t('templates.duplicated', { name }) });
    } catch (error) {
      fail(t('templates.duplicateFailed'), error);
    }
  };

  const remove = async (d: DefinitionSummary) => {
    setDeleting(null);
    try {
      await definitionsApi.remove(d.key);
      await refresh();
      notify({ color: 'green', message: t('templates.deleted', { name: d.name }) });
    } catch (error) {
      fail(t('templates.deleteFailed'), error);
    }
  };

  const exportAs = async (d: DefinitionSummary, format: 'bpmn' | 'json') => {
    try {
      const version = d.status === 'draft' ? 'draft' : undefined;
      if (format === 'bpmn')
        saveFile(`${d.key}.bpmn`, await definitionsApi.exportBpmn(d.key, version), 'application/xml');
      else {
        const v = await definitionsApi.get(d.key, version);
        saveFile(`${d.key}.json`, `${JSON.stringify(v.definition, null, 2)}\n`, 'application/json');
      }
    } catch (error) {
      fail(t('export.failed'), error);
    }
  };

  const importFile = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    try {
      const text = await file.text();
      const isJson = file.name.toLowerCase().endsWith('.json') || text.trimStart().startsWith('{');
      let key: string;
      if (isJson) {
        const json = JSON.parse(text) as Record<string, unknown>;
        const wanted =
          typeof json.key === 'string' && KEY_PATTERN.test(json.key)
            ? json.key
            : file.name.replace(/\.[^.]+$/, '');
        key = uniqueKey(wanted.replace(/[^A-Za-z0-9_.-]/g, '-'), taken);
        const saved = await definitionsApi.saveDraft(key, { ...json, key } as never);
        if (saved.problems.some((p) => p.severity === 'error'))
          notify({
            color: 'yellow',
            message: t('templates.importedWithProblems', { count: saved.problems.length }),
          });
      } else {
        const saved = await definitionsApi.importBpmn(text);
        key = saved.key;
        if (saved.problems.length > 0)
          notify({
            color: 'yellow',
            message: t('templates.importedWithProblems', { count: saved.problems.length }),
          });
      }
      await refresh();
      notify({ color: 'green', message: t('templates.imported', { key }) });
      navigate(`/designer/${encodeURIComponent(key)}`);
    } catch (error) {
      fail(t('templates.importFailed'), error);
    } finally {
      setBusy(false);
    }
  };

  const date = (iso: string) => new Date(iso).toLocaleDateString(i18n.language, { dateStyle: 'medium' });

  return (
    <Container size="lg" py="md" px={{ base: 0, sm: 'md' }}>
      <Group justify="space-between" mb="md" gap="xs">
        <Title order={1} size="h2">
          {t('templates.title')}
        </Title>
        <Group gap="xs">
          <FileButton
            onChange={(f) => void importFile(f)}
            accept=".bpmn,.xml,.json,application/xml,application/json"
          >
            {(props) => (
              <Button
                {...props}
                variant="default"
                leftSection={<IconFileImport size={16} />}
                loading={busy}
                data-testid="templates-import"
              >
                {t('templates.import')}
              </Button>
            )}
          </FileButton>
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => setCreating(true)}
            data-testid="templates-create"
          >
            {t('templates.create')}
          </Button>
        </Group>
      </Group>
      <TextInput
        leftSection={<IconSearch size={16} />}
        placeholder={t('templates.search')}
        aria-label={t('templates.search')}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        mb="sm"
        data-testid="templates-search"
      />
      {list.isPending ? (
        <Loader />
      ) : list.isError ? (
        <Alert color="red">{String(list.error.message)}</Alert>
      ) : items.length === 0 ? (
        <Text c="dimmed" py="lg" ta="center">
          {list.data.items.length === 0 ? t('templates.empty') : t('templates.noMatch')}
        </Text>
      ) : (
        <Table highlightOnHover verticalSpacing="xs" data-testid="templates-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('templates.name')}</Table.Th>
              <Table.Th visibleFrom="sm">{t('templates.key')}</Table.Th>
              <Table.Th>{t('templates.status')}</Table.Th>
              <Table.Th visibleFrom="sm">{t('templates.created')}</Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((d) => (
              <Table.Tr key={d.key} data-testid="template-row" data-key={d.key}>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <TemplateIcon icon={d.icon} size="md" />
                    <div>
                      <Anchor component={Link} to={`/designer/${encodeURIComponent(d.key)}`} fw={500}>
                        {d.name}
                      </Anchor>
                      <LabelBadges labels={d.labels} />
                    </div>
                  </Group>
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  <Text size="sm" ff="monospace">
                    {d.key}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    {d.publishedVersion !== null && (
                      <Badge size="sm" color="green" variant="light">
                        {t('status.published', { version: d.publishedVersion })}
                      </Badge>
                    )}
                    {d.status === 'draft' && (
                      <Badge size="sm" color="yellow" variant="light">
                        {t('status.draft', { version: d.version })}
                      </Badge>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  <Text size="sm">{date(d.createdAt)}</Text>
                </Table.Td>
                <Table.Td>
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('templates.actionsFor', { name: d.name })}
                        data-testid="template-menu"
                      >
                        <IconDots size={16} />
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      {d.publishedVersion !== null && (
                        <Menu.Item
                          component={Link}
                          to={`/reports?process=${encodeURIComponent(d.key)}`}
                          leftSection={<IconChartBar size={14} />}
                        >
                          {t('templates.report')}
                        </Menu.Item>
                      )}
                      <Menu.Item leftSection={<IconCopy size={14} />} onClick={() => setDuplicating(d)}>
                        {t('templates.duplicate')}
                      </Menu.Item>
                      <Menu.Item
                        leftSection={<IconDownload size={14} />}
                        onClick={() => void exportAs(d, 'bpmn')}
                      >
                        {t('export.bpmn')}
                      </Menu.Item>
                      <Menu.Item
                        leftSection={<IconDownload size={14} />}
                        onClick={() => void exportAs(d, 'json')}
                      >
                        {t('export.json')}
                      </Menu.Item>
                      <Menu.Divider />
                      <Menu.Item
                        color="red"
                        leftSection={<IconTrash size={14} />}
                        onClick={() => setDeleting(d)}
                        data-testid="template-delete"
                      >
                        {t('templates.delete')}
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Box mt="xl">
        <LibrarySection />
      </Box>
      {creating && (
        <NewTemplateModal
          opened
          taken={taken}
          onClose={() => setCreating(false)}
          onCreate={(n, k) => void create(n, k)}
        />
      )}
      {duplicating && (
        <NewTemplateModal
          opened
          taken={taken}
          title={t('templates.duplicate')}
          initialName={t('templates.copyName', { name: duplicating.name })}
          onClose={() => setDuplicating(null)}
          onCreate={(n, k) => void duplicate(duplicating, n, k)}
        />
      )}
      <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title={t('templates.deleteTitle')}>
        <Text mb="md">{t('templates.deleteConfirm', { name: deleting?.name })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setDeleting(null)}>
            {t('actions.cancel')}
          </Button>
          <Button
            color="red"
            onClick={() => deleting && void remove(deleting)}
            data-testid="template-delete-confirm"
          >
            {t('templates.delete')}
          </Button>
        </Group>
      </Modal>
    </Container>
  );
}
