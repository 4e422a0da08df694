import { isObject, labelMap } from '../k8s/podSpecs';
import { editDistance } from '../util/suggest';
import type { PodTemplateFact } from './types';

export interface Requirement {
  key: string;
  operator: string;
  values: string[];
}

export interface LabelSelector {
  matchLabels: Record<string, string>;
  matchExpressions: Requirement[];
}

/** A metav1.LabelSelector as written; undefined when it is not an object. */
export function parseLabelSelector(v: unknown): LabelSelector | undefined {
  if (!isObject(v)) return undefined;
  const exprs: Requirement[] = [];
  if (Array.isArray(v.matchExpressions))
    for (const e of v.matchExpressions)
      if (isObject(e) && typeof e.key === 'string' && typeof e.operator === 'string')
        exprs.push({ key: e.key, operator: e.operator, values: Array.isArray(e.values) ? e.values.map(String) : [] });
  return { matchLabels: labelMap(v.matchLabels), matchExpressions: exprs };
}

export const isEmptySelector = (s: LabelSelector): boolean => Object.keys(s.matchLabels).length === 0 && s.matchExpressions.length === 0;

/** Equality-based selection, as a Service selector selects (every pair must be present). */
export function matchesLabels(selector: Readonly<Record<string, string>>, labels: Readonly<Record<string, string>>): boolean {
  for (const [k, v] of Object.entries(selector)) if (labels[k] !== v) return false;
  return true;
}

/**
 * metav1.LabelSelectorAsSelector semantics: matchLabels AND every expression
 * (In, NotIn, Exists, DoesNotExist); an empty selector matches everything.
 * An unknown operator is a validation error elsewhere; here it matches nothing.
 */
export function matchesSelector(sel: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  if (!matchesLabels(sel.matchLabels, labels)) return false;
  for (const e of sel.matchExpressions) {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    switch (e.operator) {
      case 'In':
        if (!has || !e.values.includes(labels[e.key])) return false;
        break;
      case 'NotIn':
        if (has && e.values.includes(labels[e.key])) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

export interface NearMiss {
  template: PodTemplateFact;
  /** Selector keys the template has with another value: [key, selector value, template value]. */
  wrongValues: [string, string, string][];
  /** Selector keys the template does not have. */
  missingKeys: string[];
}

/** The pod template that comes closest to an equality selector: most pairs equal, then most keys present. */
export function nearestTemplate(selector: Readonly<Record<string, string>>, templates: readonly PodTemplateFact[]): NearMiss | undefined {
  let best: (NearMiss & { score: number; distance: number }) | undefined;
  for (const t of templates) {
    let score = 0;
    const wrongValues: [string, string, string][] = [];
    const missingKeys: string[] = [];
    for (const [k, v] of Object.entries(selector)) {
      const have = t.labels[k];
      if (have === v) score += 2;
      else if (have !== undefined) {
        score += 1;
        wrongValues.push([k, v, have]);
      } else missingKeys.push(k);
    }
    // Among equally good matches, the one whose differing values are spelled most alike is the likely intent (app=ordesr-web → orders-web).
    const distance = wrongValues.reduce((sum, [, want, have]) => sum + editDistance(want, have), 0);
    if (score > 0 && (!best || score > best.score || (score === best.score && (distance < best.distance || (distance === best.distance && t.owner.id < best.template.owner.id))))) best = { template: t, wrongValues, missingKeys, score, distance };
  }
  return best && { template: best.template, wrongValues: best.wrongValues, missingKeys: best.missingKeys };
}

export const formatLabels = (labels: Readonly<Record<string, string>>): string =>
  Object.keys(labels).length ? Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(', ') : '(no labels)';

export const ownerLabel = (t: PodTemplateFact): string => `${t.owner.kind.toLowerCase()}/${t.owner.name}`;
