import { parseQuantityValue, suggestQuantities } from '../k8s/validation/quantity';
import { quantityFieldsOf } from '../k8s/validation/quantityFields';
import type { ResourceRule } from './types';

export const rule: ResourceRule = {
  kind: 'resource',
  meta: {
    id: 'invalid-quantity',
    defaultSeverity: 'error',
    description: 'A resource quantity (memory, CPU, storage size) the API server cannot parse, or a negative request or limit.',
    rationale:
      'Quantities are a number and an optional suffix with no space: binary `Ki Mi Gi Ti Pi Ei` (powers of 1024), decimal `k M G T P E` (powers of 1000, note the lowercase `k`), `m` for thousandths (`500m` CPU is half a core), or an exponent (`1e3`). `512MB`, `1 GB`, `1gi` and `2 cores` are not quantities: the API server fails to decode the object (`quantities must match the regular expression ...` or `unable to parse quantity\'s suffix`). Write `512Mi` (or `512M`), `1Gi`, `2`. Requests and limits cannot be negative.',
    example: 'resources:\n  limits:\n    memory: 512MB',
  },
  check(ctx) {
    const { res } = ctx;
    for (const f of quantityFieldsOf(ctx.bundle, res.apiVersion, res.kind, res.value)) {
      const parsed = parseQuantityValue(f.value);
      if (!parsed) continue; // not a string or number: schema-type reports it
      if (parsed.ok) {
        // ValidateResourceRequirements / ValidateNonnegativeQuantity on container (and pod) requests and limits.
        const parent = f.path[f.path.length - 2];
        if (parsed.value.num < 0n && (parent === 'requests' || parent === 'limits') && f.path[f.path.length - 3] === 'resources') {
          ctx.report({ path: f.path, message: `${parent}.${String(f.path[f.path.length - 1])}: Invalid value: "${String(f.value)}": must be greater than or equal to 0.` });
        }
        continue;
      }
      const written = String(f.value);
      const guesses = suggestQuantities(written);
      const instead = guesses.length === 2 ? ` Write ${guesses[0]} (decimal) or ${guesses[1]} (binary, powers of 1024).` : guesses.length === 1 ? ` Write ${guesses[0]}.` : ' Write a number with an optional suffix and no space, such as 500m, 2, 256Mi or 10Gi.';
      ctx.report({
        path: f.path,
        message: `"${written}" is not a valid quantity; the API server rejects the object: ${parsed.error}.${instead}`,
        fixes: guesses.map((g) => ({ title: `Change to ${g}`, edits: [{ uri: res.uri, span: ctx.spanOf(f.path), newText: g }] })),
      });
    }
  },
};
