import type { Pipeline, PipelineSummary, Stage, StageKind } from '../api/crm.ts';

/** The colours a stage may take (Mantine's sixth shades), offered as swatches in the pipeline settings. */
export const STAGE_SWATCHES = [
  '#228be6',
  '#15aabf',
  '#12b886',
  '#40c057',
  '#fab005',
  '#fd7e14',
  '#fa5252',
  '#e64980',
  '#7950f2',
  '#868e96',
] as const;

/** A stage without a colour of its own: open ones blue, a won one green, a lost one red. */
export const KIND_COLORS: Record<StageKind, string> = { open: '#228be6', won: '#40c057', lost: '#fa5252' };

export const stageColor = (stage: { color: string | null; kind: StageKind }): string =>
  stage.color ?? KIND_COLORS[stage.kind];

/** The pipeline the address asks for (`?pipeline=`), else the first one; null when there is none. */
export function pickPipeline(pipelines: readonly Pipeline[], wanted: string | null): Pipeline | null {
  return pipelines.find((p) => p.id === wanted) ?? pipelines[0] ?? null;
}

/** The stage the address asks for (`?stage=`, the one a phone shows), else the pipeline's first. */
export function pickStage(pipeline: Pipeline, wanted: string | null): Stage | null {
  return pipeline.stages.find((s) => s.id === wanted) ?? pipeline.stages[0] ?? null;
}

/** A sum of amounts in one currency. */
export interface Sum {
  currency: string;
  amount: number;
}

/**
 * One column of the board: a stage, how many deals I see there and the sums of their amounts per
 * currency, the largest first (deals in roubles and in dollars are not added up).
 */
export interface BoardColumn {
  stage: Stage;
  count: number;
  sums: Sum[];
}

/** The board's columns in the pipeline's stage order; a stage the summary does not (yet) count has none. */
export function boardColumns(pipeline: Pipeline, summary: PipelineSummary | undefined): BoardColumn[] {
  const counted = new Map((summary?.stages ?? []).map((s) => [s.id, s]));
  return pipeline.stages.map((stage) => {
    const sum = counted.get(stage.id);
    const sums = Object.entries(sum?.amounts ?? {})
      .map(([currency, amount]) => ({ currency, amount }))
      .sort((a, b) => b.amount - a.amount || a.currency.localeCompare(b.currency));
    return { stage, count: sum?.count ?? 0, sums };
  });
}

/** A stage by id in any pipeline, with its pipeline: a deal's history may name one of another pipeline. */
export function findStage(
  pipelines: readonly Pipeline[],
  stageId: string,
): { pipeline: Pipeline; stage: Stage } | null {
  for (const pipeline of pipelines) {
    const stage = pipeline.stages.find((s) => s.id === stageId);
    if (stage) return { pipeline, stage };
  }
  return null;
}
