import type { Pipeline, PipelineUpdate, StageKind } from '../../api/crm.ts';
import { rowErrorsOf } from '../../app/row-errors.ts';
import { KIND_COLORS } from '../board.ts';

/** A stage as the settings form edits it; `key` tells rows apart (`id` is absent for a new stage). */
export interface StageDraft {
  key: string;
  id?: string;
  name: string;
  kind: StageKind;
  color: string | null;
}

export interface PipelineDraft {
  name: string;
  /** What moves along it: fixed once the pipeline exists. */
  entity: PipelineEntity;
  stages: StageDraft[];
}

export type PipelineEntity = Pipeline['entity'];

export const STAGE_KINDS: readonly StageKind[] = ['open', 'won', 'lost'];

let made = 0;
const newKey = () => `new-${++made}`;

/** The default stages' names in the interface language. */
export interface DefaultStageNames {
  new: string;
  inProgress: string;
  quoteSent: string;
  won: string;
  lost: string;
  converted: string;
  junk: string;
}

/**
 * A new pipeline starts with the usual stages: for deals three open ones, then won and lost; for leads
 * two open ones, then converted (won) and junk (lost).
 */
export function newPipelineDraft(names: DefaultStageNames, entity: PipelineEntity = 'deal'): PipelineDraft {
  const stage = (name: string, kind: StageKind, color: string | null = null): StageDraft => ({
    key: newKey(),
    name,
    kind,
    color,
  });
  const open =
    entity === 'lead'
      ? [stage(names.new, 'open', '#15aabf'), stage(names.inProgress, 'open', '#228be6')]
      : [
          stage(names.new, 'open', '#15aabf'),
          stage(names.inProgress, 'open', '#228be6'),
          stage(names.quoteSent, 'open', '#7950f2'),
        ];
  const [won, lost] = entity === 'lead' ? [names.converted, names.junk] : [names.won, names.lost];
  return {
    name: '',
    entity,
    stages: [...open, stage(won, 'won', KIND_COLORS.won), stage(lost, 'lost', KIND_COLORS.lost)],
  };
}

export function draftOfPipeline(pipeline: Pipeline): PipelineDraft {
  return {
    name: pipeline.name,
    entity: pipeline.entity,
    stages: pipeline.stages.map((s) => ({ key: s.id, id: s.id, name: s.name, kind: s.kind, color: s.color })),
  };
}

/** A new open stage, placed before the first closing one (won or lost), where new steps of work belong. */
export function addStage(stages: readonly StageDraft[], name: string): StageDraft[] {
  const closing = stages.findIndex((s) => s.kind !== 'open');
  const at = closing === -1 ? stages.length : closing;
  const stage: StageDraft = { key: newKey(), name, kind: 'open', color: null };
  return [...stages.slice(0, at), stage, ...stages.slice(at)];
}

/** The stages with the one at `index` moved one place up (-1) or down (+1); at an end, unchanged. */
export function moveStage(stages: readonly StageDraft[], index: number, delta: -1 | 1): StageDraft[] {
  const to = index + delta;
  if (index < 0 || index >= stages.length || to < 0 || to >= stages.length) return [...stages];
  const out = [...stages];
  [out[index], out[to]] = [out[to] as StageDraft, out[index] as StageDraft];
  return out;
}

export function removeStage(stages: readonly StageDraft[], key: string): StageDraft[] {
  return stages.filter((s) => s.key !== key);
}

export function changeStage(stages: readonly StageDraft[], key: string, change: Partial<StageDraft>) {
  return stages.map((s) => (s.key === key ? { ...s, ...change } : s));
}

/** What keeps the draft from being saved, before asking the server; null when nothing does. */
export function draftProblem(draft: PipelineDraft): 'nameRequired' | 'noStages' | 'stageNameRequired' | null {
  if (draft.name.trim() === '') return 'nameRequired';
  if (draft.stages.length === 0) return 'noStages';
  if (draft.stages.some((s) => s.name.trim() === '')) return 'stageNameRequired';
  return null;
}

/**
 * The body that saves the draft (creates it, or replaces the stored one): stages in order, each kept
 * one with its id so that its deals stay on it. A new pipeline's stages have no ids.
 */
export function pipelineBody(draft: PipelineDraft): PipelineUpdate {
  return {
    name: draft.name.trim(),
    stages: draft.stages.map((s) => ({
      ...(s.id ? { id: s.id } : {}),
      name: s.name.trim(),
      kind: s.kind,
      ...(s.color ? { color: s.color } : {}),
    })),
  };
}

/** The server's messages about single stages, by row and field: `stages.2.name` → `{ 2: { name } }`. */
export const stageErrorsOf = (errors: Record<string, string>) => rowErrorsOf(errors, 'stages');
