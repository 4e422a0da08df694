import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS } from '../../server/src/engine/check';
import { codeLenses } from '../../server/src/engine/features/codeLens';
import { Workspace } from '../../server/src/engine/workspace';
import { testEngine } from '../helpers/engine';
import { lineOf, shopWorkspace, URI } from './navWorkspace';

const lensesOf = (ws: Workspace, uri: string): string[] => {
  const file = ws.getFile(uri)!;
  return codeLenses(ws.view(), file.resources).map((l) => `${lineOf(file.parsed.text, l.span.start)}: ${l.title}`);
};

describe('code lenses', () => {
  it('counts the pods a Service selects in its namespace and names their workloads; workloads name what exposes them', () => {
    const ws = shopWorkspace();
    assert.deepEqual(lensesOf(ws, URI.services), ['1: selects 3 pods · deployment/web']);
    assert.deepEqual(lensesOf(ws, URI.app), ['1: exposed by service/web · ingress/web']);
    assert.deepEqual(lensesOf(ws, URI.other), ['1: exposed by service/web', '31: selects 5 pods · deployment/web']);
    assert.deepEqual(lensesOf(ws, URI.config), [], 'ConfigMaps, Secrets and claims get no lens');
  });

  it('adds up several workloads, defaults replicas to 1, and says when pods run per node or on a schedule', () => {
    const ws = new Workspace(testEngine(), DEFAULT_SETTINGS);
    const pod = (kind: string, apiVersion: string, name: string, spec: string, template = true): string =>
      template
        ? `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: ${name}\nspec:\n${spec}  selector:\n    matchLabels: {app: api}\n  template:\n    metadata:\n      labels: {app: api}\n    spec:\n      containers: [{name: c, image: busybox:1}]\n`
        : '';
    ws.setFile(
      'file:///w/all.yaml',
      [
        pod('Deployment', 'apps/v1', 'api', '  replicas: 2\n'),
        pod('StatefulSet', 'apps/v1', 'db', '  serviceName: db\n'),
        pod('DaemonSet', 'apps/v1', 'agent', ''),
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  selector: {app: api}\n  ports: [{port: 80}]\n',
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: external\nspec:\n  ports: [{port: 80}]\n',
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: typo\nspec:\n  selector: {app: apj}\n  ports: [{port: 80}]\n',
        'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly\nspec:\n  schedule: "0 1 * * *"\n  jobTemplate:\n    spec:\n      template:\n        metadata:\n          labels: {app: batch}\n        spec:\n          restartPolicy: Never\n          containers: [{name: c, image: busybox:1}]\n',
      ].join('---\n'),
    );
    const titles = lensesOf(ws, 'file:///w/all.yaml').map((l) => l.replace(/^\d+: /, ''));
    assert.deepEqual(titles, [
      'exposed by service/api',
      'exposed by service/api',
      'exposed by service/api',
      'selects 3 pods + 1 per node (daemonset/agent) · deployment/api (2), statefulset/db (1), daemonset/agent',
      'no selector: its endpoints are not managed by Kubernetes',
      'selects no pods in namespace default',
    ]);
    ws.setFile('file:///w/edge.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: edge\n  namespace: edge\nspec:\n  selector: {app: api}\n  ports: [{port: 80}]\n');
    assert.deepEqual(lensesOf(ws, 'file:///w/edge.yaml'), ['1: no workload of namespace edge is in the workspace'], 'pods of another namespace do not count');
    ws.setFile('file:///w/lone.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: lone\nspec:\n  containers: [{name: c, image: busybox:1}]\n');
    assert.deepEqual(lensesOf(ws, 'file:///w/lone.yaml'), ['1: not exposed: no Service selects its pods'], 'a Job or CronJob that nothing selects gets no lens; other workloads say so');
  });
});
