import type { Resource } from '../k8s/resource';
import type { Finding } from '../rules/types';
import { crdDefinition } from './definition';
import type { CrdSchemas } from './schemas';
import { structuralProblems } from './structural';

/**
 * What makes the API server reject an apiextensions.k8s.io/v1 CRD, as far as it
 * decides the fate of its custom resources (ValidateCustomResourceDefinition in
 * apiextensions-apiserver pkg/apis/apiextensions/validation): the name is
 * <plural>.<group>, exactly one version is the storage version, every version
 * has a structural schema. A schema that ajv cannot compile (Kubesim's limit,
 * not the API server's) is reported as information.
 */
export function crdProblems(res: Resource, schemas: CrdSchemas): Finding[] {
  const crd = crdDefinition(res);
  if (!crd) return [];
  const out: Finding[] = [];
  if (crd.plural && res.name !== undefined && res.name !== `${crd.plural}.${crd.group}`)
    out.push({ path: ['metadata', 'name'], message: `metadata.name must be spec.names.plural+"."+spec.group, here "${crd.plural}.${crd.group}"; the API server rejects "${res.name}".` });
  const storage = crd.versions.filter((v) => v.storage);
  if (crd.versions.length && storage.length !== 1)
    out.push({ path: ['spec', 'versions'], part: 'key', message: `spec.versions must have exactly one version marked as storage version (storage: true); ${storage.length ? `${storage.map((v) => v.name).join(' and ')} are` : 'none is'}.` });
  for (const v of crd.versions) {
    if (!v.schema) {
      out.push({ path: [...v.path, 'name'], message: `Version ${v.name} has no schema.openAPIV3Schema: apiextensions.k8s.io/v1 requires one for every version ("schemas are required"). Add one, with x-kubernetes-preserve-unknown-fields: true to accept any fields.` });
      continue;
    }
    const base = [...v.path, 'schema', 'openAPIV3Schema'];
    for (const p of structuralProblems(v.schema, base)) out.push({ path: p.path, part: p.part, message: `${p.message}` });
    const compiled = schemas.compile(v.schema);
    if (!compiled.ok)
      out.push({ path: base, part: 'key', severity: 'info', message: `Kubesim cannot use the schema of version ${v.name} (${compiled.error}), so ${crd.kind} ${v.name} objects are not checked against it.` });
  }
  return out;
}
