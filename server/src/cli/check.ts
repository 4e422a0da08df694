import path from 'node:path';
import { Engine } from '../engine/check';
import { compareDiagnostics, type Diagnostic } from '../engine/diagnostic';
import { RULES } from '../engine/rules/registry';
import { Workspace } from '../engine/workspace';
import { loadSchemaBundle } from '../node/schemaBundle';
import { loadPrecompiledValidators } from '../node/validators';
import { oneOf, parseArgs } from './args';
import { loadCliConfig } from './config';
import { collectYamlFiles, PathError, UsageError } from './files';
import { readManifest } from '../node/scan';
import { formatJson } from './format/json';
import { Locator, type SourceFile } from './format/locate';
import { formatSarif } from './format/sarif';
import { formatText } from './format/text';
import { VERSION } from './version';

export const CHECK_USAGE = `usage: kubesim check [paths…] [--format text|json|sarif] [--k8s-version 1.30] [--namespace NS] [--config FILE]

Checks Kubernetes manifests: YAML syntax, schemas, and what the API server
would reject. Directories are searched recursively for *.yaml and *.yml
(node_modules and .git are skipped); with no paths, the current directory.

Settings come from --config FILE, else ./.kubesim.yaml when it exists
(kubernetesVersion, defaultNamespace, exclude, rules); flags override it.

Exit status: 0 no errors, 1 errors found, 2 usage error or unreadable path.`;

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
}

export function runCheck(argv: string[], io: Io): number {
  const args = parseArgs(argv, ['format', 'k8s-version', 'namespace', 'config'], ['help']);
  if (args.flags.has('help')) {
    io.stdout(CHECK_USAGE + '\n');
    return 0;
  }
  const format = oneOf('format', args.flags.get('format'), ['text', 'json', 'sarif'] as const, 'text');
  const loaded = loadCliConfig(args.flags.get('config') as string | undefined, io.cwd, (line) => io.stderr(`kubesim: ${line}\n`));
  const config = loaded?.config;
  const k8sVersion = (args.flags.get('k8s-version') as string | undefined) ?? config?.kubernetesVersion ?? '1.30';
  if (!/^v?1\.\d+$/.test(k8sVersion)) throw new UsageError('--k8s-version must look like 1.30');
  const namespace = (args.flags.get('namespace') as string | undefined) ?? config?.defaultNamespace ?? 'default';

  const paths = args.positionals.length ? args.positionals : ['.'];
  const shown = (abs: string): string => path.relative(io.cwd, abs) || '.';
  const exclude = loaded && config?.exclude ? { base: loaded.dir, globs: config.exclude } : undefined;
  const files = collectYamlFiles(paths.map((p) => path.resolve(io.cwd, p)), shown, exclude);
  const engine = new Engine(loadSchemaBundle(), (id, e) => io.stderr(`kubesim: rule ${id} failed: ${(e as Error)?.stack ?? String(e)}\n`), loadPrecompiledValidators());
  const ws = new Workspace(engine, { k8sVersion: k8sVersion.replace(/^v/, ''), defaultNamespace: namespace, rules: config?.rules ?? {} });
  const sources = new Map<string, SourceFile>();
  for (const abs of files) {
    const read = readManifest(abs);
    const display = path.relative(io.cwd, abs) || path.basename(abs);
    if (!read.ok && read.reason === 'unreadable') throw new PathError(`cannot read ${shown(abs)}: ${read.message}`);
    if (!read.ok) {
      io.stderr(`kubesim: skipping ${display}: ${read.message}\n`);
      continue;
    }
    const text = read.text;
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
