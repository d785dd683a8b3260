import {
  ActionIcon,
  Badge,
  Button,
  Divider,
  Group,
  Kbd,
  Menu,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import {
  IconArrowLeft,
  IconDots,
  IconDownload,
  IconHistory,
  IconLayoutSidebar,
  IconLayoutSidebarRight,
  IconSearch,
} from '@tabler/icons-react';
import type { ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Action, type ActionContext, actionById, keyLabel } from './actions.ts';

const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** A toolbar button for an action: icon, tooltip with its shortcut, disabled when the action is. */
export function ActionButton({
  action,
  ctx,
  variant = 'subtle',
  withLabel = false,
}: {
  action: Action;
  ctx: ActionContext;
  variant?: 'subtle' | 'filled' | 'light';
  withLabel?: boolean;
}) {
  const { t } = useTranslation('designer');
  const Icon = action.icon;
  const label = t(action.label);
  const shortcut = action.keys?.[0];
  const tip = shortcut ? (
    <Group gap={6} wrap="nowrap">
      {label} <Kbd size="xs">{keyLabel(shortcut, mac)}</Kbd>
    </Group>
  ) : (
    label
  );
  const disabled = !action.enabled(ctx);
  if (withLabel)
    return (
      <Tooltip label={tip} openDelay={400}>
        <Button
          size="xs"
          variant={variant}
          leftSection={<Icon size={16} />}
          disabled={disabled}
          onClick={() => action.perform(ctx)}
          data-testid={`action-${action.id}`}
        >
          {label}
        </Button>
      </Tooltip>
    );
  return (
    <Tooltip label={tip} openDelay={400}>
      <ActionIcon
        variant={variant}
        size="lg"
        aria-label={label}
        disabled={disabled}
        onClick={() => action.perform(ctx)}
        data-testid={`action-${action.id}`}
      >
        <Icon size={18} />
      </ActionIcon>
    </Tooltip>
  );
}

export interface ToolbarProps {
  ctx: ActionContext;
  name: string;
  status: ReactNode;
  dirty: boolean;
  phone: boolean;
  search: {
    value: string;
    onChange: (v: string) => void;
    onNext: () => void;
    info: string;
    inputRef: RefObject<HTMLInputElement | null>;
  };
  versions: ReactNode;
  onExport: (format: 'json' | 'bpmn') => void;
  onTogglePalette: () => void;
  onToggleSide: () => void;
}

export function Toolbar({
  ctx,
  name,
  status,
  dirty,
  phone,
  search,
  versions,
  onExport,
  onTogglePalette,
  onToggleSide,
}: ToolbarProps) {
  const { t } = useTranslation('designer');
  const a = (id: string) => actionById(id);
  const searchBox = (
    <TextInput
      ref={search.inputRef}
      size="xs"
      w={phone ? '100%' : 180}
      leftSection={<IconSearch size={14} />}
      rightSection={
        search.info ? (
          <Text size="10px" c="dimmed" pr={4}>
            {search.info}
          </Text>
        ) : null
      }
      rightSectionWidth={search.info ? 48 : undefined}
      placeholder={t('search.placeholder')}
      aria-label={t('actions.search')}
      value={search.value}
      onChange={(e) => search.onChange(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') search.onNext();
        if (e.key === 'Escape') search.onChange('');
      }}
      data-testid="search"
    />
  );
  return (
    <div className="bn-toolbar" role="toolbar" aria-label={t('toolbar')}>
      <Group gap={4} wrap="nowrap" className="bn-toolbar-start">
        <Tooltip label={t('templates.back')}>
          <ActionIcon
            component={Link}
            to="/designer"
            variant="subtle"
            size="lg"
            aria-label={t('templates.back')}
          >
            <IconArrowLeft size={18} />
          </ActionIcon>
        </Tooltip>
        {phone && (
          <ActionIcon
            variant="subtle"
            size="lg"
            aria-label={t('palette.title')}
            onClick={onTogglePalette}
            data-testid="toggle-palette"
          >
            <IconLayoutSidebar size={18} />
          </ActionIcon>
        )}
        <Text
          component="h1"
          fw={600}
          size="md"
          m={0}
          truncate="end"
          className="bn-title"
          data-testid="designer-title"
        >
          {name}
        </Text>
        {status}
        {dirty && (
          <Badge size="xs" variant="dot" color="orange" data-testid="unsaved">
            {t('status.unsaved')}
          </Badge>
        )}
      </Group>
      <Group gap={2} wrap="nowrap" className="bn-toolbar-end">
        {!phone && (
          <>
            <ActionButton action={a('undo')} ctx={ctx} />
            <ActionButton action={a('redo')} ctx={ctx} />
            <ActionButton action={a('delete')} ctx={ctx} />
            <Divider orientation="vertical" mx={4} />
            <ActionButton action={a('layout')} ctx={ctx} />
            <ActionButton action={a('fit')} ctx={ctx} />
            {searchBox}
            <Divider orientation="vertical" mx={4} />
            <ActionButton action={a('testRun')} ctx={ctx} withLabel variant="light" />
            <ActionButton action={a('save')} ctx={ctx} withLabel variant="light" />
            <ActionButton action={a('publish')} ctx={ctx} withLabel variant="filled" />
          </>
        )}
        {phone && <ActionButton action={a('fit')} ctx={ctx} />}
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" size="lg" aria-label={t('toolbarMore')} data-testid="toolbar-more">
              <IconDots size={18} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            {phone && (
              <>
                <div style={{ padding: 6 }}>{searchBox}</div>
                {['undo', 'redo', 'delete', 'layout', 'testRun', 'save', 'publish'].map((id) => {
                  const action = a(id);
                  const Icon = action.icon;
                  return (
                    <Menu.Item
                      key={id}
                      leftSection={<Icon size={16} />}
                      disabled={!action.enabled(ctx)}
                      onClick={() => action.perform(ctx)}
                    >
                      {t(action.label)}
                    </Menu.Item>
                  );
                })}
                <Menu.Divider />
              </>
            )}
            <Menu.Label>{t('export.title')}</Menu.Label>
            <Menu.Item
              leftSection={<IconDownload size={16} />}
              onClick={() => onExport('bpmn')}
              data-testid="export-bpmn"
            >
              {t('export.bpmn')}
            </Menu.Item>
            <Menu.Item
              leftSection={<IconDownload size={16} />}
              onClick={() => onExport('json')}
              data-testid="export-json"
            >
              {t('export.json')}
            </Menu.Item>
            <Menu.Divider />
            <Menu.Label>
              <Group gap={4}>
                <IconHistory size={14} /> {t('versions.title')}
              </Group>
            </Menu.Label>
            {versions}
          </Menu.Dropdown>
        </Menu>
        <Tooltip label={t('properties.toggle')}>
          <ActionIcon
            variant="subtle"
            size="lg"
            aria-label={t('properties.toggle')}
            onClick={onToggleSide}
            data-testid="toggle-properties"
          >
            <IconLayoutSidebarRight size={18} />
          </ActionIcon>
        </Tooltip>
      </Group>
    </div>
  );
}
