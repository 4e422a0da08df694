import type { Engine } from '../engine/check';
import { resourcesOf } from '../engine/k8s/resource';
import { clusterFromManifests, type ClusterDescription } from '../simulator/index';
import { readText } from './readText';

/**
 * Reads a cluster file (`kubesim simulate --cluster FILE`, the `kubesim.cluster`
 * setting): Node, StorageClass, PersistentVolume and Namespace manifests.
 * Throws an Error whose message names the file (`shown`) and says what is wrong.
 */
export function readClusterFile(engine: Engine, file: string, shown: string = file): ClusterDescription {
  let text: string;
  try {
    text = readText(file);
  } catch (e) {
    throw new Error(`cannot read cluster file ${shown}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const parsed = engine.parse(file, text.replace(/^\uFEFF/, ''));
  const syntax = engine.checkFile(parsed).find((d) => d.ruleId === 'yaml-syntax');
  if (syntax) throw new Error(`cluster file ${shown}: ${syntax.message}`);
  const { cluster, problems } = clusterFromManifests(resourcesOf(parsed).map((r) => r.value));
  if (problems.length) throw new Error(`cluster file ${shown}: ${problems.join('; ')}`);
  return cluster;
}
