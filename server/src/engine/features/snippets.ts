/**
 * Whole-resource snippets for an empty document. Each is a complete, working
 * manifest once its placeholders keep their defaults (a test checks them
 * with the engine); workloads and their Services share the `app:` label
 * through placeholder 1, so selectors match what they select.
 */
export interface ResourceSnippet {
  kind: string;
  label: string;
  description: string;
  body: string;
}

const RESOURCES = `          resources:
            requests:
              cpu: \${9:100m}
              memory: \${10:128Mi}
            limits:
              memory: \${10:128Mi}`;

const podTemplate = (indent: string, image: string, extra = ''): string =>
  `${indent}containers:
${indent}  - name: \${1:my-app}
${indent}    image: \${2:${image}}
${extra}${RESOURCES.split('\n')
    .map((l) => indent + l.slice(6))
    .join('\n')}`;

const S = (kind: string, description: string, body: string): ResourceSnippet => ({ kind, label: `${kind} (resource)`, description, body: body.replace(/^\n/, '') });

export const RESOURCE_SNIPPETS: readonly ResourceSnippet[] = [
  S('Deployment', 'A Deployment running replicas of one container, labelled so a Service can select it.', `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: \${1:my-app}
  labels:
    app: \${1:my-app}
spec:
  replicas: \${3:2}
  selector:
    matchLabels:
      app: \${1:my-app}
  template:
    metadata:
      labels:
        app: \${1:my-app}
    spec:
${podTemplate('      ', 'nginx:1.27', `          ports:
            - name: http
              containerPort: \${4:80}
`)}
`),
  S('Service', 'A ClusterIP Service sending traffic to the Pods labelled app: <name>.', `
apiVersion: v1
kind: Service
metadata:
  name: \${1:my-app}
spec:
  type: \${2|ClusterIP,NodePort,LoadBalancer|}
  selector:
    app: \${1:my-app}
  ports:
    - name: http
      port: \${3:80}
      targetPort: \${4:80}
`),
  S('Ingress', 'An Ingress routing a host name to a Service.', `
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: \${1:my-app}
spec:
  ingressClassName: \${2:nginx}
  rules:
    - host: \${3:my-app.example.com}
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: \${1:my-app}
                port:
                  number: \${4:80}
`),
  S('PersistentVolumeClaim', 'A claim for a volume of the default StorageClass.', `
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: \${1:data}
spec:
  accessModes:
    - \${2|ReadWriteOnce,ReadOnlyMany,ReadWriteMany,ReadWriteOncePod|}
  resources:
    requests:
      storage: \${3:1Gi}
`),
  S('ConfigMap', 'Configuration as key/value pairs.', `
apiVersion: v1
kind: ConfigMap
metadata:
  name: \${1:my-config}
data:
  \${2:key}: \${3:value}
`),
  S('Secret', 'A Secret written in plain text under stringData (the API server stores it base64-encoded).', `
apiVersion: v1
kind: Secret
metadata:
  name: \${1:my-secret}
type: Opaque
stringData:
  \${2:username}: \${3:admin}
`),
  S('StatefulSet', 'A StatefulSet with its headless Service (clusterIP: None, named in serviceName) that gives each Pod a stable DNS name, and a volume per Pod.', `
# Headless Service: gives each Pod a stable DNS name (my-app-0.my-app).
apiVersion: v1
kind: Service
metadata:
  name: \${1:my-app}
spec:
  clusterIP: None
  selector:
    app: \${1:my-app}
  ports:
    - name: tcp
      port: \${4:80}
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: \${1:my-app}
spec:
  serviceName: \${1:my-app}
  replicas: \${3:1}
  selector:
    matchLabels:
      app: \${1:my-app}
  template:
    metadata:
      labels:
        app: \${1:my-app}
    spec:
${podTemplate('      ', 'nginx:1.27', `          ports:
            - name: tcp
              containerPort: \${4:80}
          volumeMounts:
            - name: data
              mountPath: \${5:/data}
`)}
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes:
          - ReadWriteOnce
        resources:
          requests:
            storage: \${6:1Gi}
`.replace(/my-app/g, 'my-db')),
  S('DaemonSet', 'A DaemonSet running one Pod on every node.', `
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: \${1:my-agent}
  labels:
    app: \${1:my-agent}
spec:
  selector:
    matchLabels:
      app: \${1:my-agent}
  template:
    metadata:
      labels:
        app: \${1:my-agent}
    spec:
${podTemplate('      ', 'fluent/fluent-bit:3.0').replace(/my-app/g, 'my-agent')}
`),
  S('Job', 'A Job that runs a command to completion.', `
apiVersion: batch/v1
kind: Job
metadata:
  name: \${1:my-job}
spec:
  backoffLimit: \${3:4}
  template:
    spec:
      restartPolicy: \${4|Never,OnFailure|}
${podTemplate('      ', 'busybox:1.36', `          command: ["sh", "-c", "\${5:echo hello}"]
`).replace(/my-app/g, 'my-job')}
`),
  S('CronJob', 'A CronJob that creates a Job on a schedule.', `
apiVersion: batch/v1
kind: CronJob
metadata:
  name: \${1:my-cron}
spec:
  schedule: "\${3:0 * * * *}"
  concurrencyPolicy: \${4|Forbid,Allow,Replace|}
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
${podTemplate('          ', 'busybox:1.36', `              command: ["sh", "-c", "\${5:date}"]
`).replace(/my-app/g, 'my-cron')}
`),
  S('Pod', 'A single Pod (usually a Deployment or Job should own Pods instead).', `
apiVersion: v1
kind: Pod
metadata:
  name: \${1:my-app}
  labels:
    app: \${1:my-app}
spec:
${podTemplate('  ', 'nginx:1.27', `      ports:
        - containerPort: \${3:80}
`)}
`),
  S('ServiceAccount', 'An identity for Pods that call the Kubernetes API.', `
apiVersion: v1
kind: ServiceAccount
metadata:
  name: \${1:my-app}
`),
  S('HorizontalPodAutoscaler', 'Scales a Deployment between min and max replicas on CPU utilization.', `
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: \${1:my-app}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: \${1:my-app}
  minReplicas: \${2:2}
  maxReplicas: \${3:10}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: \${4:70}
`),
  S('NetworkPolicy', 'Allows traffic to the selected Pods only from Pods of the same namespace, on one port.', `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: \${1:allow-http}
spec:
  podSelector:
    matchLabels:
      app: \${2:my-app}
  policyTypes:
    - Ingress
  ingress:
    - from:
        - podSelector: {}
      ports:
        - protocol: TCP
          port: \${3:80}
`),
];

/** The text a snippet becomes when every placeholder keeps its default (the first choice). */
export function expandSnippet(body: string): string {
  return body
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{?\d+\}?/g, '');
}
