import { headlessAt, serviceSpecOf } from '../k8s/service';
import type { ResourceRule } from './types';

export const rule: ResourceRule = {
  kind: 'resource',
  meta: {
    id: 'headless-service-type',
    defaultSeverity: 'error',
    description: 'A headless Service (clusterIP: None) of type NodePort or LoadBalancer.',
    rationale:
      'A headless Service has no cluster IP: DNS answers with the pod IPs directly. A NodePort or LoadBalancer Service forwards traffic from the nodes or the load balancer to its cluster IP, so it needs one, and the API server rejects the combination (ValidateService: `may not be set to \'None\' for NodePort services`). Keep the headless Service for the pods\' DNS names (a StatefulSet\'s serviceName) and add a second Service for outside traffic.',
    example: 'kind: Service\nspec:\n  type: NodePort\n  clusterIP: None',
  },
  check(ctx) {
    const spec = serviceSpecOf(ctx.res);
    if (!spec) return;
    const type = typeof spec.type === 'string' ? spec.type : undefined;
    if (type !== 'NodePort' && type !== 'LoadBalancer') return;
    const path = headlessAt(spec);
    if (!path) return;
    ctx.report({
      path,
      message: `spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for ${type} services. A headless Service has no cluster IP, and a ${type} Service forwards to one: remove clusterIP: None, or keep this Service headless (type ClusterIP) and add another for outside traffic.`,
    });
  },
};
