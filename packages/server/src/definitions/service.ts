import { type BpmnProblem, compile, exportBpmn, importBpmn, type Problem } from '@baton/engine';
import type { DefinitionsTable } from '../db/schema.ts';
import type { Runtime } from '../runtime/context.ts';
import { Conflict, NotFound, Unprocessable } from '../runtime/errors.ts';
import { toIso } from '../util/time.ts';
import {
  findLatestPublished,
  findVersion,
  latestVersion,
  listLatest,
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

export async function listDefinitions(rt: Runtime): Promise<DefinitionSummary[]> {
  const rows = await listLatest(rt.db.kysely);
  return rows.map((r) => ({
    key: r.key,
    name: r.name,
    version: r.version,
    status: r.status,
    publishedVersion: r.published_version,
    createdAt: toIso(r.created_at),
  }));
}

export async function getDefinition(
  rt: Runtime,
  key: string,
  which: VersionSelector,
): Promise<DefinitionView> {
  const row = await select(rt, key, which);
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

/** Creates or replaces the draft of `key` (the next version); the body's key, if any, must match. */
export async function putDraft(
  rt: Runtime,
  key: string,
  definition: Record<string, unknown>,
  createdBy: string | null,
): Promise<Saved> {
  if (definition.key !== undefined && definition.key !== key)
    throw new Unprocessable(
      `the definition's key does not match the URL (${key})`,
      [{ path: 'body.key', message: `expected "${key}" or no key` }],
      'KEY_MISMATCH',
    );
  const name = typeof definition.name === 'string' && definition.name !== '' ? definition.name : key;
  const version = await saveDraft(rt.db.kysely, {
    key,
    name,
    definition,
    bpmn: null,
    createdBy,
    now: rt.now(),
  });
  return { key, version, status: 'draft', problems: check({ ...definition, key, version }).problems };
}

/** Checks the posted definition, or the stored draft when nothing is posted. */
export async function validateDefinition(
  rt: Runtime,
  key: string,
  posted: Record<string, unknown> | undefined,
): Promise<{ ok: boolean; problems: Problem[] }> {
  if (posted !== undefined) return check({ ...posted, key });
  const row = await select(rt, key, 'draft');
  return check(JSON.parse(row.json));
}

/** Publishes the draft of `key`: it must compile. Running instances keep their version. */
export async function publishDefinition(
  rt: Runtime,
  key: string,
): Promise<DefinitionView & { warnings: Problem[] }> {
  const db = rt.db.kysely;
  const draft = await latestVersion(db, key);
  if (draft === null) throw new NotFound('definition', key);
  if (draft.status !== 'draft')
    throw new Conflict(`${key} has no draft: version ${draft.version} is already published`, 'NO_DRAFT');
  const checked = check(JSON.parse(draft.json));
  if (!checked.ok)
    throw new InvalidDefinition(`${key} version ${draft.version} does not compile`, checked.problems);
  if (!(await markPublished(db, key, draft.version, rt.now())))
    throw new Conflict(`${key} version ${draft.version} changed while publishing`, 'NO_DRAFT');
  rt.log.info({ key, version: draft.version }, 'definition published');
  return { ...(await getDefinition(rt, key, draft.version)), warnings: checked.problems };
}

/** Imports BPMN 2.0 XML as the draft of its process id (or `key`), keeping the XML. */
export async function importDefinition(
  rt: Runtime,
  xml: string,
  key: string | undefined,
  createdBy: string | null,
): Promise<Saved> {
  const { definition, problems } = await importBpmn(xml);
  if (definition === null || problems.some((p) => p.severity === 'error'))
    throw new InvalidDefinition('the BPMN cannot be imported', problems);
  const target = key ?? definition.key;
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
export async function exportDefinition(rt: Runtime, key: string, which: VersionSelector): Promise<string> {
  const row = await select(rt, key, which);
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
