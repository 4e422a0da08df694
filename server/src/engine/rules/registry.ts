import type { Rule } from './types';
import { rule as apiDeprecated } from './api-deprecated';
import { rule as apiRemoved } from './api-removed';
import { rule as internalError } from './internal-error';
import { rule as invalidName } from './invalid-name';
import { rule as invalidLabel } from './invalid-label';
import { rule as portOutOfRange } from './port-out-of-range';
import { rule as invalidPortName } from './invalid-port-name';
import { rule as invalidQuantity } from './invalid-quantity';
import { rule as requestsExceedLimits } from './requests-exceed-limits';
import { rule as duplicateContainerName } from './duplicate-container-name';
import { rule as selectorMismatch } from './selector-mismatch';
import { rule as kindNotServed } from './kind-not-served';
import { rule as schemaEnum } from './schema-enum';
import { rule as schemaRequired } from './schema-required';
import { rule as schemaType } from './schema-type';
import { rule as schemaUnknownField } from './schema-unknown-field';
import { rule as unknownKind } from './unknown-kind';
import { rule as crdInvalid } from './crd-invalid';
import { rule as yamlDuplicateKey } from './yaml-duplicate-key';
import { rule as yamlSyntax } from './yaml-syntax';
import { rule as yaml11Boolean } from './yaml11-boolean';
import { rule as serviceSelectorNoMatch } from './service-selector-no-match';
import { rule as serviceTargetPortMismatch } from './service-target-port-mismatch';
import { rule as ingressBackendMissingService } from './ingress-backend-missing-service';
import { rule as ingressBackendPortMismatch } from './ingress-backend-port-mismatch';
import { rule as ingressClassNotFound } from './ingress-class-not-found';
import { rule as ingressTlsSecretMissing } from './ingress-tls-secret-missing';
import { rule as configmapRefMissing } from './configmap-ref-missing';
import { rule as secretRefMissing } from './secret-ref-missing';
import { rule as pvcRefMissing } from './pvc-ref-missing';
import { rule as pvcStorageClassMissing } from './pvc-storage-class-missing';
import { rule as pvcVolumeMissing } from './pvc-volume-missing';
import { rule as pvClaimMismatch } from './pv-claim-mismatch';
import { rule as serviceAccountMissing } from './service-account-missing';
import { rule as namespaceNotFound } from './namespace-not-found';
import { rule as duplicateObject } from './duplicate-object';
import { rule as hpaTargetMissing } from './hpa-target-missing';
import { rule as networkpolicySelectorNoMatch } from './networkpolicy-selector-no-match';
import { rule as pdbSelectorNoMatch } from './pdb-selector-no-match';
import { rule as statefulsetHeadlessService } from './statefulset-headless-service';
import { rule as probePortMissing } from './probe-port-missing';
import { rule as imageLatestTag } from './image-latest-tag';
import { rule as restartPolicyInvalid } from './restart-policy-invalid';
import { rule as cronjobSchedule } from './cronjob-schedule';
import { rule as headlessServiceType } from './headless-service-type';
import { rule as volumeMountMissing } from './volume-mount-missing';
import { rule as probeHandlerMissing } from './probe-handler-missing';
import { rule as ingressPathInvalid } from './ingress-path-invalid';
import { rule as pvcSpecIncomplete } from './pvc-spec-incomplete';
import { rule as invalidContainerName } from './invalid-container-name';
import { rule as invalidEnvName } from './invalid-env-name';
import { rule as secretDataInvalid } from './secret-data-invalid';
import { rule as servicePortsMissing } from './service-ports-missing';
import { rule as hpaReplicasInvalid } from './hpa-replicas-invalid';
import { rule as duplicateVolumeName } from './duplicate-volume-name';
import { rule as deploymentStrategyInvalid } from './deployment-strategy-invalid';
import { rule as replicasNegative } from './replicas-negative';

/** Every rule, listed by hand (no discovery), in docs order. */
export const RULES: readonly Rule[] = [
  yamlSyntax,
  yamlDuplicateKey,
  yaml11Boolean,
  schemaUnknownField,
  schemaRequired,
  schemaType,
  schemaEnum,
  apiRemoved,
  apiDeprecated,
  kindNotServed,
  unknownKind,
  crdInvalid,
  invalidName,
  invalidLabel,
  portOutOfRange,
  invalidPortName,
  invalidQuantity,
  requestsExceedLimits,
  duplicateContainerName,
  selectorMismatch,
  restartPolicyInvalid,
  cronjobSchedule,
  headlessServiceType,
  volumeMountMissing,
  probeHandlerMissing,
  ingressPathInvalid,
  pvcSpecIncomplete,
  invalidContainerName,
  invalidEnvName,
  secretDataInvalid,
  servicePortsMissing,
  hpaReplicasInvalid,
  duplicateVolumeName,
  deploymentStrategyInvalid,
  replicasNegative,
  probePortMissing,
  imageLatestTag,
  internalError,
  serviceSelectorNoMatch,
  serviceTargetPortMismatch,
  ingressBackendMissingService,
  ingressBackendPortMismatch,
  ingressClassNotFound,
  ingressTlsSecretMissing,
  configmapRefMissing,
  secretRefMissing,
  pvcRefMissing,
  pvcStorageClassMissing,
  pvcVolumeMissing,
  pvClaimMismatch,
  serviceAccountMissing,
  namespaceNotFound,
  duplicateObject,
  hpaTargetMissing,
  networkpolicySelectorNoMatch,
  pdbSelectorNoMatch,
  statefulsetHeadlessService,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.meta.id, r]));

export const DOCS_BASE_URL = 'https://github.com/kubesim/kubesim/blob/main/docs/rules/';
export const docsUrl = (id: string): string => `${DOCS_BASE_URL}${id}.md`;
