import { isObject } from '../util/object';
import { closest } from '../util/suggest';
import { reportedInOtherNamespace } from '../index/missingRef';
import type { WorkspaceRule } from './types';

/** Annotations with which cert-manager's ingress-shim creates the TLS Secret itself. */
const CERT_MANAGER = ['cert-manager.io/cluster-issuer', 'cert-manager.io/issuer', 'kubernetes.io/tls-acme'];

export const rule: WorkspaceRule = {
  kind: 'workspace',
  meta: {
    id: 'ingress-tls-secret-missing',
    defaultSeverity: 'warning',
    description: 'An Ingress TLS entry names a Secret that nothing in its namespace defines.',
    rationale:
      'The controller reads the certificate from `spec.tls[].secretName` in the Ingress\'s namespace; when it is missing the controller serves its default (self-signed) certificate and browsers reject the host. When the workspace defines the Secret in another namespace, the message says which and links to it. Secrets produced by a cert-manager Certificate, SealedSecret or ExternalSecret of the workspace count as defined, and Ingresses annotated for cert-manager (cert-manager.io/issuer, cert-manager.io/cluster-issuer, kubernetes.io/tls-acme) are skipped, since cert-manager creates the Secret. When the workspace defines no Secret at all in the Ingress\'s namespace, nothing is reported: Secrets are usually kept out of git and created another way.',
    example: 'tls:\n- hosts: [shop.example.com]\n  secretName: shop-tls',
  },
  check(ctx) {
    const { res, namespace } = ctx;
    if (res.kind !== 'Ingress' || namespace === undefined) return;
    const annotations = (res.value.metadata as Record<string, unknown> | undefined)?.annotations;
    if (isObject(annotations) && CERT_MANAGER.some((a) => a in annotations)) return;
    const tls = (res.value.spec as Record<string, unknown> | undefined)?.tls;
    if (!Array.isArray(tls)) return;
    tls.forEach((t, i) => {
      if (!isObject(t) || typeof t.secretName !== 'string' || !t.secretName) return;
      if (ctx.index.get('', 'Secret', namespace, t.secretName).length) return;
      const hosts = Array.isArray(t.hosts) && t.hosts.length ? t.hosts.join(', ') : 'these hosts';
      const missing = { kind: 'Secret', plural: 'Secrets', name: t.secretName, namespace };
      if (reportedInOtherNamespace(ctx, missing, { path: ['spec', 'tls', i, 'secretName'], reader: 'an Ingress', consequence: `the controller will serve its default certificate for ${hosts}` })) return;
      const secrets = ctx.index.list('', 'Secret', namespace);
      if (secrets.length === 0) return; // no Secret of this namespace is in the workspace: they are managed elsewhere
      const guess = closest(t.secretName, secrets.map((s) => s.name));
      const target = guess ? secrets.find((s) => s.name === guess) : undefined;
      const path = ['spec', 'tls', i, 'secretName'];
      ctx.report({
        path,
        message: `TLS secret "${t.secretName}" not found in namespace "${namespace}"; the controller will serve its default certificate for ${hosts}.${guess ? ` Did you mean "${guess}"?` : ''}`,
        related: target ? [{ target, path: ['metadata', 'name'], message: `secret/${guess} in namespace ${namespace}` }] : [],
        fixes: guess ? [{ title: `Change to ${guess}`, edits: [{ uri: res.uri, span: ctx.spanOf(path), newText: guess }] }] : [],
      });
    });
  },
};
