import fs from 'node:fs';
import path from 'node:path';
import type { JsonSchema, SchemaBundle } from '../engine/schema/bundle';

const RELATIVE = path.join('schemas', 'generated', 'k8s.json');

/**
 * Finds the generated schema bundle beside the running code: next to dist/ in
 * the packaged extension and the CLI, or at the repository root in tests.
 */
export function findSchemaBundlePath(from: string = __dirname): string {
  let dir = from;
  for (let i = 0; i < 8; i++) {
    const candidate = path.join(dir, RELATIVE);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`Kubesim cannot find its schema bundle (${RELATIVE}) above ${from}. Run "npm run build" to generate it.`);
}

let cached: SchemaBundle | undefined;

export function loadSchemaBundle(): SchemaBundle {
  cached ??= parseSchemaBundle(fs.readFileSync(findSchemaBundlePath(), 'utf8'));
  return cached;
}

/**
 * The bundle, with each definition parsed when first read: a file of a few
 * kinds reads a fraction of the 500 definitions. schemas/generate.mjs writes
 * the head (everything but the definitions) on the first line and one
 * definition per line after it; any other layout is parsed whole.
 */
export function parseSchemaBundle(text: string): SchemaBundle {
  const lines = text.split('\n');
  const head = lines[0];
  let last = lines.length - 1;
  while (last > 0 && lines[last] === '') last--;
  if (!head.endsWith('"definitions":{') || lines[last] !== '}}') return JSON.parse(text) as SchemaBundle;
  const bundle = JSON.parse(`${head}}}`) as SchemaBundle;
  const definitions: Record<string, JsonSchema> = {};
  for (let i = 1; i < last; i++) {
    const line = lines[i];
    const colon = line.indexOf('":');
    if (!line.startsWith('"') || colon < 0) return JSON.parse(text) as SchemaBundle;
    const name = JSON.parse(line.slice(0, colon + 1)) as string;
    const json = line.endsWith(',') ? line.slice(colon + 2, -1) : line.slice(colon + 2);
    Object.defineProperty(definitions, name, {
      enumerable: true,
      configurable: true,
      get: () => {
        const value = JSON.parse(json) as JsonSchema;
        Object.defineProperty(definitions, name, { value, enumerable: true, configurable: true, writable: true });
        return value;
      },
    });
  }
  bundle.definitions = definitions;
  return bundle;
}
