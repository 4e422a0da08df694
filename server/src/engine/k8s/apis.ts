/**
 * API versions that Kubernetes has removed or deprecated, from the upstream
 * deprecated API migration guide (kubernetes.io/docs/reference/using-api/deprecation-guide/).
 * `removedIn` is the first release that no longer serves the version.
 */
export interface ApiLifecycle {
  apiVersion: string;
  kinds: string[] | '*';
  deprecatedIn: string;
  removedIn?: string;
  /** What to write instead; undefined when the API has no successor. */
  replacement?: string;
  note?: string;
}

const W = (apiVersion: string, kinds: string[] | '*', deprecatedIn: string, removedIn: string | undefined, replacement?: string, note?: string): ApiLifecycle => ({ apiVersion, kinds, deprecatedIn, removedIn, replacement, note });

export const API_LIFECYCLE: ApiLifecycle[] = [
  W('extensions/v1beta1', ['Deployment', 'DaemonSet', 'ReplicaSet'], '1.8', '1.16', 'apps/v1'),
  W('extensions/v1beta1', ['NetworkPolicy'], '1.9', '1.16', 'networking.k8s.io/v1'),
  W('extensions/v1beta1', ['PodSecurityPolicy'], '1.10', '1.16', 'policy/v1beta1'),
  W('extensions/v1beta1', ['Ingress'], '1.14', '1.22', 'networking.k8s.io/v1'),
  W('apps/v1beta1', '*', '1.9', '1.16', 'apps/v1'),
  W('apps/v1beta2', '*', '1.9', '1.16', 'apps/v1'),
  W('networking.k8s.io/v1beta1', ['Ingress', 'IngressClass'], '1.19', '1.22', 'networking.k8s.io/v1'),
  W('admissionregistration.k8s.io/v1beta1', ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'], '1.16', '1.22', 'admissionregistration.k8s.io/v1'),
  W('apiextensions.k8s.io/v1beta1', ['CustomResourceDefinition'], '1.16', '1.22', 'apiextensions.k8s.io/v1'),
  W('apiregistration.k8s.io/v1beta1', ['APIService'], '1.19', '1.22', 'apiregistration.k8s.io/v1'),
  W('authentication.k8s.io/v1beta1', ['TokenReview'], '1.19', '1.22', 'authentication.k8s.io/v1'),
  W('authorization.k8s.io/v1beta1', ['SubjectAccessReview', 'LocalSubjectAccessReview', 'SelfSubjectAccessReview'], '1.19', '1.22', 'authorization.k8s.io/v1'),
  W('certificates.k8s.io/v1beta1', ['CertificateSigningRequest'], '1.19', '1.22', 'certificates.k8s.io/v1'),
  W('coordination.k8s.io/v1beta1', ['Lease'], '1.19', '1.22', 'coordination.k8s.io/v1'),
  W('rbac.authorization.k8s.io/v1beta1', '*', '1.17', '1.22', 'rbac.authorization.k8s.io/v1'),
  W('rbac.authorization.k8s.io/v1alpha1', '*', '1.17', '1.22', 'rbac.authorization.k8s.io/v1'),
  W('scheduling.k8s.io/v1beta1', ['PriorityClass'], '1.14', '1.22', 'scheduling.k8s.io/v1'),
  W('scheduling.k8s.io/v1alpha1', ['PriorityClass'], '1.14', '1.17', 'scheduling.k8s.io/v1'),
  W('storage.k8s.io/v1beta1', ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'], '1.19', '1.22', 'storage.k8s.io/v1'),
  W('batch/v1beta1', ['CronJob'], '1.21', '1.25', 'batch/v1'),
  W('batch/v2alpha1', ['CronJob'], '1.21', '1.21', 'batch/v1'),
  W('discovery.k8s.io/v1beta1', ['EndpointSlice'], '1.21', '1.25', 'discovery.k8s.io/v1'),
  W('events.k8s.io/v1beta1', ['Event'], '1.19', '1.25', 'events.k8s.io/v1'),
  W('autoscaling/v2beta1', ['HorizontalPodAutoscaler'], '1.22', '1.25', 'autoscaling/v2'),
  W('autoscaling/v2beta2', ['HorizontalPodAutoscaler'], '1.23', '1.26', 'autoscaling/v2'),
  W('policy/v1beta1', ['PodDisruptionBudget'], '1.21', '1.25', 'policy/v1'),
  W('policy/v1beta1', ['PodSecurityPolicy'], '1.21', '1.25', undefined, 'PodSecurityPolicy was removed; use Pod Security Admission (namespace labels pod-security.kubernetes.io/enforce).'),
  W('node.k8s.io/v1beta1', ['RuntimeClass'], '1.20', '1.25', 'node.k8s.io/v1'),
  W('flowcontrol.apiserver.k8s.io/v1beta1', ['FlowSchema', 'PriorityLevelConfiguration'], '1.23', '1.26', 'flowcontrol.apiserver.k8s.io/v1'),
  W('flowcontrol.apiserver.k8s.io/v1beta2', ['FlowSchema', 'PriorityLevelConfiguration'], '1.26', '1.29', 'flowcontrol.apiserver.k8s.io/v1'),
  W('flowcontrol.apiserver.k8s.io/v1beta3', ['FlowSchema', 'PriorityLevelConfiguration'], '1.29', '1.32', 'flowcontrol.apiserver.k8s.io/v1'),
  W('storage.k8s.io/v1beta1', ['CSIStorageCapacity'], '1.24', '1.27', 'storage.k8s.io/v1'),
];

/** Compares "1.22" style versions. */
export function minorOf(v: string): number {
  const m = /^v?1\.(\d+)/.exec(v.trim());
  return m ? Number(m[1]) : NaN;
}

export function lifecycleOf(apiVersion: string, kind: string): ApiLifecycle | undefined {
  return API_LIFECYCLE.find((l) => l.apiVersion === apiVersion && (l.kinds === '*' || l.kinds.includes(kind)));
}

/** API groups that Kubernetes serves or once served; anything else is a custom resource. */
export function builtinGroups(bundleKinds: Record<string, string>): Set<string> {
  const groups = new Set<string>(['', 'extensions', 'apiregistration.k8s.io', 'authentication.k8s.io', 'authorization.k8s.io', 'metrics.k8s.io']);
  for (const key of Object.keys(bundleKinds)) {
    const apiVersion = key.slice(0, key.lastIndexOf(':'));
    const slash = apiVersion.indexOf('/');
    groups.add(slash < 0 ? '' : apiVersion.slice(0, slash));
  }
  for (const l of API_LIFECYCLE) groups.add(l.apiVersion.includes('/') ? l.apiVersion.slice(0, l.apiVersion.indexOf('/')) : '');
  return groups;
}
