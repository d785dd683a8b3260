import { z } from 'zod';

/**
 * `definition.bpmn`: the imported BPMN document, kept whole so export can write back everything the
 * definition does not express (other pools, message flows, artifacts, data, diagram labels, other
 * vendors' extensions, unsupported elements). The definition stays authoritative for what it does
 * express: export overwrites those parts of the stored document (see export.ts).
 */
export const storedDocumentSchema = z.strictObject({
  format: z.literal('bpmn-xml'),
  version: z.literal(1),
  /** Id of the executable process in `xml`. */
  processId: z.string().min(1),
  xml: z.string().min(1),
});
export type StoredDocument = z.infer<typeof storedDocumentSchema>;

export function storedDocument(processId: string, xml: string): StoredDocument {
  return { format: 'bpmn-xml', version: 1, processId, xml };
}

/** Reads `definition.bpmn`; throws when it is something bpmn/ did not write. */
export function readStoredDocument(value: Record<string, unknown>): StoredDocument {
  const parsed = storedDocumentSchema.safeParse(value);
  if (!parsed.success) {
    throw new Error(`definition.bpmn is not a stored BPMN document: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
