import fs from 'node:fs';
import path from 'node:path';
import { resourcesOf } from '../../server/src/engine/k8s/resource';
import { clusterFromManifests, simulateSources, type ClusterDescription, type RunOptions, type SimResult, type SourceText } from '../../server/src/simulator/index';
import { testEngine } from '../helpers/engine';

/** The YAML files under a directory in `kubectl apply -f DIR --recursive` order (lexical per directory). */
export function readInputs(dir: string, root = dir): SourceText[] {
  const out: SourceText[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...readInputs(p, root));
    else if (/\.ya?ml$/.test(e.name)) out.push({ source: path.relative(root, p), text: fs.readFileSync(p, 'utf8') });
  }
  return out;
}

export function simulateDir(dir: string, opts: RunOptions | number = 1): SimResult {
  return simulateSources(testEngine(), readInputs(dir), typeof opts === 'number' ? { seed: opts } : opts);
}

/** A cluster description from a YAML file of Node/StorageClass/PersistentVolume/Namespace manifests. */
export function clusterOf(file: string): ClusterDescription {
  const e = testEngine();
  const { cluster, problems } = clusterFromManifests(resourcesOf(e.parse(file, fs.readFileSync(file, 'utf8'))).map((r) => r.value));
  if (problems.length) throw new Error(problems.join('; '));
  return cluster;
}

/** Every event as one line, for golden files: type, reason, object, message. */
export function eventLines(result: SimResult): string {
  return result.events.map((e) => `${e.type} ${e.reason} ${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}: ${e.message}`).join('\n') + '\n';
}
