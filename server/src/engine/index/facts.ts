import type { Resource } from '../k8s/resource';
import { containersOf, isObject, labelMap, runningPodSpecsOf, valueAt } from '../k8s/podSpecs';
import { claimFact, storageClassFact, volumeFact } from './storageFacts';
import type { ContainerPortFact, ResourceFacts, ServicePortFact } from './types';

const keysOf = (...maps: unknown[]): string[] => [...new Set(maps.flatMap((m) => (isObject(m) ? Object.keys(m) : [])))].sort();

/** Protocol of a port; the API defaults it to TCP (SetDefaults_ServicePort, SetDefaults_ContainerPort). */
/** A port number; a numeric string (a type error the schema rules report) still counts, so one mistake is reported once. */
const portNumber = (v: unknown): number | undefined => (typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined);

const protocolOf = (v: unknown): string => (typeof v === 'string' && v !== '' ? v : 'TCP');

export function factsOf(res: Resource): ResourceFacts {
  const v = res.value;
  // With no data field at all, the keys are filled in by something else (the token controller for
  // service-account-token Secrets, an operator) or lost to a misspelt field the schema rules report: unknown.
  if (res.group === '' && res.kind === 'ConfigMap') return 'data' in v || 'binaryData' in v ? { keys: keysOf(v.data, v.binaryData) } : {};
  if (res.group === '' && res.kind === 'Secret') return 'data' in v || 'stringData' in v ? { keys: keysOf(v.data, v.stringData) } : {};
  if (res.group === '' && res.kind === 'PersistentVolumeClaim') return { claim: claimFact(v.spec, v.metadata) };
  if (res.group === '' && res.kind === 'PersistentVolume') return { volume: volumeFact(v.spec, v.metadata) };
  if (res.group === 'storage.k8s.io' && res.kind === 'StorageClass') return { storageClass: storageClassFact(v.metadata) };
  if (res.group === '' && res.kind === 'Service') {
    const spec = isObject(v.spec) ? v.spec : {};
    const ports: ServicePortFact[] = [];
    if (Array.isArray(spec.ports))
      spec.ports.forEach((p, i) => {
        const port = isObject(p) ? portNumber(p.port) : undefined;
        if (isObject(p) && port !== undefined) ports.push({ ...(typeof p.name === 'string' ? { name: p.name } : {}), port, protocol: protocolOf(p.protocol), path: ['spec', 'ports', i] });
      });
    return { servicePorts: ports, serviceType: typeof spec.type === 'string' ? spec.type : 'ClusterIP', headless: spec.clusterIP === 'None', ...(isObject(spec.selector) ? { selector: labelMap(spec.selector) } : {}) };
  }
  return {};
}

export interface GeneratedObject {
  group: string;
  kind: string;
  name: string;
  facts: ResourceFacts;
}

/**
 * Objects that another object makes in the same namespace, so references to them
 * are not dangling: Secrets from Bitnami SealedSecret (spec.template.metadata.name,
 * else its own name), External Secrets Operator ExternalSecret (spec.target.name,
 * else its own name) and cert-manager Certificate (spec.secretName); and the
 * claims a StatefulSet creates, <template>-<statefulset>-<ordinal>
 * (StatefulSet controller getPersistentVolumeClaimName).
 */
export function generatedBy(res: Resource): GeneratedObject[] {
  const v = res.value;
  const by = `${res.kind.toLowerCase()}/${res.name}`;
  const secret = (name: unknown): GeneratedObject[] => (typeof name === 'string' && name ? [{ group: '', kind: 'Secret', name, facts: { generatedBy: by } }] : []);
  if (res.kind === 'SealedSecret' && res.group === 'bitnami.com') return secret(valueAt(v, ['spec', 'template', 'metadata', 'name']) ?? res.name);
  if (res.kind === 'ExternalSecret' && res.group.startsWith('external-secrets.io')) return secret(valueAt(v, ['spec', 'target', 'name']) ?? res.name);
  if (res.kind === 'Certificate' && res.group === 'cert-manager.io') return secret(valueAt(v, ['spec', 'secretName']));
  if (res.kind === 'StatefulSet' && res.name) {
    const templates = valueAt(v, ['spec', 'volumeClaimTemplates']);
    const replicas = valueAt(v, ['spec', 'replicas']);
    const n = typeof replicas === 'number' && replicas >= 0 ? Math.min(replicas, 100) : 1;
    const out: GeneratedObject[] = [];
    if (Array.isArray(templates))
      for (const t of templates) {
        const tn = valueAt(t, ['metadata', 'name']);
        if (typeof tn === 'string') for (let i = 0; i < n; i++) out.push({ group: '', kind: 'PersistentVolumeClaim', name: `${tn}-${res.name}-${i}`, facts: { generatedBy: by, claim: claimFact(valueAt(t, ['spec']), valueAt(t, ['metadata'])) } });
      }
    return out;
  }
  return [];
}

/** Container ports a Service can target: regular containers and sidecars (init containers with restartPolicy: Always), as FindPort reads them. */
export function podPorts(res: Resource): { labels: Record<string, string>; labelsPath: (string | number)[]; ports: ContainerPortFact[] | undefined }[] {
  return runningPodSpecsOf(res).map((p) => {
    const labelsPath = [...p.templatePath, 'metadata', 'labels'];
    // A template without containers is rejected on its own (schema-required); its ports are unknown, not empty.
    if (!Array.isArray(p.spec.containers) || p.spec.containers.length === 0) return { labels: p.labels, labelsPath, ports: undefined };
    const ports: ContainerPortFact[] = [];
    for (const c of containersOf(p)) {
      const field = c.list;
      if (field === 'ephemeralContainers') continue;
      if (field === 'initContainers' && c.container.restartPolicy !== 'Always') continue;
      const list = c.container.ports;
      if (!Array.isArray(list)) continue;
      for (const port of list) {
        const containerPort = isObject(port) ? portNumber(port.containerPort) : undefined;
        if (!isObject(port) || containerPort === undefined) continue;
        ports.push({ ...(typeof port.name === 'string' ? { name: port.name } : {}), containerPort, protocol: protocolOf(port.protocol), portsPath: [...c.path, 'ports'] });
      }
    }
    return { labels: p.labels, labelsPath, ports };
  });
}
