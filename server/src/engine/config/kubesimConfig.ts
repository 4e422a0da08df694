import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';
import type { SeverityOverride } from '../check';
import type { Severity, Span } from '../diagnostic';
import { RULES_BY_ID } from '../rules/registry';
import { closest } from '../util/suggest';

/** The name of the project configuration file, read from the workspace root (editor) or the current directory (CLI). */
export const CONFIG_FILE_NAME = '.kubesim.yaml';

/** What a `.kubesim.yaml` sets; absent keys are left to the settings, flags or defaults. */
export interface ProjectConfig {
  kubernetesVersion?: string;
  defaultNamespace?: string;
  exclude?: string[];
  rules: Record<string, SeverityOverride>;
}

/** Something in the config file Kubesim could not use; that entry is ignored. */
export interface ConfigProblem {
  span: Span;
  severity: Severity;
  message: string;
}

const SEVERITIES = ['error', 'warning', 'info', 'hint', 'off'];
const KEYS = ['kubernetesVersion', 'defaultNamespace', 'exclude', 'rules'];
const NAMESPACE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * Reads `.kubesim.yaml`. Unlike manifests, it is read as YAML 1.2, so
 * `unknown-kind: off` means the string "off" as written. Never throws: every
 * unusable entry becomes a problem with its span, and the rest still applies.
 */
export function parseProjectConfig(text: string): { config: ProjectConfig; problems: ConfigProblem[] } {
  const config: ProjectConfig = { rules: {} };
  const problems: ConfigProblem[] = [];
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  for (const e of doc.errors) problems.push({ span: { start: e.pos[0], end: Math.max(e.pos[1], e.pos[0]) }, severity: 'error', message: `${e.message.split('\n')[0]} (.kubesim.yaml is ignored until this is fixed)` });
  if (doc.errors.length) return { config, problems };
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return { config, problems };
  if (!isMap(root)) {
    problems.push({ span: spanOf(root), severity: 'error', message: '.kubesim.yaml must be a mapping of settings (kubernetesVersion, defaultNamespace, exclude, rules).' });
    return { config, problems };
  }
  const warn = (node: unknown, message: string): void => void problems.push({ span: spanOf(node), severity: 'warning', message });
  for (const pair of root.items as Pair<unknown, unknown>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value;
    switch (key) {
      case 'kubernetesVersion': {
        const v = isScalar(value) ? value.value : undefined;
        if (typeof v === 'string' && /^v?1\.\d+$/.test(v.trim())) config.kubernetesVersion = v.trim().replace(/^v/, '');
        else if (typeof v === 'number') warn(value, `kubernetesVersion must be a quoted string: unquoted, ${(value as { source?: string }).source ?? v} is the number ${v}. Write kubernetesVersion: "${(value as { source?: string }).source ?? v}". Ignored.`);
        else warn(value ?? pair.key, 'kubernetesVersion must look like "1.30". Ignored.');
        break;
      }
      case 'defaultNamespace': {
        const v = isScalar(value) ? value.value : undefined;
        if (typeof v === 'string' && NAMESPACE.test(v)) config.defaultNamespace = v;
        else warn(value ?? pair.key, 'defaultNamespace must be a namespace name (lowercase letters, digits and "-"). Ignored.');
        break;
      }
      case 'exclude': {
        if (!isSeq(value)) {
          warn(value ?? pair.key, 'exclude must be a list of glob patterns, e.g. ["charts/**", "**/generated/**"]. Ignored.');
          break;
        }
        const globs: string[] = [];
        for (const item of value.items) {
          if (isScalar(item) && typeof item.value === 'string' && item.value.trim()) globs.push(item.value.trim());
          else warn(item, 'Each exclude entry must be a glob pattern string. Ignored.');
        }
        config.exclude = globs;
        break;
      }
      case 'rules':
        readRules(value, pair.key, config, warn);
        break;
      default: {
        const guess = closest(key, KEYS);
        warn(pair.key, `Unknown setting "${key}" in .kubesim.yaml; ignored.${guess ? ` Did you mean "${guess}"?` : ` Known settings: ${KEYS.join(', ')}.`}`);
      }
    }
  }
  return { config, problems };
}

function readRules(value: unknown, key: unknown, config: ProjectConfig, warn: (node: unknown, message: string) => void): void {
  if (!isMap(value)) {
    warn(value ?? key, 'rules must map rule ids to a severity, e.g. rules: {unknown-kind: off, api-deprecated: warning}. Ignored.');
    return;
  }
  for (const pair of value.items as Pair<unknown, unknown>[]) {
    const id = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!RULES_BY_ID.has(id)) {
      const guess = closest(id, RULES_BY_ID.keys());
      warn(pair.key, `There is no rule "${id}"; ignored.${guess ? ` Did you mean "${guess}"?` : ''}`);
      continue;
    }
    const sev = isScalar(pair.value) ? pair.value.value : undefined;
    // `false` covers a file written for YAML 1.1 habits (off unquoted, then converted by another tool).
    if (sev === false) config.rules[id] = 'off';
    else if (typeof sev === 'string' && SEVERITIES.includes(sev)) config.rules[id] = sev as SeverityOverride;
    else warn(pair.value ?? pair.key, `The severity of ${id} must be one of ${SEVERITIES.join(', ')}; ignored.`);
  }
}

function spanOf(node: unknown): Span {
  const r = (node as Node | null | undefined)?.range;
  return r ? { start: r[0], end: r[1] } : { start: 0, end: 0 };
}
