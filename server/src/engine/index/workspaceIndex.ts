import type { Resource } from '../k8s/resource';
import type { Kustomization } from '../k8s/kustomization';
import { isNonResource } from '../k8s/nonResource';
import { derivedFacts, withId } from './derived';
import { KustomizeLayout } from './kustomize';
import { effectiveNamespace } from './scope';
import type { IndexedResource, IndexView, PodTemplateFact } from './types';

interface FileEntry {
  /** What the file holds, kept to re-index it when a kustomization that builds it changes. */
  input: readonly Resource[];
  kustomization?: Kustomization;
  resources: IndexedResource[];
  templates: PodTemplateFact[];
  /** CRDs of this file under their crd: and crdgroup: topics. */
  crds: [string, IndexedResource][];
  /** topic -> the fingerprints of what this file contributes to it, in file order. */
  topics: Map<string, string[]>;
}

/**
 * Fingerprints by the derived-facts object they were made from: an unchanged
 * document keeps its derived facts (derivedFacts caches them per parse), so
 * its fingerprints are the very same strings and compare in constant time.
 */
const fingerprints = new WeakMap<object, Map<string, string>>();
function fingerprint(holder: object, id: string, json: string): string {
  let byId = fingerprints.get(holder);
  if (!byId) fingerprints.set(holder, (byId = new Map()));
  let fp = byId.get(id);
  if (fp === undefined) byId.set(id, (fp = withId(id, json)));
  return fp;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const objTopic = (g: string, k: string, ns: string | undefined, name: string): string => `obj:${g}/${k}/${ns ?? ''}/${name}`;
const kindTopic = (g: string, k: string, ns: string | undefined): string => `kind:${g}/${k}/${ns ?? ''}`;
const podsTopic = (ns: string): string => `pods:${ns}`;
const ALL_PODS = 'pods:*';
/** The namespace a file's objects land in (kustomizations can change it without the file changing). */
const nsTopic = (uri: string): string => `nsof:${uri}`;
const crdTopic = (g: string, k: string): string => `crd:${g}/${k}`;
const crdGroupTopic = (g: string): string => `crdgroup:${g}`;

// Lists keep insertion order; rules that choose among candidates break ties themselves.
function append<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

function removeFrom<T>(map: Map<string, T[]>, key: string, uri: string, uriOf: (t: T) => string): void {
  const list = map.get(key);
  if (!list) return;
  const kept = list.filter((t) => uriOf(t) !== uri);
  if (kept.length) map.set(key, kept);
  else map.delete(key);
}

/**
 * The workspace as one cluster-to-be: objects by group/kind/namespace/name,
 * pod templates by namespace, and the objects other objects generate. Kept up
 * to date file by file; each update says which "topics" (the facts rules read
 * through IndexView) changed, so the workspace re-checks only their readers.
 */
export class WorkspaceIndex {
  private readonly files = new Map<string, FileEntry>();
  private readonly byKey = new Map<string, IndexedResource[]>();
  private readonly byKind = new Map<string, IndexedResource[]>();
  private readonly pods = new Map<string, PodTemplateFact[]>();
  private readonly ids = new Map<string, IndexedResource>();
  private readonly kustomizations = new Map<string, Kustomization>();
  private layout = new KustomizeLayout(this.kustomizations);
  /** CRDs by the kind they define (crd:group/kind) and by group (crdgroup:group). */
  private readonly crdsBy = new Map<string, IndexedResource[]>();

  constructor(readonly defaultNamespace: string) {}

  /** The namespace an object lands in: a kustomization's, else its own, else the default; undefined for cluster-scoped kinds. */
  namespaceOf(res: Resource): string | undefined {
    return effectiveNamespace(res.kind, this.layout.namespaceOfFile(res.uri) ?? res.namespace, this.defaultNamespace);
  }

  /**
   * Replaces what a file contributes (its objects, or what its kustomization
   * generates and how it builds other files); returns the topics whose facts changed.
   */
  setFile(uri: string, resources: readonly Resource[], kustomization?: Kustomization): Set<string> {
    const old = this.files.get(uri);
    const before = this.relayout(uri, old?.kustomization, kustomization);
    const changed = this.replace(uri, old, this.build(uri, resources, kustomization));
    for (const t of this.reindexMoved(before, uri)) changed.add(t);
    return changed;
  }

  removeFile(uri: string): Set<string> {
    const old = this.files.get(uri);
    const before = this.relayout(uri, old?.kustomization, undefined);
    this.unlink(uri, old);
    this.files.delete(uri);
    const changed = changedTopics(old?.topics, new Map());
    for (const t of this.reindexMoved(before, uri)) changed.add(t);
    return changed;
  }

  /** Records a file's kustomization; returns the layout before it when that changed anything. */
  private relayout(uri: string, before: Kustomization | undefined, after: Kustomization | undefined): KustomizeLayout | undefined {
    if (!before && !after) return undefined;
    if (after) this.kustomizations.set(uri, after);
    else this.kustomizations.delete(uri);
    const old = this.layout;
    this.layout = new KustomizeLayout(this.kustomizations);
    return old;
  }

  /** After a kustomization changed: re-index the other files whose namespace or patch status it changed. */
  private reindexMoved(before: KustomizeLayout | undefined, edited: string): Set<string> {
    const changed = new Set<string>();
    if (!before) return changed;
    for (const [uri, entry] of this.files) {
      const moved = before.namespaceOfFile(uri) !== this.layout.namespaceOfFile(uri) || before.namespaceOfGenerated(uri) !== this.layout.namespaceOfGenerated(uri);
      // The file's readers, itself included (every rule run reads its namespace), must be re-checked.
      if (moved || before.isPatch(uri) !== this.layout.isPatch(uri)) changed.add(nsTopic(uri));
      if (uri === edited || (!moved && before.isPatch(uri) === this.layout.isPatch(uri))) continue;
      for (const t of this.replace(uri, entry, this.build(uri, entry.input, entry.kustomization))) changed.add(t);
    }
    return changed;
  }

  private replace(uri: string, old: FileEntry | undefined, entry: FileEntry): Set<string> {
    if (old && sameShape(old, entry)) return this.refresh(uri, old, entry);
    this.unlink(uri, old);
    this.files.set(uri, entry);
    for (const r of entry.resources) {
      append(this.byKey, objTopic(r.group, r.kind, r.namespace, r.name), r);
      append(this.byKind, kindTopic(r.group, r.kind, r.namespace), r);
      this.ids.set(r.id, r);
    }
    for (const [topic, r] of entry.crds) append(this.crdsBy, topic, r);
    for (const t of entry.templates) if (t.owner.namespace !== undefined) append(this.pods, t.owner.namespace, t);
    return changedTopics(old?.topics, entry.topics);
  }

  /**
   * An edit that keeps every object's identity (the usual keystroke: a value,
   * not a name or kind) keeps the indexed objects where they are in every list,
   * and updates what they hold: their document (positions) and facts. Unlinking
   * and re-linking the whole file would cost a pass over every list it is in.
   */
  private refresh(uri: string, old: FileEntry, entry: FileEntry): Set<string> {
    entry.resources.forEach((r, i) => {
      const kept = old.resources[i] as Mutable<IndexedResource>;
      kept.res = r.res;
      kept.facts = r.facts;
    });
    entry.templates.forEach((t, i) => {
      const kept = old.templates[i] as Mutable<PodTemplateFact>;
      kept.labels = t.labels;
      kept.labelsPath = t.labelsPath;
      kept.ports = t.ports;
      kept.portsKnown = t.portsKnown;
    });
    this.files.set(uri, { ...entry, resources: old.resources, templates: old.templates, crds: old.crds });
    return changedTopics(old.topics, entry.topics);
  }

  /** A view that records every topic it is asked about into `reads`. */
  view(reads: Set<string>): IndexView {
    return {
      get: (g, k, ns, name) => (reads.add(objTopic(g, k, ns, name)), this.byKey.get(objTopic(g, k, ns, name)) ?? []),
      list: (g, k, ns) => (reads.add(kindTopic(g, k, ns)), this.byKind.get(kindTopic(g, k, ns)) ?? []),
      podTemplates: (ns) => (reads.add(podsTopic(ns)), this.pods.get(ns) ?? []),
      allPodTemplates: () => (reads.add(ALL_PODS), [...this.pods.values()].flat()),
      namespaceOf: (res) => (reads.add(nsTopic(res.uri)), this.namespaceOf(res)),
      isPatch: (uri) => (reads.add(nsTopic(uri)), this.layout.isPatch(uri)),
      crds: (g, k) => (reads.add(crdTopic(g, k)), this.crdsBy.get(crdTopic(g, k)) ?? []),
      crdsOfGroup: (g) => (reads.add(crdGroupTopic(g)), this.crdsBy.get(crdGroupTopic(g)) ?? []),
    };
  }

  /** True when a kustomization of the workspace uses this file as a patch. */
  isPatch(uri: string): boolean {
    return this.layout.isPatch(uri);
  }

  resolve(id: string): IndexedResource | undefined {
    return this.ids.get(id);
  }

  private unlink(uri: string, entry: FileEntry | undefined): void {
    if (!entry) return;
    // Each list is filtered once per file: a file with many objects of one kind would otherwise filter it once per object.
    const keys = new Set<string>();
    const kinds = new Set<string>();
    for (const r of entry.resources) {
      keys.add(objTopic(r.group, r.kind, r.namespace, r.name));
      kinds.add(kindTopic(r.group, r.kind, r.namespace));
      this.ids.delete(r.id);
    }
    for (const k of keys) removeFrom(this.byKey, k, uri, (x) => x.uri);
    for (const k of kinds) removeFrom(this.byKind, k, uri, (x) => x.uri);
    for (const topic of new Set(entry.crds.map(([t]) => t))) removeFrom(this.crdsBy, topic, uri, (x) => x.uri);
    const namespaces = new Set<string>();
    for (const t of entry.templates) if (t.owner.namespace !== undefined) namespaces.add(t.owner.namespace);
    for (const ns of namespaces) removeFrom(this.pods, ns, uri, (x) => x.owner.uri);
  }

  private build(uri: string, input: readonly Resource[], kustomization?: Kustomization): FileEntry {
    const out: IndexedResource[] = [];
    const templates: PodTemplateFact[] = [];
    const crds: [string, IndexedResource][] = [];
    // Fingerprints are the facts' JSON; each object's is computed once per document text (derivedFacts).
    const topics = new Map<string, string[]>();
    const add = (topic: string, fp: string): void => {
      const list = topics.get(topic);
      if (list) list.push(fp);
      else topics.set(topic, [fp]);
    };
    const seen = new Map<string, number>();
    const fileNamespace = this.layout.namespaceOfFile(uri);
    const push = (holder: object, res: Resource, group: string, kind: string, name: string, facts: IndexedResource['facts'], factsJson: string, generated: boolean, written = fileNamespace ?? res.namespace): IndexedResource => {
      const namespace = effectiveNamespace(kind, written, this.defaultNamespace);
      const key = `${generated ? 'gen:' : ''}${group}/${kind}/${namespace ?? ''}/${name}`;
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      const r: IndexedResource = { id: `${uri}#${key}#${n}`, uri, res, group, kind, name, ...(namespace !== undefined ? { namespace } : {}), facts };
      out.push(r);
      add(objTopic(group, kind, namespace, name), fingerprint(holder, r.id, factsJson));
      add(kindTopic(group, kind, namespace), r.id);
      return r;
    };
    // A patch is part of another object, not one of its own.
    const resources = this.layout.isPatch(uri) ? [] : input;
    if (kustomization) {
      const ns = this.layout.namespaceOfGenerated(uri);
      for (const g of kustomization.generated) {
        const facts = { ...(g.keys ? { keys: g.keys } : {}), generatedBy: `kustomization ${uri}`, generatorPath: g.path };
        push(g, kustomization.res, '', g.kind, g.name, facts, JSON.stringify(facts), true, g.namespace ?? ns);
      }
    }
    for (const res of resources) {
      if (!res.name || isNonResource(res.group, res.version, res.kind)) continue;
      const derived = derivedFacts(res);
      const owner = push(derived, res, res.group, res.kind, res.name, derived.facts, derived.factsJson, false);
      if (derived.crd) {
        const { group, kind, specHash } = derived.crd;
        add(crdTopic(group, kind), fingerprint(derived.crd, owner.id, specHash));
        add(crdGroupTopic(group), withId(owner.id, JSON.stringify(kind)));
        crds.push([crdTopic(group, kind), owner], [crdGroupTopic(group), owner]);
      }
      for (const g of derived.generated) push(g, res, g.object.group, g.object.kind, g.object.name, g.object.facts, g.factsJson, true);
      if (owner.namespace === undefined) continue;
      for (const p of derived.pods) {
        templates.push({ owner, labels: p.labels, labelsPath: p.labelsPath, ports: p.ports ?? [], portsKnown: p.ports !== undefined });
        const fact = fingerprint(p, owner.id, p.json);
        add(podsTopic(owner.namespace), fact);
        add(ALL_PODS, fact);
      }
    }
    return { input, ...(kustomization ? { kustomization } : {}), resources: out, templates, crds, topics };
  }
}

/** Same objects (by id) and pod templates (by owner) in the same order: the lists the file is in need no relinking. */
function sameShape(old: FileEntry, entry: FileEntry): boolean {
  if (old.resources.length !== entry.resources.length || old.templates.length !== entry.templates.length || old.crds.length !== entry.crds.length) return false;
  for (let i = 0; i < old.resources.length; i++) if (old.resources[i].id !== entry.resources[i].id) return false;
  for (let i = 0; i < old.templates.length; i++) if (old.templates[i].owner.id !== entry.templates[i].owner.id) return false;
  for (let i = 0; i < old.crds.length; i++) if (old.crds[i][0] !== entry.crds[i][0] || old.crds[i][1].id !== entry.crds[i][1].id) return false;
  return true;
}

const sameList = (a: readonly string[] | undefined, b: readonly string[]): boolean => a !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);

function changedTopics(before: ReadonlyMap<string, readonly string[]> | undefined, after: ReadonlyMap<string, readonly string[]>): Set<string> {
  const changed = new Set<string>();
  for (const [t, fps] of after) if (!sameList(before?.get(t), fps)) changed.add(t);
  if (before) for (const t of before.keys()) if (!after.has(t)) changed.add(t);
  return changed;
}
