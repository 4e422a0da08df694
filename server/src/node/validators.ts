import path from 'node:path';
import type { PrecompiledValidators } from '../engine/schema/validate';
import { findSchemaBundlePath } from './schemaBundle';

let cached: PrecompiledValidators | undefined;

/**
 * The validators that schemas/generate-validators.mjs compiled at build time,
 * beside the schema bundle. Loaded with a plain require at run time (the file
 * has no dependencies), so the packaged extension ships it under schemas/.
 */
export function loadPrecompiledValidators(): PrecompiledValidators | undefined {
  if (cached) return cached;
  try {
    const file = path.join(path.dirname(findSchemaBundlePath()), 'validators.js');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    cached = require(file) as PrecompiledValidators;
  } catch {
    cached = undefined; // fall back to compiling at run time
  }
  return cached;
}
