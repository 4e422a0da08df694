import type { SimulationResult } from '../protocol';

/** The status bar text: "k8s: 24 objects · 2 warnings" (objects written in the manifests; Warning events and rejections). */
export function statusText(result: SimulationResult | undefined): { text: string; tooltip: string } {
  if (!result) return { text: 'k8s: simulate', tooltip: 'Kubesim: click to simulate kubectl apply of the workspace' };
  const objects = result.apply.length;
  const rejected = result.apply.filter((a) => a.result === 'rejected').length;
  const warnings = result.events.filter((e) => e.type === 'Warning').length;
  const parts = [`${objects} object${objects === 1 ? '' : 's'}`];
  if (rejected) parts.push(`${rejected} rejected`);
  parts.push(`${warnings} warning${warnings === 1 ? '' : 's'}`);
  return { text: `k8s: ${parts.join(' · ')}`, tooltip: `Kubesim: the last simulated apply of ${result.files.length} file${result.files.length === 1 ? '' : 's'}. Click to simulate again.` };
}
