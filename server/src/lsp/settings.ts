import type { CheckOptions, SeverityOverride } from '../engine/check';
import type { ProjectConfig } from '../engine/config/kubesimConfig';
import { RULES_BY_ID } from '../engine/rules/registry';

/** The `kubesim.*` settings the server reads; package.json contributes them. */
export interface ServerSettings {
  kubernetesVersion: string;
  maxFileSize: number;
  defaultNamespace: string;
  rules: Record<string, SeverityOverride>;
  /** Glob patterns (relative to each workspace folder) the workspace index skips. */
  exclude: string[];
  /** Which files get diagnostics: the open ones, or every indexed manifest too. */
  diagnosticsScope: DiagnosticsScope;
  /** The simulator's cluster file (Node, StorageClass, PersistentVolume, Namespace manifests), relative to the workspace; '' for the default cluster. */
  cluster: string;
  /** Quick cluster settings: worker count and size (used when `cluster` describes no Nodes). */
  clusterNodes: number;
  clusterNodeCpu: string;
  clusterNodeMemory: string;
}

export type DiagnosticsScope = 'openFiles' | 'workspace';

export const DEFAULT_SERVER_SETTINGS: ServerSettings = { kubernetesVersion: '1.30', maxFileSize: 5_000_000, defaultNamespace: 'default', rules: {}, exclude: [], diagnosticsScope: 'openFiles', cluster: '', clusterNodes: 3, clusterNodeCpu: '4', clusterNodeMemory: '16Gi' };

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint', 'off']);

/**
 * Reads untrusted settings: each invalid value falls back to its default and
 * yields one warning to show the user.
 */
export function readSettings(raw: unknown): { settings: ServerSettings; warnings: string[] } {
  const warnings: string[] = [];
  const s: ServerSettings = { ...DEFAULT_SERVER_SETTINGS, rules: {}, exclude: [] };
  const obj = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  if (obj.kubernetesVersion !== undefined) {
    if (typeof obj.kubernetesVersion === 'string' && /^v?1\.\d+$/.test(obj.kubernetesVersion.trim())) s.kubernetesVersion = obj.kubernetesVersion.trim().replace(/^v/, '');
    else warnings.push(`kubesim.kubernetesVersion must look like "1.30"; using ${s.kubernetesVersion}.`);
  }
  if (obj.maxFileSize !== undefined) {
    if (typeof obj.maxFileSize === 'number' && Number.isFinite(obj.maxFileSize) && obj.maxFileSize >= 0) s.maxFileSize = obj.maxFileSize;
    else warnings.push(`kubesim.maxFileSize must be a number of bytes; using ${s.maxFileSize}.`);
  }
  if (obj.defaultNamespace !== undefined) {
    if (typeof obj.defaultNamespace === 'string' && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(obj.defaultNamespace)) s.defaultNamespace = obj.defaultNamespace;
    else warnings.push(`kubesim.defaultNamespace must be a namespace name; using ${s.defaultNamespace}.`);
  }
  if (obj.rules !== undefined) {
    if (obj.rules && typeof obj.rules === 'object' && !Array.isArray(obj.rules)) {
      for (const [id, sev] of Object.entries(obj.rules as Record<string, unknown>)) {
        if (!RULES_BY_ID.has(id)) warnings.push(`kubesim.rules: there is no rule "${id}"; ignored.`);
        else if (typeof sev !== 'string' || !SEVERITIES.has(sev)) warnings.push(`kubesim.rules.${id} must be error, warning, info, hint or off; ignored.`);
        else s.rules[id] = sev as SeverityOverride;
      }
    } else warnings.push('kubesim.rules must be an object of rule id to severity; ignored.');
  }
  if (obj.exclude !== undefined) {
    if (Array.isArray(obj.exclude) && obj.exclude.every((g) => typeof g === 'string')) s.exclude = (obj.exclude as string[]).map((g) => g.trim()).filter(Boolean);
    else warnings.push('kubesim.exclude must be a list of glob patterns; ignored.');
  }
  // VS Code sends dotted settings nested ({diagnostics: {scope}}); other clients may send the flat key.
  const diagnostics = obj.diagnostics && typeof obj.diagnostics === 'object' ? (obj.diagnostics as Record<string, unknown>) : {};
  const scope = diagnostics.scope ?? obj['diagnostics.scope'];
  if (scope !== undefined) {
    if (scope === 'openFiles' || scope === 'workspace') s.diagnosticsScope = scope;
    else warnings.push(`kubesim.diagnostics.scope must be "openFiles" or "workspace"; using ${s.diagnosticsScope}.`);
  }
  if (obj.cluster !== undefined) {
    if (typeof obj.cluster === 'string') s.cluster = obj.cluster.trim();
    else warnings.push('kubesim.cluster must be the path of a cluster file; using the default cluster.');
  }
  if (obj.clusterNodes !== undefined) {
    if (typeof obj.clusterNodes === 'number' && Number.isInteger(obj.clusterNodes) && obj.clusterNodes >= 1 && obj.clusterNodes <= 5000) s.clusterNodes = obj.clusterNodes;
    else warnings.push(`kubesim.clusterNodes must be a whole number from 1 to 5000; using ${s.clusterNodes}.`);
  }
  if (obj.clusterNodeCpu !== undefined) {
    if (typeof obj.clusterNodeCpu === 'string' && /^(\d+(\.\d+)?|\d+m)$/.test(obj.clusterNodeCpu)) s.clusterNodeCpu = obj.clusterNodeCpu;
    else warnings.push(`kubesim.clusterNodeCpu must be a CPU quantity such as "4" or "500m"; using ${s.clusterNodeCpu}.`);
  }
  if (obj.clusterNodeMemory !== undefined) {
    if (typeof obj.clusterNodeMemory === 'string' && /^\d+(\.\d+)?(Ki|Mi|Gi|Ti|k|M|G|T)?$/.test(obj.clusterNodeMemory)) s.clusterNodeMemory = obj.clusterNodeMemory;
    else warnings.push(`kubesim.clusterNodeMemory must be a memory quantity such as "16Gi"; using ${s.clusterNodeMemory}.`);
  }
  return { settings: s, warnings };
}

