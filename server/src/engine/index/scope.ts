/**
 * Which objects live in a namespace, and which namespaces exist without a manifest.
 *
 * Cluster-scoped built-in kinds are those `kubectl api-resources --namespaced=false`
 * lists (each type's REST storage sets NamespaceScoped() false upstream, e.g.
 * pkg/registry/core/namespace/strategy.go). Custom resources are assumed
 * namespaced, except kinds named Cluster* (ClusterIssuer, ClusterPolicy, ...),
 * which by convention are cluster-scoped.
 */
const CLUSTER_SCOPED = new Set([
  'Namespace', 'Node', 'PersistentVolume', 'ComponentStatus',
  'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding',
  'MutatingAdmissionPolicy', 'MutatingAdmissionPolicyBinding',
  'CustomResourceDefinition', 'APIService',
  'TokenReview', 'SelfSubjectReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview', 'SubjectAccessReview',
  'CertificateSigningRequest', 'ClusterTrustBundle',
  'FlowSchema', 'PriorityLevelConfiguration',
  'IngressClass', 'IPAddress', 'ServiceCIDR',
  'RuntimeClass', 'PodSecurityPolicy', 'PriorityClass',
  'ClusterRole', 'ClusterRoleBinding',
  'CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment', 'VolumeAttributesClass', 'StorageVersionMigration',
  'DeviceClass', 'ResourceSlice', 'DeviceTaintRule',
]);

export function isClusterScoped(kind: string): boolean {
  return CLUSTER_SCOPED.has(kind) || /^Cluster[A-Z]/.test(kind);
}

/**
 * Namespaces every cluster has: the API server creates `default`, `kube-system`,
 * `kube-public` and `kube-node-lease` itself (pkg/controlplane/controller/systemnamespaces,
 * and metav1.NamespaceDefault / NamespaceSystem / NamespacePublic / NamespaceNodeLease).
 */
export const BUILTIN_NAMESPACES: ReadonlySet<string> = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);

/** The namespace an object lands in: its own, else the default one; undefined for cluster-scoped kinds. */
/**
 * A workspace is often a part of what runs in a cluster: a Service-only file, an app whose
 * Secrets are created with `kubectl create secret`. So a reference rule judges a (kind,
 * namespace) only when the workspace defines at least one object of that kind there (pods for
 * selectors); then a name outside them is most likely a mistake. The same holds for
 * Namespaces, ServiceAccounts and IngressClasses.
 */
export const PARTIAL_WORKSPACE_POLICY = 'judge a kind in a namespace only when the workspace defines some';

export function effectiveNamespace(kind: string, written: string | undefined, defaultNamespace: string): string | undefined {
  if (isClusterScoped(kind)) return undefined;
  return written ?? defaultNamespace;
}
