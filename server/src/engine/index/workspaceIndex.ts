import type { Resource } from '../k8s/resource';
import type { Kustomization } from '../k8s/kustomization';
import { KustomizeLayout } from './kustomize';
import { ALL_PODS, changedTopics, crdGroupTopic, crdTopic, type FileSlices, keepObjects, kindTopic, nameTopic, objTopic, podsTopic, sameShape, sliceFile } from './slices';
import { effectiveNamespace } from './scope';
import type { IndexedResource, IndexView, PodTemplateFact } from './types';

interface FileEntry {
  /** What the file holds, kept to re-index it when a kustomization that builds it changes. */
  input: readonly Resource[];
  kustomization?: Kustomization;
  slices: FileSlices;
}

/** The namespace a file's objects land in (kustomizations can change it without the file changing). */
const nsTopic = (uri: string): string => `nsof:${uri}`;

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
  private readonly byName = new Map<string, IndexedResource[]>();
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
    const changed = this.replace(uri, old, this.build(uri, resources, kustomization, old));
    for (const t of this.reindexMoved(before, uri)) changed.add(t);
    return changed;
  }

  removeFile(uri: string): Set<string> {
    const old = this.files.get(uri);
    const before = this.relayout(uri, old?.kustomization, undefined);
    this.unlink(uri, old);
    this.files.delete(uri);
    const changed = changedTopics(old?.slices, undefined);
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
      if (moved || before.isPatch(uri) !== this.layout.isPatch(uri) || before.namespaceSettled(uri) !== this.layout.namespaceSettled(uri)) changed.add(nsTopic(uri));
      if (uri === edited || (!moved && before.isPatch(uri) === this.layout.isPatch(uri))) continue;
      for (const t of this.replace(uri, entry, this.build(uri, entry.input, entry.kustomization, entry))) changed.add(t);
    }
    return changed;
  }

  private replace(uri: string, old: FileEntry | undefined, entry: FileEntry): Set<string> {
    const changed = changedTopics(old?.slices, entry.slices);
    if (old && sameShape(old.slices, entry.slices)) {
      // The usual keystroke edits a value, not a name or kind: the objects keep their places in every list.
      keepObjects(old.slices, entry.slices);
      this.files.set(uri, entry);
      return changed;
    }
    this.unlink(uri, old);
    this.files.set(uri, entry);
    for (const r of entry.slices.resources) {
      append(this.byKey, objTopic(r.group, r.kind, r.namespace, r.name), r);
      append(this.byKind, kindTopic(r.group, r.kind, r.namespace), r);
      append(this.byName, nameTopic(r.group, r.kind, r.name), r);
      this.ids.set(r.id, r);
    }
    for (const [topic, r] of entry.slices.crds) append(this.crdsBy, topic, r);
    for (const t of entry.slices.templates) if (t.owner.namespace !== undefined) append(this.pods, t.owner.namespace, t);
    return changed;
  }

  /** A view that records every topic it is asked about into `reads`. */
  view(reads: Set<string>): IndexView {
    return {
      get: (g, k, ns, name) => (reads.add(objTopic(g, k, ns, name)), this.byKey.get(objTopic(g, k, ns, name)) ?? []),
      list: (g, k, ns) => (reads.add(kindTopic(g, k, ns)), this.byKind.get(kindTopic(g, k, ns)) ?? []),
      named: (g, k, name) => (reads.add(nameTopic(g, k, name)), this.byName.get(nameTopic(g, k, name)) ?? []),
      podTemplates: (ns) => (reads.add(podsTopic(ns)), this.pods.get(ns) ?? []),
      allPodTemplates: () => (reads.add(ALL_PODS), [...this.pods.values()].flat()),
      namespaceOf: (res) => (reads.add(nsTopic(res.uri)), this.namespaceOf(res)),
      namespaceSettled: (res) => (reads.add(nsTopic(res.uri)), this.layout.namespaceSettled(res.uri)),
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
    const names = new Set<string>();
    for (const r of entry.slices.resources) {
      keys.add(objTopic(r.group, r.kind, r.namespace, r.name));
      kinds.add(kindTopic(r.group, r.kind, r.namespace));
      names.add(nameTopic(r.group, r.kind, r.name));
      this.ids.delete(r.id);
    }
    for (const k of keys) removeFrom(this.byKey, k, uri, (x) => x.uri);
    for (const k of kinds) removeFrom(this.byKind, k, uri, (x) => x.uri);
    for (const k of names) removeFrom(this.byName, k, uri, (x) => x.uri);
    for (const topic of new Set(entry.slices.crds.map(([t]) => t))) removeFrom(this.crdsBy, topic, uri, (x) => x.uri);
    const namespaces = new Set<string>();
    for (const t of entry.slices.templates) if (t.owner.namespace !== undefined) namespaces.add(t.owner.namespace);
    for (const ns of namespaces) removeFrom(this.pods, ns, uri, (x) => x.owner.uri);
  }

  private build(uri: string, input: readonly Resource[], kustomization: Kustomization | undefined, previous: FileEntry | undefined): FileEntry {
    const ctx = {
      uri,
      defaultNamespace: this.defaultNamespace,
      fileNamespace: this.layout.namespaceOfFile(uri),
      generatedNamespace: kustomization ? this.layout.namespaceOfGenerated(uri) : undefined,
      isPatch: this.layout.isPatch(uri),
    };
    return { input, ...(kustomization ? { kustomization } : {}), slices: sliceFile(ctx, input, kustomization, previous?.slices) };
  }
}
