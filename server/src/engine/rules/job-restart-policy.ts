import { insertFirstKeys } from '../k8s/insertKey';
import { podSpecsOf } from '../k8s/podSpecs';
import type { Fix } from '../diagnostic';
import type { ResourceRule } from './types';

const ALLOWED = ['OnFailure', 'Never'];

export const rule: ResourceRule = {
  kind: 'resource',
  meta: {
    id: 'job-restart-policy',
    defaultSeverity: 'error',
    description: 'A Job or CronJob whose pod template does not set restartPolicy to OnFailure or Never.',
    rationale:
      "A Job's pods run to completion, so the API server accepts only `restartPolicy: OnFailure` (the container restarts in the same pod after a failure) or `Never` (a failed pod stays failed and the Job starts a new one). A pod template's restartPolicy defaults to `Always` when it is not written, so a Job without one is rejected too, with the same message (ValidateJobSpec: `Unsupported value: \"Always\": supported values: \"OnFailure\", \"Never\"`).",
    example: 'kind: Job\nspec:\n  template:\n    spec:\n      containers:\n      - name: migrate\n        image: busybox:1.36',
  },
  check(ctx) {
    if (ctx.res.group !== 'batch' || (ctx.res.kind !== 'Job' && ctx.res.kind !== 'CronJob')) return;
    for (const pod of podSpecsOf(ctx.res)) {
      const written = pod.spec.restartPolicy;
      const policy = typeof written === 'string' && written ? written : 'Always';
      if (ALLOWED.includes(policy)) continue;
      const field = pod.specPath.concat('restartPolicy').join('.');
      const why = written === undefined ? ' (the default when restartPolicy is not written)' : '';
      const message = `${field}: Unsupported value: ${JSON.stringify(policy)}: supported values: "OnFailure", "Never". A ${ctx.res.kind}'s pods run to completion, so they may not restart Always${why}: use Never (a failed pod is replaced) or OnFailure (its container restarts in place).`;
      if (written !== undefined) {
        const path = pod.specPath.concat('restartPolicy');
        const fixes: Fix[] = ALLOWED.map((p) => ({ title: `Change to ${p}`, edits: [{ uri: ctx.res.uri, span: ctx.spanOf(path), newText: p }] }));
        ctx.report({ path, message, fixes: fixes.reverse() });
        continue;
      }
      const edit = insertFirstKeys(ctx.res, pod.specPath, () => 'restartPolicy: Never\n');
      ctx.report({ path: pod.specPath, part: 'key', message, fixes: edit ? [{ title: 'Add restartPolicy: Never', edits: [edit] }] : [] });
    }
  },
};
