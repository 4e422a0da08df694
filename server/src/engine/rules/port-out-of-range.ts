import { NODE_PORT_RANGE, PORT_RANGE_MSG, portFieldsOf, type PortRole } from '../k8s/validation/ports';
import type { ResourceRule } from './types';

const FIELD: Record<PortRole, string> = {
  containerPort: 'containerPort',
  hostPort: 'hostPort',
  handlerPort: 'probe port',
  servicePort: 'Service port',
  targetPort: 'targetPort',
  nodePort: 'nodePort',
  ingressPort: 'Ingress backend port',
};

export const rule: ResourceRule = {
  kind: 'resource',
  meta: {
    id: 'port-out-of-range',
    defaultSeverity: 'error',
    description: 'A port number outside 1–65535, or a nodePort outside 30000–32767.',
    rationale:
      'TCP and UDP ports are 1 to 65535, and the API server rejects any other number in `containerPort`, `hostPort`, probe and lifecycle ports, Service `port` and numeric `targetPort`, and Ingress backend ports. A `nodePort` must also fall in the cluster\'s service node port range, 30000–32767 by default (`provided port is not in the valid range`); leave `nodePort` out to have one allocated. A `targetPort` of 0 means "same as port" and is allowed.',
    example: 'ports:\n  - containerPort: 80800',
  },
  check(ctx) {
    for (const f of portFieldsOf(ctx.res)) {
      if (typeof f.value !== 'number' || !Number.isInteger(f.value)) continue; // strings are names; other types are schema errors
      const n = f.value;
      // hostPort 0 and targetPort 0 mean "not set" (validateContainerPorts; SetDefaults_Service copies port into targetPort).
      if (n === 0 && (f.role === 'hostPort' || f.role === 'targetPort' || f.role === 'nodePort')) continue;
      if (n < 1 || n > 65535) {
        ctx.report({ path: f.path, message: `${FIELD[f.role]} ${n} ${PORT_RANGE_MSG}.${f.role === 'containerPort' && n > 65535 ? ' Check for a typo (an extra digit?).' : ''}` });
        continue;
      }
      // The node port allocator (pkg/registry/core/service/portallocator) answers ErrNotInRange.
      if (f.role === 'nodePort' && (n < NODE_PORT_RANGE.min || n > NODE_PORT_RANGE.max)) {
        ctx.report({
          path: f.path,
          message: `nodePort ${n}: provided port is not in the valid range. The range of valid ports is ${NODE_PORT_RANGE.min}-${NODE_PORT_RANGE.max}. Pick a port in that range, or remove nodePort to have one allocated (the range is the API server's --service-node-port-range default).`,
        });
      }
    }
  },
};
