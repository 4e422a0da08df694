import fs from 'node:fs';
import path from 'node:path';
import type { SchemaBundle } from '../engine/schema/bundle';

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
  cached ??= JSON.parse(fs.readFileSync(findSchemaBundlePath(), 'utf8')) as SchemaBundle;
  return cached;
}
