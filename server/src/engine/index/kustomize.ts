import { KUSTOMIZATION_FILE_NAMES, type Kustomization } from '../k8s/kustomization';

/**
 * How the workspace's kustomizations shape the files they build: the namespace
 * their objects land in, and which files are patches (partial objects that
 * change another object, so they are no objects of their own).
 *
 * kustomize's namespace transformer runs at every level, the outer one last, so
 * along a chain base -> overlay the outermost `namespace:` wins and it replaces
 * whatever the manifest wrote. A base built by several overlays that set
 * different namespaces lands in all of them; then no single namespace is true
 * and the file keeps its own. Names are kept as written: namePrefix/nameSuffix
 * and generator hash suffixes are applied by kustomize to an object and to the
 * references to it inside the same build alike, so the written names already
 * agree with each other.
 */
export class KustomizeLayout {
  private readonly includedBy = new Map<string, string[]>();
  private readonly patchUris = new Set<string>();
  private readonly chainCache = new Map<string, (string | undefined)[]>();

  private readonly kusts: ReadonlyMap<string, Kustomization>;

  constructor(kustomizations: ReadonlyMap<string, Kustomization>) {
    this.kusts = new Map(kustomizations);
    const kusts = this.kusts;
    const add = (target: string, by: string): void => {
      const list = this.includedBy.get(target);
      if (list) list.push(by);
      else this.includedBy.set(target, [by]);
    };
    for (const k of kusts.values()) {
      for (const inc of k.includes) {
        add(inc, k.uri);
        // An entry may name a folder: the kustomization inside it is then built as part of this one.
        for (const name of KUSTOMIZATION_FILE_NAMES) add(`${inc}/${name}`, k.uri);
      }
      for (const p of k.patches) this.patchUris.add(p);
    }
  }

  isPatch(uri: string): boolean {
    return this.patchUris.has(uri);
  }

  /** True when some kustomization builds this file. */
  isBuilt(uri: string): boolean {
    return this.includedBy.has(uri);
  }

  /** False when kustomizations build this file into different namespaces: then no one namespace is the file's. */
  namespaceSettled(uri: string): boolean {
    return !this.includedBy.has(uri) || new Set(this.buildNamespaces(uri)).size === 1;
  }

  /** The namespace kustomize gives the objects of a manifest file, when its builds agree on one. */
  namespaceOfFile(uri: string): string | undefined {
    return single(this.buildNamespaces(uri));
  }

  /** One value per build of the file: the namespace that build gives it (undefined: none). */
  private buildNamespaces(uri: string): (string | undefined)[] {
    return (this.includedBy.get(uri) ?? []).flatMap((k) => this.chains(k, new Set()));
  }

  /** The namespace of the objects a kustomization's generators make (before a generator's own namespace). */
  namespaceOfGenerated(kustUri: string): string | undefined {
    return single(this.chains(kustUri, new Set()));
  }

  /** One value per chain from this kustomization out to an outermost one: the outermost namespace set along it. */
  private chains(kustUri: string, seen: Set<string>): (string | undefined)[] {
    const cached = this.chainCache.get(kustUri);
    if (cached) return cached;
    const own = this.kusts.get(kustUri)?.namespace;
    if (seen.has(kustUri)) return [own]; // a cycle kustomize itself refuses; stop here
    seen.add(kustUri);
    const parents = this.includedBy.get(kustUri) ?? [];
    const out = parents.length === 0 ? [own] : parents.flatMap((p) => this.chains(p, seen).map((outer) => outer ?? own));
    seen.delete(kustUri);
    this.chainCache.set(kustUri, out);
    return out;
  }
}

function single(values: (string | undefined)[]): string | undefined {
  const distinct = new Set(values);
  return distinct.size === 1 ? values[0] : undefined;
}
