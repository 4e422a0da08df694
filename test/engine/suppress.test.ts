import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Workspace } from '../../server/src/engine/workspace';
import { testEngine } from '../helpers/engine';

const configMap = (name: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  a: b\n`;
const service = (app: string, directive = ''): string => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    ${directive}app: ${app}\n  ports:\n    - port: 80\n`;
const deployment = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n          ports: [{containerPort: 80}]\n`;

const ids = (ws: Workspace, uri: string): string[] => ws.diagnostics(uri).map((d) => d.ruleId).sort();

describe('inline suppressions in a file of many documents', () => {
  it('a directive added to one document silences the cross-file finding it names, and only that rule', () => {
    const ws = new Workspace(testEngine());
    const text = [configMap('one'), deployment, service('wbe')].join('---\n');
    ws.setFile('file:///all.yaml', text);
    assert.deepEqual(ids(ws, 'file:///all.yaml'), ['service-selector-no-match']);
    // Add the directive to the Service's document only: the cross-file finding goes, nothing else changes.
    ws.setFile('file:///all.yaml', [configMap('one'), deployment, service('wbe', '# kubesim-disable-next-line service-selector-no-match\n    ')].join('---\n'));
    assert.deepEqual(ids(ws, 'file:///all.yaml'), []);
    // Another rule id does not silence it.
    ws.setFile('file:///all.yaml', [configMap('one'), deployment, service('wbe', '# kubesim-disable-next-line unknown-kind\n    ')].join('---\n'));
    assert.deepEqual(ids(ws, 'file:///all.yaml'), ['service-selector-no-match']);
  });

  it('a region opened in one document holds in the next ones until it is closed (a per-file rule), and removing it brings the findings back', () => {
    const ws = new Workspace(testEngine());
    const text = ['# kubesim-disable schema-unknown-field\n' + configMap('one').replace('\ndata:', '\ndat:'), configMap('two').replace('\ndata:', '\ndat:') + '# kubesim-enable schema-unknown-field\n', configMap('three').replace('\ndata:', '\ndat:')].join('---\n');
    ws.setFile('file:///cms.yaml', text);
    const diags = ws.diagnostics('file:///cms.yaml').filter((d) => d.ruleId === 'schema-unknown-field');
    assert.equal(diags.length, 1);
    assert.ok(diags[0].span.start > text.lastIndexOf('three'), 'only the third ConfigMap, after the region, is reported');
    // Removing the directive (an edit in the first document) brings the first two back.
    ws.setFile('file:///cms.yaml', text.replace('# kubesim-disable schema-unknown-field\n', ''));
    assert.equal(ws.diagnostics('file:///cms.yaml').filter((d) => d.ruleId === 'schema-unknown-field').length, 3);
  });
});
