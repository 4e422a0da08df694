import { dicts, type Dict } from '../obj';

/**
 * pkg/apis/core/v1/defaults.go SetDefaults_Service, plus what the Service REST
 * storage fills in (ipFamilies / ipFamilyPolicy on a single-stack IPv4 cluster).
 * ClusterIPs and nodePorts are allocated separately (apiserver/allocators.ts).
 */
export function defaultService(spec: Dict): void {
  spec.type ??= 'ClusterIP';
  spec.sessionAffinity ??= 'None';
  for (const p of dicts(spec.ports)) {
    p.protocol ??= 'TCP';
    // A missing targetPort means "the same as port".
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  if (spec.type === 'ExternalName') return;
  spec.internalTrafficPolicy ??= 'Cluster';
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') spec.externalTrafficPolicy ??= 'Cluster';
  if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
  spec.ipFamilies ??= ['IPv4'];
  spec.ipFamilyPolicy ??= 'SingleStack';
}
