import type { Range, SimulationResult } from '../protocol';
import { label, podProblem, refOf, ResultIndex } from './objects';

export interface SimDiagnostic {
  uri: string;
  range: Range;
  severity: 'warning';
  message: string;
}

/**
 * Reasons the static rules already report on the manifest (a missing
 * ConfigMap, Secret or claim): repeating them from the simulation would
 * show the same problem twice.
 */
const STATIC_REASONS = new Set(['CreateContainerConfigError', 'FailedMount', 'ContainerCreating']);
const STATIC_EVENTS = new Set(['FailedMount', 'Failed']);

/**
 * What only the simulation knows, on the manifest line of the object written
 * there: pods that would not run, grouped by workload and reason ("3 pods of
 * deployment/big would stay Pending: 0/4 nodes are available: …"), and
 * Warning events of manifest objects (a claim whose StorageClass does not
 * exist). Rejections are not repeated here: the editor's own diagnostics
 * already say what the API server rejects.
 */
export function simulationDiagnostics(result: SimulationResult): SimDiagnostic[] {
  const ix = new ResultIndex(result);
  const groups = new Map<string, { count: number; text: string; uri: string; range: Range }>();
  for (const pod of ix.all('Pod')) {
    const problem = podProblem(pod);
    if (!problem || STATIC_REASONS.has(problem.reason)) continue;
    const loc = ix.locate(refOf(pod));
    if (!loc) continue;
    const top = ix.root(pod);
    const state = problem.reason === 'Unschedulable' ? 'stay Pending' : `stay in ${problem.reason}`;
    const key = `${loc.uri}|${label(refOf(top))}|${problem.reason}|${problem.message}`;
    const owner = top === pod ? undefined : label(refOf(top));
    const text = `${owner ? `of ${owner} ` : ''}would ${state}${problem.message ? `: ${problem.message}` : ''}`;
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { count: 1, text, uri: loc.uri, range: loc.range });
  }
  const out: SimDiagnostic[] = [...groups.values()].map((g) => ({ uri: g.uri, range: g.range, severity: 'warning', message: `${g.count} pod${g.count === 1 ? '' : 's'} ${g.text}` }));
  const seen = new Set<string>();
  for (const e of result.events) {
    if (e.type !== 'Warning' || e.involvedObject.kind === 'Pod' || STATIC_EVENTS.has(e.reason)) continue;
    const loc = result.locations.find((l) => l.kind === e.involvedObject.kind && l.name === e.involvedObject.name && (l.namespace ?? '') === (e.involvedObject.namespace ?? ''));
    const message = `${label(e.involvedObject)}: ${e.reason}: ${e.message}`;
    if (!loc || seen.has(message)) continue;
    seen.add(message);
    out.push({ uri: loc.uri, range: loc.range, severity: 'warning', message });
  }
  return out;
}
