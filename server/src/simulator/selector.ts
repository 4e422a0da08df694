import { dict, dicts, list, str, stringMap } from './obj';

/**
 * metav1.LabelSelector semantics (labels.Selector from LabelSelectorAsSelector):
 * every matchLabels pair and every matchExpression must hold. An empty selector
 * matches everything; callers decide what a missing selector means.
 */
export function matchesLabelSelector(selector: unknown, labels: Record<string, string>): boolean {
  const sel = dict(selector);
  const matchLabels = dict(sel.matchLabels);
  for (const k of Object.keys(matchLabels)) {
    const v = matchLabels[k];
    // As stringMap reads it: string values only, and never "__proto__" (an assignment, which that is, ignores it).
    if (typeof v === 'string' && k !== '__proto__' && labels[k] !== v) return false;
  }
  for (const e of dicts(sel.matchExpressions)) if (!matchExpression(e, labels)) return false;
  return true;
}

function matchExpression(e: Record<string, unknown>, labels: Record<string, string>): boolean {
  const key = str(e.key) ?? '';
  const values = list(e.values).map(String);
  const has = Object.prototype.hasOwnProperty.call(labels, key);
  switch (e.operator) {
    case 'In':
      return has && values.includes(labels[key]);
    case 'NotIn':
      return !has || !values.includes(labels[key]);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    default:
      return false;
  }
}

/** A Service's `spec.selector` (a plain map); empty or missing selects nothing (no managed endpoints). */
export function matchesMapSelector(selector: Record<string, string>, labels: Record<string, string>): boolean {
  const keys = Object.keys(selector);
  for (const k of keys) if (labels[k] !== selector[k]) return false;
  return keys.length > 0;
}

/**
 * v1.NodeSelectorTerm matching (component-helpers nodeaffinity): terms are ORed,
 * the requirements inside a term ANDed. Gt/Lt compare integers.
 */
export function matchesNodeSelectorTerms(terms: unknown, nodeLabels: Record<string, string>, nodeName: string): boolean {
  const ts = dicts(terms);
  return ts.some((t) => {
    const exprs = dicts(t.matchExpressions);
    const fields = dicts(t.matchFields);
    if (exprs.length === 0 && fields.length === 0) return false; // an empty term matches no objects
    return exprs.every((e) => nodeRequirement(e, nodeLabels)) && fields.every((f) => nodeRequirement(f, { 'metadata.name': nodeName }));
  });
}

function nodeRequirement(e: Record<string, unknown>, labels: Record<string, string>): boolean {
  const key = str(e.key) ?? '';
  const op = e.operator;
  if (op === 'Gt' || op === 'Lt') {
    const have = Number.parseInt(labels[key] ?? '', 10);
    const want = Number.parseInt(String(list(e.values)[0] ?? ''), 10);
    if (Number.isNaN(have) || Number.isNaN(want)) return false;
    return op === 'Gt' ? have > want : have < want;
  }
  return matchExpression(e, labels);
}

/** `app=web,pod-template-hash=59b758f5c`, as kubectl prints a selector. */
export function selectorText(selector: unknown): string {
  const sel = dict(selector);
  const parts = Object.entries(stringMap(sel.matchLabels)).map(([k, v]) => `${k}=${v}`);
  for (const e of dicts(sel.matchExpressions)) {
    const vals = list(e.values).map(String).join(',');
    if (e.operator === 'In') parts.push(`${e.key} in (${vals})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${vals})`);
    else if (e.operator === 'Exists') parts.push(String(e.key));
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  return parts.join(',') || '<none>';
}
