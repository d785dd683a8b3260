import {
  type BpmnProblem,
  compile,
  definitionKeySchema,
  exportBpmn,
  importBpmn,
  type Problem,
  type TemplateIcon,
} from '@baton/engine';
import { can, demand } from '../access/abilities.ts';
import type { Caller } from '../access/caller.ts';
import {
  type TemplateAccess,
  templateAccess,
  templateAccessAll,
  viewableKeys,
} from '../access/definition-rights.ts';
import { instanceVisible } from '../access/visibility.ts';
import type { DefinitionsTable } from '../db/schema.ts';
import { documentWarnings } from '../documents/definition-check.ts';
import type { Runtime } from '../runtime/context.ts';
import { Conflict, Forbidden, NotFound, Unprocessable } from '../runtime/errors.ts';
import { toIso } from '../util/time.ts';
import {
  findLatestPublished,
  findRunVersion,
  findVersion,
  latestVersion,
  listLatest,
  markDeleted,
  markPublished,
  saveDraft,
} from './store.ts';

/** A compile problem (node, flow, JSON path) or a BPMN import problem (element id, line). */
export type DefinitionProblem = Problem | BpmnProblem;

/** A definition that does not compile or import: 422 with every problem, each naming where it is. */
export class InvalidDefinition extends Unprocessable {
  constructor(
    message: string,
    readonly problems: DefinitionProblem[],
  ) {
    super(
      message,
      problems
        .filter((p) => p.severity === 'error')
        .map((p) => ({ path: locationOf(p), message: `${p.code}: ${p.message}` })),
      'INVALID_DEFINITION',
    );
  }
}

function locationOf(p: DefinitionProblem): string {
  if ('elementId' in p || 'elementType' in p) return (p as BpmnProblem).elementId ?? '';
  const c = p as Problem;
  return c.path ?? c.nodeId ?? c.flowId ?? '';
}

/** Which version to read: a number, the current draft, or (absent) the latest published else the draft. */
export type VersionSelector = number | 'draft' | undefined;

export interface DefinitionSummary {
  key: string;
  name: string;
  /** The highest version, draft or published. */
  version: number;
  status: DefinitionsTable['status'];
  publishedVersion: number | null;
  createdAt: string;
  /** Catalogue order of the version listed (lower first); null when it sets none. */
  sort: number | null;
  icon: TemplateIcon | null;
  /** The version's catalogue labels. */
  labels: string[];
  /** The CRM items it is made for (`deal`, …), or null. */
  documentType: string | null;
}

export interface DefinitionView {
  key: string;
  version: number;
  status: DefinitionsTable['status'];
  name: string;
  createdBy: string | null;
  createdAt: string;
  publishedAt: string | null;
  /** Whether the version was imported from BPMN (the source is kept). */
  importedFromBpmn: boolean;
  definition: Record<string, unknown>;
}

export interface Saved {
  key: string;
  version: number;
  status: 'draft';
  /** Compile problems (errors and warnings); a draft is stored even when it does not compile. */
  problems: DefinitionProblem[];
}

/**
 * The templates the caller sees (their rights name them, or they administer processes), in catalogue
 * order: by `sort` (templates without one after those with one), then name, then key. Those who may not
 * edit a template — and everyone when `published` (the start catalogue) — see only its published
 * version, its name, sort, icon and labels too: a template with only a draft is not there for them.
 * With `label`, only the templates that carry it (letter case aside); with `reportable`, only those
 * whose every run the caller sees (the view right, or all work): the ones they may read reports on.
 */
export async function listDefinitions(
  rt: Runtime,
  caller: Caller,
  {
    published = false,
    label,
    reportable = false,
    documentType,
  }: {
    published?: boolean;
    label?: string | undefined;
    reportable?: boolean;
    documentType?: string | undefined;
  } = {},
): Promise<DefinitionSummary[]> {
  const rows = await listLatest(rt.db.kysely);
  const access = await templateAccessAll(
    rt.db.kysely,
    caller,
    rows.map((r) => r.key),
  );
  const items = rows.flatMap((r): DefinitionSummary[] => {
    const may = access.get(r.key);
    if (!may?.see || (reportable && !may.view)) return [];
    const base = { key: r.key, publishedVersion: r.published_version, createdAt: toIso(r.created_at) };
    if (may.edit && !published) {
      const { name, version, status, sort, icon, document_type } = r;
      const labels = JSON.parse(r.labels) as string[];
      return [{ ...base, name, version, status, sort, icon, labels, documentType: document_type }];
    }
    if (r.published === null || r.published_version === null) return [];
    const { document_type, ...settings } = r.published;
    const labels = JSON.parse(settings.labels) as string[];
    const version = r.published_version;
    return [{ ...base, ...settings, labels, documentType: document_type, version, status: 'published' }];
  });
  const labelled = (d: DefinitionSummary) =>
    label === undefined || d.labels.some((l) => l.toLocaleLowerCase() === label.toLocaleLowerCase());
  const forType = (d: DefinitionSummary) => documentType === undefined || d.documentType === documentType;
  return items.filter((d) => labelled(d) && forType(d)).sort(catalogueOrder);
}

