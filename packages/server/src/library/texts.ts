import type { DefinitionInput, Field } from '@baton/engine';
import { z } from 'zod';

export const LANGUAGES = ['ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const byId = z.record(z.string(), z.string().min(1));

/**
 * The words of a template in one language, keyed by the ids of the structure they name, so the process
 * is written once and each language only says what people read.
 */
export const templateTextsSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().min(1),
  labels: z.array(z.string()).default([]),
  /** Node id → the name the designer and the process card show (a task's title unless `tasks` gives one). */
  nodes: byId,
  /** User task id → its title and description: templates (`{{ days }}`) over the process's data. */
  tasks: z
    .record(z.string(), z.strictObject({ title: z.string().min(1), description: z.string().optional() }))
    .default({}),
  /** Field id → its label, for start parameters, variables and task fields alike (one id, one meaning). */
  fields: byId.default({}),
  /** Option value → its label, for select fields. */
  options: byId.default({}),
  /** Flow id → its name, for the flows leaving a decision. */
  flows: byId.default({}),
});
export type TemplateTexts = z.output<typeof templateTextsSchema>;

/** A library template as stored: the definition without words, and its words in every language. */
export type LibraryTemplate = Omit<DefinitionInput, 'name' | 'description' | 'labels'> & {
  texts: Record<Language, TemplateTexts>;
};

/** The definition a template installs in `language`: its structure with that language's words in place. */
export function localize(template: LibraryTemplate, language: Language): DefinitionInput {
  const { texts: all, ...structure } = template;
  const texts = all[language];
  const named = (words: Record<string, string>, id: string) =>
    words[id] === undefined ? {} : { name: words[id] };
  const field = <F extends Field>(f: F): F => ({
    ...f,
    ...named(texts.fields, f.id),
    ...(f.options && { options: f.options.map((o) => ({ ...o, label: texts.options[o.value] ?? o.value })) }),
  });
  return {
    ...structure,
    name: texts.name,
    description: texts.description,
    ...(texts.labels.length > 0 && { labels: texts.labels }),
    parameters: structure.parameters?.map(field),
    variables: structure.variables?.map(field),
    constants: structure.constants?.map(field),
    nodes: structure.nodes.map((node) => {
      const config = node.config as { fields?: Field[] } | undefined;
      return {
        ...node,
        ...named(texts.nodes, node.id),
        ...(config && {
          config: {
            ...config,
            ...texts.tasks[node.id],
            ...(config.fields && { fields: config.fields.map(field) }),
          },
        }),
      };
    }),
    flows: structure.flows?.map((f) => ({ ...f, ...named(texts.flows, f.id) })),
  };
}
