import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { SourceText } from '../simulator/index';
import { PathError } from './files';

const YAML_FILE = /\.ya?ml$/i;

function git(cwd: string, args: string[]): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as { stderr?: string; code?: string; message?: string };
    if (err.code === 'ENOENT') throw new PathError('--from git:REV needs git, which is not installed');
    throw new PathError(`git ${args.join(' ')}: ${(err.stderr ?? err.message ?? '').trim()}`);
  }
}

/**
 * The YAML files under `paths` as they were at git revision `rev`, in the
 * order `kubectl apply -f --recursive` would read them, named relative to
 * `cwd` like the working-tree files. Reads with `git ls-tree` and `git show`
 * only; nothing in the working tree changes.
 */
export function filesAtRevision(cwd: string, rev: string, paths: string[]): SourceText[] {
  if (!rev || rev.startsWith('-')) throw new PathError(`--from git:REV needs a revision, got "git:${rev}"`);
  const root = git(cwd, ['rev-parse', '--show-toplevel']).trim();
  try {
    git(cwd, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
  } catch {
    throw new PathError(`--from git:${rev}: no such revision in ${root}`);
  }
  const out: SourceText[] = [];
  for (const p of paths) {
    const rel = path.relative(root, path.resolve(cwd, p)).split(path.sep).join('/');
    const listed = git(root, ['ls-tree', '-r', '-z', '--name-only', rev, '--', rel || '.']).split('\0').filter(Boolean);
    const files = listed.filter((f) => YAML_FILE.test(f) && !f.split('/').some((s) => s === 'node_modules' || s === '.git')).sort(byWalkOrder);
    for (const f of files) {
      let text = git(root, ['show', `${rev}:${f}`]);
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      if (text.includes('\u0000')) continue;
      out.push({ source: path.relative(cwd, path.join(root, f)) || path.basename(f), text });
    }
  }
  return out;
}

/** Lexical order per directory level, as a recursive walk gives it (not plain string order, where "a-b" sorts before "a/b"). */
function byWalkOrder(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  return x.length - y.length;
}
