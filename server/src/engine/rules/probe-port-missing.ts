import type { Related } from '../diagnostic';
import { containersOf, isObject, podSpecsOf } from '../k8s/podSpecs';
import type { PathSegment } from '../yaml/ast';
import type { ResourceContext, ResourceRule } from './types';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const HANDLERS = ['httpGet', 'tcpSocket', 'grpc'] as const;

/** What a failing probe of each kind does to the pod. */
const CONSEQUENCE: Record<(typeof PROBES)[number], string> = {
  livenessProbe: 'the liveness probe fails and the kubelet restarts the container again and again',
  readinessProbe: 'the readiness probe fails and the pod never becomes Ready (no Service traffic)',
  startupProbe: 'the startup probe fails and the kubelet kills the container before it ever starts',
};

interface DeclaredPort {
  name?: string;
  containerPort: number;
  protocol: string;
}

function declaredPorts(container: Record<string, unknown>): DeclaredPort[] {
  if (!Array.isArray(container.ports)) return [];
  return container.ports.flatMap((p) =>
    isObject(p) && typeof p.containerPort === 'number'
      ? [{ ...(typeof p.name === 'string' ? { name: p.name } : {}), containerPort: p.containerPort, protocol: typeof p.protocol === 'string' && p.protocol ? p.protocol : 'TCP' }]
      : [],
  );
}

const describe = (ports: DeclaredPort[]): string =>
  ports.length ? ports.map((p) => `${p.name ? p.name + ':' : ''}${p.containerPort}${p.protocol === 'TCP' ? '' : '/' + p.protocol}`).join(', ') : 'no ports';

export const rule: ResourceRule = {
  kind: 'resource',
  meta: {
    id: 'probe-port-missing',
    defaultSeverity: 'warning',
    description: 'A liveness, readiness or startup probe whose port the container does not expose.',
    rationale:
      'The kubelet resolves a probe\'s named port (`httpGet.port`, `tcpSocket.port`) among the ports of the same container only (findPortByName in pkg/kubelet/prober): when no port of that container has the name, every probe attempt errors and counts as a failure, so a liveness probe restarts the container forever, a readiness probe keeps the pod out of its Services and a startup probe kills the container. That is a warning. A named port that resolves to a UDP or SCTP port is also reported: HTTP, TCP and gRPC probes connect over TCP. A port number is used as is, and a process may listen on a port it does not declare, so a number that none of the declared `containerPort`s equals is only advice (info), and nothing is said when the container declares no ports at all.',
    example: 'ports:\n  - name: http\n    containerPort: 8080\nlivenessProbe:\n  httpGet:\n    path: /healthz\n    port: healthz   # no port of this container is named healthz',
  },
  check(ctx) {
    for (const pod of podSpecsOf(ctx.res)) {
      for (const c of containersOf(pod)) {
        // Probes are allowed on regular containers and sidecars (restartable init containers) only; validation rejects the others.
        if (c.list === 'ephemeralContainers' || (c.list === 'initContainers' && c.container.restartPolicy !== 'Always')) continue;
        const ports = declaredPorts(c.container);
        for (const probe of PROBES)
          for (const handler of HANDLERS) {
            const value = (c.container[probe] as Record<string, unknown> | undefined)?.[handler];
            if (!isObject(value)) continue;
            checkPort(ctx, c.container, ports, probe, handler, value.port, [...c.path, probe, handler, 'port']);
          }
      }
    }
  },
};

function checkPort(ctx: ResourceContext, container: Record<string, unknown>, ports: DeclaredPort[], probe: (typeof PROBES)[number], handler: string, port: unknown, path: PathSegment[]): void {
  const cname = typeof container.name === 'string' ? `container "${container.name}"` : 'this container';
  const portsPath = path.slice(0, -3).concat('ports');
  // A span costs the document's AST (built on demand): ask only when reporting.
  const related = (): Related[] => Array.isArray(container.ports) ? [{ uri: ctx.res.uri, span: ctx.spanOf(portsPath, 'key'), message: `${cname} exposes ${describe(ports)}` }] : [];
  // IntOrString: the kubelet reads a string of digits as a number (extractPort falls back to Atoi).
  if (typeof port === 'string' && port !== '' && !/^\d+$/.test(port)) {
    const found = ports.find((p) => p.name === port);
    if (!found) {
      const unnamed = ports.filter((p) => !p.name);
      const fixes = ports.length === 1 && ports[0].protocol === 'TCP' ? [{ title: `Use port ${ports[0].name ?? ports[0].containerPort}`, edits: [{ uri: ctx.res.uri, span: ctx.spanOf(path), newText: ports[0].name ?? String(ports[0].containerPort) }] }] : [];
      ctx.report({
        path,
        message: `${probe}.${handler}.port "${port}" names no port of ${cname} (it exposes ${describe(ports)}), so ${CONSEQUENCE[probe]}.${unnamed.length ? ' Name the container port, or use the number.' : ''}`,
        related: related(),
        fixes,
      });
    } else if (found.protocol !== 'TCP') {
      ctx.report({ path, message: `${probe}.${handler}.port "${port}" is a ${found.protocol} port of ${cname}, but the probe connects over TCP, so ${CONSEQUENCE[probe]} unless the process also listens on TCP ${found.containerPort}.`, related: related() });
    }
    return;
  }
  const num = typeof port === 'number' ? port : typeof port === 'string' && port !== '' ? Number(port) : NaN;
  // Numbers out of range are port-out-of-range's to report.
  if (!Number.isInteger(num) || num < 1 || num > 65535 || ports.length === 0 || ports.some((p) => p.containerPort === num && p.protocol === 'TCP')) return;
  ctx.report({
    path,
    severity: 'info',
    message: `${probe}.${handler}.port ${num} is not among the declared ports of ${cname} (${describe(ports)}). The probe still goes to ${num}; if nothing listens there it fails. Declare the port, or probe a declared one.`,
    related: related(),
  });
}
