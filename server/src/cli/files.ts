import fs from 'node:fs';
import path from 'node:path';

const SKIP_DIRS = new Set(['node_modules', '.git']);
const YAML_FILE = /\.ya?ml$/i;

export class UsageError extends Error {
  /** False for problems with a path, where the usage text would only hide the message. */
  readonly showUsage: boolean = true;
}

/** A path that does not exist or cannot be read (exit status 2, like a usage error). */
export class PathError extends UsageError {
  override readonly showUsage = false;
}

const REASONS: Record<string, string> = { ENOENT: 'no such file or directory', ENOTDIR: 'not a directory', EACCES: 'permission denied', EPERM: 'permission denied', ELOOP: 'too many symbolic links', EISDIR: 'is a directory' };

export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  return (code && REASONS[code]) ?? (e as Error)?.message ?? String(e);
}

/**
 * The YAML files under the given paths, sorted the way `kubectl apply -f DIR
 * --recursive` walks them (lexical order within each directory). `display`
 * names a path in messages the way the user wrote it.
 */
export function collectYamlFiles(paths: string[], display: (p: string) => string = (p) => p): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch (e) {
      throw new PathError(`cannot read ${display(p)}: ${describeFsError(e)}`);
    }
    if (st.isDirectory()) walk(p, out, display);
    else out.push(p);
  }
  return out;
}

function walk(dir: string, out: string[], display: (p: string) => string): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw new PathError(`cannot read directory ${display(dir)}: ${describeFsError(e)}`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // A Helm chart's templates/ are Go templates, not manifests, until `helm template` renders them.
  const isChart = entries.some((e) => e.isFile() && e.name === 'Chart.yaml');
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !(isChart && e.name === 'templates')) walk(p, out, display);
    } else if (e.isFile() && (YAML_FILE.test(e.name) || e.name === 'Kustomization')) out.push(p); // kustomize also reads a file named Kustomization
  }
}
