import type { Kustomization } from '../k8s/kustomization';
import { isNonResource } from '../k8s/nonResource';
import type { Resource } from '../k8s/resource';
import type { ParsedChunk } from '../yaml/parse';
import { derivedFacts, withId } from './derived';
import { effectiveNamespace } from './scope';
import type { IndexedResource, PodTemplateFact } from './types';

export const objTopic = (g: string, k: string, ns: string | undefined, name: string): string => `obj:${g}/${k}/${ns ?? ''}/${name}`;
export const kindTopic = (g: string, k: string, ns: string | undefined): string => `kind:${g}/${k}/${ns ?? ''}`;
/** Objects of one kind and name in any namespace (to tell "exists, but in another namespace"). */
export const nameTopic = (g: string, k: string, name: string): string => `name:${g}/${k}/${name}`;
export const podsTopic = (ns: string): string => `pods:${ns}`;
export const ALL_PODS = 'pods:*';
export const crdTopic = (g: string, k: string): string => `crd:${g}/${k}`;
export const crdGroupTopic = (g: string): string => `crdgroup:${g}`;

/**
 * What one document (or a kustomization's generators) contributes to the
 * index. A keystroke changes one document of a file; the slices of the
 * others are reused as they are, so indexing an edit costs one document, not
 * the file.
 */
export interface Slice {
  resources: IndexedResource[];
  /** For each resource, which object of its document it comes from. */
  sources: number[];
  /** For each resource, its key and how many objects with that key came before it in the file (the #n of its id). */
  keys: string[];
  counts: number[];
  templates: PodTemplateFact[];
  crds: [string, IndexedResource][];
  /** topic -> the fingerprints this slice contributes to it. */
  topics: Map<string, string[]>;
}

/** A file's slices, and everything in them flattened in file order. */
export interface FileSlices {
  slices: Slice[];
  /** Document slices by parsed document and occurrence, to find them again after an edit. */
  byChunk: Map<ParsedChunk, Slice[]>;
  /** What the slices were built under; another context rebuilds them all. */
  context: string;
  resources: IndexedResource[];
  templates: PodTemplateFact[];
  crds: [string, IndexedResource][];
}

