import { isClusterScoped } from '../../engine/index/scope';
import type { Sim } from '../context';
import { canonicalJson } from '../hash';
import { clone, dict, isDict, isPlainJson, str, stringMap, type Dict } from '../obj';
import type { ApplyRecord, KObject, SimInput } from '../types';
import { createObject } from './create';
import { engineRejection, invalidAll, kubectlRef, noMatches, notFoundOnCreate } from './messages';
import { validateObject } from './validation';

export interface ApplyOptions {
  /** The namespace of objects that name none (kubectl --namespace). */
  defaultNamespace: string;
  /** True when the API server serves this kind (built in, or a CRD applied earlier). */
  isServed(apiVersion: string, kind: string): boolean;
}

/** Engine findings the JSON decoder hits before admission and validation run. */
const DECODE_ERRORS = new Set(['yaml11-boolean', 'schema-unknown-field', 'schema-type', 'secret-data-invalid']);
const MAPPING_ERRORS = new Set(['api-removed', 'kind-not-served']);

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * `kubectl apply` of one object: client-side apply, as kubectl 1.28 does by
 * default. A new object is created; an existing one whose last-applied
 * configuration is the same is `unchanged`, otherwise `configured`.
 */
export function applyInput(sim: Sim, input: SimInput, options: ApplyOptions): ApplyRecord {
  const value = input.value;
  const apiVersion = str(value.apiVersion) ?? '';
  const kind = str(value.kind) ?? '';
  const meta = dict(value.metadata);
  const name = str(meta.name) ?? '';
  const namespace = isClusterScoped(kind) ? undefined : (str(meta.namespace) || options.defaultNamespace);
  const record = (result: ApplyRecord['result'], message: string): ApplyRecord => {
    // Literals in the member order the output shows, rather than spreads (one record per input).
    const r: ApplyRecord = namespace ? { apiVersion, kind, namespace, name, result, message, source: input.source } : { apiVersion, kind, name, result, message, source: input.source };
    if (input.span) r.span = input.span;
    return r;
  };
  const ctx = { source: input.source, kind, apiVersion, name, namespace };

  const mapping = input.engineErrors.find((e) => MAPPING_ERRORS.has(e.ruleId));
  if (mapping || !options.isServed(apiVersion, kind)) return record('rejected', noMatches(input.source, name, str(meta.namespace), kind, apiVersion)); // kubectl knows only the written namespace here
  if (!name) return record('rejected', `error: error when retrieving current configuration of:\nResource: "${kubectlRef(apiVersion, kind, '')}", Name: "", Namespace: "${namespace ?? ''}"\nfrom server for: "${input.source}": resource name may not be empty`);
  const decode = input.engineErrors.find((e) => DECODE_ERRORS.has(e.ruleId));
  if (decode) return record('rejected', engineRejection(decode, ctx));
  // NamespaceLifecycle admission: no object goes into a namespace that does not exist.
  if (namespace && !sim.store.has('Namespace', undefined, namespace)) return record('rejected', notFoundOnCreate(input.source, `namespaces "${namespace}" not found`));
  const invalid = validateObject(kind, name, dict(value.spec));
  if (invalid) return record('rejected', invalid);
  const other = input.engineErrors[0];
  if (other) {
    // Field errors the rules word as the API server does come back together, as its 422 lists them.
    const worded = other.apiError ? input.engineErrors.flatMap((e) => (e.apiError ? [e.apiError] : [])) : [];
    return record('rejected', worded.length > 1 ? invalidAll(kind, name, worded) : engineRejection(other, ctx));
  }

  // What kubectl sends is JSON: a value already plain JSON that nothing else holds is stored as it is (the CLI's), any other is copied.
  const desired = (input.owned && isPlainJson(value) ? value : clone(value)) as Dict;
  const dmeta = dict(desired.metadata);
  if (namespace) dmeta.namespace = namespace;
  const annotations = stringMap(dmeta.annotations);
  // kubectl stores what it sent, with the namespace it resolved and an empty annotations map, keys sorted.
  // (Rendered from the object itself, its annotations emptied for the while: the rendering sorts keys, so no copy is needed.)
  desired.metadata = dmeta;
  dmeta.annotations = {};
  const lastApplied = canonicalJson(desired) + '\n';
  annotations[LAST_APPLIED] = lastApplied;
  dmeta.annotations = annotations;

  const ref = kubectlRef(apiVersion, kind, name);
  const existing = sim.store.get(kind, namespace, name);
  if (!existing) {
    const created = createObject(sim, desired as unknown as KObject);
    if (created.error !== undefined) return record('rejected', created.error);
    return record('created', `${ref} created`);
  }
  if (existing.metadata.annotations?.[LAST_APPLIED] === lastApplied) return record('unchanged', `${ref} unchanged`);
  const error = updateObject(sim, existing, desired as unknown as KObject);
  if (error) return record('rejected', error);
  return record('configured', `${ref} configured`);
}

/**
 * A changed object: the new configuration replaces the old one, keeping what the
 * server owns (uid, creation time, status, allocated ClusterIP and nodePorts).
 * generation counts spec changes (metadata.generation semantics).
 */
function updateObject(sim: Sim, existing: KObject, desired: KObject): string | undefined {
  const before = parseLastApplied(existing);
  if (existing.kind === 'Pod' && canonicalJson(stripImages(dict(desired.spec))) !== canonicalJson(stripImages(dict(before.spec)))) {
    // ValidatePodUpdate: a Pod's spec is immutable but for images and a few fields.
    return `The Pod "${existing.metadata.name}" is invalid: spec: Forbidden: pod updates may not change fields other than \`spec.containers[*].image\`,\`spec.initContainers[*].image\`,\`spec.activeDeadlineSeconds\`,\`spec.tolerations\` (only additions to existing tolerations),\`spec.terminationGracePeriodSeconds\` (allow it to be set to 1 if it was previously negative)`;
  }
  const replacement = createObject(sim, desired, existing);
  if (replacement.error !== undefined) return replacement.error;
  return undefined;
}

function stripImages(spec: Dict): Dict {
  const s = clone(spec);
  for (const c of Array.isArray(s.containers) ? s.containers : []) if (isDict(c)) delete c.image;
  return s;
}

function parseLastApplied(o: KObject): Dict {
  try {
    return dict(JSON.parse(o.metadata.annotations?.[LAST_APPLIED] ?? '{}'));
  } catch {
    return {};
  }
}
