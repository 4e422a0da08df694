import type { Resource } from '../resource';
import { containersOf, isObject, podSpecsOf, valueAt } from '../podSpecs';
import type { PathSegment } from '../../yaml/ast';

/** What a port field is, which decides its valid range or name syntax. */
export type PortRole =
  | 'containerPort'
  | 'hostPort'
  /** A probe's or lifecycle handler's port: a number, or the name of a container port (IANA_SVC_NAME). */
  | 'handlerPort'
  | 'servicePort'
  /** A Service targetPort: a number, or a container port name (IANA_SVC_NAME). */
  | 'targetPort'
  | 'nodePort'
  /** An Ingress backend's service.port.number / service.port.name. */
  | 'ingressPort';

export interface PortField {
  path: PathSegment[];
  value: unknown;
  role: PortRole;
}

const HANDLER_OWNERS: PathSegment[][] = [['livenessProbe'], ['readinessProbe'], ['startupProbe'], ['lifecycle', 'postStart'], ['lifecycle', 'preStop']];
const HANDLER_PORTS: PathSegment[][] = [['httpGet', 'port'], ['tcpSocket', 'port'], ['grpc', 'port']];

/**
 * Every port number or port reference written in a resource: container ports and
 * probes/lifecycle handlers of every pod spec, Service ports, Ingress backends.
 * Values are as written (numbers, strings, or anything else); rules pick what they check.
 */
export function portFieldsOf(res: Resource): readonly PortField[] {
  // Two rules read the same resource's ports.
  let hit = memo.get(res);
  if (!hit) memo.set(res, (hit = collect(res)));
  return hit;
}

const memo = new WeakMap<Resource, readonly PortField[]>();

function collect(res: Resource): PortField[] {
  const out: PortField[] = [];
  // Most candidate fields are absent (hostPort, the handler kinds a probe does not use): a path is built only for a field that is there.
  const present = (v: unknown): boolean => v !== undefined && v !== null;
  const push = (path: PathSegment[], role: PortRole): void => {
    const value = valueAt(res.value, path);
    if (present(value)) out.push({ path, value, role });
  };
  for (const pod of podSpecsOf(res)) {
    for (const c of containersOf(pod)) {
      const ports = c.container.ports;
      if (Array.isArray(ports)) {
        for (let i = 0; i < ports.length; i++) {
          const p: unknown = ports[i];
          if (!isObject(p)) continue;
          if (present(p.containerPort)) out.push({ path: c.path.concat('ports', i, 'containerPort'), value: p.containerPort, role: 'containerPort' });
          if (present(p.hostPort)) out.push({ path: c.path.concat('ports', i, 'hostPort'), value: p.hostPort, role: 'hostPort' });
        }
      }
      for (const owner of HANDLER_OWNERS) {
        const handler = valueAt(c.container, owner);
        if (!isObject(handler)) continue;
        for (const port of HANDLER_PORTS) {
          const value = valueAt(handler, port);
          if (present(value)) out.push({ path: c.path.concat(owner, port), value, role: 'handlerPort' });
        }
      }
    }
  }
  if (res.group === '' && res.kind === 'Service') {
    const ports = valueAt(res.value, ['spec', 'ports']);
    if (Array.isArray(ports)) {
      for (let i = 0; i < ports.length; i++) {
        const p: unknown = ports[i];
        if (!isObject(p)) continue;
        if (present(p.port)) out.push({ path: ['spec', 'ports', i, 'port'], value: p.port, role: 'servicePort' });
        if (present(p.targetPort)) out.push({ path: ['spec', 'ports', i, 'targetPort'], value: p.targetPort, role: 'targetPort' });
        if (present(p.nodePort)) out.push({ path: ['spec', 'ports', i, 'nodePort'], value: p.nodePort, role: 'nodePort' });
      }
    }
  }
  if ((res.group === 'networking.k8s.io' || res.group === 'extensions') && res.kind === 'Ingress') {
    const backends: PathSegment[][] = [['spec', 'defaultBackend']];
    const rules = valueAt(res.value, ['spec', 'rules']);
    if (Array.isArray(rules)) {
      rules.forEach((r, i) => {
        const paths = valueAt(r, ['http', 'paths']);
        if (Array.isArray(paths)) paths.forEach((_, j) => backends.push(['spec', 'rules', i, 'http', 'paths', j, 'backend']));
      });
    }
    for (const b of backends) {
      push([...b, 'service', 'port', 'number'], 'ingressPort');
      push([...b, 'service', 'port', 'name'], 'ingressPort');
    }
  }
  return out;
}

/** The default --service-node-port-range of kube-apiserver. */
export const NODE_PORT_RANGE = { min: 30000, max: 32767 };

/** IsValidPortNum's message: upstream InclusiveRangeError(1, 65535). */
export const PORT_RANGE_MSG = 'must be between 1 and 65535, inclusive';
