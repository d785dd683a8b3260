import type { Problem } from '@baton/engine';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { FORMATS_OF } from './formats.ts';

interface DocumentNode {
  id?: unknown;
  type?: unknown;
  config?: { template?: unknown; format?: unknown };
}

/**
 * Warnings for createDocument activities whose template is not (yet) stored or cannot make the format
 * asked for: publishing still goes ahead — the template may be uploaded later — but the designer says
 * so before a run's document fails.
 */
export async function documentWarnings(db: Kysely<Database>, definition: unknown): Promise<Problem[]> {
  const nodes = ((definition as { nodes?: unknown }).nodes ?? []) as DocumentNode[];
  const uses = nodes
    .map((node, i) => ({ node, i }))
    .filter(({ node }) => node?.type === 'createDocument' && typeof node.config?.template === 'string');
  if (uses.length === 0) return [];
  const keys = [...new Set(uses.map(({ node }) => node.config?.template as string))];
  const stored = new Map(
    (
      await db.selectFrom('document_templates').select(['key', 'kind']).where('key', 'in', keys).execute()
    ).map((t) => [t.key, t.kind]),
  );
  return uses.flatMap(({ node, i }): Problem[] => {
    const template = node.config?.template as string;
    const format = node.config?.format ?? 'pdf';
    const nodeId = String(node.id);
    const kind = stored.get(template);
    if (kind === undefined)
      return [
        {
          severity: 'warning',
          code: 'BAD_REFERENCE',
          message: `there is no document template ${template}: its documents will fail until it is uploaded`,
          nodeId,
          path: `nodes[${i}].config.template`,
        },
      ];
    if (!(FORMATS_OF[kind] as readonly unknown[]).includes(format))
      return [
        {
          severity: 'warning',
          code: 'INVALID_CONFIG',
          message: `document template ${template} is a ${kind.toUpperCase()} template: it makes ${FORMATS_OF[kind].join(', ')}, not ${String(format)}`,
          nodeId,
          path: `nodes[${i}].config.format`,
        },
      ];
    return [];
  });
}
