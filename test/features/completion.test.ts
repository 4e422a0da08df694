import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { complete, type CompletionEntry } from '../../server/src/engine/features/completion';
import { expandSnippet, RESOURCE_SNIPPETS } from '../../server/src/engine/features/snippets';
import { readLines } from '../../server/src/engine/features/yamlLines';
import { DEFAULT_SETTINGS } from '../../server/src/engine/check';
import { Workspace } from '../../server/src/engine/workspace';
import { check, testEngine } from '../helpers/engine';

/** Completions at the `|` in `text` (the marker is removed). */
function completeAt(marked: string): { items: CompletionEntry[]; text: string; offset: number } {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'test text needs a | cursor marker');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const e = testEngine();
  return { items: complete(e.parse('file:///t.yaml', text), offset, e.bundle), text, offset };
}

const labels = (items: CompletionEntry[]): string[] => items.map((i) => i.label);
const byLabel = (items: CompletionEntry[], label: string): CompletionEntry => {
  const found = items.find((i) => i.label === label);
  assert.ok(found, `no completion "${label}" in ${labels(items).slice(0, 40).join(', ')}`);
  return found;
};

/** The text after accepting `item`, with snippet placeholders at their defaults. */
function accept(text: string, offset: number, item: CompletionEntry): string {
  const span = item.replace ?? { start: offset, end: offset };
  const insert = item.isSnippet ? expandSnippet(item.insertText) : item.insertText;
  let out = text.slice(0, span.start) + insert + text.slice(span.end);
  for (const e of [...(item.additionalEdits ?? [])].sort((a, b) => b.span.start - a.span.start)) {
    const shift = e.span.start >= span.end ? insert.length - (span.end - span.start) : 0;
    out = out.slice(0, e.span.start + shift) + e.newText + out.slice(e.span.end + shift);
  }
  return out;
}

