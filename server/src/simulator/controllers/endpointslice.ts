import type { Sim } from '../context';
import { canonicalJson, sameJson } from '../hash';
import { dict, ownerRef, str, stringMap, type Dict } from '../obj';
import { newObject } from '../store';
import type { KObject } from '../types';
import { addressedPodsVersion, hasManagedEndpoints, serviceBackends } from './endpoints';
import { QuietObjects } from './quiet';
import { ownedBy } from './util';

/**
 * The EndpointSlice controller (pkg/controller/endpointslice): slices named
 * `<service>-<5 chars>`, labelled kubernetes.io/service-name and owned by the
 * Service, one per distinct set of resolved ports. Every pod with an IP is
 * listed, with conditions ready / serving / terminating, its node and zone.
 * A Service with no backends still gets one empty slice (ports and endpoints null).
 */
export function reconcileEndpointSlices(sim: Sim): void {
  for (const svc of sim.store.list('Service')) {
    if (!hasManagedEndpoints(svc)) continue;
    // What a sync reads: the Service, the pods of its namespace, the nodes (zones) and its slices.
    const fingerprint = `${svc.metadata.resourceVersion}/${addressedPodsVersion(sim, svc.metadata.namespace)}/${sim.store.kindStamp('Node')}/${sim.store.ownedStamp(svc.metadata.uid)}`;
    quiet.run(sim, svc, fingerprint, () => syncSlices(sim, svc));
  }
}

const quiet = new QuietObjects();

function syncSlices(sim: Sim, svc: KObject): void {
  const groups = new Map<string, { ports: unknown; endpoints: Dict[] }>();
  const backends = serviceBackends(sim, svc).sort((a, b) => (a.pod.metadata.name < b.pod.metadata.name ? -1 : 1));
  for (const b of backends) {
    const key = canonicalJson(b.ports);
    const g = groups.get(key) ?? { ports: b.ports.length ? b.ports : null, endpoints: [] };
    groups.set(key, g);
    const nodeName = str(dict(b.pod.spec).nodeName);
    const zone = nodeName ? sim.store.get('Node', undefined, nodeName)?.metadata.labels?.['topology.kubernetes.io/zone'] : undefined;
    g.endpoints.push({
      addresses: [b.ip],
      conditions: { ready: b.ready, serving: b.ready, terminating: false },
      ...(nodeName ? { nodeName } : {}),
      targetRef: { kind: 'Pod', name: b.pod.metadata.name, namespace: b.pod.metadata.namespace, uid: b.pod.metadata.uid },
      ...(zone ? { zone } : {}),
    });
  }
  if (groups.size === 0) groups.set('', { ports: null, endpoints: [] });
  const wanted = [...groups.values()];
  const slices = ownedBy(sim, 'EndpointSlice', svc);
  const headless = dict(svc.spec).clusterIP === 'None';
  wanted.forEach((g, i) => {
    const body = { endpoints: g.endpoints.length ? g.endpoints : null, ports: g.ports };
    const slice = slices[i];
    if (!slice) {
      sim.store.create(
        newObject('discovery.k8s.io/v1', 'EndpointSlice', {
          generateName: `${svc.metadata.name}-`,
          namespace: svc.metadata.namespace,
          generation: 1,
          labels: { ...stringMap(svc.metadata.labels), 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': svc.metadata.name, ...(headless ? { 'service.kubernetes.io/headless': '' } : {}) },
          annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': sim.store.now() },
          ownerReferences: [ownerRef(svc)],
        }, { addressType: 'IPv4', ...body }),
      );
    } else if (!sameJson({ endpoints: slice.endpoints, ports: slice.ports }, body)) {
      slice.endpoints = body.endpoints;
      slice.ports = body.ports;
      slice.metadata.generation = (slice.metadata.generation ?? 1) + 1;
      sim.store.update(slice);
    }
  });
  for (const extra of slices.slice(wanted.length)) sim.store.delete(extra);
}
