/**
 * The `kubesim/simulate` request as the client sees it. The server's side is
 * server/src/lsp/simulate.ts; the shapes are plain JSON, so the client needs
 * no engine code (test/lsp/simulate.test.ts pins the wire format). Objects
 * stay loosely typed here (KObj): the client reads only a few of their fields.
 */
// The simulator's own types for what it sends as-is: type-only imports, erased from the bundle, so the
// client stays free of engine code while the compiler keeps both sides of the wire in step.
import type { SimChanges } from '../../server/src/simulator/diff/changes';
import type { ApplyRecord, SimEvent } from '../../server/src/simulator/types';

export type { ApplyRecord, SimEvent } from '../../server/src/simulator/types';
export type { Rollout, SimChanges } from '../../server/src/simulator/diff/changes';

export const SIMULATE_METHOD = 'kubesim/simulate';

export interface SimulateParams {
  uris: string[];
  exclude?: string[];
  secretValues?: 'masked' | 'hidden';
  seed?: number;
  nodes?: { count: number; cpu: string; memory: string };
  /** Texts to apply instead of reading `uris` (a git revision of the files). */
  sources?: { uri: string; source: string; text: string }[];
  /** A re-apply over the scope's previous simulation ("last", kept by the server) or over these texts (git HEAD). */
  from?: 'last' | { sources: { uri: string; source: string; text: string }[] };
  /** false: objects come without the last-applied annotation, which no view shows (a fifth of the answer). */
  lastApplied?: boolean;
}

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}

export interface OwnerRef {
  kind: string;
  name: string;
  uid?: string;
  controller?: boolean;
}

/** An object as `kubectl get -o json` shows it; everything below metadata stays loose. */
export interface KObj {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; uid?: string; labels?: Record<string, string>; ownerReferences?: OwnerRef[]; annotations?: Record<string, string> };
  [field: string]: unknown;
}

export interface SourceLocation {
  kind: string;
  namespace?: string;
  name: string;
  uri: string;
  range: Range;
}

export interface SimulationResult {
  apply: ApplyRecord[];
  objects: KObj[];
  events: SimEvent[];
  locations: SourceLocation[];
  files: string[];
  skipped: string[];
  /** The kubectl-like report, as `kubesim simulate` prints it. */
  text: string;
  /** With `from`: what the re-apply changed; the rest of the result is the cluster after it. */
  changes?: SimChanges;
}

/** An object named by kind, namespace and name: what tree items and graph nodes point at. */
export interface ObjRef {
  kind: string;
  namespace?: string;
  name: string;
}
