import type { BuiltinRule } from './types';

export const rule: BuiltinRule = {
  kind: 'builtin',
  meta: {
    id: 'crd-invalid',
    defaultSeverity: 'error',
    description: 'A CustomResourceDefinition the API server rejects: a schema that is not structural, a missing schema, a name that is not <plural>.<group>, or not exactly one storage version.',
    rationale:
      'apiextensions.k8s.io/v1 requires a structural openAPIV3Schema for every version: every specified field and array item has a type (or x-kubernetes-int-or-string / x-kubernetes-preserve-unknown-fields: true), the root is an object, and $ref is not allowed. The CRD must be named `<spec.names.plural>.<spec.group>` and mark exactly one version `storage: true`. The API server refuses a CRD that breaks these rules, so none of its custom resources can be created. Kubesim also says (as information) when it cannot compile a schema itself; its custom resources are then not checked.',
    example: 'openAPIV3Schema:\n  type: object\n  properties:\n    spec:\n      properties:\n        replicas: {type: integer}',
  },
};
