import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS } from '../../server/src/engine/check';
import type { Location } from '../../server/src/engine/features/navigation/locate';
import { Workspace } from '../../server/src/engine/workspace';
import { testEngine } from '../helpers/engine';

/**
 * A small shop in two namespaces. `shop` and `other` both have a Deployment, Service,
 * ConfigMap and claim with the same names, so every lookup must pick by namespace.
 */
export const APP = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
        tier: front
    spec:
      serviceAccountName: web-sa
      imagePullSecrets:
        - name: registry
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - name: http
              containerPort: 8080
          envFrom:
            - configMapRef:
                name: web-config
          env:
            - name: LOG_LEVEL
              valueFrom:
                configMapKeyRef:
                  name: web-config
                  key: log-level
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: db-secret
                  key: password
      volumes:
        - name: data
          persistentVolumeClaim:
            claimName: web-data
`;

export const SERVICES = `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: http
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  namespace: shop
spec:
  tls:
    - hosts: [shop.example.com]
      secretName: shop-tls
  rules:
    - http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  name: http
`;

/** Secret values that must never leave the engine through an editor feature. */
export const SECRET_VALUES = ['hunter2-do-not-show', 'c2VjcmV0LXRva2Vu', 'tls-cert-bytes'];

export const CONFIG = `apiVersion: v1
kind: ConfigMap
metadata:
  name: web-config
  namespace: shop
data:
  log-level: debug
  feature-flags: "a,b"
---
apiVersion: v1
kind: Secret
metadata:
  name: db-secret
  namespace: shop
stringData:
  password: hunter2-do-not-show
data:
  token: c2VjcmV0LXRva2Vu
---
apiVersion: v1
kind: Secret
metadata:
  name: shop-tls
  namespace: shop
type: kubernetes.io/tls
data:
  tls.crt: tls-cert-bytes
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: web-data
  namespace: shop
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: web-sa
  namespace: shop
`;

export const OTHER = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: other
spec:
  replicas: 5
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
        team: blue
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - name: metrics
              containerPort: 9090
          envFrom:
            - configMapRef:
                name: web-config
      volumes:
        - name: data
          persistentVolumeClaim:
            claimName: web-data
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: other
spec:
  selector:
    app: web
  ports:
    - port: 80
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: web-config
  namespace: other
data:
  color: blue
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: web-data
  namespace: other
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
`;

export const URI = { app: 'file:///ws/app.yaml', services: 'file:///ws/services.yaml', config: 'file:///ws/config.yaml', other: 'file:///ws/other.yaml' };
const TEXT: Record<string, string> = { [URI.app]: APP, [URI.services]: SERVICES, [URI.config]: CONFIG, [URI.other]: OTHER };

export function shopWorkspace(): Workspace {
  const ws = new Workspace(testEngine(), DEFAULT_SETTINGS);
  for (const [uri, text] of Object.entries(TEXT)) ws.setFile(uri, text);
  return ws;
}

/** Offset of the `nth` (0-based) occurrence of `needle` in `text`, plus `within` characters. */
export function offsetOf(text: string, needle: string, nth = 0, within = 1): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" #${nth} not in text`);
  }
  return at + within;
}

/** Locations as `file:line:text`, sorted, so a test reads like what the editor shows. */
export function show(list: readonly Location[]): string[] {
  return list
    .map((l) => {
      const text = TEXT[l.uri];
      assert.ok(text !== undefined, `location in unknown file ${l.uri}`);
      const line = text.slice(0, l.span.start).split('\n').length;
      return `${l.uri.split('/').pop()}:${line}:${text.slice(l.span.start, l.span.end)}`;
    })
    .sort();
}

export const lineOf = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;