const DEPLOYMENT_HEAD = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
`;

describe('completion of keys', () => {
  it('finds the path of a half-typed key from indentation alone (spec.template.spec -> containers)', () => {
    const { items, text, offset } = completeAt(`${DEPLOYMENT_HEAD}spec:\n  template:\n    spec:\n      conta|`);
    const c = byLabel(items, 'containers');
    assert.equal(accept(text, offset, c), `${DEPLOYMENT_HEAD}spec:\n  template:\n    spec:\n      containers:\n        - name: `);
    assert.match(c.detail ?? '', /list of Container.*required/);
    assert.ok(labels(items).includes('initContainers'));
    assert.ok(!labels(items).includes('replicas'), 'replicas belongs to the Deployment spec, not the Pod spec');
  });

  it('uses the cursor column on an empty line: column 6 under `    spec:` is the Pod spec', () => {
    const { items } = completeAt(`${DEPLOYMENT_HEAD}spec:\n  template:\n    spec:\n      |\n`);
    assert.ok(labels(items).includes('containers'));
    const { items: atFour } = completeAt(`${DEPLOYMENT_HEAD}spec:\n  template:\n    spec:\n      containers: []\n    |\n`);
    assert.deepEqual(labels(atFour).sort(), ['metadata'], 'column 4 is the template itself, whose spec is written');
  });

  it('puts required keys first and leaves out keys already written', () => {
    const { items } = completeAt(`${DEPLOYMENT_HEAD}spec:\n  replicas: 2\n  |\n  template: {}\n`);
    assert.ok(!labels(items).includes('replicas'));
    assert.ok(!labels(items).includes('template'));
    const sorted = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.equal(sorted[0].label, 'selector');
    assert.match(sorted[0].detail ?? '', /required/);
  });

  it('inserts `key: ` for scalars, `key:` + an indented line for objects, and `- ` for lists', () => {
    const { items, text, offset } = completeAt(`${DEPLOYMENT_HEAD}spec:\n  |`);
    assert.equal(accept(text, offset, byLabel(items, 'replicas')), `${DEPLOYMENT_HEAD}spec:\n  replicas: `);
    assert.equal(accept(text, offset, byLabel(items, 'selector')), `${DEPLOYMENT_HEAD}spec:\n  selector:\n    `);
    const labelsItem = completeAt(`${DEPLOYMENT_HEAD}  |`);
    assert.equal(accept(labelsItem.text, labelsItem.offset, byLabel(labelsItem.items, 'labels')), `${DEPLOYMENT_HEAD}  labels:\n    `);
    const list = completeAt(`apiVersion: v1\nkind: PersistentVolumeClaim\nspec:\n  |`);
    const accessModes = byLabel(list.items, 'accessModes');
    assert.match(accessModes.insertText, /^accessModes:\n {4}- \$\{1\|ReadWriteOnce,ReadOnlyMany,ReadWriteMany,ReadWriteOncePod\|\}$/);
  });

  it('indents inserted lines from the key column, also for keys after `- `', () => {
    const { items, text, offset } = completeAt(`apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      image: nginx\n      |`);
    assert.equal(accept(text, offset, byLabel(items, 'ports')), `apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      image: nginx\n      ports:\n        - containerPort: `);
    assert.ok(!labels(items).includes('name') && !labels(items).includes('image'));
    const dash = completeAt(`apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      image: nginx\n    - |`);
    assert.ok(labels(dash.items).includes('name'), 'a fresh item offers all keys again');
    assert.equal(accept(dash.text, dash.offset, byLabel(dash.items, 'env')), `apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      image: nginx\n    - env:\n        - name: `);
  });

  it('offers new list items under a list key before any `- `', () => {
    const { items, text, offset } = completeAt(`apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    |`);
    const name = byLabel(items, '- name');
    assert.equal(accept(text, offset, name), `apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: `);
  });

  it('only replaces the key when the line already has its colon', () => {
    const { items, text, offset } = completeAt(`${DEPLOYMENT_HEAD}spec:\n  repl|: 3\n`);
    assert.equal(accept(text, offset, byLabel(items, 'replicas')), `${DEPLOYMENT_HEAD}spec:\n  replicas: 3\n`);
  });

  it('offers apiVersion, kind and metadata at the top of an object without kind, and the kind\'s fields with one', () => {
    const none = completeAt(`metadata:\n  name: x\n|`);
    assert.deepEqual(labels(none.items).sort(), ['apiVersion', 'kind']);
    const svc = completeAt(`apiVersion: v1\nkind: Service\n|`);
    assert.ok(labels(svc.items).includes('spec') && labels(svc.items).includes('metadata'));
    assert.ok(!labels(svc.items).includes('status'), 'status is written by the cluster');
  });

  it('leaves out fields the cluster writes (uid, creationTimestamp, status)', () => {
    const { items } = completeAt(`apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    a: b\n  |`);
    assert.deepEqual(labels(items).sort(), ['finalizers', 'generateName', 'labels', 'name', 'namespace', 'ownerReferences']);
  });

  it('offers nothing inside the indentation of a line that already holds a key', () => {
    assert.deepEqual(completeAt(`apiVersion: v1\nkind: Pod\nspec:\n  |  containers: []\n`).items, []);
  });

  it('reads CRLF files', () => {
    const { items, text, offset } = completeAt(`apiVersion: v1\r\nkind: Pod\r\nspec:\r\n  containers:\r\n    - name: a\r\n      ima|\r\n`);
    assert.equal(accept(text, offset, byLabel(items, 'image')), `apiVersion: v1\r\nkind: Pod\r\nspec:\r\n  containers:\r\n    - name: a\r\n      image: \r\n`);
  });

  it('reads block scalars and multi-line plain scalars as text, not as keys', () => {
    const lines = readLines('data:\n  a: |\n    x: [\n    - y: 1\n  b: first\n    - second line\n  c: 1\n');
    assert.deepEqual(lines.map((l) => l.continuation), [false, false, true, true, false, true, false, false]);
    assert.deepEqual(lines[6].path, ['data', 'c']);
    assert.deepEqual(completeAt(`apiVersion: v1\nkind: ConfigMap\ndata:\n  a: |\n    x: [\n    ima|`).items, []);
  });

  it('survives a document that does not parse', () => {
    const text = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels: {app: web\nspec:\n  template:\n    spec:\n      |`;
    assert.ok(testEngine().parse('file:///b.yaml', text.replace('|', '')).documents[0].parsed.problems.length > 0, 'the document really is broken');
    assert.ok(labels(completeAt(text).items).includes('containers'));
  });
});

