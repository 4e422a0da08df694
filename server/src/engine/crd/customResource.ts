import type { Resource } from '../k8s/resource';
import { spanAt } from '../k8s/resource';
import type { IndexedResource, IndexView } from '../index/types';
import type { RelatedInResource, WorkspaceFinding } from '../rules/types';
import { fieldPath } from '../util/jsonPath';
import { closest } from '../util/suggest';
import type { PathSegment } from '../yaml/ast';
import { crdDefinition } from './definition';
import type { CrdSchemas } from './schemas';

export interface CustomResourceFinding extends WorkspaceFinding {
  ruleId: string;
}

/**
 * Checks a custom resource against the CustomResourceDefinition of the workspace
 * that defines its group and kind, as the API server would: a version the CRD
 * does not serve is not found at all (kubectl: `no matches for kind "X" in
 * version "g/v"`), and a served version's openAPIV3Schema judges the fields with
 * the same rule ids as built-in kinds. With no such CRD there is nothing to say
 * here (unknown-kind gives the advice).
 */
export function checkCustomResource(res: Resource, text: string, index: IndexView, schemas: CrdSchemas): CustomResourceFinding[] {
  const owner = index.crds(res.group, res.kind)[0];
  const crd = owner && crdDefinition(owner.res);
  if (!owner || !crd) return [];
  const version = crd.versions.find((v) => v.name === res.version);
  const at = (path: RelatedInResource['path'], message: string, part?: 'key'): RelatedInResource => ({ target: owner as IndexedResource, path, message, ...(part ? { part } : {}) });
  if (!version || !version.served) {
    const served = crd.versions.filter((v) => v.served).map((v) => `${crd.group}/${v.name}`);
    const to = served.find((v) => v === `${crd.group}/${closest(res.version, served.map((s) => s.slice(crd.group.length + 1))) ?? ''}`) ?? served[0];
    const why = version ? `version ${res.version} has served: false` : `it defines no version ${res.version}`;
    return [
      {
        ruleId: 'kind-not-served',
        path: ['apiVersion'],
        message: `The CustomResourceDefinition ${owner.name} does not serve ${res.kind} in "${res.apiVersion}" (${why}); kubectl answers: no matches for kind "${res.kind}" in version "${res.apiVersion}".${served.length ? ` Served: ${served.join(', ')}.` : ' It serves no version.'}`,
        related: [version ? at([...version.path, 'served'], `${owner.name} serves ${served.length ? served.join(', ') : 'no version'}`) : at(['spec', 'versions'], `${owner.name} serves ${served.length ? served.join(', ') : 'no version'}`, 'key')],
        fixes: to ? [{ title: `Change to ${to}`, edits: [{ uri: res.uri, span: spanAt(res, ['apiVersion']), newText: to }] }] : [],
      },
    ];
  }
  // v1 requires a schema per version (the crd-invalid rule says so on the CRD); without one nothing can be checked.
  if (!version.schema) return [];
  const compiled = schemas.compile(version.schema);
  if (!compiled.ok) return [];
  const base = [...version.path, 'schema', 'openAPIV3Schema'];
  return schemas.validate(res, text, compiled).map(({ instancePath, ...f }) => {
    const where = schemaPathOf(version.schema as Record<string, unknown>, instancePath ?? []);
    const what = where.path.length ? fieldPath(instancePath ?? []) : res.kind;
    return { ...f, related: [at([...base, ...where.path], `${what} in the schema of ${res.kind} ${res.version} (CustomResourceDefinition ${owner.name})`, 'key')] };
  });
}

/** The path inside an openAPIV3Schema that declares the value at an object path, as deep as the schema goes. */
function schemaPathOf(schema: Record<string, unknown>, path: readonly PathSegment[]): { path: PathSegment[] } {
  const out: PathSegment[] = [];
  let s: unknown = schema;
  for (const seg of path) {
    const node = s as Record<string, unknown>;
    const props = node && typeof node.properties === 'object' ? (node.properties as Record<string, unknown>) : undefined;
    if (typeof seg === 'number' && node && typeof node.items === 'object') {
      out.push('items');
      s = node.items;
    } else if (typeof seg === 'string' && props && typeof props[seg] === 'object') {
      out.push('properties', seg);
      s = props[seg];
    } else if (typeof seg === 'string' && node && typeof node.additionalProperties === 'object') {
      out.push('additionalProperties');
      s = node.additionalProperties;
    } else return { path: out };
  }
  return { path: out };
}
