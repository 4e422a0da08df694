import { containersOf, isObject, podSpecsOf } from '../k8s/podSpecs';
import { podSpecFinding, podsValidatedLater } from '../k8s/statefulSet';
import { envVarName } from '../k8s/validation/names';
import { fieldPath } from '../util/jsonPath';
import type { PathSegment } from '../yaml/ast';
import type { ResourceRule } from './types';

export const rule: ResourceRule = {
  kind: 'resource',
  meta: {
    id: 'invalid-env-name',
    defaultSeverity: 'error',
    description: 'An environment variable name, or an envFrom prefix, that starts with a digit or holds characters other than letters, digits, _, - and .',
    rationale:
      'The API server accepts environment variable names of letters, digits, `_`, `-` and `.` that do not start with a digit (validateEnv and validateEnvFrom with IsEnvVarName; Kubernetes 1.30 leaves RelaxedEnvironmentVariableValidation off). An envFrom `prefix` is checked the same way. The API server checks a StatefulSet\'s pod template only when the StatefulSet creates its pods, so there it is a warning.',
    example: 'env:\n- name: 1ST_PORT\n  value: "8080"',
  },
  check(ctx) {
    const later = podsValidatedLater(ctx.res.kind);
    const report = (at: PathSegment[], value: string, errors: readonly string[]): void => {
      const error = `${fieldPath(at)}: Invalid value: ${JSON.stringify(value)}: ${errors.join(', ')}`;
      ctx.report({ path: at, ...podSpecFinding(later, error, '') });
    };
    for (const pod of podSpecsOf(ctx.res)) {
      for (const { container, path } of containersOf(pod)) {
        if (Array.isArray(container.env)) {
          container.env.forEach((e, i) => {
            if (!isObject(e) || typeof e.name !== 'string' || e.name === '') return;
            const errors = envVarName(e.name);
            if (errors.length) report(path.concat('env', i, 'name'), e.name, errors);
          });
        }
        if (Array.isArray(container.envFrom)) {
          container.envFrom.forEach((e, i) => {
            if (!isObject(e) || typeof e.prefix !== 'string' || e.prefix === '') return;
            const errors = envVarName(e.prefix);
            if (errors.length) report(path.concat('envFrom', i, 'prefix'), e.prefix, errors);
          });
        }
      }
    }
  },
};
