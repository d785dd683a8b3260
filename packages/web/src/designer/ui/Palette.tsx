import { Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { type DragEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PALETTE_GROUPS, paletteItems } from '../model/palette.ts';
import { DRAG_TYPE } from './Canvas.tsx';
import { iconOf } from './icons.ts';
import { useTypeNames } from './useTypeNames.ts';

export interface PaletteProps {
  /** A click (or Enter) on an item: add it — after the selected node when there is one. */
  onAdd: (type: string) => void;
  readOnly: boolean;
}

/** Node types to drag onto the canvas, grouped people / messages / documents / CRM / flow control. */
export function Palette({ onAdd, readOnly }: PaletteProps) {
  const { t } = useTranslation('designer');
  const names = useTypeNames();
  const [filter, setFilter] = useState('');
  // Read on every render: the registry gains the plugins' activities when the server lists them.
  const items = paletteItems();
  const shown = items.filter((i) => {
    const f = filter.trim().toLowerCase();
    return !f || i.type.toLowerCase().includes(f) || names.name(i.type).toLowerCase().includes(f);
  });
  const start = (e: DragEvent, type: string) => {
    e.dataTransfer.setData(DRAG_TYPE, type);
    e.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <nav className="bn-palette" aria-label={t('palette.title')} data-testid="palette">
      <TextInput
        size="xs"
        placeholder={t('palette.filter')}
        aria-label={t('palette.filter')}
        value={filter}
        onChange={(e) => setFilter(e.currentTarget.value)}
        mb="xs"
      />
      <Stack gap="xs">
        {PALETTE_GROUPS.map((group) => {
          const list = shown.filter((i) => i.group === group);
          if (list.length === 0) return null;
          return (
            <section key={group} aria-labelledby={`bn-palette-${group}`}>
              <Text id={`bn-palette-${group}`} size="xs" fw={700} tt="uppercase" c="dimmed" mb={4}>
                {t(`palette.groups.${group}`)}
              </Text>
              <div className="bn-palette-items">
                {list.map(({ type }) => {
                  const Icon = iconOf(type);
                  return (
                    <UnstyledButton
                      key={type}
                      className="bn-palette-item"
                      draggable={!readOnly}
                      disabled={readOnly}
                      onDragStart={(e) => start(e, type)}
                      onClick={() => onAdd(type)}
                      data-type={type}
                      data-testid={`palette-${type}`}
                      title={names.hint(type)}
                    >
                      <Icon size={16} stroke={1.8} />
                      <span>{names.name(type)}</span>
                    </UnstyledButton>
                  );
                })}
              </div>
            </section>
          );
        })}
      </Stack>
    </nav>
  );
}
