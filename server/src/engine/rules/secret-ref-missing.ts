import { checkConfigRefs } from '../index/refCheck';
import type { WorkspaceRule } from './types';

export const rule: WorkspaceRule = {
  kind: 'workspace',
  meta: {
    id: 'secret-ref-missing',
    defaultSeverity: 'warning',
    description: 'A pod refers to a Secret, or a key of one, that nothing in its namespace defines.',
    rationale:
      'The kubelet resolves Secret references when it starts a pod, in the pod\'s own namespace. A missing Secret or key in `env`/`envFrom` stops the container with CreateContainerConfigError; in a volume the pod stays in ContainerCreating; a missing imagePullSecret makes pulls from a private registry fail. References marked `optional: true` are reported as info. When the workspace defines the Secret in another namespace, the message says which and links to it. Secrets that a SealedSecret, ExternalSecret or cert-manager Certificate in the workspace produces count as defined (their keys are not checked). When the workspace defines no Secret at all in the pod\'s namespace, nothing is reported: Secrets are usually kept out of git and created another way (kubectl create secret, a secrets operator).',
    example: 'env:\n- name: DB_PASSWORD\n  valueFrom:\n    secretKeyRef: {name: db, key: pasword}',
  },
  check: (ctx) => checkConfigRefs(ctx, 'Secret'),
};
