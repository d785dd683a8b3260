import { exportBpmn, runProgress } from '@baton/engine';
import { Badge, Drawer, Tabs } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { type MouseEvent, type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveFile } from '../../app/save-file.ts';
import { addAfterCommand, addAtCommand } from '../model/add.ts';
import { EMPTY_SELECTION, type Overlay } from '../model/canvas.ts';
import type { Doc } from '../model/doc.ts';
import { elkLayout } from '../model/elk-layout.ts';
import { sizeOf } from '../model/kinds.ts';
import { namesOf } from '../model/names.ts';
import { marksOf, type Target } from '../model/problems.ts';
import { runMarks } from '../model/run-marks.ts';
import { search as searchNodes } from '../model/search.ts';
import type { RunSession } from '../model/test-run.ts';
import type { ActionContext } from './actions.ts';
import { Canvas } from './Canvas.tsx';
import { FormEnvProvider } from './form-env.tsx';
import { notify, notifyHide, notifyUpdate } from './notify.ts';
import { Palette } from './Palette.tsx';
import { ProblemsPanel } from './ProblemsPanel.tsx';
import { SidePanel } from './SidePanel.tsx';
import { ContextMenu, clipboard, type MenuAt, useShortcuts } from './shortcuts.tsx';
import { TestRunPanel } from './TestRunPanel.tsx';
import { Toolbar } from './Toolbar.tsx';
import { useEditor, useValidation } from './useEditor.ts';

export interface DesignerProps {
  initial: Doc;
  /** The template exists on the server. */
  stored: boolean;
  readOnly: boolean;
  status: ReactNode;
  versions: ReactNode;
  onSave: (doc: Doc) => Promise<boolean>;
  onPublish: (doc: Doc) => Promise<boolean>;
}

export function Designer(props: DesignerProps) {
  return (
    <ReactFlowProvider>
      <DesignerInner {...props} />
    </ReactFlowProvider>
  );
}

