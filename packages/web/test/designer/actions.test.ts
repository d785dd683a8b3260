import { describe, expect, it, vi } from 'vitest';
import { EMPTY_SELECTION } from '../../src/designer/model/canvas.ts';
import {
  ACTIONS,
  type ActionContext,
  actionForKey,
  comboOf,
  keyLabel,
} from '../../src/designer/ui/actions.ts';
import { vacation } from './fixtures.ts';

function context(overrides: Partial<ActionContext> = {}): ActionContext {
  return {
    doc: vacation(),
    selection: EMPTY_SELECTION,
    readOnly: false,
    canUndo: true,
    canRedo: false,
    run: vi.fn(),
    undo: vi.fn(),
    redo: vi.fn(),
    select: vi.fn(),
    clipboard: { read: async () => null, write: vi.fn() },
    view: { fit: vi.fn(), zoomIn: vi.fn(), zoomOut: vi.fn() },
    layout: vi.fn(),
    save: vi.fn(),
    publish: vi.fn(),
    search: vi.fn(),
    testRun: vi.fn(),
    ...overrides,
  };
}

const key = (k: string, mods: { ctrl?: boolean; meta?: boolean; shift?: boolean; alt?: boolean } = {}) =>
  comboOf({ key: k, ctrlKey: !!mods.ctrl, metaKey: !!mods.meta, shiftKey: !!mods.shift, altKey: !!mods.alt });

describe('one action for toolbar, keyboard and context menu', () => {
  it('reads key combinations the same on every platform', () => {
    expect(key('z', { ctrl: true })).toBe('mod+z');
    expect(key('Z', { meta: true, shift: true })).toBe('mod+shift+z');
    expect(key('Delete')).toBe('delete');
    expect(key('!', { shift: true })).toBe('shift+1');
    expect(keyLabel('mod+shift+z', false)).toBe('Ctrl+Shift+Z');
    expect(keyLabel('mod+shift+z', true)).toBe('⌘⇧Z');
  });

  it('Ctrl+Z undoes, Ctrl+Shift+Z redoes when there is something to redo', () => {
    const ctx = context();
    actionForKey('mod+z', ctx)?.perform(ctx);
    expect(ctx.undo).toHaveBeenCalledOnce();
    expect(actionForKey('mod+shift+z', ctx)).toBeUndefined();
    const redo = context({ canRedo: true });
    actionForKey('mod+shift+z', redo)?.perform(redo);
    expect(redo.redo).toHaveBeenCalledOnce();
  });

  it('Delete removes the selection as one command; nothing selected, nothing to do', () => {
    expect(actionForKey('delete', context())).toBeUndefined();
    const ctx = context({ selection: { nodes: new Set(['hr']), flows: new Set(['f9']) } });
    actionForKey('delete', ctx)?.perform(ctx);
    expect(ctx.run).toHaveBeenCalledWith({ do: 'removeElements', nodeIds: ['hr'], flowIds: ['f9'] });
  });

  it('Ctrl+C copies the selected nodes with the flows between them', () => {
    const ctx = context({ selection: { nodes: new Set(['split', 'hr']), flows: new Set() } });
    actionForKey('mod+c', ctx)?.perform(ctx);
    expect(ctx.clipboard.write).toHaveBeenCalledWith(
      expect.objectContaining({
        nodes: [expect.objectContaining({ id: 'split' }), expect.objectContaining({ id: 'hr' })],
      }),
    );
  });

  it('a read-only version allows looking, not editing', () => {
    const ctx = context({ readOnly: true, selection: { nodes: new Set(['hr']), flows: new Set() } });
    const enabled = ACTIONS.filter((a) => a.enabled(ctx)).map((a) => a.id);
    expect(enabled).toEqual(['copy', 'selectAll', 'fit', 'zoomIn', 'zoomOut', 'search', 'testRun']);
  });

  it('"make default flow" is offered for a gateway flow that is not the default', () => {
    const setDefault = ACTIONS.find((a) => a.id === 'setDefault');
    expect(setDefault?.enabled(context({ selection: { nodes: new Set(), flows: new Set(['f3']) } }))).toBe(
      true,
    );
    expect(setDefault?.enabled(context({ selection: { nodes: new Set(), flows: new Set(['f4']) } }))).toBe(
      false,
    );
    expect(setDefault?.enabled(context({ selection: { nodes: new Set(), flows: new Set(['f9']) } }))).toBe(
      false,
    );
  });

  it('every action has a label key in both languages', async () => {
    const en = (await import('../../src/i18n/locales/en/designer.json')).default as {
      actions: Record<string, string>;
    };
    const ru = (await import('../../src/i18n/locales/ru/designer.json')).default as {
      actions: Record<string, string>;
    };
    for (const a of ACTIONS) {
      const k = a.label.replace('actions.', '');
      expect(en.actions[k], a.id).toBeTruthy();
      expect(ru.actions[k], a.id).toBeTruthy();
    }
  });
});
