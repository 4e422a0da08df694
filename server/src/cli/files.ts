import fs from 'node:fs';
import { describeFsError } from '../node/fsErrors';
import { walkYaml, type Exclude } from '../node/scan';

export class UsageError extends Error {
  /** False for problems with a path, where the usage text would only hide the message. */
  readonly showUsage: boolean = true;
}

/** A path that does not exist or cannot be read (exit status 2, like a usage error). */
export class PathError extends UsageError {
  override readonly showUsage = false;
}

export { describeFsError };

/**
 * The YAML files under the given paths, sorted the way `kubectl apply -f DIR
 * --recursive` walks them (lexical order within each directory). A file named
 * explicitly is always taken; `exclude` applies inside directories. `display`
 * names a path in messages the way the user wrote it.
 */
export function collectYamlFiles(paths: string[], display: (p: string) => string = (p) => p, exclude?: Exclude): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch (e) {
      throw new PathError(`cannot read ${display(p)}: ${describeFsError(e)}`);
    }
    if (!st.isDirectory()) {
      out.push(p);
      continue;
    }
    for (const entry of walkYaml(p, exclude)) {
      if (entry.kind === 'error') throw new PathError(`cannot read directory ${display(entry.path)}: ${describeFsError(entry.error)}`);
      out.push(entry.path);
    }
  }
  return out;
}