function DesignerInner({ initial, stored, readOnly, status, versions, onSave, onPublish }: DesignerProps) {
  const { t } = useTranslation('designer');
  const flow = useReactFlow();
  const phone = useMediaQuery('(max-width: 48em)', undefined, { getInitialValueInEffect: false }) ?? false;
  const editor = useEditor(initial);
  const { doc, selection, setSelection, run } = editor;
  const { updateSelection } = editor;
  // On a phone the properties are a drawer: it opens whenever something is picked on the canvas.
  useEffect(() => {
    if (phone && selection.nodes.size + selection.flows.size > 0) setSideOpen(true);
  }, [phone, selection]);
  const { outcome, problems } = useValidation(doc);
  const [session, setSession] = useState<RunSession | null>(null);
  const [bottom, setBottom] = useState<'problems' | 'run' | null>(phone ? null : 'problems');
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [sideOpen, setSideOpen] = useState(!phone);
  const [query, setQuery] = useState('');
  const [hit, setHit] = useState(0);
  const [menu, setMenu] = useState<MenuAt | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => setSideOpen(!phone), [phone]);

  const names = useMemo(() => namesOf(doc), [doc]);
  const knownRoles = useMemo(() => {
    const roles = new Set<string>();
    for (const n of doc.nodes) if (n.role) roles.add(n.role);
    const text = JSON.stringify(doc.nodes);
    for (const m of text.matchAll(/role:([^'"@\\]+)/g)) roles.add(m[1] as string);
    return [...roles].sort();
  }, [doc.nodes]);
  const found = useMemo(() => searchNodes(doc.nodes, query), [doc.nodes, query]);
  const marks = useMemo(
    () => (session ? runMarks(runProgress(doc.flows, session.history)) : null),
    [doc, session],
  );
  const problemMarks = useMemo(() => marksOf(problems, doc), [problems, doc]);
  const overlay: Omit<Overlay, 'drag'> = useMemo(
    () => ({
      selection,
      run: marks?.run ?? new Map(),
      taken: marks?.taken ?? new Set(),
      problems: problemMarks,
      found: new Set(found.map((n) => n.id)),
      readOnly,
    }),
    [selection, marks, problemMarks, found, readOnly],
  );

  const focusNode = useCallback(
    (id: string) => {
      const node = doc.nodes.find((n) => n.id === id);
      if (!node?.position) return;
      const s = sizeOf(node);
      void flow.setCenter(node.position.x + s.width / 2, node.position.y + s.height / 2, {
        zoom: Math.max(flow.getZoom(), 0.9),
        duration: 250,
      });
    },
    [doc.nodes, flow],
  );

  const select = setSelection;

  const layout = useCallback(async () => {
    const id = notify({ loading: true, message: t('layout.running'), autoClose: false });
    try {
      const moves = await elkLayout(doc);
      run({ do: 'layout', moves });
      requestAnimationFrame(() => void flow.fitView({ duration: 300, maxZoom: 1, includeHiddenNodes: true }));
      notifyHide(id);
    } catch (error) {
      notifyUpdate({ id, loading: false, color: 'red', message: String(error), autoClose: 4000 });
    }
  }, [doc, run, flow, t]);

  const save = useCallback(async () => {
    const seal = editor.markSaved;
    if (await onSave(doc)) seal();
  }, [onSave, doc, editor.markSaved]);

  const publish = useCallback(async () => {
    const seal = editor.markSaved;
    if (await onPublish(doc)) seal();
  }, [onPublish, doc, editor.markSaved]);

  const ctx: ActionContext = {
    doc,
    selection,
    readOnly,
    canUndo: editor.editor.past.length > 0,
    canRedo: editor.editor.future.length > 0,
    run,
    undo: editor.undo,
    redo: editor.redo,
    select,
    clipboard,
    view: {
      fit: () => void flow.fitView({ duration: 250, maxZoom: 1, includeHiddenNodes: true }),
      zoomIn: () => void flow.zoomIn({ duration: 150 }),
      zoomOut: () => void flow.zoomOut({ duration: 150 }),
    },
    layout: () => void layout(),
    save: () => void save(),
    publish: () => void publish(),
    search: () => {
      if (phone) return;
      searchRef.current?.focus();
      searchRef.current?.select();
    },
    testRun: () => setBottom((b) => (b === 'run' ? 'problems' : 'run')),
  };
  useShortcuts(ctx, root);

  // Warn before leaving with unsaved edits.
  useEffect(() => {
    if (!editor.dirty || readOnly) return;
    const onLeave = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onLeave);
    return () => window.removeEventListener('beforeunload', onLeave);
  }, [editor.dirty, readOnly]);

  const onSearch = (value: string) => {
    setQuery(value);
    setHit(0);
    const first = searchNodes(doc.nodes, value)[0];
    if (first) focusNode(first.id);
  };
  const nextHit = () => {
    if (found.length === 0) return;
    const i = (hit + 1) % found.length;
    setHit(i);
    const node = found[i];
    if (node) {
      focusNode(node.id);
      setSelection({ nodes: new Set([node.id]), flows: new Set() });
    }
  };

  const onPick = (target: Target) => {
    if (target.kind === 'settings') setSelection(EMPTY_SELECTION);
    else if (target.kind === 'node') {
      select({ nodes: new Set([target.id]), flows: new Set() });
      focusNode(target.id);
    } else {
      select({ nodes: new Set(), flows: new Set([target.id]) });
      const f = doc.flows.find((x) => x.id === target.id);
      if (f) focusNode(f.source);
    }
  };

  const onPaletteAdd = (type: string) => {
    if (readOnly) return;
    const only = selection.nodes.size === 1 ? [...selection.nodes][0] : undefined;
    const after = only ? addAfterCommand(doc, type, only) : null;
    const center = flow.screenToFlowPosition({
      x: (root.current?.getBoundingClientRect().left ?? 0) + (root.current?.clientWidth ?? 0) / 2,
      y: (root.current?.getBoundingClientRect().top ?? 0) + (root.current?.clientHeight ?? 0) / 2,
    });
    const cmd = after ?? addAtCommand(doc, type, center);
    if (!cmd) {
      notify({ color: 'yellow', message: t('palette.dropOnActivity') });
      return;
    }
    run(cmd);
    if (cmd.do === 'addNodes') {
      const id = cmd.nodes[0]?.id;
      if (id) {
        setSelection({ nodes: new Set([id]), flows: new Set() });
        focusNode(id);
      }
    }
    setPaletteOpen(false);
  };

  const onExport = async (format: 'json' | 'bpmn') => {
    if (format === 'json')
      saveFile(`${doc.key}.json`, `${JSON.stringify(doc, null, 2)}\n`, 'application/json');
    else saveFile(`${doc.key}.bpmn`, await exportBpmn(doc), 'application/xml');
  };

  const onContextMenu = (e: MouseEvent, target: { kind: 'node' | 'flow' | 'pane'; id?: string }) => {
    e.preventDefault();
    if (target.id && target.kind === 'node' && !selection.nodes.has(target.id))
      setSelection({ nodes: new Set([target.id]), flows: new Set() });
    if (target.id && target.kind === 'flow' && !selection.flows.has(target.id))
      setSelection({ nodes: new Set(), flows: new Set([target.id]) });
    setMenu({ x: e.clientX, y: e.clientY, place: target.kind });
  };

  const documentSteps = useMemo(
    () => doc.nodes.filter((n) => n.type === 'createDocument').map((n) => n.id),
    [doc.nodes],
  );
  const env = useMemo(
    () => ({ names, knownRoles, documentSteps, readOnly, seal: editor.seal, problemAt: () => undefined }),
    [names, knownRoles, documentSteps, readOnly, editor.seal],
  );

  const palette = <Palette onAdd={onPaletteAdd} readOnly={readOnly} />;
  const side = (
    <SidePanel doc={doc} selection={selection} problems={problems} run={run} stored={stored} ctx={ctx} />
  );
  const errors = problems.filter((p) => p.severity === 'error').length;

  return (
    <FormEnvProvider value={env}>
      <div className="bn-designer" ref={root} data-readonly={readOnly || undefined} data-testid="designer">
        <Toolbar
          ctx={ctx}
          name={doc.name}
          status={status}
          dirty={editor.dirty && !readOnly}
          phone={phone}
          versions={versions}
          onExport={(f) => void onExport(f)}
          onTogglePalette={() => setPaletteOpen((o) => !o)}
          onToggleSide={() => setSideOpen((o) => !o)}
          search={{
            value: query,
            onChange: onSearch,
            onNext: nextHit,
            info: query ? `${found.length ? hit + 1 : 0}/${found.length}` : '',
            inputRef: searchRef,
          }}
        />
        <div className="bn-body">
          {!phone && !readOnly && <aside className="bn-left">{palette}</aside>}
          <main className="bn-main">
            <Canvas
              doc={doc}
              overlay={overlay}
              run={run}
              updateSelection={updateSelection}
              onContextMenu={onContextMenu}
            />
            <section className="bn-bottom" data-open={bottom !== null || undefined}>
              <Tabs
                value={bottom}
                onChange={(v) => setBottom(v as 'problems' | 'run' | null)}
                allowTabDeactivation
                keepMounted={false}
              >
                <Tabs.List>
                  <Tabs.Tab
                    value="problems"
                    data-testid="tab-problems"
                    rightSection={
                      problems.length ? (
                        <Badge size="xs" color={errors ? 'red' : 'yellow'}>
                          {problems.length}
                        </Badge>
                      ) : null
                    }
                  >
                    {t('problems.title')}
                  </Tabs.Tab>
                  <Tabs.Tab value="run" data-testid="tab-run">
                    {t('run.title')}
                  </Tabs.Tab>
                </Tabs.List>
                <Tabs.Panel value="problems" p="xs">
                  <ProblemsPanel doc={doc} problems={problems} onPick={onPick} />
                </Tabs.Panel>
                <Tabs.Panel value="run" p="xs" className="bn-run">
                  <TestRunPanel
                    doc={doc}
                    outcome={outcome}
                    session={session}
                    setSession={setSession}
                    onClose={() => {
                      setSession(null);
                      setBottom('problems');
                    }}
                  />
                </Tabs.Panel>
              </Tabs>
            </section>
          </main>
          {!phone && sideOpen && <aside className="bn-right">{side}</aside>}
        </div>
        {phone && (
          <>
            <Drawer
              opened={paletteOpen}
              onClose={() => setPaletteOpen(false)}
              title={t('palette.title')}
              size="80%"
            >
              {palette}
            </Drawer>
            <Drawer
              opened={sideOpen}
              onClose={() => setSideOpen(false)}
              position="bottom"
              size="70%"
              title={t('properties.title')}
            >
              {side}
            </Drawer>
          </>
        )}
        <ContextMenu at={menu} ctx={ctx} onClose={() => setMenu(null)} />
      </div>
    </FormEnvProvider>
  );
}
