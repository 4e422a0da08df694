import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { podSpecsOf, runningPodSpecsOf, runsPods } from '../../server/src/engine/k8s/podSpecs';
import { dns1035Label, dns1123Label, dns1123Subdomain, ianaSvcName, labelValue, qualifiedName } from '../../server/src/engine/k8s/validation/names';
import { compareRational, parseQuantity, suggestQuantities } from '../../server/src/engine/k8s/validation/quantity';

describe('name syntax (apimachinery util/validation)', () => {
  it('tells labels, subdomains and DNS-1035 labels apart', () => {
    assert.deepEqual(dns1123Label('web-1'), []);
    assert.deepEqual(dns1123Label('web.1'), ['must not contain dots']);
    assert.deepEqual(dns1123Subdomain('web.example'), []);
    assert.equal(dns1123Subdomain('Web').length, 1);
    assert.equal(dns1123Subdomain('a'.repeat(254))[0], 'must be no more than 253 characters');
    assert.deepEqual(dns1123Label('1st'), []);
    assert.equal(dns1035Label('1st').length, 1);
  });

  it("words errors as validation.RegexError does, to the byte (each example followed by ', ', joined by ' or ')", () => {
    assert.deepEqual(dns1123Label('Web'), [
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    ]);
    assert.deepEqual(dns1123Subdomain('Web'), [
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]);
    assert.deepEqual([...qualifiedName('bad key!')], [
      "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    ]);
  });

  it('checks IANA service names and qualified names like upstream', () => {
    assert.deepEqual(ianaSvcName('http-metrics'), []);
    assert.deepEqual(ianaSvcName('8080'), ['must contain at least one letter (a-z)']);
    assert.deepEqual(ianaSvcName('a--b'), ['must not contain consecutive hyphens']);
    assert.deepEqual(ianaSvcName('-ab'), ['must not begin or end with a hyphen']);
    assert.deepEqual(ianaSvcName('abcdefghijklmnop'), ['must be no more than 15 characters']);
    assert.deepEqual(qualifiedName('app.kubernetes.io/name'), []);
    assert.deepEqual(qualifiedName('/name'), ['prefix part must be non-empty']);
    assert.equal(qualifiedName('a/b/c').length, 1);
    assert.deepEqual(labelValue(''), []);
    assert.equal(labelValue('a b').length, 1);
  });
});

describe('resource.Quantity parsing', () => {
  it('accepts what ParseQuantity accepts', () => {
    for (const q of ['1', '0', '250m', '1.5', '1Gi', '500M', '1e3', '1E-3', '+1k', '-1Mi', '1.G', '.5']) assert.ok(parseQuantity(q).ok, q);
  });

  it('rejects with the upstream error, by kind of mistake', () => {
    const err = (q: string): string => {
      const r = parseQuantity(q);
      return r.ok ? 'ok' : r.error;
    };
    assert.match(err('512MB'), /^quantities must match the regular expression/);
    assert.match(err('1 Gi'), /^quantities must match/);
    assert.equal(err('1K'), "unable to parse quantity's suffix");
    assert.equal(err('1Mi5'), "unable to parse quantity's suffix");
    assert.match(err(''), /^quantities must match/);
  });

  it('compares exactly across suffixes', () => {
    const v = (q: string) => {
      const r = parseQuantity(q);
      assert.ok(r.ok);
      return r.value;
    };
    assert.equal(compareRational(v('1Gi'), v('1073741824')), 0);
    assert.equal(compareRational(v('0.1'), v('100m')), 0);
    assert.equal(compareRational(v('2Gi'), v('2G')), 1);
    assert.equal(compareRational(v('1500m'), v('1')), 1);
  });

  it('suggests what the writer meant', () => {
    assert.deepEqual(suggestQuantities('512MB'), ['512M', '512Mi']);
    assert.deepEqual(suggestQuantities('1 gigabyte'), ['1G', '1Gi']);
    assert.deepEqual(suggestQuantities('1gi'), ['1Gi']);
    assert.deepEqual(suggestQuantities('2 cores'), ['2']);
    assert.deepEqual(suggestQuantities('lots'), []);
  });
});

describe('podSpecsOf', () => {
  const spec = { containers: [] };
  const tpl = { template: { spec } };
  it('finds the pod spec of every built-in workload', () => {
    const cases: [string, string, Record<string, unknown>, string[]][] = [
      ['', 'Pod', { spec }, ['spec']],
      ['apps', 'Deployment', { spec: tpl }, ['spec', 'template', 'spec']],
      ['apps', 'ReplicaSet', { spec: tpl }, ['spec', 'template', 'spec']],
      ['apps', 'StatefulSet', { spec: tpl }, ['spec', 'template', 'spec']],
      ['apps', 'DaemonSet', { spec: tpl }, ['spec', 'template', 'spec']],
      ['batch', 'Job', { spec: tpl }, ['spec', 'template', 'spec']],
      ['', 'ReplicationController', { spec: tpl }, ['spec', 'template', 'spec']],
      ['', 'PodTemplate', tpl, ['template', 'spec']],
      ['batch', 'CronJob', { spec: { jobTemplate: { spec: tpl } } }, ['spec', 'jobTemplate', 'spec', 'template', 'spec']],
    ];
    for (const [group, kind, value, path] of cases) assert.deepEqual(podSpecsOf({ group, kind, value }).map((p) => p.specPath), [path], kind);
  });

  it('gives nothing for custom resources, other kinds, or a spec that is not a mapping', () => {
    assert.deepEqual(podSpecsOf({ group: 'example.com', kind: 'Deployment', value: { spec: tpl } }), []);
    assert.deepEqual(podSpecsOf({ group: '', kind: 'Service', value: { spec: {} } }), []);
    assert.deepEqual(podSpecsOf({ group: '', kind: 'Pod', value: 'oops' as unknown as Record<string, unknown> }), []);
    // A Pod whose spec is not a mapping still has labels that say which Services select it.
    assert.deepEqual(podSpecsOf({ group: '', kind: 'Pod', value: { metadata: { labels: { app: 'a' } }, spec: 'oops' } }).map((p) => [p.spec, p.labels]), [[{}, { app: 'a' }]]);
  });

  it('knows the Deployment-like kinds of OpenShift and Argo, and that a PodTemplate runs nothing', () => {
    assert.deepEqual(podSpecsOf({ group: 'argoproj.io', kind: 'Rollout', value: { spec: tpl } }).map((p) => p.specPath), [['spec', 'template', 'spec']]);
    assert.deepEqual(podSpecsOf({ group: 'apps.openshift.io', kind: 'DeploymentConfig', value: { spec: tpl } }).map((p) => p.specPath), [['spec', 'template', 'spec']]);
    assert.equal(runsPods({ group: '', kind: 'PodTemplate' }), false);
    assert.equal(runsPods({ group: 'apps', kind: 'Deployment' }), true);
    assert.deepEqual(runningPodSpecsOf({ group: '', kind: 'PodTemplate', value: tpl }), []);
  });
});
