import { insertFirstKeys } from '../k8s/insertKey';
import { podSpecsOf } from '../k8s/podSpecs';
import { allowedRestartPolicies, restartPolicyError } from '../k8s/restartPolicy';
import type { Fix } from '../diagnostic';
import type { ResourceRule } from './types';

const BUILTIN_GROUPS = new Set(['', 'apps', 'batch']);

export const rule: ResourceRule = {
  kind: 'resource',
  meta: {
    id: 'restart-policy-invalid',
    defaultSeverity: 'error',
    description: "A pod template whose restartPolicy its controller does not allow: Jobs and CronJobs need OnFailure or Never, Deployments, ReplicaSets, DaemonSets, StatefulSets and ReplicationControllers need Always.",
    rationale:
      "A Job's pods run to completion, so the API server accepts only `restartPolicy: OnFailure` (the container restarts in the same pod after a failure) or `Never` (a failed pod stays failed and the Job starts a new one) (ValidateJobSpec). A pod template's restartPolicy defaults to `Always` when it is not written, so a Job without one is rejected too, with `Unsupported value: \"Always\"`. The controllers that keep pods running accept only `Always` (ValidatePodTemplateSpecForReplicaSet and the DaemonSet, StatefulSet and ReplicationController checks): for a one-off task use a Job.",
    example: 'kind: Job\nspec:\n  template:\n    spec:\n      containers:\n      - name: migrate\n        image: busybox:1.36',
  },
  check(ctx) {
    if (!BUILTIN_GROUPS.has(ctx.res.group)) return;
    const allowed = allowedRestartPolicies(ctx.res.kind);
    if (!allowed) return;
    const batch = allowed[0] !== 'Always';
    for (const pod of podSpecsOf(ctx.res)) {
      const error = restartPolicyError(ctx.res.kind, pod.spec, pod.specPath.concat('restartPolicy').join('.'));
      if (!error) continue;
      const written = pod.spec.restartPolicy;
      const why = batch
        ? `A ${ctx.res.kind}'s pods run to completion, so they may not restart Always${written === undefined ? ' (the default when restartPolicy is not written)' : ''}: use Never (a failed pod is replaced) or OnFailure (its container restarts in place).`
        : `A ${ctx.res.kind} keeps its pods running, so they always restart; for a task that ends, use a Job.`;
      const message = `${error}. ${why}`;
      if (written !== undefined) {
        const path = pod.specPath.concat('restartPolicy');
        const fixes: Fix[] = [...allowed].reverse().map((p) => ({ title: `Change to ${p}`, edits: [{ uri: ctx.res.uri, span: ctx.spanOf(path), newText: p }] }));
        ctx.report({ path, message, apiError: error, fixes });
        continue;
      }
      const edit = insertFirstKeys(ctx.res, pod.specPath, () => 'restartPolicy: Never\n');
      ctx.report({ path: pod.specPath, part: 'key', message, apiError: error, fixes: edit ? [{ title: 'Add restartPolicy: Never', edits: [edit] }] : [] });
    }
  },
};
