import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { graphHtml } from '../../client/src/model/graphHtml';
import { fromRoot } from '../helpers/paths';

const pkg = JSON.parse(fs.readFileSync(fromRoot('package.json'), 'utf8'));
const clientSource = fs.readdirSync(fromRoot('client', 'src')).filter((f) => f.endsWith('.ts')).map((f) => fs.readFileSync(path.join(fromRoot('client', 'src'), f), 'utf8')).join('\n');

describe('extension contract (ids the end-to-end tests and users rely on)', () => {
  it('contributes each command it registers, and registers each command it contributes', () => {
    const contributed = (pkg.contributes.commands as { command: string; title: string; category?: string }[]).map((c) => c.command).sort();
    const registered = [...clientSource.matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]).sort();
    assert.deepEqual(registered, contributed);
    for (const id of ['kubesim.simulateApply', 'kubesim.showGraph', 'kubesim.compareWithLastSimulation', 'kubesim.compareWithGitHead']) assert.ok(contributed.includes(id), id);
    for (const c of pkg.contributes.commands) assert.equal(c.category, 'Kubesim', c.command);
  });

  it('has the activity-bar container kubesim with the Simulated Cluster view, and the graph viewType', () => {
    assert.equal(`${pkg.publisher}.${pkg.name}`, 'kubesim.kubesim');
    assert.deepEqual(pkg.contributes.viewsContainers.activitybar.map((v: { id: string }) => v.id), ['kubesim']);
    assert.deepEqual(pkg.contributes.views.kubesim, [{ id: 'kubesim.clusterView', name: 'Simulated Cluster', icon: '$(server-environment)', contextualTitle: 'Kubesim' }]);
    assert.match(clientSource, /createTreeView\('kubesim\.clusterView'/);
    assert.match(clientSource, /GRAPH_VIEW_TYPE = 'kubesim\.graph'/);
  });

  it('offers Simulate Apply on folders and YAML files in the explorer', () => {
    const when = pkg.contributes.menus['explorer/context'].find((m: { command: string }) => m.command === 'kubesim.simulateApply').when as string;
    assert.match(when, /explorerResourceIsFolder/);
    assert.match(when, /ya\?ml/);
  });

  it('documents every contributed setting in the README settings table', () => {
    const readme = fs.readFileSync(fromRoot('README.md'), 'utf8');
    for (const key of Object.keys(pkg.contributes.configuration.properties)) {
      if (key === 'kubesim.trace.server') continue;
      assert.ok(readme.includes(`| \`${key}\``), `README lacks ${key}`);
    }
  });

  it('contributes no schemas to other YAML extensions', () => {
    assert.equal(pkg.contributes.yamlValidation, undefined);
    assert.equal(pkg.contributes.jsonValidation, undefined);
  });
});

describe('graph webview page', () => {
  const html = graphHtml('https://file+.vscode-resource.vscode-cdn.net/ext/dist/graph.js', 'https://*.vscode-cdn.net', 'bm9uY2U=');
  it('has a strict CSP: nothing by default, the one script and style by nonce', () => {
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    assert.match(csp, /^default-src 'none';/);
    assert.match(csp, /script-src 'nonce-bm9uY2U=';/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*;|https?:\/\/(?!\*\.vscode-cdn)/);
  });
  it('has no inline handlers, and every script carries the nonce', () => {
    assert.doesNotMatch(html, /\son[a-z]+=/i);
    const scripts = [...html.matchAll(/<script[^>]*>/g)].map((m) => m[0]);
    assert.equal(scripts.length, 1);
    assert.ok(scripts.every((s) => s.includes('nonce="bm9uY2U="')));
  });
  it('the bundled webview script loads nothing remote', () => {
    const script = fromRoot('dist', 'graph.js');
    if (!fs.existsSync(script)) throw new Error('dist/graph.js is missing: run npm run build');
    const text = fs.readFileSync(script, 'utf8');
    assert.doesNotMatch(text, /\bfetch\(|XMLHttpRequest|new WebSocket|importScripts\(/);
  });
});
