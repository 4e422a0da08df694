import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** A Deployment "web" whose pods carry app: APP and read the ConfigMap CONFIGMAP. */
export const deployment = (app: string, configMap = 'web-config'): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: ${app}}
  template:
    metadata:
      labels: {app: ${app}}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports: [{containerPort: 80, name: http}]
          envFrom: [{configMapRef: {name: ${configMap}}}]
`;
/** A workspace folder on disk (a temporary directory, resolved through symlinks so its URIs match the server's). */
export function makeWorkspace(files: Record<string, string>): { dir: string; uri: (rel: string) => string; write: (rel: string, text: string) => void } {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kubesim-ws-')));
  const write = (rel: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  for (const [rel, text] of Object.entries(files)) write(rel, text);
  return { dir, uri: (rel) => pathToFileURL(path.join(dir, rel)).href, write };
}

