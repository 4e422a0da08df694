import type { Resource } from '../k8s/resource';
import type { PathSegment } from '../yaml/ast';

export interface CrdVersion {
  name: string;
  served: boolean;
  storage: boolean;
  /** spec.versions[i].schema.openAPIV3Schema, as written (undefined when absent or not an object). */
  schema?: Record<string, unknown>;
  /** Path to this entry of spec.versions inside the CRD. */
  path: readonly PathSegment[];
}

/** What a CustomResourceDefinition says about the kind it defines. */
export interface CrdDefinition {
  group: string;
  kind: string;
  plural?: string;
  scope?: string;
  versions: CrdVersion[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const isCrd = (res: Pick<Resource, 'group' | 'kind'>): boolean => res.group === 'apiextensions.k8s.io' && res.kind === 'CustomResourceDefinition';

/**
 * The group, kind and versions of an apiextensions.k8s.io/v1 CRD; undefined when
 * it names no group or kind (the schema rules report that). v1beta1 CRDs are
 * removed (api-removed says so) and are not read.
 */
export function crdDefinition(res: Resource): CrdDefinition | undefined {
  if (!isCrd(res) || res.version !== 'v1') return undefined;
  const spec = res.value.spec;
  if (!isRecord(spec) || typeof spec.group !== 'string' || !isRecord(spec.names) || typeof spec.names.kind !== 'string') return undefined;
  const versions: CrdVersion[] = [];
  if (Array.isArray(spec.versions))
    spec.versions.forEach((v, i) => {
      if (!isRecord(v) || typeof v.name !== 'string') return;
      const schema = isRecord(v.schema) && isRecord(v.schema.openAPIV3Schema) ? v.schema.openAPIV3Schema : undefined;
      versions.push({ name: v.name, served: v.served === true, storage: v.storage === true, ...(schema ? { schema } : {}), path: ['spec', 'versions', i] });
    });
  return {
    group: spec.group,
    kind: spec.names.kind,
    ...(typeof spec.names.plural === 'string' ? { plural: spec.names.plural } : {}),
    ...(typeof spec.scope === 'string' ? { scope: spec.scope } : {}),
    versions,
  };
}