describe('completion of values', () => {
  it('offers enum values at a value position', () => {
    const { items, text, offset } = completeAt(`apiVersion: v1\nkind: Service\nspec:\n  type: |`);
    assert.deepEqual(labels(items), ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']);
    assert.equal(accept(text, offset, items[1]), `apiVersion: v1\nkind: Service\nspec:\n  type: NodePort`);
    const pull = completeAt(`apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      imagePullPolicy: If|`);
    assert.deepEqual(labels(pull.items), ['Always', 'IfNotPresent', 'Never']);
    assert.equal(accept(pull.text, pull.offset, pull.items[1]), `apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      imagePullPolicy: IfNotPresent`);
  });

  it('offers true/false for booleans and quotes enum values YAML would misread', () => {
    assert.deepEqual(labels(completeAt(`apiVersion: v1\nkind: Pod\nspec:\n  hostNetwork: |`).items), ['true', 'false']);
    const hostPath = completeAt(`apiVersion: v1\nkind: Pod\nspec:\n  volumes:\n    - name: v\n      hostPath:\n        type: |`);
    assert.equal(labels(hostPath.items)[0], '""');
  });

  it('offers enum values of list items after `- `', () => {
    const { items } = completeAt(`apiVersion: v1\nkind: PersistentVolumeClaim\nspec:\n  accessModes:\n    - |`);
    assert.deepEqual(labels(items), ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod']);
  });

  it('adds the missing space after a colon', () => {
    const { items, text, offset } = completeAt(`apiVersion: v1\nkind: Service\nspec:\n  type:|`);
    assert.equal(accept(text, offset, byLabel(items, 'NodePort')), `apiVersion: v1\nkind: Service\nspec:\n  type: NodePort`);
  });

  it('offers the apiVersions that serve the kind', () => {
    const { items } = completeAt(`apiVersion: |\nkind: HorizontalPodAutoscaler\n`);
    assert.deepEqual(labels(items).sort(), ['autoscaling/v1', 'autoscaling/v2']);
    const best = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''))[0];
    assert.equal(best.label, 'autoscaling/v1');
    const dep = completeAt(`kind: Deployment\napiVersion: |\n`);
    assert.deepEqual(labels(dep.items), ['apps/v1']);
  });

  it('offers the kinds of the apiVersion, or all kinds (also writing apiVersion) when it is absent', () => {
    const apps = completeAt(`apiVersion: apps/v1\nkind: |\n`);
    assert.deepEqual(labels(apps.items).sort(), ['ControllerRevision', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet']);
    const all = completeAt(`kind: Dep|\nmetadata:\n  name: x\n`);
    assert.ok(labels(all.items).includes('Service') && labels(all.items).includes('Deployment'));
    const dep = byLabel(all.items, 'Deployment');
    assert.equal(accept(all.text, all.offset, dep), `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\n`);
    assert.match(dep.documentation ?? '', /ReplicaSet/);
  });
});

describe('resource snippets', () => {
  it('are offered in an empty document, and in an empty `---` document', () => {
    const empty = completeAt('|');
    assert.equal(empty.items.filter((i) => i.kind === 'snippet').length, RESOURCE_SNIPPETS.length);
    const second = completeAt(`${DEPLOYMENT_HEAD}---\nDep|`);
    const dep = byLabel(second.items, 'Deployment (resource)');
    assert.ok(accept(second.text, second.offset, dep).startsWith(`${DEPLOYMENT_HEAD}---\napiVersion: apps/v1\nkind: Deployment\n`));
    assert.equal(completeAt(`apiVersion: v1\n|`).items.filter((i) => i.kind === 'snippet').length, 0);
  });

  it('cover the common kinds', () => {
    const kinds = RESOURCE_SNIPPETS.map((s) => s.kind).sort();
    assert.deepEqual(kinds, ['ConfigMap', 'CronJob', 'DaemonSet', 'Deployment', 'HorizontalPodAutoscaler', 'Ingress', 'Job', 'NetworkPolicy', 'PersistentVolumeClaim', 'Pod', 'Secret', 'Service', 'ServiceAccount', 'StatefulSet']);
  });

  for (const s of RESOURCE_SNIPPETS) {
    it(`${s.kind}: expanded with its defaults, passes kubesim check with no diagnostics`, () => {
      const text = expandSnippet(s.body);
      assert.doesNotMatch(text, /\$\{|\$\d/);
      const diags = check(text, `file:///${s.kind}.yaml`);
      assert.deepEqual(diags.map((d) => `${d.ruleId}: ${d.message}`), []);
      const docs = testEngine().parse('file:///x.yaml', text).documents;
      assert.ok(docs.some((d) => (d.parsed.value as { kind?: string }).kind === s.kind));
    });
  }

  it('together form one application that the workspace rules find consistent', () => {
    // A lone Service, Ingress, HPA or NetworkPolicy rightly warns that what it points at is missing;
    // side by side, each finds its Deployment, Service or Pods by the shared defaults.
    const ws = new Workspace(testEngine(), DEFAULT_SETTINGS, (id, e) => {
      throw new Error(`rule ${id} threw: ${String(e)}`);
    });
    for (const s of RESOURCE_SNIPPETS) ws.setFile(`file:///app/${s.kind}.yaml`, expandSnippet(s.body));
    const all = RESOURCE_SNIPPETS.flatMap((s) => ws.diagnostics(`file:///app/${s.kind}.yaml`).map((d) => `${s.kind}: ${d.ruleId}: ${d.message}`));
    assert.deepEqual(all, []);
    // The workspace rules do look at snippets: the Service beside a Deployment with other labels selects no Pods.
    // (A Service alone is not judged: the workspace then holds no pod templates in its namespace to judge it by.)
    const other = new Workspace(testEngine());
    other.setFile('file:///svc.yaml', expandSnippet(RESOURCE_SNIPPETS.find((s) => s.kind === 'Service')?.body ?? ''));
    other.setFile('file:///deploy.yaml', expandSnippet(RESOURCE_SNIPPETS.find((s) => s.kind === 'Deployment')?.body ?? '').replace(/app: my-app/g, 'app: other'));
    assert.ok(other.diagnostics('file:///svc.yaml').some((d) => d.ruleId === 'service-selector-no-match'), 'a Service beside non-matching pods warns');
  });

  it('keep workload selectors and template labels on the same placeholder', () => {
    for (const kind of ['Deployment', 'StatefulSet', 'DaemonSet']) {
      const body = RESOURCE_SNIPPETS.find((s) => s.kind === kind)?.body ?? '';
      const value = expandSnippet(body);
      const doc = testEngine().parse('file:///x.yaml', value).documents.find((d) => (d.parsed.value as { kind?: string }).kind === kind);
      const v = doc?.parsed.value as { spec: { selector: { matchLabels: Record<string, string> }; template: { metadata: { labels: Record<string, string> } } } };
      assert.deepEqual(v.spec.selector.matchLabels, v.spec.template.metadata.labels, kind);
      assert.match(body, /matchLabels:\n\s+app: \$\{1:/);
    }
  });
});
