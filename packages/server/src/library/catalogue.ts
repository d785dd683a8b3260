import type { DefinitionInput } from '@baton/engine';
import { z } from 'zod';
import acknowledgment from './templates/acknowledgment.json' with { type: 'json' };
import businessTrip from './templates/business-trip.json' with { type: 'json' };
import contractApproval from './templates/contract-approval.json' with { type: 'json' };
import dismissal from './templates/dismissal.json' with { type: 'json' };
import fileAcknowledgment from './templates/file-acknowledgment.json' with { type: 'json' };
import onboarding from './templates/onboarding.json' with { type: 'json' };
import purchase from './templates/purchase.json' with { type: 'json' };
import timeOff from './templates/time-off.json' with { type: 'json' };
import vacation from './templates/vacation.json' with { type: 'json' };
import { type LibraryTemplate, templateTextsSchema } from './texts.ts';

// The structure is checked where it matters, by compiling every template in each language (the
// library's tests); here only the words, which the engine does not know about.
const templateFile = z.looseObject({
  key: z.string(),
  texts: z.strictObject({ ru: templateTextsSchema, en: templateTextsSchema }),
});

function load(file: unknown): LibraryTemplate {
  return templateFile.parse(file) as unknown as LibraryTemplate;
}

/** The standard processes every company has, in catalogue order: each installs as a template. */
export const LIBRARY: readonly LibraryTemplate[] = [
  vacation,
  timeOff,
  onboarding,
  dismissal,
  businessTrip,
  acknowledgment,
  fileAcknowledgment,
  purchase,
  contractApproval,
].map(load);

export function libraryTemplate(key: string): LibraryTemplate | undefined {
  return LIBRARY.find((t) => t.key === key);
}

/** The roles a template gives tasks to (its nodes' roles), in the order they first appear. */
export function rolesOf(template: Pick<DefinitionInput, 'nodes'>): string[] {
  return [...new Set(template.nodes.flatMap((n) => (n.role === undefined ? [] : [n.role])))];
}
