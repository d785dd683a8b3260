import type { Definition } from '../model/definition.ts';
import type { Problem } from './problem.ts';
import type { ResolvedNode } from './structure.ts';

/**
 * An e-mail's `attachments` name createDocument activities of the same definition (the documents they
 * make go with it); anything else is a BAD_REFERENCE at the attachment. State entry actions included.
 */
export function checkAttachments(
  def: Definition,
  resolved: Map<string, ResolvedNode>,
  problems: Problem[],
): void {
  const documents = new Set(def.nodes.filter((n) => n.type === 'createDocument').map((n) => n.id));
  const check = (config: unknown, path: string, nodeId: string) => {
    const attachments = (config as { attachments?: unknown }).attachments;
    if (!Array.isArray(attachments)) return;
    attachments.forEach((id, i) => {
      if (!documents.has(id))
        problems.push({
          severity: 'error',
          code: 'BAD_REFERENCE',
          message: `"${id}" is not a createDocument activity of this process`,
          nodeId,
          path: `${path}.attachments[${i}]`,
        });
    });
  };
  for (const [id, r] of resolved) {
    const node = def.nodes[r.index];
    if (node?.type === 'email') check(r.config, `nodes[${r.index}].config`, id);
    if (r.kind === 'state')
      (r.config as { entry: { type: string; config: unknown }[] }).entry.forEach((action, i) => {
        if (action.type === 'email') check(action.config, `nodes[${r.index}].config.entry[${i}].config`, id);
      });
  }
}
