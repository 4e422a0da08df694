import type { Sim } from '../context';
import { dicts, num, str, type Dict } from '../obj';
import { invalid } from './messages';

/**
 * What the Service REST storage does on create (pkg/registry/core/service/storage):
 * allocate or reserve the ClusterIP (None for headless, nothing for
 * ExternalName), and a nodePort per port for NodePort and LoadBalancer
 * Services. Returns an error message, or undefined; on error nothing is kept.
 * `previous` is the stored spec on an update: its allocations are carried over.
 */
export function allocateService(sim: Sim, name: string, spec: Dict, previous?: Dict): string | undefined {
  const type = str(spec.type) ?? 'ClusterIP';
  const requestedIp = str(spec.clusterIP) ?? str((spec.clusterIPs as unknown[] | undefined)?.[0]);
  if (type === 'ExternalName') {
    delete spec.clusterIP;
    delete spec.clusterIPs;
  } else if (requestedIp === 'None') {
    spec.clusterIP = 'None';
    spec.clusterIPs = ['None'];
  } else if (previous && str(previous.clusterIP) && (!requestedIp || requestedIp === previous.clusterIP)) {
    spec.clusterIP = previous.clusterIP; // clusterIP is immutable; an apply without it keeps the allocated one
    spec.clusterIPs = [previous.clusterIP];
  } else if (requestedIp) {
    if (!sim.clusterIps.inRange(requestedIp)) {
      return invalid('Service', name, `spec.clusterIPs: Invalid value: []string{"${requestedIp}"}: failed to allocate IP ${requestedIp}: the provided IP (${requestedIp}) is not in the valid range. The range of valid IPs is 10.96.0.0/12`);
    }
    if (!sim.clusterIps.reserve(requestedIp)) {
      return invalid('Service', name, `spec.clusterIPs: Invalid value: []string{"${requestedIp}"}: failed to allocate IP ${requestedIp}: provided IP is already allocated`);
    }
    spec.clusterIPs = [requestedIp];
  } else {
    const ip = sim.clusterIps.allocate();
    spec.clusterIP = ip;
    spec.clusterIPs = [ip];
  }

  const wantsNodePorts = type === 'NodePort' || (type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);
  if (!wantsNodePorts) return undefined;
  const oldPorts = dicts(previous?.ports);
  const ports = dicts(spec.ports);
  const taken: number[] = [];
  for (let i = 0; i < ports.length; i++) {
    const p = ports[i];
    const asked = num(p.nodePort);
    const kept = num(oldPorts.find((o) => o.port === p.port && (o.protocol ?? 'TCP') === (p.protocol ?? 'TCP'))?.nodePort);
    if (asked !== undefined && asked === kept) continue;
    if (asked === undefined && kept !== undefined) {
      p.nodePort = kept;
      continue;
    }
    if (asked !== undefined) {
      if (!sim.nodePorts.inRange(asked)) {
        taken.forEach((t) => sim.nodePorts.release(t));
        return invalid('Service', name, `spec.ports[${i}].nodePort: Invalid value: ${asked}: provided port is not in the valid range. The range of valid ports is 30000-32767`);
      }
      if (sim.nodePorts.isUsed(asked)) {
        taken.forEach((t) => sim.nodePorts.release(t));
        return invalid('Service', name, `spec.ports[${i}].nodePort: Invalid value: ${asked}: provided port is already allocated`);
      }
      sim.nodePorts.reserve(asked);
      taken.push(asked);
    } else {
      const port = sim.nodePorts.allocate();
      p.nodePort = port;
      taken.push(port);
    }
  }
  return undefined;
}
