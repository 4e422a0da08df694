/**
 * Shapes shared by the simulator. Objects are plain JSON, as `kubectl get -o
 * json` shows them; the simulator reads them through the small accessors in
 * obj.ts rather than typed Kubernetes structs, because user input may be any shape.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonMap = { [key: string]: Json };

export interface Meta {
  name: string;
  namespace?: string;
  generateName?: string;
  uid: string;
  resourceVersion: string;
  creationTimestamp: string;
  generation?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
}

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller: boolean;
  blockOwnerDeletion: boolean;
}

/** One object in the simulated cluster. `spec`, `status` and the rest stay loosely typed JSON. */
export interface KObject {
  apiVersion: string;
  kind: string;
  metadata: Meta;
  [field: string]: unknown;
}

/** The random source: a seeded PRNG returning floats in [0, 1). */
export type Rng = () => number;

export interface SimConfig {
  /** The simulated "now"; the simulator advances it as controllers settle. */
  clock: SimClock;
  rng: Rng;
  names: NameGenerator;
}

export interface SimClock {
  now(): Date;
  advance(seconds: number): void;
}

export interface NameGenerator {
  /** A 5-character suffix from Kubernetes' safe alphabet (generateName). */
  suffix(): string;
  /** A random RFC 4122 v4 uid. */
  uid(): string;
}

export type ApplyOutcome = 'created' | 'configured' | 'unchanged' | 'rejected';

export interface ApplyRecord {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
  result: ApplyOutcome;
  /** kubectl's line: `deployment.apps/web created`, or the error it prints. */
  message: string;
  /** The file the object came from, as given to the simulator (a uri or a relative path). */
  source?: string;
  /** UTF-16 offsets of the object's document in that file. */
  span?: { start: number; end: number };
}

export interface SimEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  involvedObject: { kind: string; namespace?: string; name: string };
}

export interface SimResult {
  apply: ApplyRecord[];
  objects: KObject[];
  events: SimEvent[];
  /** The simulated clock when the cluster settled (RFC 3339). */
  now: string;
  /** Bounds the simulator hit: capped replicas, too many objects, or control loops that did not settle. Empty when none. */
  limits: SimLimit[];
}

/**
 * A bound the simulator applied instead of doing what the input asks in full,
 * so that every input settles in bounded time and memory.
 */
export interface SimLimit {
  reason: 'ReplicasCapped' | 'ObjectsCapped' | 'NotSettled';
  message: string;
  involvedObject?: { kind: string; namespace?: string; name: string };
}

/** One manifest document to apply: the parsed object and where it came from. */
export interface SimInput {
  /** The file, as kubectl names it in errors. */
  source: string;
  /** UTF-16 offsets of the object's document in its source file. */
  span?: { start: number; end: number };
  value: Record<string, unknown>;
  /** Errors the validation engine found for this object (already phrased by the engine). */
  engineErrors: EngineError[];
  /**
   * Nothing else holds `value` (it was parsed for this apply alone), so the
   * apply may store it as it is, when it is plain JSON, instead of a copy.
   */
  owned?: boolean;
}

export interface EngineError {
  ruleId: string;
  message: string;
  /** Path inside the object, when the engine knows it. */
  path?: readonly (string | number)[];
  /** The API server's words for it, when the rule gave them. */
  apiError?: string;
}
