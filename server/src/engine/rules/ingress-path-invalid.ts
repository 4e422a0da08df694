import { isObject } from '../k8s/podSpecs';
import { fieldPath } from '../util/jsonPath';
import type { ResourceRule } from './types';

// networking validation: sequences and endings that could escape the path a rule is meant for.
const BAD_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const BAD_SUFFIXES = ['/..', '/.'];

export const rule: ResourceRule = {
  kind: 'resource',
  meta: {
    id: 'ingress-path-invalid',
    defaultSeverity: 'error',
    description: 'An Ingress path that is not absolute, or that contains `//`, `/./`, `/../` or an encoded slash.',
    rationale:
      'An Ingress path is matched against the request\'s URL path, which always starts with `/`: the API server rejects a path without the leading slash (`must be an absolute path`; for pathType Exact and Prefix also an empty one), and for Exact and Prefix one with `//`, `/./`, `/../` or `%2F` in it or `/.` or `/..` at its end (validateHTTPIngressPath).',
    example: 'paths:\n- path: api          # /api\n  pathType: Prefix',
  },
  check(ctx) {
    if (ctx.res.kind !== 'Ingress' || ctx.res.apiVersion !== 'networking.k8s.io/v1') return;
    const rules = isObject(ctx.res.value.spec) ? ctx.res.value.spec.rules : undefined;
    if (!Array.isArray(rules)) return;
    rules.forEach((rule, i) => {
      const paths = isObject(rule) && isObject(rule.http) ? rule.http.paths : undefined;
      if (!Array.isArray(paths)) return;
      paths.forEach((p, j) => {
        if (!isObject(p) || typeof p.pathType !== 'string') return;
        const value = typeof p.path === 'string' ? p.path : p.path === undefined ? '' : undefined;
        if (value === undefined) return; // not a string: schema-type says so
        const at = ['spec', 'rules', i, 'http', 'paths', j, 'path'];
        const problems: string[] = [];
        const strict = p.pathType === 'Exact' || p.pathType === 'Prefix';
        if ((strict || value !== '') && !value.startsWith('/')) problems.push('must be an absolute path');
        if (strict && value !== '') {
          for (const s of BAD_SEQUENCES) if (value.includes(s)) problems.push(`must not contain '${s}'`);
          for (const s of BAD_SUFFIXES) if (value.endsWith(s)) problems.push(`cannot end with '${s}'`);
        }
        for (const problem of problems) {
          const error = `${fieldPath(at)}: Invalid value: ${JSON.stringify(value)}: ${problem}`;
          const fix = problem === 'must be an absolute path' && p.path !== undefined;
          ctx.report({
            path: p.path === undefined ? at.slice(0, -1) : at,
            ...(p.path === undefined ? { part: 'key' as const } : {}),
            message: `${error}.${fix ? ` Request paths start with "/": write "/${value}".` : ''}`,
            apiError: error,
            fixes: fix ? [{ title: `Change to /${value}`, edits: [{ uri: ctx.res.uri, span: ctx.spanOf(at), newText: `/${value}` }] }] : [],
          });
        }
      });
    });
  },
};
