import type { CheckOptions, SeverityOverride } from '../engine/check';
import { RULES_BY_ID } from '../engine/rules/registry';

/** The `kubesim.*` settings the server reads; package.json contributes them. */
export interface ServerSettings {
  kubernetesVersion: string;
  maxFileSize: number;
  defaultNamespace: string;
  rules: Record<string, SeverityOverride>;
}

export const DEFAULT_SERVER_SETTINGS: ServerSettings = { kubernetesVersion: '1.30', maxFileSize: 5_000_000, defaultNamespace: 'default', rules: {} };

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint', 'off']);

/**
 * Reads untrusted settings: each invalid value falls back to its default and
 * yields one warning to show the user.
 */
export function readSettings(raw: unknown): { settings: ServerSettings; warnings: string[] } {
  const warnings: string[] = [];
  const s = { ...DEFAULT_SERVER_SETTINGS, rules: {} as Record<string, SeverityOverride> };
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
  return { settings: s, warnings };
}

export function checkOptions(s: ServerSettings): CheckOptions {
  return { k8sVersion: s.kubernetesVersion, defaultNamespace: s.defaultNamespace, rules: s.rules };
}

/** kubesim.maxFileSize counts UTF-8 bytes; a UTF-16 unit is 1 to 3 of them, so most texts are judged without encoding. */
export function tooLarge(text: string, maxBytes: number): boolean {
  if (text.length > maxBytes) return true;
  if (text.length * 3 <= maxBytes) return false;
  return Buffer.byteLength(text, 'utf8') > maxBytes;
}
