import type { Resource } from '../k8s/resource';
import type { PathSegment } from '../yaml/ast';
import type { ClaimFact, StorageClassFact, VolumeFact } from './storageFacts';

export interface ServicePortFact {
  name?: string;
  port: number;
  protocol: string;
  /** Path to this entry of spec.ports. */
  path: readonly PathSegment[];
}

/**
 * What other objects may learn about a resource. Workspace rules read only
 * these facts of other resources, so a change anywhere else in their files
 * never needs to re-check the objects that refer to them.
 */
export interface ResourceFacts {
  /** ConfigMap data+binaryData keys, Secret data+stringData keys; undefined when unknown (generated Secrets). */
  keys?: string[];
  servicePorts?: ServicePortFact[];
  serviceType?: string;
  /** Service with clusterIP: None. */
  headless?: boolean;
  /** Service spec.selector when written (a Service without one has hand-made endpoints). */
  selector?: Record<string, string>;
  /** Created by another object (SealedSecret, ExternalSecret, Certificate, StatefulSet claims), not written as a manifest. */
  generatedBy?: string;
  /** For objects a kustomization's generator makes: the path to the generator entry's name in the kustomization. */
  generatorPath?: readonly PathSegment[];
  /** PersistentVolumeClaims (and StatefulSet claim templates): what the claim asks for. */
  claim?: ClaimFact;
  /** PersistentVolumes: what the volume offers. */
  volume?: VolumeFact;
  /** StorageClasses. */
  storageClass?: StorageClassFact;
}

export interface IndexedResource {
  /** Stable while the object keeps its file and identity: uri#group/kind/namespace/name#n. */
  readonly id: string;
  readonly uri: string;
  readonly res: Resource;
  readonly group: string;
  readonly kind: string;
  readonly name: string;
  /** Effective namespace; undefined for cluster-scoped kinds. */
  readonly namespace?: string;
  readonly facts: ResourceFacts;
}

export interface ContainerPortFact {
  name?: string;
  containerPort: number;
  protocol: string;
  /** Path to the container's `ports` list inside the owner. */
  portsPath: readonly PathSegment[];
}

export interface PodTemplateFact {
  readonly owner: IndexedResource;
  readonly labels: Readonly<Record<string, string>>;
  /** Path to the template's labels (metadata.labels of the pod template or Pod). */
  readonly labelsPath: readonly PathSegment[];
  /** Ports of regular containers and sidecars (restartable init containers), the ones a Service resolves names against. */
  readonly ports: readonly ContainerPortFact[];
  /** False when the template has no containers (invalid on its own): its ports are unknown. */
  readonly portsKnown: boolean;
}

/** Read access to the workspace. Every read is recorded, so the workspace knows what each result depends on. */
export interface IndexView {
  /** Every definition of one object (more than one is a duplicate). */
  get(group: string, kind: string, namespace: string | undefined, name: string): readonly IndexedResource[];
  /** Every object of a kind in a namespace (undefined: cluster-scoped kinds). */
  list(group: string, kind: string, namespace: string | undefined): readonly IndexedResource[];
  /** Every object of a kind with this name, in any namespace (to tell "exists, but elsewhere"). */
  named(group: string, kind: string, name: string): readonly IndexedResource[];
  /** Pod templates of objects that run pods in a namespace. */
  podTemplates(namespace: string): readonly PodTemplateFact[];
  /** Pod templates of every namespace (to tell "exists, but elsewhere"). */
  allPodTemplates(): readonly PodTemplateFact[];
  /** CustomResourceDefinitions (apiextensions.k8s.io/v1) of the workspace that define this group and kind. */
  crds(group: string, kind: string): readonly IndexedResource[];
  /** Every CustomResourceDefinition of the workspace for an API group (to suggest a kind). */
  crdsOfGroup(group: string): readonly IndexedResource[];
  /** The effective namespace of a resource of this workspace (undefined when cluster-scoped). */
  namespaceOf(res: Resource): string | undefined;
  /** False when kustomizations build the resource's file into several namespaces, so namespaceOf is only the file's own. */
  namespaceSettled(res: Resource): boolean;
  /** True when a kustomization uses the file as a patch (partial objects, not objects of their own). */
  isPatch(uri: string): boolean;
}
