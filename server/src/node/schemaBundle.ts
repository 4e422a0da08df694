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
    const key = line.slice(1, colon);
    const name = key.includes('\\') ? (JSON.parse(`"${key}"`) as string) : key;
    const json = line.endsWith(',') ? line.slice(colon + 2, -1) : line.slice(colon + 2);
    // The getter stays (redefining one of 500 properties as a value costs more than the parse) and keeps what it parsed.
    let value: JsonSchema | undefined;
    Object.defineProperty(definitions, name, { enumerable: true, get: () => (value ??= JSON.parse(json) as JsonSchema) });
  }
  bundle.definitions = definitions;
  return bundle;
}