/** The quick node settings for simulateSources, or undefined when they are all at their defaults (the default cluster). */
export function quickNodeSettings(s: ServerSettings): { count: number; cpu: string; memory: string } | undefined {
  const d = DEFAULT_SERVER_SETTINGS;
  if (s.clusterNodes === d.clusterNodes && s.clusterNodeCpu === d.clusterNodeCpu && s.clusterNodeMemory === d.clusterNodeMemory) return undefined;
  return { count: s.clusterNodes, cpu: s.clusterNodeCpu, memory: s.clusterNodeMemory };
}

/**
 * The engine options from the editor settings and the workspace's
 * .kubesim.yaml. The file describes the project, so its kubernetesVersion and
 * defaultNamespace win over the settings (an editor cannot tell a default
 * from a chosen value); per rule, the `kubesim.rules` setting wins over the
 * file, so a user can quiet or raise a rule for themselves.
 */
export function checkOptions(s: ServerSettings, config?: ProjectConfig): CheckOptions {
  return {
    k8sVersion: config?.kubernetesVersion ?? s.kubernetesVersion,
    defaultNamespace: config?.defaultNamespace ?? s.defaultNamespace,
    rules: { ...config?.rules, ...s.rules },
  };
}

/** The index skips what either the settings or .kubesim.yaml exclude. */
export function excludeGlobs(s: ServerSettings, config?: ProjectConfig): string[] {
  return [...s.exclude, ...(config?.exclude ?? [])];
}

/** kubesim.maxFileSize counts UTF-8 bytes; a UTF-16 unit is 1 to 3 of them, so most texts are judged without encoding. */
export function tooLarge(text: string, maxBytes: number): boolean {
  if (text.length > maxBytes) return true;
  if (text.length * 3 <= maxBytes) return false;
  return Buffer.byteLength(text, 'utf8') > maxBytes;
}
