import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken, type Range } from 'vscode-languageserver/node';
import type { Engine } from '../engine/check';
import { isClusterScoped } from '../engine/index/scope';
import { resourcesOf, spanAt } from '../engine/k8s/resource';
import { formatChanges, formatText, simulateReapply, simulateSources, type ClusterDescription, type SimChanges, type SimResult } from '../simulator/index';
import { readClusterFile } from '../node/clusterFile';
import { excludeMatcher } from '../node/scan';
import { quickNodeSettings } from './settings';
import { PathError } from '../cli/files';
import { Converter } from './convert';
import { LastSimulations } from './lastSimulation';
import { CancelledError, readScope, type ScopeFile } from './simulateScope';
import type { ServerState } from './server';

export const SIMULATE_METHOD = 'kubesim/simulate';

export interface SimulateParams {
  /** Files or folders (`file:` URIs) to apply, like `kubectl apply -f` arguments; open `untitled:` documents too. */
  uris: string[];
  /** Globs of paths (relative to each scope root) to leave out. */
  exclude?: string[];
  /** How Secret values leave the server: "masked" (`***`, keys kept, the default) or "hidden" (data and stringData removed). */
  secretValues?: 'masked' | 'hidden';
  seed?: number;
  /** The worker nodes of the simulated cluster (the kind-like default: 3 workers of 4 CPU and 16Gi). */
  nodes?: { count: number; cpu: string; memory: string };
  /** Texts to apply instead of reading `uris` from disk (a git revision of the files), in apply order. */
  sources?: { uri: string; source: string; text: string }[];
  /**
   * Makes the request a re-apply: these files are applied first and settle,
   * then the scope is applied over them. "last" is the texts of this scope's
   * previous simulation, which the server keeps; `{sources}` are texts the
   * client sends (a git revision).
   */
  from?: 'last' | { sources: ScopeFile[] };
  /**
   * false leaves the `kubectl.kubernetes.io/last-applied-configuration`
   * annotation out of the objects: a client that shows none saves a fifth of
   * the answer (default true, the shape `kubesim simulate --format json` prints).
   */
  lastApplied?: boolean;
}

/** Where an object of the result was written: generated objects have none, their owners do. */
export interface SourceLocation {
  kind: string;
  namespace?: string;
  name: string;
  uri: string;
  range: Range;
}

export interface SimulateResponse extends SimResult {
  locations: SourceLocation[];
  /** Files read, and files left out (unreadable, binary or over kubesim.maxFileSize). */
  files: string[];
  skipped: string[];
  /** The kubectl-like report (`kubesim simulate` text format). */
  text: string;
  /** With `from`: what the re-apply changed (the result is the cluster after it). */
  changes?: SimChanges;
}

/**
 * `kubesim/simulate`: reads the scope from disk with open documents' unsaved
 * text on top, applies it in the simulated cluster, and answers with the
 * simulator's JSON plus the manifest location of every applied object.
 * Secret values never leave the server.
 */
export function registerSimulate(state: ServerState): void {
  const last = new LastSimulations();
  state.connection.onRequest(SIMULATE_METHOD, (raw: unknown, token: CancellationToken) => simulateRequest(state, last, raw, token));
}

