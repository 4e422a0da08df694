import { base64Encode, base64ErrorOffset } from '../k8s/base64';
import { isObject } from '../k8s/podSpecs';
import type { ResourceRule } from './types';

export const rule: ResourceRule = {
  kind: 'resource',
  meta: {
    id: 'secret-data-invalid',
    defaultSeverity: 'error',
    description: "A Secret's `data` value that is not base64.",
    rationale:
      "A Secret's `data` holds base64-encoded bytes, and the API server decodes each value as it reads the object; plain text there makes it refuse the whole Secret (`cannot be handled as a Secret: illegal base64 data at input byte N`). Write plain text under `stringData` instead (the API server encodes it), or encode the value yourself (`echo -n 'value' | base64`). Some plain words happen to be valid base64 (`password` is), and then they are stored as the bytes they decode to. Messages never show the value.",
    example: 'kind: Secret\ndata:\n  password: hunter2!',
  },
  check(ctx) {
    if (ctx.res.group !== '' || ctx.res.kind !== 'Secret') return;
    const data = ctx.res.value.data;
    if (!isObject(data)) return;
    for (const [key, value] of Object.entries(data)) {
      if (typeof value !== 'string') continue; // schema-type says so
      const at = base64ErrorOffset(value);
      if (at === undefined) continue;
      const path = ['data', key];
      ctx.report({
        path,
        message: `data.${key} is not base64 (illegal base64 data at input byte ${at}), so the API server cannot read this Secret. Put plain text under stringData, or encode it: echo -n '…' | base64.`,
        apiError: `illegal base64 data at input byte ${at}`,
        // The value goes back into the user's own file, encoded; it never appears in a title or message.
        fixes: [{ title: 'Encode the value in base64', edits: [{ uri: ctx.res.uri, span: ctx.spanOf(path), newText: JSON.stringify(base64Encode(value)) }] }],
      });
    }
  },
};
