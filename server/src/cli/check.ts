import fs from 'node:fs';
import path from 'node:path';
import { Engine } from '../engine/check';
import { compareDiagnostics, type Diagnostic } from '../engine/diagnostic';
import { RULES } from '../engine/rules/registry';
import { Workspace } from '../engine/workspace';
import { loadSchemaBundle } from '../node/schemaBundle';
import { loadPrecompiledValidators } from '../node/validators';
import { oneOf, parseArgs } from './args';
import { collectYamlFiles, describeFsError, PathError, UsageError } from './files';
import { formatJson } from './format/json';
import { Locator, type SourceFile } from './format/locate';
import { formatSarif } from './format/sarif';
import { formatText } from './format/text';
import { VERSION } from './version';

export const CHECK_USAGE = `usage: kubesim check [paths…] [--format text|json|sarif] [--k8s-version 1.30] [--namespace NS]

Checks Kubernetes manifests: YAML syntax, schemas, and what the API server
would reject. Directories are searched recursively for *.yaml and *.yml
(node_modules and .git are skipped); with no paths, the current directory.

Exit status: 0 no errors, 1 errors found, 2 usage error or unreadable path.`;

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
}

export function runCheck(argv: string[], io: Io): number {
  const args = parseArgs(argv, ['format', 'k8s-version', 'namespace'], ['help']);
  if (args.flags.has('help')) {
    io.stdout(CHECK_USAGE + '\n');
    return 0;
  }
  const format = oneOf('format', args.flags.get('format'), ['text', 'json', 'sarif'] as const, 'text');
  const k8sVersion = (args.flags.get('k8s-version') as string | undefined) ?? '1.30';
  if (!/^v?1\.\d+$/.test(k8sVersion)) throw new UsageError('--k8s-version must look like 1.30');
  const namespace = (args.flags.get('namespace') as string | undefined) ?? 'default';

  const paths = args.positionals.length ? args.positionals : ['.'];
  const shown = (abs: string): string => path.relative(io.cwd, abs) || '.';
  const files = collectYamlFiles(paths.map((p) => path.resolve(io.cwd, p)), shown);
  const engine = new Engine(loadSchemaBundle(), (id, e) => io.stderr(`kubesim: rule ${id} failed: ${(e as Error)?.stack ?? String(e)}\n`), loadPrecompiledValidators());
  const ws = new Workspace(engine, { k8sVersion: k8sVersion.replace(/^v/, ''), defaultNamespace: namespace });
  const sources = new Map<string, SourceFile>();
  for (const abs of files) {
    let text: string;
    try {
      text = fs.readFileSync(abs, 'utf8');
    } catch (e) {
      throw new PathError(`cannot read ${shown(abs)}: ${describeFsError(e)}`);
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const display = path.relative(io.cwd, abs) || path.basename(abs);
    if (text.includes('\u0000')) {
      io.stderr(`kubesim: skipping ${display}: it is a binary file, not YAML\n`);
      continue;
    }
    const uri = abs;
    sources.set(uri, { display, text });
    ws.setFile(uri, text);
  }
  const diagnostics: Diagnostic[] = [];
  for (const uri of ws.uris()) diagnostics.push(...ws.diagnostics(uri));
  diagnostics.sort(compareDiagnostics);
  const locator = new Locator(sources);
  const located = diagnostics.map((d) => locator.diagnostic(d));
  io.stdout(format === 'json' ? formatJson(located) : format === 'sarif' ? formatSarif(located, RULES, VERSION) : formatText(located));
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}
