import type { Pipeline } from '../api/crm.ts';

/**
 * Each stage's name as the field settings show it: the stage's own name with one pipeline, "Sales ·
 * Won" with several (two pipelines may both have a "Won").
 */
export function stageLabels(pipelines: readonly Pipeline[]): Map<string, string> {
  const prefixed = pipelines.length > 1;
  return new Map(
    pipelines.flatMap((p) =>
      p.stages.map((s) => [s.id, prefixed ? `${p.name} · ${s.name}` : s.name] as const),
    ),
  );
}

/** The stages to pick from, grouped by pipeline in order, labelled as `stageLabels` does. */
export function stageOptions(pipelines: readonly Pipeline[]) {
  const labels = stageLabels(pipelines);
  return pipelines.map((p) => ({
    group: p.name,
    items: p.stages.map((s) => ({ value: s.id, label: labels.get(s.id) ?? s.name })),
  }));
}
