import { locateObjects } from '../../server/src/lsp/simulate';
import { simulateReapply, simulateSources } from '../../server/src/simulator/index';
import type { SimChanges, SimulationResult } from '../../client/src/protocol';
import { testEngine } from '../helpers/engine';

/**
 * A simulation result as the client receives it from `kubesim/simulate`,
 * made in-process from manifest texts keyed by file name.
 */
export function simulateYaml(files: Record<string, string>, seed = 1): SimulationResult {
  const engine = testEngine();
  const list = Object.entries(files).map(([name, text]) => ({ uri: `file:///ws/${name}`, source: name, text }));
  const result = simulateSources(engine, list.map((f) => ({ source: f.source, text: f.text })), { seed });
  return JSON.parse(JSON.stringify({ ...result, locations: locateObjects(engine, list, 'default'), files: list.map((f) => f.source), skipped: [] })) as SimulationResult;
}

/** The change report of applying `now` over the settled `old`, as the client receives it in `changes`. */
export function reapplyYaml(old: Record<string, string>, now: Record<string, string>): SimChanges {
  const list = (files: Record<string, string>): { source: string; text: string }[] => Object.entries(files).map(([source, text]) => ({ source, text }));
  return JSON.parse(JSON.stringify(simulateReapply(testEngine(), list(old), list(now), { seed: 1 }).changes)) as SimChanges;
}

export const deployment = (name: string, opts: { replicas?: number; image?: string; cpu?: string; labels?: string; extra?: string } = {}): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${opts.replicas ?? 2}
  selector:
    matchLabels: {app: ${opts.labels ?? name}}
  template:
    metadata:
      labels: {app: ${opts.labels ?? name}}
    spec:
      containers:
        - name: main
          image: ${opts.image ?? 'nginx:1.27'}
          ports: [{containerPort: 80}]
          resources:
            requests: {cpu: "${opts.cpu ?? '100m'}", memory: 64Mi}
${opts.extra ?? ''}`;

export const service = (name: string, selector = name): string => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector: {app: ${selector}}
  ports: [{port: 80}]
`;
