import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseProjectConfig } from '../../server/src/engine/config/kubesimConfig';
import { checkOptions, DEFAULT_SERVER_SETTINGS, excludeGlobs, readSettings } from '../../server/src/lsp/settings';

const at = (text: string, needle: string): { start: number; end: number } => ({ start: text.indexOf(needle), end: text.indexOf(needle) + needle.length });

describe('.kubesim.yaml parsing', () => {
  it('reads every setting; off unquoted is the string "off" (the file is YAML 1.2)', () => {
    const text = 'kubernetesVersion: "1.29"\ndefaultNamespace: shop\nexclude:\n  - charts/**\n  - "*.generated.yaml"\nrules:\n  unknown-kind: off\n  api-deprecated: warning\n';
    assert.deepEqual(parseProjectConfig(text), {
      config: { kubernetesVersion: '1.29', defaultNamespace: 'shop', exclude: ['charts/**', '*.generated.yaml'], rules: { 'unknown-kind': 'off', 'api-deprecated': 'warning' } },
      problems: [],
    });
  });

  it('an empty file sets nothing', () => {
    assert.deepEqual(parseProjectConfig(''), { config: { rules: {} }, problems: [] });
    assert.deepEqual(parseProjectConfig('# only a comment\n'), { config: { rules: {} }, problems: [] });
  });

  it('reports an unknown rule id on its key with a did-you-mean, and keeps the valid entries', () => {
    const text = 'rules:\n  servce-selector-no-match: off\n  unknown-kind: info\n';
    const { config, problems } = parseProjectConfig(text);
    assert.deepEqual(config.rules, { 'unknown-kind': 'info' });
    assert.deepEqual(problems, [{ span: at(text, 'servce-selector-no-match'), severity: 'warning', message: 'There is no rule "servce-selector-no-match"; ignored. Did you mean "service-selector-no-match"?' }]);
  });

  it('reports a bad severity, an unquoted version, an unknown setting and a bad exclude, each on its value', () => {
    const text = 'kubernetesVersion: 1.30\nrule: {}\nexclude: charts\nrules:\n  unknown-kind: loud\n';
    const { config, problems } = parseProjectConfig(text);
    assert.deepEqual(config, { rules: {} });
    assert.deepEqual(
      problems.map((p) => [text.slice(p.span.start, p.span.end), p.message]),
      [
        ['1.30', 'kubernetesVersion must be a quoted string: unquoted, 1.30 is the number 1.3. Write kubernetesVersion: "1.30". Ignored.'],
        ['rule', 'Unknown setting "rule" in .kubesim.yaml; ignored. Did you mean "rules"?'],
        ['charts', 'exclude must be a list of glob patterns, e.g. ["charts/**", "**/generated/**"]. Ignored.'],
        ['loud', 'The severity of unknown-kind must be one of error, warning, info, hint, off; ignored.'],
      ],
    );
  });

  it('ignores the whole file on a YAML syntax error, or when it is not a mapping, never throwing', () => {
    const broken = parseProjectConfig('rules:\n  unknown-kind: [off\n');
    assert.deepEqual(broken.config, { rules: {} });
    assert.equal(broken.problems[0].severity, 'error');
    assert.match(broken.problems[0].message, /\.kubesim\.yaml is ignored until this is fixed/);
    assert.equal(parseProjectConfig('- a\n- b\n').problems[0].severity, 'error');
    assert.equal(parseProjectConfig('rules:\n  a: 1\n  a: 2\n').problems[0].severity, 'error');
  });
});

describe('settings and .kubesim.yaml together', () => {
  it('the file wins for kubernetesVersion and defaultNamespace; kubesim.rules wins per rule; exclude lists add up', () => {
    const { settings, warnings } = readSettings({ kubernetesVersion: '1.28', rules: { 'unknown-kind': 'warning' }, exclude: ['tmp/**'] });
    assert.deepEqual(warnings, []);
    const { config } = parseProjectConfig('kubernetesVersion: "1.29"\nexclude: [charts/**]\nrules: {unknown-kind: off, api-deprecated: error}\n');
    assert.deepEqual(checkOptions(settings, config), { k8sVersion: '1.29', defaultNamespace: 'default', rules: { 'unknown-kind': 'warning', 'api-deprecated': 'error' } });
    assert.deepEqual(excludeGlobs(settings, config), ['tmp/**', 'charts/**']);
    assert.deepEqual(checkOptions(settings), { k8sVersion: '1.28', defaultNamespace: 'default', rules: { 'unknown-kind': 'warning' } });
  });

  it('reads kubesim.diagnostics.scope nested (VS Code) or flat, and falls back with one warning when invalid', () => {
    assert.equal(readSettings({ diagnostics: { scope: 'workspace' } }).settings.diagnosticsScope, 'workspace');
    assert.equal(readSettings({ 'diagnostics.scope': 'workspace' }).settings.diagnosticsScope, 'workspace');
    const bad = readSettings({ diagnostics: { scope: 'everything' }, exclude: 'charts' });
    assert.deepEqual(bad.settings, DEFAULT_SERVER_SETTINGS);
    assert.deepEqual(bad.warnings, ['kubesim.exclude must be a list of glob patterns; ignored.', 'kubesim.diagnostics.scope must be "openFiles" or "workspace"; using openFiles.']);
  });
});

describe('settings contributed in package.json', () => {
  it('declares every setting the server reads, with the server\u2019s default', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pkg = require('../../../package.json') as { contributes: { configuration: { properties: Record<string, { default: unknown }> } } };
    const props = pkg.contributes.configuration.properties;
    const d = DEFAULT_SERVER_SETTINGS;
    const expected: Record<string, unknown> = { kubernetesVersion: d.kubernetesVersion, maxFileSize: d.maxFileSize, defaultNamespace: d.defaultNamespace, rules: d.rules, exclude: d.exclude, 'diagnostics.scope': d.diagnosticsScope };
    for (const [key, value] of Object.entries(expected)) assert.deepEqual(props[`kubesim.${key}`]?.default, value, `kubesim.${key}`);
  });
});
