import fs from 'node:fs';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import type { PrecompiledValidators } from '../engine/schema/validate';
import { findSchemaBundlePath } from './schemaBundle';

/** schemas/generated/validators/index.json: each kind's chunk and the name it exports its validator under. */
interface ValidatorIndex {
  kinds: Record<string, { file: string; export: string }>;
}

let cached: PrecompiledValidators | undefined;

/**
 * The validators that schemas/generate-validators.mjs compiled at build time,
 * in chunks per kind beside the schema bundle (the packaged extension ships
 * them under schemas/). Reading a kind's entry loads its chunk, and the chunks
 * that one needs, with a plain require on first use: checking a file of
 * Services never loads the code that validates pod templates.
 */
export function loadPrecompiledValidators(): PrecompiledValidators | undefined {
  if (cached) return cached;
  try {
    const dir = path.join(path.dirname(findSchemaBundlePath()), 'validators');
    const index = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8')) as ValidatorIndex;
    const validators: PrecompiledValidators = {};
    for (const [kind, { file, export: name }] of Object.entries(index.kinds)) {
      let fn: ValidateFunction | null | undefined;
      Object.defineProperty(validators, kind, {
        enumerable: true,
        get: () => (fn ??= requireChunk(path.join(dir, file), name)) ?? undefined,
      });
    }
    cached = validators;
  } catch {
    cached = undefined; // fall back to compiling at run time
  }
  return cached;
}

/** A kind's validator from its chunk; null (compile at run time instead) when the chunk is missing or broken. */
function requireChunk(file: string, name: string): ValidateFunction | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fn = (require(file) as Record<string, unknown>)[name];
    return typeof fn === 'function' ? (fn as ValidateFunction) : null;
  } catch {
    return null;
  }
}
