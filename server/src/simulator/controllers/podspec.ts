import { isDict, type Dict } from '../obj';

/**
 * A pod's own spec, made from its template's spec. Every pod of a template
 * used to get a deep copy; most of it (env, mounts, commands, affinity,
 * securityContext…) is never written by anyone, so it is shared with the
 * template and the template's other pods. Copied is exactly what can be
 * written after the copy: the spec (controllers, scheduler, admission), each
 * container (defaultContainer, the token volume's mounts) with its resources,
 * requests and limits, each port and probe with its httpGet, and each volume
 * with its secret and configMap source (defaultPodSpec's `??=` writes: a
 * ReplicationController's template is not defaulted before its pods are).
 * Sharing the rest is safe because a stored template is replaced, never
 * edited, when an apply changes it (as computeHash's memo also relies on), and
 * nothing edits a pod's spec below these levels (apiserver/defaults-pod.ts,
 * scheduler, kubelet, controllers; outputs only read, and result() copies
 * before a simulation goes on). The template itself is the store's own copy,
 * never user input.
 */
export function podSpecFromTemplate(spec: Dict): Dict {
  const out = shallow(spec);
  for (const field of ['initContainers', 'containers']) if (Array.isArray(out[field])) out[field] = copyItems(out[field] as unknown[], copyContainer);
  if (Array.isArray(out.volumes)) out.volumes = copyItems(out.volumes, copyVolume);
  return out;
}

function copyContainer(c: Dict): Dict {
  const out = shallow(c);
  if (isDict(out.resources)) {
    const res = (out.resources = shallow(out.resources));
    if (isDict(res.requests)) res.requests = shallow(res.requests);
    if (isDict(res.limits)) res.limits = shallow(res.limits);
  }
  if (Array.isArray(out.ports)) out.ports = copyItems(out.ports, shallow);
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    if (!isDict(out[probe])) continue;
    const p = (out[probe] = shallow(out[probe] as Dict));
    if (isDict(p.httpGet)) p.httpGet = shallow(p.httpGet);
  }
  return out;
}

function copyVolume(v: Dict): Dict {
  const out = shallow(v);
  if (isDict(out.secret)) out.secret = shallow(out.secret);
  if (isDict(out.configMap)) out.configMap = shallow(out.configMap);
  return out;
}

/** A copy of the array whose object items are copied by `copy` (an undefined item becomes null, as in JSON). */
function copyItems(a: unknown[], copy: (d: Dict) => Dict): unknown[] {
  const out: unknown[] = new Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    out[i] = isDict(x) ? copy(x) : (x ?? null);
  }
  return out;
}

/** A one-level copy that leaves out members holding undefined, as a JSON copy would. */
function shallow(o: Dict): Dict {
  const out: Dict = {};
  for (const k in o) {
    const v = o[k];
    if (v === undefined) continue;
    // An own "__proto__" key (JSON.parse makes one) must stay a key: an assignment would set the prototype.
    if (k === '__proto__') Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    else out[k] = v;
  }
  return out;
}
