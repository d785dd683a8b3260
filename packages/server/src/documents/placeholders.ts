import type { DXT } from 'docxtemplater';

/** Options both kinds of template are compiled with; fresh each time, as docxtemplater writes into them. */
export const templateOptions = (): DXT.ConstructorOptions => ({
  paragraphLoop: true,
  // Errors are answered (422) or recorded on the job; docxtemplater would also print them, data and all.
  errorLogging: false,
  linebreaks: true,
  // A value the process did not give leaves its place empty rather than printing "undefined".
  nullGetter: () => '',
});

/**
 * Options that make a render with no data record the names a template reads at its top level —
 * `{client}`, `{#items}` (not the `{name}` inside the loop, which reads each item) — the names a
 * process's data has to give.
 */
export function recordingNames(names: Set<string>): DXT.ConstructorOptions {
  return {
    ...templateOptions(),
    parser: (tag: string) => ({
      get: () => {
        if (tag !== '.') names.add(tag);
        return undefined;
      },
    }),
  };
}
