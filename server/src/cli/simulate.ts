import path from 'node:path';
import { Engine } from '../engine/check';
import { readClusterFile } from '../node/clusterFile';
import { loadSchemaBundle } from '../node/schemaBundle';
import { loadPrecompiledValidators } from '../node/validators';
import { formatChanges, formatText, rejectingRules, streamJson, simulateReapply, simulateSources, type ClusterDescription, type RunOptions, type SourceText } from '../simulator/index';
import { oneOf, parseArgs } from './args';
import type { Io } from './check';
import { collectYamlFiles, PathError, UsageError } from './files';
import { filesAtRevision } from './git-files';
import { readText } from '../node/readText';
import { ChunkCache } from '../engine/yaml/parse';

export const SIMULATE_USAGE = `usage: kubesim simulate [paths…] [--format text|json] [--seed N] [--namespace NS] [--show-secrets]
                        [--from OLD | --from git:REV] [--cluster FILE] [--nodes N] [--node-cpu CPU] [--node-memory MEM]

Simulates \`kubectl apply -f PATHS --recursive\` into a kind-like cluster
(a tainted control-plane node and node-1..node-3 with 4 CPU and 16Gi each),
runs the controllers, scheduler and kubelets until nothing changes, and
prints what the cluster made: objects, pods and their nodes and IPs,
Services and endpoints, claims, CronJobs, autoscalers, ingress routes, and the warnings.

  --from OLD        apply OLD (a directory or file) first, let it settle, then
                    apply PATHS over it and report what changed; --from git:REV
                    reads PATHS as they were at git revision REV
  --cluster FILE    the cluster: Node, StorageClass, PersistentVolume and
                    Namespace manifests (each kind given replaces the default's)
  --nodes N         N worker nodes (with --node-cpu, default 4, and
                    --node-memory, default 16Gi) instead of the default three

The same input and seed always give the same output.
Exit status: 0 all applied, 1 some object was rejected, 2 usage error.`;

export function runSimulate(argv: string[], io: Io): number {
  const args = parseArgs(argv, ['format', 'seed', 'namespace', 'from', 'cluster', 'nodes', 'node-cpu', 'node-memory'], ['help', 'show-secrets']);
  if (args.flags.has('help')) {
    io.stdout(SIMULATE_USAGE + '\n');
    return 0;
  }
  const format = oneOf('format', args.flags.get('format'), ['text', 'json'] as const, 'text');
  const seedText = (args.flags.get('seed') as string | undefined) ?? '1';
  if (!/^\d+$/.test(seedText)) throw new UsageError('--seed must be a non-negative integer');
  const namespace = (args.flags.get('namespace') as string | undefined) ?? 'default';
  const paths = args.positionals.length ? args.positionals : ['.'];
  const from = args.flags.get('from') as string | undefined;
  // A plain run parses each document once, so it keeps no parse cache. A re-apply parses the old and the new
  // version, mostly the same documents: the cache keeps them as slices of the files, which the run holds to the end.
  const cache = from === undefined ? null : new ChunkCache(256, false);
  const engine = new Engine(loadSchemaBundle(), (id, e) => io.stderr(`kubesim: rule ${id} failed: ${(e as Error)?.stack ?? String(e)}\n`), loadPrecompiledValidators(), cache);
  // This engine only tells the simulated apiserver what it would reject; the advice rules would be computed and dropped.
  engine.rules = rejectingRules(engine.rules);
  const opts: RunOptions = { seed: Number(seedText), defaultNamespace: namespace, showSecrets: args.flags.has('show-secrets'), ...quickNodes(args.flags) };
  const clusterFile = args.flags.get('cluster') as string | undefined;
  if (clusterFile) opts.cluster = readCluster(engine, path.resolve(io.cwd, clusterFile), io.cwd);
  const files = readFiles(paths, io.cwd);

  if (from !== undefined) {
    const oldFiles = from.startsWith('git:') ? filesAtRevision(io.cwd, from.slice(4), paths) : readFiles([from], io.cwd);
    const { after, changes } = simulateReapply(engine, oldFiles, files, opts);
    if (format === 'json') writeJson(io, { ...after, changes });
    else io.stdout(formatChanges(changes) + '\n--- cluster after the change\n\n' + formatText(after));
    return changes.rejected.length ? 1 : 0;
  }
  const result = simulateSources(engine, files, opts);
  if (format === 'json') writeJson(io, result);
  else io.stdout(formatText(result));
  return result.apply.some((a) => a.result === 'rejected') ? 1 : 0;
}

/** The result as `JSON.stringify(value, null, 2)` and a newline, written in pieces (tens of megabytes for a large workspace). */
function writeJson(io: Io, value: unknown): void {
  streamJson(value, io.stdout);
  io.stdout('\n');
}

function readFiles(paths: string[], cwd: string): SourceText[] {
  const files: SourceText[] = [];
  for (const abs of collectYamlFiles(paths.map((p) => path.resolve(cwd, p)), (p) => path.relative(cwd, p) || p)) {
    let text: string;
    try {
      text = readText(abs);
    } catch (e) {
      throw new UsageError(`cannot read ${abs}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.includes('\u0000')) continue;
    files.push({ source: path.relative(cwd, abs) || path.basename(abs), text });
  }
  return files;
}

function quickNodes(flags: Map<string, string | true>): Pick<RunOptions, 'nodes'> {
  const count = flags.get('nodes') as string | undefined;
  const cpu = flags.get('node-cpu') as string | undefined;
  const memory = flags.get('node-memory') as string | undefined;
  if (count === undefined && cpu === undefined && memory === undefined) return {};
  if (count !== undefined && !/^\d+$/.test(count)) throw new UsageError('--nodes must be a whole number of worker nodes');
  const n = count === undefined ? 3 : Number(count);
  if (n < 1 || n > 5000) throw new UsageError('--nodes must be between 1 and 5000');
  if (cpu !== undefined && !/^(\d+(\.\d+)?|\d+m)$/.test(cpu)) throw new UsageError('--node-cpu must be a CPU quantity such as 4, 2.5 or 500m');
  if (memory !== undefined && !/^\d+(\.\d+)?(Ki|Mi|Gi|Ti|k|M|G|T)?$/.test(memory)) throw new UsageError('--node-memory must be a memory quantity such as 16Gi or 8G');
  return { nodes: { count: n, cpu, memory } };
}

function readCluster(engine: Engine, file: string, cwd: string): ClusterDescription {
  try {
    return readClusterFile(engine, file, path.relative(cwd, file) || file);
  } catch (e) {
    throw new PathError((e as Error).message);
  }
}