export interface SliceContext {
  uri: string;
  defaultNamespace: string;
  /** The namespace a kustomization puts the file's objects in, if any. */
  fileNamespace?: string;
  /** The namespace of the objects the file's kustomization generates. */
  generatedNamespace?: string;
  /** A kustomize patch is part of another object, not one of its own. */
  isPatch: boolean;
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

export function sliceFile(ctx: SliceContext, input: readonly Resource[], kustomization: Kustomization | undefined, previous: FileSlices | undefined): FileSlices {
  const context = `${ctx.fileNamespace ?? ''}\0${ctx.generatedNamespace ?? ''}\0${ctx.isPatch}`;
  const reusable = previous?.context === context ? previous.byChunk : undefined;
  const seen = new Map<string, number>();
  const slices: Slice[] = [];
  const byChunk = new Map<ParsedChunk, Slice[]>();
  if (kustomization) slices.push(generatorSlice(ctx, kustomization, seen));
  const resources = ctx.isPatch ? [] : input;
  for (let i = 0; i < resources.length; ) {
    const document = resources[i].document;
    let end = i + 1;
    while (end < resources.length && resources[end].document === document) end++;
    const group = resources.slice(i, end);
    i = end;
    let list = byChunk.get(document.parsed);
    if (!list) byChunk.set(document.parsed, (list = []));
    const cached = reusable?.get(document.parsed)?.[list.length];
    const slice = cached && reuse(cached, group, seen) ? cached : documentSlice(ctx, group, seen);
    list.push(slice);
    slices.push(slice);
  }
  const out: FileSlices = { slices, byChunk, context, resources: [], templates: [], crds: [] };
  for (const s of slices) {
    for (const r of s.resources) out.resources.push(r);
    for (const t of s.templates) out.templates.push(t);
    for (const c of s.crds) out.crds.push(c);
  }
  return out;
}

/** A cached slice fits again when its objects get the same ids (#n) here; then it takes the new objects' positions. */
function reuse(slice: Slice, group: readonly Resource[], seen: Map<string, number>): boolean {
  const local = new Map<string, number>();
  for (let j = 0; j < slice.keys.length; j++) {
    const key = slice.keys[j];
    const before = local.get(key) ?? 0;
    if ((seen.get(key) ?? 0) + before !== slice.counts[j]) return false;
    local.set(key, before + 1);
  }
  if (slice.sources.some((s) => s >= group.length)) return false;
  for (const [key, n] of local) seen.set(key, (seen.get(key) ?? 0) + n);
  slice.resources.forEach((r, j) => ((r as Mutable<IndexedResource>).res = group[slice.sources[j]]));
  return true;
}

function newSlice(): Slice {
  return { resources: [], sources: [], keys: [], counts: [], templates: [], crds: [], topics: new Map() };
}

function add(slice: Slice, topic: string, fp: string): void {
  const list = slice.topics.get(topic);
  if (list) list.push(fp);
  else slice.topics.set(topic, [fp]);
}

interface Entry {
  holder: object;
  res: Resource;
  source: number;
  group: string;
  kind: string;
  name: string;
  facts: IndexedResource['facts'];
  factsJson: string;
  generated: boolean;
  written: string | undefined;
}

function push(ctx: SliceContext, slice: Slice, seen: Map<string, number>, e: Entry): IndexedResource {
  const namespace = effectiveNamespace(e.kind, e.written, ctx.defaultNamespace);
  const key = `${e.generated ? 'gen:' : ''}${e.group}/${e.kind}/${namespace ?? ''}/${e.name}`;
  const n = seen.get(key) ?? 0;
  seen.set(key, n + 1);
  const r: IndexedResource = { id: `${ctx.uri}#${key}#${n}`, uri: ctx.uri, res: e.res, group: e.group, kind: e.kind, name: e.name, ...(namespace !== undefined ? { namespace } : {}), facts: e.facts };
  slice.resources.push(r);
  slice.sources.push(e.source);
  slice.keys.push(key);
  slice.counts.push(n);
  add(slice, objTopic(e.group, e.kind, namespace, e.name), fingerprint(e.holder, r.id, e.factsJson));
  add(slice, kindTopic(e.group, e.kind, namespace), r.id);
  add(slice, nameTopic(e.group, e.kind, e.name), r.id);
  return r;
}

function generatorSlice(ctx: SliceContext, kustomization: Kustomization, seen: Map<string, number>): Slice {
  const slice = newSlice();
  for (const g of kustomization.generated) {
    const facts = { ...(g.keys ? { keys: g.keys } : {}), generatedBy: `kustomization ${ctx.uri}`, generatorPath: g.path };
    push(ctx, slice, seen, { holder: g, res: kustomization.res, source: 0, group: '', kind: g.kind, name: g.name, facts, factsJson: JSON.stringify(facts), generated: true, written: g.namespace ?? ctx.generatedNamespace });
  }
  return slice;
}

// Fingerprints are the facts' JSON; each object's is computed once per document text (derivedFacts).
function documentSlice(ctx: SliceContext, group: readonly Resource[], seen: Map<string, number>): Slice {
  const slice = newSlice();
  group.forEach((res, source) => {
    if (!res.name || isNonResource(res.group, res.version, res.kind)) return;
    const written = ctx.fileNamespace ?? res.namespace;
    const derived = derivedFacts(res);
    const owner = push(ctx, slice, seen, { holder: derived, res, source, group: res.group, kind: res.kind, name: res.name, facts: derived.facts, factsJson: derived.factsJson, generated: false, written });
    if (derived.crd) {
      const { group: g, kind, specHash } = derived.crd;
      add(slice, crdTopic(g, kind), fingerprint(derived.crd, owner.id, specHash));
      add(slice, crdGroupTopic(g), withId(owner.id, JSON.stringify(kind)));
      slice.crds.push([crdTopic(g, kind), owner], [crdGroupTopic(g), owner]);
    }
    for (const gen of derived.generated) push(ctx, slice, seen, { holder: gen, res, source, group: gen.object.group, kind: gen.object.kind, name: gen.object.name, facts: gen.object.facts, factsJson: gen.factsJson, generated: true, written });
    if (owner.namespace === undefined) return;
    for (const p of derived.pods) {
      slice.templates.push({ owner, labels: p.labels, labelsPath: p.labelsPath, ports: p.ports ?? [], portsKnown: p.ports !== undefined });
      const fact = fingerprint(p, owner.id, p.json);
      add(slice, podsTopic(owner.namespace), fact);
      add(slice, ALL_PODS, fact);
    }
  });
  return slice;
}

/**
 * The topics whose facts differ between two versions of a file: only slices
 * that are not shared between them can differ, and a topic changed when the
 * fingerprints they contribute to it differ.
 */
export function changedTopics(before: FileSlices | undefined, after: FileSlices | undefined): Set<string> {
  const inAfter = new Set(after?.slices);
  const inBefore = new Set(before?.slices);
  const pieces = new Map<string, [string[], string[]]>();
  const collect = (slices: readonly Slice[] | undefined, skip: Set<Slice>, side: 0 | 1): void => {
    for (const s of slices ?? []) {
      if (skip.has(s)) continue;
      for (const [t, fps] of s.topics) {
        let p = pieces.get(t);
        if (!p) pieces.set(t, (p = [[], []]));
        for (const fp of fps) p[side].push(fp);
      }
    }
  };
  collect(before?.slices, inAfter, 0);
  collect(after?.slices, inBefore, 1);
  const changed = new Set<string>();
  for (const [t, [a, b]] of pieces) {
    if (a.length !== b.length) changed.add(t);
    else {
      a.sort();
      b.sort();
      if (a.some((x, i) => x !== b[i])) changed.add(t);
    }
  }
  return changed;
}

/** Same objects (by id) and pod templates (by owner) in the same order: the lists the file is in need no relinking. */
export function sameShape(old: FileSlices, now: FileSlices): boolean {
  if (old.resources.length !== now.resources.length || old.templates.length !== now.templates.length || old.crds.length !== now.crds.length) return false;
  for (let i = 0; i < old.resources.length; i++) if (old.resources[i].id !== now.resources[i].id) return false;
  for (let i = 0; i < old.templates.length; i++) if (old.templates[i].owner.id !== now.templates[i].owner.id) return false;
  for (let i = 0; i < old.crds.length; i++) if (old.crds[i][0] !== now.crds[i][0] || old.crds[i][1].id !== now.crds[i][1].id) return false;
  return true;
}

/**
 * Makes `now` hold the objects of `old` where they are the same (by position,
 * as sameShape found), updating what they hold: their document (positions),
 * facts and pod templates. The lists the index keeps them in stay valid.
 */
export function keepObjects(old: FileSlices, now: FileSlices): void {
  const oldSlices = new Set(old.slices);
  let r = 0;
  let t = 0;
  for (const s of now.slices) {
    if (oldSlices.has(s)) {
      r += s.resources.length;
      t += s.templates.length;
      continue;
    }
    const byId = new Map<string, IndexedResource>();
    s.resources.forEach((fresh, j) => {
      const kept = old.resources[r + j] as Mutable<IndexedResource>;
      kept.res = fresh.res;
      kept.facts = fresh.facts;
      s.resources[j] = kept;
      byId.set(kept.id, kept);
    });
    s.templates.forEach((fresh, j) => {
      const kept = old.templates[t + j] as Mutable<PodTemplateFact>;
      kept.labels = fresh.labels;
      kept.labelsPath = fresh.labelsPath;
      kept.ports = fresh.ports;
      kept.portsKnown = fresh.portsKnown;
      s.templates[j] = kept;
    });
    s.crds = s.crds.map(([topic, owner]) => [topic, byId.get(owner.id) ?? owner]);
    r += s.resources.length;
    t += s.templates.length;
  }
  now.resources = old.resources;
  now.templates = old.templates;
  now.crds = old.crds;
}
