import { timestamp } from './random';
import type { KObject, SimConfig, SimEvent } from './types';

const ALL = Symbol('all namespaces');

/**
 * The simulated API server's storage: objects by kind, namespace and name.
 * Like etcd behind the API server it stamps uid, creationTimestamp and a
 * cluster-wide increasing resourceVersion on every write.
 *
 * Controllers list by kind and namespace and by controller owner on every
 * round, so the store keeps those as indexes (the informers' indexers in a
 * real controller-manager): a list costs what it returns, not the whole store.
 */
export class Store {
  /** kind → namespace ('' for cluster-scoped) → name → object: get() needs no composite key. */
  private readonly byKind = new Map<string, Names>();
  /** controller owner uid → kind → namespace → name → object. */
  private readonly byOwner = new Map<string, Map<string, Names>>();
  /** The number of objects held. */
  private count = 0;
  /** Sorted lists per kind and namespace (ALL for every namespace), dropped when an object of that kind is created or deleted (names never change). */
  private readonly sorted = new Map<string, Map<string | typeof ALL, KObject[]>>();
  private revision = 100;
  /** Each stored object's place in creation order (a Map, which the garbage collector handles more cheaply than a WeakMap; delete() drops entries). */
  private readonly sequence = new Map<KObject, number>();
  private created = 0;
  readonly events: SimEvent[] = [];
  /**
   * The events recorded, as kind → namespace → name → reason → messages:
   * nested, so that asking costs lookups of strings whose hashes are already
   * known rather than a long composite key built and hashed on every ask.
   */
  private readonly eventKeys = new Map<string, Map<string, Map<string, Map<string, Set<string>>>>>();
  private nowMs = NaN;
  private nowText = '';
  /** Set whenever a write happens; the settle loop uses it to know when controllers are done. */
  dirty = false;
  /** Writes so far; the settle loop reports a round that keeps writing. */
  writes = 0;
  /** The write count at the last write to each kind in each namespace ('' for cluster-scoped). */
  private readonly kindStamps = new Map<string, Map<string, number>>();
  /** The write count at the last write to the objects each controller owner (by uid) owns. */
  private readonly ownedStamps = new Map<string, number>();

  constructor(readonly config: SimConfig) {}

  get(kind: string, namespace: string | undefined, name: string): KObject | undefined {
    return this.byKind.get(kind)?.get(namespace ?? '')?.get(name);
  }

  has(kind: string, namespace: string | undefined, name: string): boolean {
    return this.get(kind, namespace, name) !== undefined;
  }

  /** Objects of a kind (in one namespace when given), sorted by namespace then name, for determinism. */
  list(kind: string, namespace?: string): KObject[] {
    return this.view(kind, namespace).slice();
  }

  /**
   * list() without the copy, for a reader that only iterates. The array is
   * never changed afterwards (a write to the kind makes a new one), so it
   * stays what it was even when the reader creates or deletes objects.
   */
  view(kind: string, namespace?: string): readonly KObject[] {
    let perKind = this.sorted.get(kind);
    if (!perKind) this.sorted.set(kind, (perKind = new Map()));
    let hit = perKind.get(namespace ?? ALL);
    if (!hit) {
      const spaces = this.byKind.get(kind);
      hit = [];
      if (spaces) {
        // One push per object: spreading a namespace of many thousand objects as arguments would overflow the stack.
        if (namespace !== undefined) for (const o of spaces.get(namespace)?.values() ?? []) hit.push(o);
        else for (const m of spaces.values()) for (const o of m.values()) hit.push(o);
      }
      hit.sort(byNamespaceName);
      perKind.set(namespace ?? ALL, hit);
    }
    return hit;
  }

  /** Objects of `kind` whose controller owner has this uid, sorted by namespace then name. */
  listOwned(kind: string, ownerUid: string): KObject[] {
    const out: KObject[] = [];
    for (const m of this.byOwner.get(ownerUid)?.get(kind)?.values() ?? []) for (const o of m.values()) out.push(o);
    return out.sort(byNamespaceName);
  }

  /** The objects in the order they were created (a work queue's FIFO order). */
  creationOrder(objs: KObject[]): KObject[] {
    return [...objs].sort((a, b) => (this.sequence.get(a) ?? 0) - (this.sequence.get(b) ?? 0));
  }

  /** The kinds the store has held objects of. */
  kinds(): string[] {
    return [...this.byKind.keys()];
  }

  /**
   * A stamp that changes whenever an object of `kind` in `namespace` (none for
   * cluster-scoped kinds) is created, updated or deleted: what a controller
   * compares to know that a list it read is unchanged.
   */
  kindStamp(kind: string, namespace?: string): number {
    return this.kindStamps.get(kind)?.get(namespace ?? '') ?? 0;
  }

  /** Like kindStamp, for the objects whose controller owner has this uid. */
  ownedStamp(ownerUid: string): number {
    return this.ownedStamps.get(ownerUid) ?? 0;
  }

