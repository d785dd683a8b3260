import { Menu } from '@mantine/core';
import { type RefObject, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type Fragment, parseFragment } from '../model/clipboard.ts';
import { ACTIONS, type ActionContext, type ActionPlace, actionForKey, comboOf } from './actions.ts';

/**
 * The keyboard side of the actions: every shortcut is an action's. Keys typed into a field stay with the
 * field (save excepted), and keys in a dialog that is not the designer's are not ours.
 */
export function useShortcuts(ctx: ActionContext, root: RefObject<HTMLElement | null>): void {
  const latest = useRef(ctx);
  latest.current = ctx;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const combo = comboOf(e);
      const target = e.target as HTMLElement | null;
      const typing = !!target?.closest('input, textarea, select, [contenteditable="true"]');
      if (typing && combo !== 'mod+s') return;
      if (target?.closest('.mantine-Modal-root, .mantine-Drawer-root') && !root.current?.contains(target))
        return;
      const action = actionForKey(combo, latest.current);
      if (!action) return;
      e.preventDefault();
      action.perform(latest.current);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [root]);
}

/** Where the context menu opens and for what: a node, a flow or the empty canvas. */
export interface MenuAt {
  x: number;
  y: number;
  place: ActionPlace;
}

/** The context menu: the actions that appear at this place, enabled as everywhere else. */
export function ContextMenu({
  at,
  ctx,
  onClose,
}: {
  at: MenuAt | null;
  ctx: ActionContext;
  onClose: () => void;
}) {
  const { t } = useTranslation('designer');
  return (
    <Menu opened={at !== null} onChange={(open) => !open && onClose()} withinPortal position="bottom-start">
      <Menu.Target>
        <div style={{ position: 'fixed', left: at?.x ?? 0, top: at?.y ?? 0, width: 1, height: 1 }} />
      </Menu.Target>
      <Menu.Dropdown data-testid="context-menu">
        {at &&
          ACTIONS.filter((a) => a.places.includes(at.place)).map((a) => {
            const Icon = a.icon;
            return (
              <Menu.Item
                key={a.id}
                leftSection={<Icon size={16} />}
                disabled={!a.enabled(ctx)}
                onClick={() => {
                  onClose();
                  a.perform(ctx);
                }}
              >
                {t(a.label)}
              </Menu.Item>
            );
          })}
      </Menu.Dropdown>
    </Menu>
  );
}

let lastCopy: Fragment | null = null;

/**
 * Copy and paste: through the system clipboard (so a fragment can go to another tab) when the browser
 * allows it, and always through this tab's memory.
 */
export const clipboard: ActionContext['clipboard'] = {
  write: (fragment) => {
    lastCopy = fragment;
    void navigator.clipboard?.writeText(JSON.stringify(fragment)).catch(() => {});
  },
  read: async () => {
    try {
      const text = await navigator.clipboard?.readText();
      const fromSystem = text ? parseFragment(text) : null;
      if (fromSystem) return fromSystem;
    } catch {
      // No permission to read the system clipboard: this tab's copy still works.
    }
    return lastCopy;
  },
};
