/**
 * The JavaScript a browser downloads before the first page shows: the entry chunk of the built app and
 * every chunk it imports statically (lazy routes — the designer, the admin pages — are not counted),
 * gzipped. Reads Vite's manifest (build.manifest in vite.config.ts); exits 1 when over the budget.
 *
 *   npm run build -w @baton/web && npm run bundle-size -w @baton/web [-- --json]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The budget for non-designer pages (issue 5): initial JavaScript under 300 KB gzipped. */
export const BUDGET_BYTES = 300 * 1024;
const DIST = fileURLToPath(new URL('../dist', import.meta.url));

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface InitialBundle {
  files: { file: string; bytes: number; gzip: number }[];
  js: { bytes: number; gzip: number };
  css: { bytes: number; gzip: number };
  /** Lazily loaded chunks (never part of the initial download), by file. */
  lazy: string[];
}

/** Walks the manifest from the entry through static imports only. */
export function initialBundle(dist: string = DIST): InitialBundle {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
  const entry = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (!entry) throw new Error('the manifest has no entry chunk');
  const seen = new Set<string>();
  const css = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the manifest has no chunk ${key}`);
    for (const c of chunk.css ?? []) css.add(c);
    for (const i of chunk.imports ?? []) visit(i);
  };
  visit(entry);
  const measure = (file: string) => {
    const content = readFileSync(join(dist, file));
    return { file, bytes: content.length, gzip: gzipSync(content, { level: 9 }).length };
  };
  const files = [...seen].map((k) => measure((manifest[k] as ManifestChunk).file));
  const sum = (list: { bytes: number; gzip: number }[]) =>
    list.reduce((a, f) => ({ bytes: a.bytes + f.bytes, gzip: a.gzip + f.gzip }), { bytes: 0, gzip: 0 });
  const initialFiles = new Set(files.map((f) => f.file));
  const lazy = Object.values(manifest)
    .map((c) => c.file)
    .filter((f) => f.endsWith('.js') && !initialFiles.has(f));
  return { files, js: sum(files), css: sum([...css].map(measure)), lazy };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function main() {
  const bundle = initialBundle();
  if (process.argv.includes('--json')) console.log(JSON.stringify(bundle, null, 2));
  else {
    for (const f of bundle.files.sort((a, b) => b.gzip - a.gzip))
      console.log(`${kb(f.gzip).padStart(10)} gz  ${kb(f.bytes).padStart(10)}  ${f.file}`);
    console.log(
      `initial JS: ${kb(bundle.js.gzip)} gzipped (${kb(bundle.js.bytes)} raw) in ${bundle.files.length} files`,
    );
    console.log(`initial CSS: ${kb(bundle.css.gzip)} gzipped; lazy JS chunks: ${bundle.lazy.length}`);
  }
  if (bundle.js.gzip > BUDGET_BYTES) {
    console.error(`over budget: ${kb(bundle.js.gzip)} > ${kb(BUDGET_BYTES)}`);
    process.exitCode = 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
