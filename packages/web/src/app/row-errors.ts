/**
 * The messages about single rows of a list field, by row and field: under `stages`, `stages.2.name` →
 * `{ 2: { name } }`; messages about the list as a whole (`stages`) are left out.
 */
export function rowErrorsOf(
  errors: Record<string, string>,
  list: string,
): Record<number, Record<string, string>> {
  const out: Record<number, Record<string, string>> = {};
  for (const [path, message] of Object.entries(errors)) {
    const [name, row, field, ...deeper] = path.split('.');
    if (name !== list || !row || !/^\d+$/.test(row) || !field || deeper.length > 0) continue;
    out[Number(row)] = { ...out[Number(row)], [field]: message };
  }
  return out;
}
