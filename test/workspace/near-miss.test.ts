import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Workspace } from '../../server/src/engine/workspace';
import { testEngine } from '../helpers/engine';

const deployment = (name: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
        - name: main
          image: registry.example.com/${name}:1.0
          ports: [{name: http, containerPort: 8080}]
`;

describe('the near miss a selector finding names', () => {
  it('is the workload whose label value is spelled most like the selector, not the first by name', () => {
    const ws = new Workspace(testEngine());
    ws.setFile('file:///w/api.yaml', deployment('api'));
    ws.setFile('file:///w/web.yaml', deployment('web'));
    ws.setFile('file:///w/svc.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: wbe}\n  ports: [{port: 80, targetPort: http}]\n');
    const finding = ws.diagnostics('file:///w/svc.yaml').find((d) => d.ruleId === 'service-selector-no-match');
    assert.ok(finding, 'the selector matches no pod');
    assert.match(finding.message, /deployment\/web/);
    assert.doesNotMatch(finding.message, /deployment\/api/);
  });
});
