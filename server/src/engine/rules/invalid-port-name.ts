import { containersOf, isObject, podSpecsOf, valueAt } from '../k8s/podSpecs';
import { dns1123Label, ianaSvcName } from '../k8s/validation/names';
import { portFieldsOf } from '../k8s/validation/ports';
import type { PathSegment } from '../yaml/ast';
import type { ResourceContext, ResourceRule } from './types';

const IANA_HINT = 'A port name is at most 15 lowercase letters, digits and single dashes, with at least one letter, like "http" or "metrics"';

export const rule: ResourceRule = {
  kind: 'resource',
  meta: {
    id: 'invalid-port-name',
    defaultSeverity: 'error',
    description: 'A port name the API server rejects: bad syntax, a duplicate, or a missing name on a multi-port Service.',
    rationale:
      'Container port names, and the names a probe, a Service `targetPort` or an Ingress backend use to refer to them, are IANA service names: at most 15 characters of lowercase letters, digits and `-`, with at least one letter and no leading, trailing or double dash (`http-metrics` is fine, `http_metrics` and `prometheus-metrics` (16 characters) are not). Within one container the names must be unique. Service port names are DNS labels, and when a Service has more than one port every port needs a distinct name. The same name on ports of two containers is accepted, but a Service or probe that refers to it by name picks only one of them, so it is reported as a warning.',
    example: 'ports:\n  - name: http_web\n    containerPort: 8080',
  },
  check(ctx) {
    for (const f of portFieldsOf(ctx.res)) {
      if (typeof f.value !== 'string') continue;
      if (f.role !== 'handlerPort' && f.role !== 'targetPort' && f.role !== 'ingressPort') continue;
      // IntOrString: a string of digits is still a name to the API server, and no valid name.
      const errs = ianaSvcName(f.value);
      if (errs.length) {
        const hint = /^[0-9]+$/.test(f.value) ? ` To use port ${f.value}, write it as a number, without quotes.` : ` ${IANA_HINT}, and must match a container port's name.`;
        ctx.report({ path: f.path, message: `Invalid port name "${f.value}": ${errs.join(', ')}.${hint}` });
      }
    }
    checkContainerPortNames(ctx);
    if (ctx.res.group === '' && ctx.res.kind === 'Service') checkServicePortNames(ctx);
  },
};

function checkContainerPortNames(ctx: ResourceContext): void {
  for (const pod of podSpecsOf(ctx.res)) {
    const inPod = new Map<string, PathSegment[]>();
    for (const c of containersOf(pod)) {
      const ports = c.container.ports;
      if (!Array.isArray(ports)) continue;
      const inContainer = new Set<string>();
      ports.forEach((p, i) => {
        if (!isObject(p) || typeof p.name !== 'string' || p.name === '') return;
        const path = [...c.path, 'ports', i, 'name'];
        const errs = ianaSvcName(p.name);
        if (errs.length) {
          ctx.report({ path, message: `Invalid container port name "${p.name}": ${errs.join(', ')}. ${IANA_HINT}.` });
          return;
        }
        // validateContainerPorts: names are unique within a container.
        if (inContainer.has(p.name)) {
          ctx.report({ path, message: `Duplicate value: "${p.name}": another port of this container already has this name. Give each port its own name.` });
          return;
        }
        inContainer.add(p.name);
        const first = inPod.get(p.name);
        if (first) {
          // Accepted by the API server (it only warns), but lookups by name become ambiguous.
          ctx.report({
            path,
            severity: 'warning',
            message: `Port name "${p.name}" is also used by another container of this pod; a Service targetPort or probe that refers to "${p.name}" uses only one of them. Give each port its own name.`,
            related: [{ uri: ctx.res.uri, span: ctx.spanOf(first), message: 'first port with this name' }],
          });
        } else inPod.set(p.name, path);
      });
    }
  }
}

function checkServicePortNames(ctx: ResourceContext): void {
  const ports = valueAt(ctx.res.value, ['spec', 'ports']);
  if (!Array.isArray(ports)) return;
  // validateServicePort(requireName = len(ports) > 1): every port of a multi-port Service has a unique DNS-label name.
  const requireName = ports.length > 1;
  const seen = new Map<string, PathSegment[]>();
  ports.forEach((p, i) => {
    if (!isObject(p)) return;
    const name = p.name;
    if (name === undefined || name === null || name === '') {
      if (requireName) {
        const guess = typeof p.port === 'number' ? `port-${p.port}` : undefined;
        ctx.report({
          path: p.port !== undefined ? ['spec', 'ports', i, 'port'] : ['spec', 'ports', i],
          part: p.port !== undefined ? 'key' : 'value',
          message: `spec.ports[${i}].name: Required value: a Service with more than one port must name every port. Add a name such as ${guess ? `"${guess}" or ` : ''}"http".`,
        });
      }
      return;
    }
    if (typeof name !== 'string') return;
    const path = ['spec', 'ports', i, 'name'];
    const errs = dns1123Label(name);
    if (errs.length) {
      ctx.report({ path, message: `Invalid Service port name "${name}": ${errs.join(', ')}. Use lowercase letters, digits and -, like "http" or "grpc-api".` });
      return;
    }
    const first = seen.get(name);
    if (first) {
      ctx.report({ path, message: `spec.ports[${i}].name: Duplicate value: "${name}". Each port of a Service needs its own name.`, related: [{ uri: ctx.res.uri, span: ctx.spanOf(first), message: 'first port with this name' }] });
    } else seen.set(name, path);
  });
}
