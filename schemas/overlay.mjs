// What the TypeScript declarations in kubernetes-types cannot say, but the
// API server enforces. Each entry cites the upstream constant or validation it
// mirrors (k8s.io/api/core/v1/types.go unless said otherwise).

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];
const ACCESS_MODES = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'];
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** definition -> property -> allowed values (for arrays: of the items). */
const ENUMS = {
  'core.v1.Container': { imagePullPolicy: ['Always', 'IfNotPresent', 'Never'], terminationMessagePolicy: ['File', 'FallbackToLogsOnError'], restartPolicy: ['Always'] },
  'core.v1.EphemeralContainer': { imagePullPolicy: ['Always', 'IfNotPresent', 'Never'], terminationMessagePolicy: ['File', 'FallbackToLogsOnError'] },
  'core.v1.ContainerPort': { protocol: PROTOCOLS },
  'core.v1.ServicePort': { protocol: PROTOCOLS },
  'core.v1.EndpointPort': { protocol: PROTOCOLS },
  'discovery.v1.EndpointPort': { protocol: PROTOCOLS },
  'networking.v1.NetworkPolicyPort': { protocol: PROTOCOLS },
  'core.v1.PodSpec': {
    restartPolicy: ['Always', 'OnFailure', 'Never'],
    dnsPolicy: ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'],
    preemptionPolicy: ['PreemptLowerPriority', 'Never'],
  },
  'core.v1.PodOS': { name: ['linux', 'windows'] },
  'core.v1.ServiceSpec': {
    type: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'],
    sessionAffinity: ['ClientIP', 'None'],
    externalTrafficPolicy: ['Cluster', 'Local'],
    internalTrafficPolicy: ['Cluster', 'Local'],
    ipFamilyPolicy: ['SingleStack', 'PreferDualStack', 'RequireDualStack'],
    ipFamilies: ['IPv4', 'IPv6'],
  },
  'core.v1.PersistentVolumeClaimSpec': { accessModes: ACCESS_MODES, volumeMode: ['Filesystem', 'Block'] },
  'core.v1.PersistentVolumeSpec': { accessModes: ACCESS_MODES, volumeMode: ['Filesystem', 'Block'], persistentVolumeReclaimPolicy: ['Retain', 'Recycle', 'Delete'] },
  'storage.v1.StorageClass': { reclaimPolicy: ['Retain', 'Delete'], volumeBindingMode: ['Immediate', 'WaitForFirstConsumer'] },
  'core.v1.Toleration': { operator: ['Exists', 'Equal'], effect: TAINT_EFFECTS },
  'core.v1.Taint': { effect: TAINT_EFFECTS },
  'meta.v1.LabelSelectorRequirement': { operator: ['In', 'NotIn', 'Exists', 'DoesNotExist'] },
  'core.v1.NodeSelectorRequirement': { operator: ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'] },
  'core.v1.HTTPGetAction': { scheme: ['HTTP', 'HTTPS'] },
  'core.v1.HostPathVolumeSource': { type: ['', 'DirectoryOrCreate', 'Directory', 'FileOrCreate', 'File', 'Socket', 'CharDevice', 'BlockDevice'] },
  'core.v1.SeccompProfile': { type: ['Localhost', 'RuntimeDefault', 'Unconfined'] },
  'core.v1.AppArmorProfile': { type: ['Localhost', 'RuntimeDefault', 'Unconfined'] },
  'core.v1.TopologySpreadConstraint': { whenUnsatisfiable: ['DoNotSchedule', 'ScheduleAnyway'], nodeAffinityPolicy: ['Honor', 'Ignore'], nodeTaintsPolicy: ['Honor', 'Ignore'] },
  'core.v1.ContainerResizePolicy': { restartPolicy: ['NotRequired', 'RestartContainer'] },
  // k8s.io/api/apps/v1/types.go
  'apps.v1.DeploymentStrategy': { type: ['Recreate', 'RollingUpdate'] },
  'apps.v1.StatefulSetUpdateStrategy': { type: ['RollingUpdate', 'OnDelete'] },
  'apps.v1.DaemonSetUpdateStrategy': { type: ['RollingUpdate', 'OnDelete'] },
  'apps.v1.StatefulSetSpec': { podManagementPolicy: ['OrderedReady', 'Parallel'] },
  'apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy': { whenDeleted: ['Retain', 'Delete'], whenScaled: ['Retain', 'Delete'] },
  // k8s.io/api/batch/v1/types.go
  'batch.v1.CronJobSpec': { concurrencyPolicy: ['Allow', 'Forbid', 'Replace'] },
  'batch.v1.JobSpec': { completionMode: ['NonIndexed', 'Indexed'], podReplacementPolicy: ['TerminatingOrFailed', 'Failed'] },
  // k8s.io/api/networking/v1/types.go
  'networking.v1.HTTPIngressPath': { pathType: ['Exact', 'Prefix', 'ImplementationSpecific'] },
  'networking.v1.NetworkPolicySpec': { policyTypes: ['Ingress', 'Egress'] },
  // k8s.io/api/autoscaling/v2/types.go
  'autoscaling.v2.MetricSpec': { type: ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'] },
  'autoscaling.v2.MetricTarget': { type: ['Utilization', 'Value', 'AverageValue'] },
  'autoscaling.v2.HPAScalingRules': { selectPolicy: ['Max', 'Min', 'Disabled'] },
  'autoscaling.v2.HPAScalingPolicy': { type: ['Pods', 'Percent'] },
  // k8s.io/api/policy/v1/types.go
  'policy.v1.PodDisruptionBudgetSpec': { unhealthyPodEvictionPolicy: ['IfHealthyBudget', 'AlwaysAllow'] },
};

/** Fields the API server requires though the Go type marks them omitempty. */
const REQUIRED = {
  // pkg/apis/core/validation: validateContainerCommon requires an image for containers and init containers.
  'core.v1.Container': ['image'],
  // Workloads without a spec fail on spec.selector / spec.template / spec.containers.
  'apps.v1.Deployment': ['spec'],
  'apps.v1.ReplicaSet': ['spec'],
  'apps.v1.StatefulSet': ['spec'],
  'apps.v1.DaemonSet': ['spec'],
  'batch.v1.Job': ['spec'],
  'batch.v1.CronJob': ['spec'],
  'core.v1.Pod': ['spec'],
  'core.v1.PodTemplateSpec': ['spec'],
  'batch.v1.JobTemplateSpec': ['spec'],
};

/**
 * Fields kubernetes-types lost: Go structs embedded with `json:",inline"` whose
 * fields the declarations do not repeat. The API server accepts them.
 */
const ADMISSION_RULE = {
  // k8s.io/api/admissionregistration/v1/types.go: Rule (inlined in RuleWithOperations, itself inlined in NamedRuleWithOperations).
  resources: {
    type: 'array',
    items: { type: 'string' },
    description: "Resources is a list of resources this rule applies to. For example: 'pods' means pods, 'pods/log' means the log subresource of pods, '*' means all resources but not subresources, 'pods/*' means all subresources of pods. Required.",
  },
  scope: {
    type: 'string',
    enum: ['Cluster', 'Namespaced', '*'],
    description: 'Scope specifies the scope of this rule: "Cluster", "Namespaced" or "*" (the default, no scope restriction).',
  },
};
/** k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1/types_jsonschema.go: the structural-schema extensions. */
const SCHEMA_EXTENSIONS = {
  'x-kubernetes-preserve-unknown-fields': { type: 'boolean', description: 'Stops the API server from pruning fields of this object that the schema does not specify (recursively, until a nested properties or additionalProperties schema applies).' },
  'x-kubernetes-embedded-resource': { type: 'boolean', description: 'The value is an embedded Kubernetes object, with apiVersion, kind and metadata. Requires type: object.' },
  'x-kubernetes-int-or-string': { type: 'boolean', description: 'The value is an integer or a string; the type is left empty.' },
  'x-kubernetes-list-map-keys': { type: 'array', items: { type: 'string' }, description: 'With x-kubernetes-list-type: map, the keys that identify an item of the list.' },
  'x-kubernetes-list-type': { type: 'string', enum: ['atomic', 'set', 'map'], description: 'How server-side apply merges the list: atomic (replace), set (unique scalars), map (items identified by x-kubernetes-list-map-keys).' },
  'x-kubernetes-map-type': { type: 'string', enum: ['granular', 'atomic'], description: 'How server-side apply merges the map: granular (field by field) or atomic (replace).' },
  'x-kubernetes-validations': {
    type: 'array',
    description: 'CEL validation rules of this value.',
    items: {
      type: 'object',
      required: ['rule'],
      additionalProperties: false,
      properties: {
        rule: { type: 'string' },
        message: { type: 'string' },
        messageExpression: { type: 'string' },
        reason: { type: 'string', enum: ['FieldValueInvalid', 'FieldValueForbidden', 'FieldValueRequired', 'FieldValueDuplicate'] },
        fieldPath: { type: 'string' },
        optionalOldSelf: { type: 'boolean' },
      },
    },
  },
};
const MISSING_FIELDS = {
  'apiextensions.v1.JSONSchemaProps': SCHEMA_EXTENSIONS,
  'admissionregistration.v1.RuleWithOperations': ADMISSION_RULE,
  'admissionregistration.v1.NamedRuleWithOperations': ADMISSION_RULE,
  'admissionregistration.v1beta1.NamedRuleWithOperations': ADMISSION_RULE,
  'admissionregistration.v1alpha1.NamedRuleWithOperations': ADMISSION_RULE,
};

/** Fields that really are floating point in the API (everything else numeric is int32/int64). */
const FLOAT_DEFINITIONS = new Set(['apiextensions.v1.JSONSchemaProps']);

const isIntOrString = (t) => Array.isArray(t) && t.length === 2 && t.includes('number') && t.includes('string');

function walk(node, inFloatDef) {
  if (Array.isArray(node)) {
    for (const n of node) walk(n, inFloatDef);
    return;
  }
  if (!node || typeof node !== 'object') return;
  if (isIntOrString(node.type)) {
    node.type = ['integer', 'string'];
    node.format = 'int-or-string';
  } else if (node.type === 'number' && !inFloatDef) {
    node.type = 'integer';
  }
  for (const [k, v] of Object.entries(node)) {
    if (k === 'properties' || k === 'definitions' || k === 'patternProperties') {
      for (const child of Object.values(v)) walk(child, inFloatDef);
    } else if (typeof v === 'object') {
      walk(v, inFloatDef);
    }
  }
}

export function applyOverlay(definitions) {
  for (const [name, def] of Object.entries(definitions)) walk(def, FLOAT_DEFINITIONS.has(name));

  // A Quantity is written as a string ("500m", "1Gi") or a plain number (cpu: 1, cpu: 0.5).
  const q = definitions['api.resource.Quantity'];
  q.type = ['string', 'number'];
  q.format = 'quantity';

  // apiextensions JSON (enum values, default, example) is any JSON value, not an object.
  const json = definitions['apiextensions.v1.JSON'];
  if (!json) throw new Error('overlay: no apiextensions.v1.JSON');
  delete json.type;
  delete json.additionalProperties;

  for (const [def, props] of Object.entries(MISSING_FIELDS)) {
    const d = definitions[def];
    if (!d?.properties) throw new Error(`overlay: no ${def}`);
    for (const [prop, schema] of Object.entries(props)) d.properties[prop] ??= structuredClone(schema);
  }

  for (const [def, props] of Object.entries(ENUMS)) {
    for (const [prop, values] of Object.entries(props)) {
      const p = definitions[def]?.properties?.[prop];
      if (!p) throw new Error(`overlay: no ${def}.${prop}`);
      if (p.type === 'array') p.items = { ...p.items, enum: values };
      else p.enum = values;
    }
  }
  for (const [def, props] of Object.entries(REQUIRED)) {
    const d = definitions[def];
    if (!d) throw new Error(`overlay: no ${def}`);
    d.required = [...new Set([...(d.required ?? []), ...props])];
  }
}
