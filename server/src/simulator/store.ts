import { timestamp } from './random';
import type { KObject, SimConfig, SimEvent } from './types';

const key = (kind: string, namespace: string | undefined, name: string): string => `${kind}\u0000${namespace ?? ''}\u0000${name}`;

/**
 * The simulated API server's storage: objects by kind, namespace and name.
 * Like etcd behind the API server it stamps uid, creationTimestamp and a
 * cluster-wide increasing resourceVersion on every write.
 */
export class Store {
  private readonly objects = new Map<string, KObject>();
  private revision = 100;
  private readonly sequence = new WeakMap<KObject, number>();
  private created = 0;
  readonly events: SimEvent[] = [];
  /** Set whenever a write happens; the settle loop uses it to know when controllers are done. */
  dirty = false;

  constructor(readonly config: SimConfig) {}

  get(kind: string, namespace: string | undefined, name: string): KObject | undefined {
    return this.objects.get(key(kind, namespace, name));
  }

  has(kind: string, namespace: string | undefined, name: string): boolean {
    return this.objects.has(key(kind, namespace, name));
  }

  /** Objects of a kind (in one namespace when given), sorted by namespace then name, for determinism. */
  list(kind: string, namespace?: string): KObject[] {
    const out: KObject[] = [];
    for (const o of this.objects.values()) if (o.kind === kind && (namespace === undefined || o.metadata.namespace === namespace)) out.push(o);
    return out.sort(byNamespaceName);
  }

  /** The objects in the order they were created (a work queue's FIFO order). */
  creationOrder(objs: KObject[]): KObject[] {
    return [...objs].sort((a, b) => (this.sequence.get(a) ?? 0) - (this.sequence.get(b) ?? 0));
  }

  all(): KObject[] {
    return [...this.objects.values()];
  }

  /**
   * Stores a new object. A `generateName` without a name gets a 5-character
   * suffix, retried on collision as the API server's name generator is.
   */
  create(obj: KObject): KObject {
    const m = obj.metadata;
    if (!m.name && m.generateName) {
      do m.name = m.generateName + this.config.names.suffix();
      while (this.has(obj.kind, m.namespace, m.name));
    }
    m.uid = this.config.names.uid();
    m.creationTimestamp = timestamp(this.config.clock.now());
    m.resourceVersion = String(++this.revision);
    this.sequence.set(obj, ++this.created);
    this.objects.set(key(obj.kind, m.namespace, m.name), obj);
    this.dirty = true;
    return obj;
  }

  /** Records a change to a stored object (the caller mutated it in place). */
  update(obj: KObject): void {
    obj.metadata.resourceVersion = String(++this.revision);
    this.dirty = true;
  }

  delete(obj: KObject): void {
    this.objects.delete(key(obj.kind, obj.metadata.namespace, obj.metadata.name));
    this.dirty = true;
  }

  /** record.EventRecorder.Eventf: one event about an object. */
  event(obj: KObject, type: SimEvent['type'], reason: string, message: string): void {
    this.events.push({ type, reason, message, involvedObject: { kind: obj.kind, ...(obj.metadata.namespace ? { namespace: obj.metadata.namespace } : {}), name: obj.metadata.name } });
  }

  /** True when an identical event was already recorded (the API server aggregates repeats into a count). */
  hasEvent(obj: KObject, reason: string, message: string): boolean {
    return this.events.some((e) => e.reason === reason && e.message === message && e.involvedObject.kind === obj.kind && e.involvedObject.name === obj.metadata.name && e.involvedObject.namespace === obj.metadata.namespace);
  }

  /** Like event(), but once per object, reason and message (a controller retrying records the same event). */
  eventOnce(obj: KObject, type: SimEvent['type'], reason: string, message: string): void {
    if (!this.hasEvent(obj, reason, message)) this.event(obj, type, reason, message);
  }

  now(): string {
    return timestamp(this.config.clock.now());
  }
}

export function byNamespaceName(a: KObject, b: KObject): number {
  const an = a.metadata.namespace ?? '';
  const bn = b.metadata.namespace ?? '';
  if (an !== bn) return an < bn ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

/** A new object skeleton; the store fills uid, resourceVersion and creationTimestamp. */
export function newObject(apiVersion: string, kind: string, metadata: Partial<KObject['metadata']>, rest: Record<string, unknown> = {}): KObject {
  return { apiVersion, kind, metadata: { name: '', uid: '', resourceVersion: '', creationTimestamp: '', ...metadata }, ...rest };
}
