/**
 * A template that cannot be used as it is: a tag that does not close, a file that is not a DOCX, a
 * format the template cannot make. `problems` says what, one line each, in the template's own words.
 */
export class TemplateProblem extends Error {
  constructor(
    readonly summary: string,
    readonly problems: readonly string[] = [],
  ) {
    super(problems.length > 0 ? `${summary}: ${problems.join('; ')}` : summary);
    this.name = 'TemplateProblem';
  }
}

interface DocxtemplaterError {
  properties?: { explanation?: string; errors?: DocxtemplaterError[] };
  message?: string;
}

/** docxtemplater reports every bad tag at once (a "Multi error"); each explanation names the tag. */
export function templateProblemOf(error: unknown, what: string): TemplateProblem {
  const e = error as DocxtemplaterError;
  const errors = e.properties?.errors ?? [e];
  return new TemplateProblem(
    what,
    errors.map((x) => x.properties?.explanation ?? x.message ?? String(x)),
  );
}