async function simulateRequest(state: ServerState, last: LastSimulations, raw: unknown, token: CancellationToken): Promise<SimulateResponse> {
  const params = readParams(raw);
  const oldFiles = params.from === 'last' ? last.get(params.uris) : params.from?.sources;
  if (params.from === 'last' && !oldFiles) throw new ResponseError(ErrorCodes.InvalidParams, 'There is no earlier simulation of this scope to compare with: simulate it first.');
  let scope: { files: ScopeFile[]; skipped: string[] };
  try {
    scope = params.sources ? { files: params.sources, skipped: [] } : await readScope(params.uris, {
      exclude: params.exclude ?? [],
      maxFileSize: state.settings.maxFileSize,
      openText: (uri) => state.documents.get(uri)?.getText(),
      cancelled: () => token.isCancellationRequested,
    });
  } catch (e) {
    if (e instanceof CancelledError) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Simulation cancelled.');
    if (e instanceof PathError) throw new ResponseError(ErrorCodes.InvalidParams, e.message);
    throw e;
  }
  const engine = state.workspace.engine;
  const defaultNamespace = state.settings.defaultNamespace;
  const cluster = await clusterOf(state, params.uris);
  const texts = (files: readonly ScopeFile[]): { source: string; text: string }[] => files.map((f) => ({ source: f.source, text: f.text }));
  const opts = {
    seed: params.seed ?? 1,
    defaultNamespace,
    cluster,
    // The request's own nodes win over the kubesim.clusterNodes* settings.
    nodes: params.nodes ?? quickNodeSettings(state.settings),
  };
  // Secret values are masked inside the simulator (no showSecrets), so neither the objects nor the change report carry them.
  const reapply = oldFiles ? simulateReapply(engine, texts(oldFiles), texts(scope.files), opts) : undefined;
  const result = reapply?.after ?? simulateSources(engine, texts(scope.files), opts);
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Simulation cancelled.');
  if (params.uris.length) last.remember(params.uris, scope.files);
  if (params.secretValues === 'hidden') for (const o of result.objects) if (o.kind === 'Secret') delete o.data, delete o.stringData;
  if (params.lastApplied === false) for (const o of result.objects) withoutLastApplied(o);
  const response: SimulateResponse = { ...result, locations: locateObjects(engine, scope.files, defaultNamespace), files: scope.files.map((f) => f.source), skipped: scope.skipped, text: formatText(result) };
  if (!reapply) return response;
  // The text is what `kubesim simulate NEW --from OLD` prints.
  return { ...response, changes: reapply.changes, text: formatChanges(reapply.changes) + '\n--- cluster after the change\n\n' + response.text };
}

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** Drops the last-applied annotation, and the annotations map when nothing else is in it. */
function withoutLastApplied(o: { metadata: { annotations?: Record<string, string> } }): void {
  const annotations = o.metadata.annotations;
  if (!annotations || !(LAST_APPLIED in annotations)) return;
  delete annotations[LAST_APPLIED];
  if (Object.keys(annotations).length === 0) delete o.metadata.annotations;
}

/** The `kubesim.cluster` file, relative to the workspace folder that holds the scope; undefined for the default cluster. */
async function clusterOf(state: ServerState, scope: readonly string[]): Promise<ClusterDescription | undefined> {
  const file = state.settings.cluster;
  if (!file) return undefined;
  let abs = file;
  if (!path.isAbsolute(file)) {
    const folders = (await state.connection.workspace.getWorkspaceFolders().catch(() => null)) ?? [];
    const folder = folders.find((f) => scope.some((u) => u === f.uri || u.startsWith(f.uri.endsWith('/') ? f.uri : f.uri + '/'))) ?? folders[0];
    if (!folder) throw new ResponseError(ErrorCodes.InvalidParams, `kubesim.cluster is the relative path ${file}, but there is no workspace folder to resolve it in.`);
    abs = path.join(fileURLToPath(folder.uri), file);
  }
  try {
    return readClusterFile(state.workspace.engine, abs, file);
  } catch (e) {
    throw new ResponseError(ErrorCodes.InvalidParams, `${(e as Error).message} (the kubesim.cluster setting)`);
  }
}

export function locateObjects(engine: Engine, files: readonly ScopeFile[], defaultNamespace: string): SourceLocation[] {
  const texts = new Map(files.map((f) => [f.uri, f.text]));
  const convert = new Converter((uri) => texts.get(uri));
  const out: SourceLocation[] = [];
  for (const f of files) {
    for (const res of resourcesOf(engine.parse(f.uri, f.text))) {
      if (!res.name) continue;
      const namespace = isClusterScoped(res.kind) ? undefined : (res.namespace ?? defaultNamespace);
      out.push({ kind: res.kind, ...(namespace ? { namespace } : {}), name: res.name, uri: f.uri, range: convert.range(f.uri, spanAt(res, ['metadata', 'name'])) });
    }
  }
  return out;
}