function catalogueOrder(a: DefinitionSummary, b: DefinitionSummary): number {
  if (a.sort !== b.sort) {
    if (a.sort === null) return 1;
    if (b.sort === null) return -1;
    return a.sort - b.sort;
  }
  return a.name.localeCompare(b.name) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/**
 * What the caller may do with a template that exists; 404 when they may not see it (exactly as if it
 * did not exist), also when only a draft exists and they may not edit it.
 */
async function accessTo(rt: Runtime, caller: Caller, key: string): Promise<TemplateAccess> {
  const access = await templateAccess(rt.db.kysely, caller, key);
  if (!access.see) throw new NotFound('definition', key);
  if (!access.edit && !(await findLatestPublished(rt.db.kysely, key))) throw new NotFound('definition', key);
  return access;
}

/**
 * Guards a change to `key`: an existing template needs the edit right (403, or 404 when the caller
 * does not see it); a new key needs `administerProcesses`.
 */
async function mayEdit(rt: Runtime, caller: Caller, key: string): Promise<void> {
  if ((await latestVersion(rt.db.kysely, key)) === null) {
    demand(caller, 'administerProcesses', 'creating a template');
    return;
  }
  if (!(await accessTo(rt, caller, key)).edit) throw new Forbidden(`you may not edit ${key}`);
}

export async function getDefinition(
  rt: Runtime,
  caller: Caller,
  key: string,
  which: VersionSelector,
): Promise<DefinitionView> {
  const access = await accessTo(rt, caller, key);
  if (!access.edit && which === 'draft') throw new NotFound('draft of definition', key);
  const row = await select(rt, key, which);
  // Drafts are their editors' business: to everyone else only published versions exist.
  if (!access.edit && row.status !== 'published') throw new NotFound('definition', `${key}@${row.version}`);
  return viewOf(row);
}

/**
 * The version an instance runs on, for whoever sees the instance (its card draws it): the template's
 * rights do not matter here, and neither does its deletion — the instance goes on running on it.
 * 404 when the caller does not see the instance, exactly as for the instance itself.
 */
export async function instanceDefinition(
  rt: Runtime,
  caller: Caller,
  instanceId: string,
): Promise<DefinitionView> {
  const db = rt.db.kysely;
  let q = db
    .selectFrom('instances')
    .select(['definition_key', 'definition_version'])
    .where('id', '=', instanceId);
  const visible = instanceVisible(
    db,
    caller,
    can(caller, 'seeAllWork') ? [] : await viewableKeys(db, caller),
  );
  if (visible) q = q.where(visible);
  const instance = await q.executeTakeFirst();
  if (!instance) throw new NotFound('instance', instanceId);
  const row = await findRunVersion(db, instance.definition_key, instance.definition_version);
  if (!row) throw new NotFound('definition', `${instance.definition_key}@${instance.definition_version}`);
  return viewOf(row);
}

function viewOf(row: DefinitionsTable): DefinitionView {
  return {
    key: row.key,
    version: row.version,
    status: row.status,
    name: row.name,
    createdBy: row.created_by,
    createdAt: toIso(row.created_at),
    publishedAt: row.published_at === null ? null : toIso(row.published_at),
    importedFromBpmn: row.bpmn !== null,
    definition: JSON.parse(row.json) as Record<string, unknown>,
  };
}

/** Compiles a definition; `problems` are the errors when it does not compile, else its warnings. */
export function check(definition: unknown): { ok: boolean; problems: Problem[] } {
  const out = compile(definition);
  return out.ok ? { ok: true, problems: out.warnings } : { ok: false, problems: out.problems };
}

/** Creates or replaces the draft of `key`; the body's key must match; `createOnly`: a new key or 409. */
export async function putDraft(
  rt: Runtime,
  caller: Caller,
  key: string,
  definition: Record<string, unknown>,
  createOnly = false,
): Promise<Saved> {
  await mayEdit(rt, caller, key);
  if (definition.key !== undefined && definition.key !== key)
    throw new Unprocessable(
      `the definition's key does not match the URL (${key})`,
      [{ path: 'body.key', message: `expected "${key}" or no key` }],
      'KEY_MISMATCH',
    );
  const name = typeof definition.name === 'string' && definition.name !== '' ? definition.name : key;
  const draft = { key, name, definition, bpmn: null, createdBy: caller.userId, now: rt.now() };
  const version = createOnly
    ? await saveDraft(rt.db.kysely, { ...draft, createOnly })
    : await saveDraft(rt.db.kysely, draft);
  if (version === null)
    throw new Conflict(`a template ${key} exists: choose another key`, 'DEFINITION_EXISTS');
  return { key, version, status: 'draft', problems: check({ ...definition, key, version }).problems };
}

/** Checks the posted definition, or the stored draft when nothing is posted. */
export async function validateDefinition(
  rt: Runtime,
  caller: Caller,
  key: string,
  posted: Record<string, unknown> | undefined,
): Promise<{ ok: boolean; problems: Problem[] }> {
  await mayEdit(rt, caller, key);
  const definition =
    posted !== undefined ? { ...posted, key } : JSON.parse((await select(rt, key, 'draft')).json);
  const checked = check(definition);
  return checked.ok
    ? { ok: true, problems: [...checked.problems, ...(await documentWarnings(rt.db.kysely, definition))] }
    : checked;
}

/** Publishes the draft of `key`: it must compile. Running instances keep their version. */
export async function publishDefinition(
  rt: Runtime,
  caller: Caller,
  key: string,
): Promise<DefinitionView & { warnings: Problem[] }> {
  await mayEdit(rt, caller, key);
  const db = rt.db.kysely;
  const draft = await latestVersion(db, key);
  if (draft === null) throw new NotFound('definition', key);
  if (draft.status !== 'draft')
    throw new Conflict(`${key} has no draft: version ${draft.version} is already published`, 'NO_DRAFT');
  const definition = JSON.parse(draft.json);
  const checked = check(definition);
  if (!checked.ok)
    throw new InvalidDefinition(`${key} version ${draft.version} does not compile`, checked.problems);
  const warnings = [...checked.problems, ...(await documentWarnings(db, definition))];
  if (!(await markPublished(db, key, draft.version, rt.now())))
    throw new Conflict(`${key} version ${draft.version} changed while publishing`, 'NO_DRAFT');
  rt.log.info({ key, version: draft.version }, 'definition published');
  return { ...(await getDefinition(rt, caller, key, draft.version)), warnings };
}

/**
 * Deletes a template, every version of it: it leaves the lists, reads, exports and starts (404 there),
 * while instances already running keep running on their version and stay visible as before. Needs the
 * edit right (403; 404 when the caller does not see the template). A draft saved later under the same
 * key begins a new template, numbered after the deleted versions (which stay taken for their instances);
 * the template's rights belong to the key and still apply.
 */
export async function deleteDefinition(rt: Runtime, caller: Caller, key: string): Promise<void> {
  const db = rt.db.kysely;
  if ((await latestVersion(db, key)) === null) throw new NotFound('definition', key);
  if (!(await accessTo(rt, caller, key)).edit) throw new Forbidden(`you may not delete ${key}`);
  if (!(await markDeleted(db, key, caller.userId, rt.now()))) throw new NotFound('definition', key);
  rt.log.info({ key, by: caller.userId }, 'definition deleted');
}

/** Imports BPMN 2.0 XML as the draft of its process id (or `key`), keeping the XML. */
export async function importDefinition(
  rt: Runtime,
  caller: Caller,
  xml: string,
  key: string | undefined,
): Promise<Saved> {
  if (key !== undefined) await mayEdit(rt, caller, key);
  const { definition, problems } = await importBpmn(xml);
  if (definition === null || problems.some((p) => p.severity === 'error'))
    throw new InvalidDefinition('the BPMN cannot be imported', problems);
  const target = key ?? definition.key;
  // The process id becomes the key: one no path can carry would make a draft nobody can open.
  const keyIssue = definitionKeySchema.safeParse(target).error?.issues[0];
  if (keyIssue)
    throw new InvalidDefinition('the BPMN cannot be imported', [
      {
        severity: 'error',
        code: 'SCHEMA',
        message: `the process id becomes the key, and it ${keyIssue.message} (send ?key= to choose another)`,
        path: 'key',
      },
    ]);
  if (key === undefined) await mayEdit(rt, caller, target);
  const createdBy = caller.userId;
  const json = { ...definition, key: target } as Record<string, unknown>;
  const name = definition.name || target;
  const version = await saveDraft(rt.db.kysely, {
    key: target,
    name,
    definition: json,
    bpmn: xml,
    createdBy,
    now: rt.now(),
  });
  const compiled = check({ ...json, version });
  return { key: target, version, status: 'draft', problems: [...problems, ...compiled.problems] };
}

/** The definition as BPMN 2.0 XML (diagram included; elements Baton keeps but does not run, too). */
export async function exportDefinition(
  rt: Runtime,
  caller: Caller,
  key: string,
  which: VersionSelector,
): Promise<string> {
  const view = await getDefinition(rt, caller, key, which);
  const row = await select(rt, key, view.version);
  try {
    return await exportBpmn(JSON.parse(row.json));
  } catch (error) {
    const checked = check(JSON.parse(row.json));
    const why = error instanceof Error ? error.message : String(error);
    throw new InvalidDefinition(`${key} version ${row.version} cannot be exported: ${why}`, checked.problems);
  }
}

async function select(rt: Runtime, key: string, which: VersionSelector): Promise<DefinitionsTable> {
  const db = rt.db.kysely;
  if (typeof which === 'number') {
    const row = await findVersion(db, key, which);
    if (!row) throw new NotFound('definition', `${key}@${which}`);
    return row;
  }
  const latest = await latestVersion(db, key);
  if (which === 'draft') {
    if (latest?.status !== 'draft') throw new NotFound('draft of definition', key);
    return latest;
  }
  const published = await findLatestPublished(db, key);
  const row = published ?? latest;
  if (!row) throw new NotFound('definition', key);
  return row;
}
