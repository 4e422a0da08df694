/**
 * Short explanations of the common kinds, for someone learning Kubernetes,
 * written for Kubesim (not copied); each links the upstream concept page on
 * kubernetes.io/docs/concepts, which has the full story.
 */
export interface Concept {
  kind: string;
  summary: string;
  docs: string;
}

const DOCS = 'https://kubernetes.io/docs/concepts/';

const C = (kind: string, docsPath: string, summary: string): Concept => ({ kind, summary, docs: DOCS + docsPath });

const CONCEPTS: Concept[] = [
  C('Pod', 'workloads/pods/', 'A **Pod** is the smallest thing Kubernetes runs: one or more containers scheduled together on one node, sharing an IP address, ports and volumes. Pods are disposable — when a node fails, its Pods are gone — so you rarely write them by hand: a Deployment, StatefulSet, DaemonSet or Job creates and replaces them for you from a Pod template.'),
  C('Deployment', 'workloads/controllers/deployment/', 'A **Deployment** keeps a number of identical, interchangeable Pods running (a stateless app). It owns ReplicaSets, which own the Pods: changing the Pod template creates a new ReplicaSet and shifts Pods from the old one to the new one step by step (a rolling update), which is also how you roll back. `spec.selector` must match the template\'s labels.'),
  C('ReplicaSet', 'workloads/controllers/replicaset/', 'A **ReplicaSet** keeps exactly `replicas` Pods matching its selector alive, creating or deleting Pods to get there. You normally do not write one: a Deployment creates a ReplicaSet per version of its Pod template and manages them for rollouts.'),
  C('StatefulSet', 'workloads/controllers/statefulset/', 'A **StatefulSet** runs Pods that each keep an identity: stable names (`web-0`, `web-1`…), a stable DNS name through a headless Service (`serviceName`, a Service with `clusterIP: None`), and their own PersistentVolumeClaim from `volumeClaimTemplates` that follows them across restarts. Pods start, update and stop in order. Use it for databases and other clustered, stateful software.'),
  C('DaemonSet', 'workloads/controllers/daemonset/', 'A **DaemonSet** runs one copy of a Pod on every node (or on the nodes its selector and tolerations allow), and adds one whenever a node joins. Typical uses: log collectors, monitoring agents, network and storage plugins.'),
  C('Job', 'workloads/controllers/job/', 'A **Job** runs Pods until a task finishes: it retries failed Pods (up to `backoffLimit`) until `completions` of them succeed, then stops. Its Pods must use `restartPolicy: OnFailure` or `Never`. Use it for batch work, migrations and one-off tasks.'),
  C('CronJob', 'workloads/controllers/cron-jobs/', 'A **CronJob** creates a Job on a repeating schedule written in cron syntax (`"*/5 * * * *"` = every five minutes), from its `jobTemplate`. `concurrencyPolicy` decides what happens when the previous run is still going.'),
  C('Service', 'services-networking/service/', 'A **Service** gives a changing set of Pods one stable address: a virtual IP (the ClusterIP) and a DNS name (`name.namespace.svc`). It sends traffic to the Pods whose labels match its `selector`, on their `targetPort`. Type `NodePort` also opens a port on every node, `LoadBalancer` asks the cloud for an external load balancer, and `clusterIP: None` makes a headless Service that only publishes the Pods\' own addresses in DNS.'),
  C('Ingress', 'services-networking/ingress/', 'An **Ingress** routes HTTP(S) requests from outside the cluster to Services, by host name and URL path, and can terminate TLS. It does nothing by itself: an ingress controller (nginx, Traefik, a cloud load balancer…) chosen through `ingressClassName` reads it and does the routing.'),
  C('IngressClass', 'services-networking/ingress/#ingress-class', 'An **IngressClass** names an ingress controller installed in the cluster, so that each Ingress can say which controller should handle it (`spec.ingressClassName`). One class can be marked as the default for Ingresses that name none.'),
  C('ConfigMap', 'configuration/configmap/', 'A **ConfigMap** holds non-secret configuration as key/value pairs, kept apart from the container image. Pods read it as environment variables (`env`, `envFrom`) or as files in a mounted volume. It is limited to 1 MiB and its data is stored unencrypted.'),
  C('Secret', 'configuration/secret/', 'A **Secret** holds a small amount of sensitive data — passwords, tokens, TLS keys — that Pods use as environment variables or mounted files. Values under `data` are base64-encoded (which is not encryption); `stringData` takes plain text. Limit who can read Secrets with RBAC, and enable encryption at rest in the cluster.'),
  C('PersistentVolumeClaim', 'storage/persistent-volumes/', 'A **PersistentVolumeClaim** is a Pod\'s request for storage: a size, access modes and optionally a StorageClass. Kubernetes binds it to a matching PersistentVolume, often created on demand by the class\'s provisioner; Pods then mount the claim by name and the data outlives the Pods.'),
  C('PersistentVolume', 'storage/persistent-volumes/', 'A **PersistentVolume** is a piece of storage in the cluster (a cloud disk, an NFS share…), with a size and access modes, that exists independently of any Pod. It is created by an administrator or dynamically by a StorageClass, and bound to one PersistentVolumeClaim at a time.'),
  C('StorageClass', 'storage/storage-classes/', 'A **StorageClass** describes a kind of storage the cluster offers (fast SSD, cheap HDD…) and the provisioner that creates volumes of that kind on demand when a PersistentVolumeClaim asks for it. `reclaimPolicy` decides whether a volume is deleted or kept when its claim goes away.'),
  C('Namespace', 'overview/working-with-objects/namespaces/', 'A **Namespace** divides one cluster into separate areas: names only have to be unique within a namespace, and access rules, quotas and network policies are usually set per namespace. Cluster-wide objects (Nodes, PersistentVolumes, StorageClasses, Namespaces themselves) live outside any namespace.'),
  C('ServiceAccount', 'security/service-accounts/', 'A **ServiceAccount** is an identity for the processes running in Pods, used when they talk to the Kubernetes API (or to other systems that trust its tokens). A Pod runs as the ServiceAccount named in `serviceAccountName` (`default` otherwise); RBAC Roles bound to it decide what it may do.'),
  C('HorizontalPodAutoscaler', 'workloads/autoscaling/horizontal-pod-autoscale/', 'A **HorizontalPodAutoscaler** changes the number of replicas of a Deployment or StatefulSet (`scaleTargetRef`) between `minReplicas` and `maxReplicas`, to keep a metric such as average CPU utilization near a target. CPU/memory targets are measured against the containers\' resource requests, so those must be set, and the cluster needs a metrics server.'),
  C('NetworkPolicy', 'services-networking/network-policies/', 'A **NetworkPolicy** restricts which traffic may reach (ingress) or leave (egress) the Pods it selects. Once a Pod is selected by any policy for a direction, only the traffic some policy allows gets through. It needs a network plugin that enforces policies; without one it has no effect.'),
  C('PodDisruptionBudget', 'workloads/pods/disruptions/', 'A **PodDisruptionBudget** limits how many Pods of an application voluntary disruptions — node drains, cluster upgrades — may take down at once (`minAvailable` or `maxUnavailable`), so an app keeps serving while nodes are maintained. It does not protect against crashes or node failures.'),
];

const BY_KIND = new Map(CONCEPTS.map((c) => [c.kind, c]));

export function conceptOf(kind: string): Concept | undefined {
  return BY_KIND.get(kind);
}

export const CONCEPT_KINDS: readonly string[] = CONCEPTS.map((c) => c.kind);

/** How the four port fields of a Service and a container chain together. */
export const PORT_CHAIN =
  '**How the ports chain together:** a client outside the cluster connects to a node\'s IP on the `nodePort` (the same port on every node, 30000–32767 by default; only for `NodePort`/`LoadBalancer` Services) → the Service forwards it to its `port` on the ClusterIP, where clients inside the cluster connect → the Service sends it to the `targetPort` of one of the selected Pods → which must be a `containerPort` a container listens on, given by number or by the port\'s `name`. When `targetPort` is omitted it equals `port`.';

export const PORT_DOCS = 'https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service';
