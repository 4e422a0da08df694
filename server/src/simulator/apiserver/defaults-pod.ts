import { effectiveTag } from '../../engine/k8s/image';
import { dict, dicts, isDict, str, type Dict } from '../obj';

/**
 * Defaulting of a PodSpec, shared by Pods and pod templates
 * (pkg/apis/core/v1/defaults.go: SetDefaults_PodSpec, SetDefaults_Container,
 * SetDefaults_ContainerPort, SetDefaults_Probe). Mutates `podSpec`.
 */
export function defaultPodSpec(podSpec: Dict): void {
  podSpec.restartPolicy ??= 'Always';
  podSpec.dnsPolicy ??= 'ClusterFirst';
  podSpec.securityContext ??= {};
  podSpec.terminationGracePeriodSeconds ??= 30; // v1.DefaultTerminationGracePeriodSeconds
  podSpec.schedulerName ??= 'default-scheduler'; // v1.DefaultSchedulerName
  for (const field of ['initContainers', 'containers'] as const) for (const c of dicts(podSpec[field])) defaultContainer(c);
  for (const v of dicts(podSpec.volumes)) defaultVolume(v);
}

function defaultContainer(c: Dict): void {
  // SetDefaults_Container: Always when the image has no tag or the tag is :latest.
  c.imagePullPolicy ??= pullPolicyFor(str(c.image) ?? '');
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  const res = (c.resources = dict(c.resources));
  // SetDefaults_ResourceList-adjacent rule in SetDefaults_Pod: a limit with no request requests the limit.
  if (isDict(res.limits)) {
    const req = (res.requests = dict(res.requests));
    for (const [k, v] of Object.entries(res.limits)) if (req[k] === undefined) req[k] = v;
  }
  for (const p of dicts(c.ports)) p.protocol ??= 'TCP';
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) if (isDict(c[probe])) defaultProbe(c[probe] as Dict);
}

/** SetDefaults_Container: Always for an image whose tag is (or defaults to) latest, else IfNotPresent. */
export function pullPolicyFor(image: string): string {
  return effectiveTag(image) === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultProbe(p: Dict): void {
  p.timeoutSeconds ??= 1;
  p.periodSeconds ??= 10;
  p.successThreshold ??= 1;
  p.failureThreshold ??= 3;
  if (isDict(p.httpGet)) p.httpGet.scheme ??= 'HTTP';
}

function defaultVolume(v: Dict): void {
  // SetDefaults_SecretVolumeSource / ConfigMapVolumeSource: defaultMode 0644.
  if (isDict(v.secret)) v.secret.defaultMode ??= 420;
  if (isDict(v.configMap)) v.configMap.defaultMode ??= 420;
  if (v.emptyDir === null) v.emptyDir = {}; // `emptyDir:` with no value is an empty source
}

/** A pod template: the spec defaults, and the `creationTimestamp: null` every template shows. */
export function defaultPodTemplate(template: Dict): void {
  const meta = (template.metadata = dict(template.metadata));
  meta.creationTimestamp = null;
  const spec = (template.spec = dict(template.spec));
  defaultPodSpec(spec);
}

/**
 * What a real Pod gets beyond its spec defaults, from SetDefaults_Pod and the
 * admission plugins that run on every create: ServiceAccount (serviceAccountName
 * `default` and the kube-api-access-xxxxx projected token volume), Priority
 * (priority 0, PreemptLowerPriority) and DefaultTolerationSeconds (tolerate
 * not-ready and unreachable for 300 s).
 */
export function admitPod(podSpec: Dict, volumeSuffix: string, automountDefault: boolean): void {
  defaultPodSpec(podSpec);
  podSpec.enableServiceLinks ??= true;
  podSpec.serviceAccountName ??= str(podSpec.serviceAccount) ?? 'default';
  podSpec.serviceAccount = podSpec.serviceAccountName; // the deprecated alias is kept in sync
  podSpec.priority ??= 0;
  podSpec.preemptionPolicy ??= 'PreemptLowerPriority';
  const tolerations = dicts(podSpec.tolerations);
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    const covered = tolerations.some((t) => (t.key === key || (t.key === undefined && t.operator === 'Exists')) && (t.effect === undefined || t.effect === 'NoExecute'));
    if (!covered) tolerations.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
  }
  podSpec.tolerations = tolerations;
  const automount = typeof podSpec.automountServiceAccountToken === 'boolean' ? podSpec.automountServiceAccountToken : automountDefault;
  if (automount) addTokenVolume(podSpec, `kube-api-access-${volumeSuffix}`);
}

/**
 * The projected source of every kube-api-access volume. One object serves
 * every pod: nothing writes a pod's volume sources after admission (the
 * kubelet and the outputs only read them), and frozen, a write would throw
 * rather than change every pod.
 */
const TOKEN_PROJECTION: Dict = deepFreeze({
  defaultMode: 420,
  sources: [
    { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
    { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
    { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
  ],
});

function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null) {
    for (const x of Object.values(v)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
}

function addTokenVolume(podSpec: Dict, name: string): void {
  const volumes = dicts(podSpec.volumes);
  volumes.push({ name, projected: TOKEN_PROJECTION });
  podSpec.volumes = volumes;
  for (const field of ['initContainers', 'containers'] as const) {
    for (const c of dicts(podSpec[field])) {
      const mounts = dicts(c.volumeMounts);
      if (mounts.some((m) => m.mountPath === '/var/run/secrets/kubernetes.io/serviceaccount')) continue;
      mounts.push({ mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name, readOnly: true });
      c.volumeMounts = mounts;
    }
  }
}