/** A plain decimal quantity with an optional SI or binary suffix (what the node settings accept). */
const QUANTITY = /^\d+(\.\d+)?(m|k|M|G|T|Ki|Mi|Gi|Ti)?$/;

function readParams(raw: unknown): SimulateParams {
  const p = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const strings = (v: unknown): string[] | undefined => (Array.isArray(v) && v.every((s) => typeof s === 'string') ? (v as string[]) : undefined);
  const uris = strings(p.uris);
  if (!uris || (uris.length === 0 && !p.sources)) throw new ResponseError(ErrorCodes.InvalidParams, 'kubesim/simulate needs "uris": the files or folders to apply.');
  const exclude = p.exclude === undefined ? [] : strings(p.exclude);
  if (!exclude) throw new ResponseError(ErrorCodes.InvalidParams, '"exclude" must be a list of glob strings.');
  const secretValues = p.secretValues === 'hidden' ? 'hidden' : 'masked';
  const n = p.nodes && typeof p.nodes === 'object' ? (p.nodes as Record<string, unknown>) : undefined;
  const nodes = n && typeof n.count === 'number' && Number.isInteger(n.count) && n.count >= 1 && n.count <= 1000 && typeof n.cpu === 'string' && QUANTITY.test(n.cpu) && typeof n.memory === 'string' && QUANTITY.test(n.memory) ? { count: n.count, cpu: n.cpu, memory: n.memory } : undefined;
  if (p.nodes !== undefined && !nodes) throw new ResponseError(ErrorCodes.InvalidParams, '"nodes" must be {count: 1..1000, cpu: "4", memory: "16Gi"}.');
  const sources = p.sources === undefined ? undefined : isSourceList(p.sources) ? p.sources : null;
  if (sources === null) throw new ResponseError(ErrorCodes.InvalidParams, '"sources" must be a list of {uri, source, text}.');
  const seed = typeof p.seed === 'number' && Number.isInteger(p.seed) && p.seed >= 0 ? p.seed : 1;
  if (p.lastApplied !== undefined && typeof p.lastApplied !== 'boolean') throw new ResponseError(ErrorCodes.InvalidParams, '"lastApplied" must be true or false.');
  const excluded = excludeMatcher({ base: '/', globs: exclude });
  const kept = (files: ScopeFile[]): ScopeFile[] => files.filter((f) => !excluded('/' + f.source));
  return { uris, exclude, secretValues, seed, nodes, sources: sources && kept(sources), from: readFrom(p.from, uris, kept), lastApplied: p.lastApplied !== false };
}

function readFrom(raw: unknown, uris: string[], kept: (files: ScopeFile[]) => ScopeFile[]): SimulateParams['from'] {
  if (raw === undefined) return undefined;
  if (raw === 'last') {
    if (uris.length === 0) throw new ResponseError(ErrorCodes.InvalidParams, '"from": "last" needs the "uris" of the scope that was simulated before.');
    return 'last';
  }
  const sources = raw && typeof raw === 'object' ? (raw as Record<string, unknown>).sources : undefined;
  if (!isSourceList(sources)) throw new ResponseError(ErrorCodes.InvalidParams, '"from" must be "last" or {sources: [{uri, source, text}]}.');
  return { sources: kept(sources) };
}

const isSourceList = (v: unknown): v is ScopeFile[] =>
  Array.isArray(v) && v.every((f) => f && typeof f === 'object' && ['uri', 'source', 'text'].every((k) => typeof (f as Record<string, unknown>)[k] === 'string'));
