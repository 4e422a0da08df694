import fs from 'node:fs';
import path from 'node:path';
import { Engine } from '../engine/check';
import { loadSchemaBundle } from '../node/schemaBundle';
import { formatText, simulateSources, type SourceText } from '../simulator/index';
import { oneOf, parseArgs } from './args';
import type { Io } from './check';
import { collectYamlFiles, UsageError } from './files';

export const SIMULATE_USAGE = `usage: kubesim simulate [paths…] [--format text|json] [--seed N] [--namespace NS] [--show-secrets]

Simulates \`kubectl apply -f PATHS --recursive\` into a kind-like cluster
(a tainted control-plane node and node-1..node-3 with 4 CPU and 16Gi each),
runs the controllers, scheduler and kubelets until nothing changes, and
prints what the cluster made: objects, pods and their nodes and IPs,
Services and endpoints, claims, and the warnings.

The same input and seed always give the same output.
Exit status: 0 all applied, 1 some object was rejected, 2 usage error.`;

export function runSimulate(argv: string[], io: Io): number {
  const args = parseArgs(argv, ['format', 'seed', 'namespace'], ['help', 'show-secrets']);
  if (args.flags.has('help')) {
    io.stdout(SIMULATE_USAGE + '\n');
    return 0;
  }
  const format = oneOf('format', args.flags.get('format'), ['text', 'json'] as const, 'text');
  const seedText = (args.flags.get('seed') as string | undefined) ?? '1';
  if (!/^\d+$/.test(seedText)) throw new UsageError('--seed must be a non-negative integer');
  const namespace = (args.flags.get('namespace') as string | undefined) ?? 'default';
  const paths = args.positionals.length ? args.positionals : ['.'];
  const files: SourceText[] = [];
  for (const abs of collectYamlFiles(paths.map((p) => path.resolve(io.cwd, p)))) {
    let text: string;
    try {
      text = fs.readFileSync(abs, 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read ${abs}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.includes('\u0000')) continue;
    files.push({ source: path.relative(io.cwd, abs) || path.basename(abs), text });
  }
  const engine = new Engine(loadSchemaBundle());
  const result = simulateSources(engine, files, { seed: Number(seedText), defaultNamespace: namespace, showSecrets: args.flags.has('show-secrets') });
  io.stdout(format === 'json' ? JSON.stringify(result, null, 2) + '\n' : formatText(result));
  return result.apply.some((a) => a.result === 'rejected') ? 1 : 0;
}
