import type { EngineError } from '../types';

/**
 * kubectl's own wording for what the API server answers. kubectl prints
 * successes as they happen and collects errors to print after them.
 */

/** `deployment.apps/web`: the resource (lowercased kind, then the group) and name, as `kubectl apply` prints it. */
export function kubectlRef(apiVersion: string, kind: string, name: string): string {
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  return `${kind.toLowerCase()}${group ? '.' + group : ''}/${name}`;
}

/** A 422 from validation: `The Deployment "broken" is invalid: <field errors>`. */
export const invalid = (kind: string, name: string, details: string): string => `The ${kind} "${name}" is invalid: ${details}`;

/**
 * A 422 with several field errors, as kubectl prints them (MultilineError):
 * the first line, then one `* ` line per error; one error stays on one line.
 */
export const invalidAll = (kind: string, name: string, errors: readonly string[]): string =>
  errors.length === 1 ? invalid(kind, name, errors[0]) : `The ${kind} "${name}" is invalid: \n${errors.map((e) => `* ${e}`).join('\n')}`;

/** A 404 on create, e.g. the namespace does not exist. */
export const notFoundOnCreate = (source: string, what: string): string => `Error from server (NotFound): error when creating "${source}": ${what}`;

/** kubectl cannot map the kind: no such API (a removed apiVersion, or a CRD not installed). */
export const noMatches = (source: string, name: string, namespace: string | undefined, kind: string, apiVersion: string): string =>
  `error: resource mapping not found for name: "${name}" namespace: "${namespace ?? ''}" from "${source}": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`;

/** Go's %#v of a map[string]string: keys sorted, `map[string]string{"a":"1", "b":"2"}`. */
export function goStringMap(m: Record<string, string>): string {
  return `map[string]string{${Object.keys(m).sort().map((k) => `${JSON.stringify(k)}:${JSON.stringify(m[k])}`).join(', ')}}`;
}

/**
 * The Go struct that holds the field at the end of `path`, for the decoder's
 * "cannot unmarshal bool into Go struct field <Struct>.<path> of type string".
 * Keyed by the JSON field that leads into the struct; maps (labels,
 * annotations, data, selectors) belong to the struct above them.
 */
const STRUCT_OF_FIELD: Record<string, string> = {
  metadata: 'ObjectMeta', containers: 'Container', initContainers: 'Container', ephemeralContainers: 'EphemeralContainer',
  env: 'EnvVar', envFrom: 'EnvFromSource', ports: 'ContainerPort', volumeMounts: 'VolumeMount', volumes: 'Volume',
  resources: 'ResourceRequirements', securityContext: 'SecurityContext', tolerations: 'Toleration', template: 'PodTemplateSpec',
  selector: 'LabelSelector', rules: 'IngressRule', paths: 'HTTPIngressPath', items: 'KeyToPath',
};
const MAP_FIELDS = new Set(['labels', 'annotations', 'data', 'stringData', 'matchLabels', 'nodeSelector', 'limits', 'requests']);

function goStructAt(kind: string, path: readonly (string | number)[]): string {
  let struct = kind;
  const keys = path.filter((p): p is string => typeof p === 'string');
  for (let i = 0; i < keys.length - 1; i++) {
    const k = keys[i];
    if (MAP_FIELDS.has(k)) break;
    if (k === 'spec') struct = i === 0 ? `${kind}Spec` : keys[i - 1] === 'template' ? 'PodSpec' : keys[i - 1] === 'jobTemplate' ? 'JobSpec' : `${struct}Spec`;
    else if (k === 'ports' && kind === 'Service') struct = 'ServicePort';
    else if (STRUCT_OF_FIELD[k]) struct = STRUCT_OF_FIELD[k];
  }
  return struct;
}

/**
 * The message for an object the validation engine found an error in, in the
 * words the API server (or kubectl) uses for that kind of problem. Engine
 * findings with no direct counterpart fall back to `The X "n" is invalid:`
 * with the engine's own explanation.
 */
export function engineRejection(e: EngineError, ctx: { source: string; kind: string; apiVersion: string; name: string; namespace?: string }): string {
  const version = ctx.apiVersion.includes('/') ? ctx.apiVersion.slice(ctx.apiVersion.indexOf('/') + 1) : ctx.apiVersion;
  const jsonPath = (e.path ?? []).filter((p) => typeof p === 'string').join('.');
  const badRequest = (what: string): string =>
    `Error from server (BadRequest): error when creating "${ctx.source}": ${ctx.kind} in version "${version}" cannot be handled as a ${ctx.kind}: ${what}`;
  switch (e.ruleId) {
    case 'yaml11-boolean':
      // The JSON decoder meets `true`/`false` where the Go field is a string.
      return badRequest(`json: cannot unmarshal bool into Go struct field ${goStructAt(ctx.kind, e.path ?? [])}.${jsonPath} of type string`);
    case 'schema-unknown-field':
      // kubectl >= 1.27 asks for strict server-side field validation.
      return badRequest(`strict decoding error: unknown field "${jsonPath}"`);
    case 'secret-data-invalid':
      // The JSON decoder reads data as []byte, base64 by base64.StdEncoding.
      return badRequest(e.apiError ?? e.message);
    case 'api-removed':
    case 'kind-not-served':
      return noMatches(ctx.source, ctx.name, undefined, ctx.kind, ctx.apiVersion);
    default:
      return invalid(ctx.kind, ctx.name, e.apiError ?? e.message);
  }
}
