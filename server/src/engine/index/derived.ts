import type { Resource } from '../k8s/resource';
import { crdDefinition } from '../crd/definition';
import { runsPods } from '../k8s/podSpecs';
import { hash53 } from '../util/hash';
import type { ParsedChunk } from '../yaml/parse';
import { factsOf, generatedBy, podPorts, type GeneratedObject } from './facts';
import type { ResourceFacts } from './types';

/**
 * What the index reads from one object, with the JSON of the facts it
 * fingerprints. All of it is a function of the object's parsed document, so
 * it is computed once per document text and kept with the parsed document:
 * an edit re-derives only the objects of the document it touched.
 */
export interface DerivedFacts {
  facts: ResourceFacts;
  factsJson: string;
  generated: { object: GeneratedObject; factsJson: string }[];
  /** Pod templates, with the JSON of [labels, labelsPath, ports] (the owner's id is added per file). */
  pods: { labels: Record<string, string>; labelsPath: (string | number)[]; ports: ReturnType<typeof podPorts>[number]['ports']; json: string }[];
  crd?: { group: string; kind: string; specHash: string };
}

// Per parsed document, keyed by the object's path in it ('' or items.i).
const cache = new WeakMap<ParsedChunk, Map<string, DerivedFacts>>();

export function derivedFacts(res: Resource): DerivedFacts {
  const chunk = res.document.parsed;
  let byPath = cache.get(chunk);
  if (!byPath) cache.set(chunk, (byPath = new Map()));
  const key = res.basePath.join('.');
  let hit = byPath.get(key);
  if (!hit) byPath.set(key, (hit = derive(res)));
  return hit;
}

function derive(res: Resource): DerivedFacts {
  const facts = factsOf(res);
  const crd = crdDefinition(res);
  return {
    facts,
    factsJson: JSON.stringify(facts),
    generated: generatedBy(res).map((object) => ({ object, factsJson: JSON.stringify(object.facts) })),
    pods: runsPods(res) ? podPorts(res).map((p) => ({ ...p, json: JSON.stringify([p.labels, p.labelsPath, p.ports ?? null]).slice(1, -1) })) : [],
    // The whole spec is the fact custom resources read; a hash keeps the fingerprint small.
    ...(crd ? { crd: { group: crd.group, kind: crd.kind, specHash: JSON.stringify(hash53(JSON.stringify(res.value.spec))) } } : {}),
  };
}

/** The JSON of [id, ...rest] given the JSON of rest's elements, as JSON.stringify would write it. */
export const withId = (id: string, restJson: string): string => `[${JSON.stringify(id)},${restJson}]`;