  get size(): number {
    return this.count;
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
    m.creationTimestamp = this.now();
    m.resourceVersion = String(++this.revision);
    this.sequence.set(obj, ++this.created);
    this.index(obj);
    this.touched(obj);
    return obj;
  }

  /** Records a change to a stored object (the caller mutated it in place). */
  update(obj: KObject): void {
    obj.metadata.resourceVersion = String(++this.revision);
    this.touched(obj);
  }

  delete(obj: KObject): void {
    const stored = this.get(obj.kind, obj.metadata.namespace, obj.metadata.name);
    if (!stored) return;
    const ns = stored.metadata.namespace ?? '';
    this.byKind.get(stored.kind)?.get(ns)?.delete(stored.metadata.name);
    this.count--;
    // Only the stored lists are ever put in creation order, so a deleted object needs no place.
    this.sequence.delete(stored);
    for (const r of stored.metadata.ownerReferences ?? []) if (r.controller) this.byOwner.get(r.uid)?.get(stored.kind)?.get(ns)?.delete(stored.metadata.name);
    this.forgetSorted(stored.kind);
    this.touched(stored);
  }

  /** record.EventRecorder.Eventf: one event about an object. */
  event(obj: KObject, type: SimEvent['type'], reason: string, message: string): void {
    this.messagesOf(obj, reason, true)?.add(message);
    const { namespace, name } = obj.metadata;
    this.events.push({ type, reason, message, involvedObject: namespace ? { kind: obj.kind, namespace, name } : { kind: obj.kind, name } });
  }

  /** True when an identical event was already recorded (the API server aggregates repeats into a count). */
  hasEvent(obj: KObject, reason: string, message: string): boolean {
    return this.messagesOf(obj, reason, false)?.has(message) === true;
  }

  /** Like event(), but once per object, reason and message (a controller retrying records the same event). */
  eventOnce(obj: KObject, type: SimEvent['type'], reason: string, message: string): void {
    if (!this.hasEvent(obj, reason, message)) this.event(obj, type, reason, message);
  }

  /** The clock as the API server writes it; the clock moves once per round, and every write and condition asks. */
  now(): string {
    const t = this.config.clock.now().getTime();
    if (t !== this.nowMs) {
      this.nowMs = t;
      this.nowText = timestamp(new Date(t));
    }
    return this.nowText;
  }

  /** The messages of the events recorded about `obj` with this reason (made when `create`). */
  private messagesOf(obj: KObject, reason: string, create: boolean): Set<string> | undefined {
    const spaces = child(this.eventKeys, obj.kind, create);
    const names = spaces && child(spaces, obj.metadata.namespace ?? '', create);
    const reasons = names && child(names, obj.metadata.name, create);
    if (!reasons) return undefined;
    let messages = reasons.get(reason);
    if (!messages && create) reasons.set(reason, (messages = new Set()));
    return messages;
  }

  private index(obj: KObject): void {
    let spaces = this.byKind.get(obj.kind);
    if (!spaces) this.byKind.set(obj.kind, (spaces = new Map()));
    // A create under a name already held replaces that object (count once).
    if (!put(spaces, obj)) this.count++;
    for (const r of obj.metadata.ownerReferences ?? []) {
      if (!r.controller) continue;
      let owned = this.byOwner.get(r.uid);
      if (!owned) this.byOwner.set(r.uid, (owned = new Map()));
      let kinds = owned.get(obj.kind);
      if (!kinds) owned.set(obj.kind, (kinds = new Map()));
      put(kinds, obj);
    }
    this.forgetSorted(obj.kind);
  }

  private forgetSorted(kind: string): void {
    this.sorted.delete(kind);
  }

  private touched(obj: KObject): void {
    this.dirty = true;
    const stamp = ++this.writes;
    let perKind = this.kindStamps.get(obj.kind);
    if (!perKind) this.kindStamps.set(obj.kind, (perKind = new Map()));
    perKind.set(obj.metadata.namespace ?? '', stamp);
    for (const r of obj.metadata.ownerReferences ?? []) if (r.controller) this.ownedStamps.set(r.uid, stamp);
  }
}

/** The map under `k` in `m`, made when missing and `create`. */
function child<V>(m: Map<string, Map<string, V>>, k: string, create: boolean): Map<string, V> | undefined {
  let next = m.get(k);
  if (!next && create) m.set(k, (next = new Map()));
  return next;
}

/** namespace ('' for cluster-scoped) → name → object. */
type Names = Map<string, Map<string, KObject>>;

/** Puts `obj` under its namespace and name; true when it replaced an object held there. */
function put(spaces: Names, obj: KObject): boolean {
  const ns = obj.metadata.namespace ?? '';
  let m = spaces.get(ns);
  if (!m) spaces.set(ns, (m = new Map()));
  const replaced = m.has(obj.metadata.name);
  m.set(obj.metadata.name, obj);
  return replaced;
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
