import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Span } from '../diagnostic';
import { resourcesOf } from '../k8s/resource';
import { nodeSpan, scalarKey } from '../yaml/ast';
import type { ParsedFile } from '../yaml/parse';

export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: 'resource' | 'object' | 'array' | 'field';
  span: Span;
  selectionSpan: Span;
  children: OutlineSymbol[];
}

const MAX_DEPTH = 12;

/** One symbol per Kubernetes object (`Deployment web`), with its fields as children. */
export function outline(file: ParsedFile): OutlineSymbol[] {
  return resourcesOf(file).map((res) => {
    const base = res.document.start;
    const whole = shift(nodeSpan(res.node) ?? { start: 0, end: 0 }, base);
    const kindPair = res.node.items.find((p) => scalarKey(p) === 'kind');
    const selection = kindPair ? shift(nodeSpan(kindPair.value as Node) ?? whole, base) : whole;
    return {
      name: `${res.kind} ${res.name ?? '(unnamed)'}`,
      detail: res.namespace ? `${res.apiVersion} · ${res.namespace}` : res.apiVersion,
      kind: 'resource',
      span: whole,
      selectionSpan: selection,
      children: fields(res.node, base, 0, res.group === '' && res.kind === 'Secret'),
    };
  });
}

/** `secret`: the node is a Secret, whose data/stringData values are never shown (their keys are). */
function fields(node: Node, base: number, depth: number, secret = false): OutlineSymbol[] {
  if (depth >= MAX_DEPTH) return [];
  const out: OutlineSymbol[] = [];
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      const name = scalarKey(pair);
      const keySpan = nodeSpan(key);
      if (name === undefined || !keySpan) continue;
      const value = pair.value as Node | null;
      const valueSpan = nodeSpan(value);
      const span = shift({ start: keySpan.start, end: valueSpan ? valueSpan.end : keySpan.end }, base);
      const hidden = secret && depth === 0 && (name === 'data' || name === 'stringData');
      out.push({
        name,
        detail: isScalar(value) && value.value !== null && !hidden && !(secret && depth > 0) ? String(value.value).slice(0, 60) : undefined,
        kind: isMap(value) ? 'object' : isSeq(value) ? 'array' : 'field',
        span,
        selectionSpan: shift(keySpan, base),
        children: value ? fields(value, base, depth + 1, hidden) : [],
      });
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const span = nodeSpan(item as Node);
      if (!span || !(isMap(item) || isSeq(item))) return;
      const nameKey = isMap(item) ? item.items.find((p) => scalarKey(p) === 'name') : undefined;
      const label = nameKey && isScalar(nameKey.value) ? String(nameKey.value.value) : `[${i}]`;
      out.push({ name: label, kind: 'object', span: shift(span, base), selectionSpan: shift(span, base), children: fields(item as Node, base, depth + 1, secret) });
    });
  }
  return out;
}

const shift = (s: Span, by: number): Span => ({ start: s.start + by, end: s.end + by });
