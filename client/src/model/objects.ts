import type { KObj, ObjRef, SimulationResult, SourceLocation } from '../protocol';
import { dict, dicts, str } from './json';

/** Namespaces the cluster made itself; their objects are not the user's. */
export const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

export const refKey = (r: ObjRef): string => `${r.kind}/${r.namespace ?? ''}/${r.name}`;
export const refOf = (o: KObj): ObjRef => ({ kind: o.kind, ...(o.metadata.namespace ? { namespace: o.metadata.namespace } : {}), name: o.metadata.name });
/** kubectl's short form: deployment/web. */
export const label = (r: ObjRef): string => `${r.kind.toLowerCase()}/${r.name}`;

/**
 * Lookups over one simulation result: objects by kind/namespace/name and by
 * uid, owners, and the manifest location of an object or, for generated
 * objects (ReplicaSets, Pods, Endpoints), of the nearest owner written in a manifest.
 */
export class ResultIndex {
  private readonly byKey = new Map<string, KObj>();
  private readonly byUid = new Map<string, KObj>();
  private readonly locations = new Map<string, SourceLocation>();
  private readonly children = new Map<string, KObj[]>();

  constructor(readonly result: SimulationResult) {
    for (const o of result.objects) {
      this.byKey.set(refKey(refOf(o)), o);
      if (o.metadata.uid) this.byUid.set(o.metadata.uid, o);
    }
    for (const l of result.locations) if (!this.locations.has(refKey(l))) this.locations.set(refKey(l), l);
    for (const o of result.objects) {
      const owner = this.owner(o);
      if (!owner) continue;
      const k = refKey(refOf(owner));
      this.children.set(k, [...(this.children.get(k) ?? []), o]);
    }
  }

  get(ref: ObjRef): KObj | undefined {
    return this.byKey.get(refKey(ref));
  }

  all(kind: string): KObj[] {
    return this.result.objects.filter((o) => o.kind === kind);
  }

  /** The controlling owner (or first owner) that exists in the result. */
  owner(o: KObj): KObj | undefined {
    const refs = o.metadata.ownerReferences ?? [];
    const ref = refs.find((r) => r.controller) ?? refs[0];
    if (!ref) return undefined;
    return (ref.uid ? this.byUid.get(ref.uid) : undefined) ?? this.byKey.get(refKey({ kind: ref.kind, namespace: o.metadata.namespace, name: ref.name }));
  }

  ownedBy(o: KObj, kind?: string): KObj[] {
    const all = this.children.get(refKey(refOf(o))) ?? [];
    return kind ? all.filter((c) => c.kind === kind) : all;
  }

  /** The object at the top of the owner chain (a Deployment for its Pods). */
  root(o: KObj): KObj {
    let cur = o;
    for (let i = 0; i < 10; i++) {
      const up = this.owner(cur);
      if (!up) break;
      cur = up;
    }
    return cur;
  }

  /** Where to reveal `ref`: its own manifest, else its nearest owner's; Endpoints go to their Service. */
  locate(ref: ObjRef): SourceLocation | undefined {
    const own = this.locations.get(refKey(ref));
    if (own) return own;
    if (ref.kind === 'Endpoints' || ref.kind === 'EndpointSlice') {
      const svcName = ref.kind === 'EndpointSlice' ? (this.get(ref)?.metadata.labels?.['kubernetes.io/service-name'] ?? ref.name) : ref.name;
      return this.locations.get(refKey({ kind: 'Service', namespace: ref.namespace, name: svcName }));
    }
    let cur = this.get(ref);
    for (let i = 0; cur && i < 10; i++) {
      cur = this.owner(cur);
      const hit = cur && this.locations.get(refKey(refOf(cur)));
      if (hit) return hit;
    }
    return undefined;
  }

  isUsers(o: KObj): boolean {
    return !SYSTEM_NAMESPACES.has(o.metadata.namespace ?? '') && this.locate(refOf(o)) !== undefined;
  }
}

/** kubectl's STATUS column: a container's waiting reason when there is one, else the phase. */
export function podStatus(p: KObj): string {
  const status = dict(p.status);
  const waiting = dicts(status.containerStatuses).map((c) => str(dict(dict(c.state).waiting).reason)).find((r) => r);
  return waiting ?? str(status.phase) ?? 'Pending';
}

/** Why a pod is not running, in the words the scheduler or kubelet used. */
export function podProblem(p: KObj): { reason: string; message: string } | undefined {
  const status = dict(p.status);
  if (str(status.phase) === 'Running' || str(status.phase) === 'Succeeded') return undefined;
  const unscheduled = dicts(status.conditions).find((c) => c.type === 'PodScheduled' && c.status === 'False');
  if (unscheduled) return { reason: str(unscheduled.reason) ?? 'Unschedulable', message: (str(unscheduled.message) ?? '').replace(/ preemption: .*$/, '').replace(/\.+$/, '') };
  const waiting = dicts(status.containerStatuses).map((c) => dict(dict(c.state).waiting)).find((w) => str(w.reason));
  if (waiting) return { reason: str(waiting.reason)!, message: str(waiting.message) ?? '' };
  return { reason: str(status.phase) ?? 'Pending', message: '' };
}
