import { closest } from '../util/suggest';
import { isObject } from './podSpecs';

/**
 * ValidateStatefulSetSpec leaves the pod template's spec unchecked (upstream's
 * TODO: its volumes and the claim templates would have to be joined first).
 * Pod-spec errors in a StatefulSet surface when the controller creates each
 * pod, which the API server refuses: the StatefulSet exists but never runs.
 */
export const podsValidatedLater = (kind: string): boolean => kind === 'StatefulSet';

export const STATEFULSET_LATER = 'The StatefulSet is accepted, but the API server refuses every pod it creates:';

/** The names of a StatefulSet's volumeClaimTemplates: each becomes a volume of its pods. */
export function claimTemplateNames(value: Record<string, unknown>, kind: string): string[] {
  const spec = value.spec;
  if (kind !== 'StatefulSet' || !isObject(spec)) return [];
  // A misspelt key (`volumeClaimTemplate:`) is schema-unknown-field's to tell; its claims still count, so the mounts are not blamed too.
  const keys = Object.keys(spec).filter((k) => k === 'volumeClaimTemplates' || closest(k, ['volumeClaimTemplates']) === 'volumeClaimTemplates');
  return keys.flatMap((k) => {
    const templates = spec[k];
    return Array.isArray(templates) ? templates.flatMap((t) => (isObject(t) && isObject(t.metadata) && typeof t.metadata.name === 'string' ? [t.metadata.name] : [])) : [];
  });
}

/**
 * How a pod-spec rule reports `error` (the API server's words) with its
 * explanation: an error the simulator rejects with those words, or, where
 * the pods are checked only when created, a warning that says so.
 */
export function podSpecFinding(later: boolean, error: string, explanation: string): { severity?: 'warning'; message: string; apiError?: string } {
  const message = `${error}.${explanation ? ` ${explanation}` : ''}`;
  return later ? { severity: 'warning', message: `${STATEFULSET_LATER} ${message}` } : { message, apiError: error };
}
