import { Engine, type CheckOptions, DEFAULT_SETTINGS } from '../../server/src/engine/check';
import type { Diagnostic } from '../../server/src/engine/diagnostic';
import { loadSchemaBundle } from '../../server/src/node/schemaBundle';
import { loadPrecompiledValidators } from '../../server/src/node/validators';

let engine: Engine | undefined;

/** One engine for the whole test process; rule errors fail loudly. */
export function testEngine(): Engine {
  engine ??= new Engine(loadSchemaBundle(), (id, e) => {
    throw new Error(`rule ${id} threw: ${(e as Error)?.stack ?? String(e)}`);
  }, loadPrecompiledValidators());
  return engine;
}

export function check(text: string, uri = 'file:///test.yaml', options: CheckOptions = DEFAULT_SETTINGS): Diagnostic[] {
  const e = testEngine();
  return e.checkFile(e.parse(uri, text), options);
}
