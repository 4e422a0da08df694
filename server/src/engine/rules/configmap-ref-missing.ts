import { checkConfigRefs } from '../index/refCheck';
import type { WorkspaceRule } from './types';

export const rule: WorkspaceRule = {
  kind: 'workspace',
  meta: {
    id: 'configmap-ref-missing',
    defaultSeverity: 'warning',
    description: 'A pod refers to a ConfigMap, or a key of one, that no manifest in its namespace defines.',
    rationale:
      'The kubelet resolves ConfigMap references when it starts a pod, in the pod\'s own namespace. A missing ConfigMap or key in `env`/`envFrom` stops the container with CreateContainerConfigError; in a volume the pod stays in ContainerCreating. References marked `optional: true` are skipped by the kubelet, so they are reported as info. When the workspace defines the ConfigMap in another namespace, the message says which and links to it. Checked: envFrom[].configMapRef, env[].valueFrom.configMapKeyRef (name and key), volumes[].configMap and projected sources (name and items[].key). When the workspace defines no ConfigMap at all in the pod\'s namespace, its ConfigMaps may be made some other way (kubectl create, Helm, an operator), so a missing one is reported as info; setting the rule to `warning` in `kubesim.rules` treats the workspace as complete.',
    example: 'envFrom:\n- configMapRef:\n    name: app-settings   # the ConfigMap is app-config',
  },
  check: (ctx) => checkConfigRefs(ctx, 'ConfigMap'),
};
