import { matchesLabels, ownerLabel } from '../index/labels';
import { isObject, labelMap } from '../k8s/podSpecs';
import type { ContainerPortFact, PodTemplateFact } from '../index/types';
import type { RelatedInResource, WorkspaceRule } from './types';

/** Fields of a ServicePort (core/v1). An entry with any other key has a typo that schema-unknown-field reports; its defaulted targetPort is not judged again. */
const SERVICE_PORT_FIELDS = new Set(['name', 'protocol', 'appProtocol', 'port', 'targetPort', 'nodePort']);

const describe = (p: ContainerPortFact): string => `${p.name ? p.name + ':' : ''}${p.containerPort}${p.protocol === 'TCP' ? '' : '/' + p.protocol}`;
const exposed = (t: PodTemplateFact): string => (t.ports.length ? t.ports.map(describe).join(', ') : 'no ports');

function portsRelated(t: PodTemplateFact): RelatedInResource {
  return { target: t.owner, path: t.ports.length ? t.ports[0].portsPath : t.labelsPath, message: `${ownerLabel(t)} exposes ${exposed(t)}` };
}

export const rule: WorkspaceRule = {
  kind: 'workspace',
  meta: {
    id: 'service-target-port-mismatch',
    defaultSeverity: 'warning',
    description: 'A Service port whose targetPort the selected pods do not expose.',
    rationale:
      'Endpoints resolve `targetPort` per pod (FindPort in k8s.io/kubernetes pkg/api/v1/pod): a name is looked up among the container ports (and sidecar ports) with the same name and protocol, and a pod without it is left out of the Service; a number is used as is. So a named targetPort that no selected pod defines leaves the Service without endpoints, and one only some pods define leaves the others out. A number that none of the declared containerPorts equals is most often a typo (8081 for 8080) and traffic goes to a port nothing listens on. Pods whose containers declare no ports at all are not judged for numbers: `containerPort` is informational and the port may well be open. An absent targetPort defaults to `port`.',
    example: 'ports:\n- port: 80\n  targetPort: htp   # the container port is named http',
  },
  check(ctx) {
    const { res, namespace } = ctx;
    if (res.group !== '' || res.kind !== 'Service' || namespace === undefined) return;
    const spec = res.value.spec;
    if (!isObject(spec) || spec.type === 'ExternalName' || !Array.isArray(spec.ports)) return;
    const selector = labelMap(spec.selector);
    if (Object.keys(selector).length === 0) return;
    const selected = ctx.index.podTemplates(namespace).filter((t) => t.portsKnown && matchesLabels(selector, t.labels));
    if (selected.length === 0) return; // service-selector-no-match says so

    spec.ports.forEach((p, i) => {
      if (!isObject(p)) return;
      const hasTarget = p.targetPort !== undefined && p.targetPort !== null && p.targetPort !== '' && p.targetPort !== 0;
      if (!hasTarget && Object.keys(p).some((k) => !SERVICE_PORT_FIELDS.has(k))) return;
      const target = hasTarget ? p.targetPort : p.port;
      const path = hasTarget ? ['spec', 'ports', i, 'targetPort'] : ['spec', 'ports', i, 'port'];
      const protocol = typeof p.protocol === 'string' && p.protocol ? p.protocol : 'TCP';
      if (typeof target === 'string' && !/^\d+$/.test(target)) {
        const lacking = selected.filter((t) => !t.ports.some((cp) => cp.name === target && cp.protocol === protocol));
        if (lacking.length === 0) return;
        const some = lacking.length < selected.length;
        const other = selected.find((t) => t.ports.some((cp) => cp.name === target)) ;
        const wrongProtocol = other && !some ? ` (${ownerLabel(other)} names it for ${other.ports.find((cp) => cp.name === target)?.protocol}, not ${protocol})` : '';
        ctx.report({
          path,
          message: some
            ? `targetPort "${target}" is a port name only some selected pods define: ${lacking.map(ownerLabel).join(', ')} ${lacking.length === 1 ? 'does' : 'do'} not, so ${lacking.length === 1 ? 'its pods are' : 'their pods are'} left out of the Service. They expose: ${lacking.map((t) => `${ownerLabel(t)} ${exposed(t)}`).join('; ')}.`
            : `targetPort "${target}" names no container port of the selected pods${wrongProtocol}, so the Service gets no endpoints for it. The pods expose: ${lacking.map((t) => `${ownerLabel(t)} ${exposed(t)}`).join('; ')}.`,
          related: lacking.map(portsRelated),
        });
        return;
      }
      const num = typeof target === 'number' ? target : typeof target === 'string' ? Number(target) : NaN;
      if (!Number.isInteger(num)) return;
      const declaring = selected.filter((t) => t.ports.length > 0);
      const lacking = declaring.filter((t) => !t.ports.some((cp) => cp.containerPort === num));
      if (lacking.length === 0) return;
      const what = hasTarget ? `targetPort ${num}` : `port ${num} (the targetPort when none is given)`;
      ctx.report({
        path,
        message: `${what} matches no containerPort of ${lacking.map(ownerLabel).join(', ')}, which ${lacking.length === 1 ? 'exposes' : 'expose'} ${lacking.map(exposed).join('; ')}; traffic would go to a port the containers do not declare.`,
        related: lacking.map(portsRelated),
      });
    });
  },
};
