import { minorOf } from '../k8s/apis';
import { isObject } from '../util/object';
import { dns1035Label, dns1123Label, dns1123Subdomain, pathSegmentName, suggestDnsName } from '../k8s/validation/names';
import type { ResourceContext, ResourceRule } from './types';

type NameCheck = { check: (name: string) => string[]; what: string; dots: boolean; letterFirst?: boolean; max: number };

const SUBDOMAIN: NameCheck = { check: dns1123Subdomain, what: 'a DNS subdomain (lowercase letters, digits, - and ., at most 253 characters)', dots: true, max: 253 };
const LABEL: NameCheck = { check: dns1123Label, what: 'a DNS label (lowercase letters, digits and -, at most 63 characters)', dots: false, max: 63 };
const DNS1035: NameCheck = { check: dns1035Label, what: 'a DNS-1035 label (lowercase letters, digits and -, starting with a letter, at most 63 characters)', dots: false, letterFirst: true, max: 63 };
const PATH_SEGMENT: NameCheck = { check: pathSegmentName, what: "a path segment (anything but '.', '..', '/' and '%')", dots: true, max: 253 };

const RBAC_KINDS = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']);

/**
 * The name function upstream passes to ValidateObjectMeta for each kind:
 * pkg/apis/core/validation (ValidateServiceName = NameIsDNS1035Label,
 * ValidateNamespaceName = NameIsDNSLabel, most others NameIsDNSSubdomain),
 * pkg/apis/apps/validation ValidateStatefulSetName (NameIsDNSLabel since 1.27,
 * kubernetes#114172), pkg/apis/rbac/validation ValidateRBACName
 * (path.IsValidPathSegmentName). Custom resources: NameIsDNSSubdomain.
 */
function nameCheckFor(ctx: ResourceContext): NameCheck {
  const { group, kind } = ctx.res;
  if (group === '' && kind === 'Service') return DNS1035;
  if (group === '' && kind === 'Namespace') return LABEL;
  if (group === 'apps' && kind === 'StatefulSet') return minorOf(ctx.settings.k8sVersion) >= 27 ? LABEL : SUBDOMAIN;
  if (group === 'rbac.authorization.k8s.io' && RBAC_KINDS.has(kind)) return PATH_SEGMENT;
  return SUBDOMAIN;
}

/** Length limits beyond the name syntax, for names that end up inside generated names or labels. */
function extraLimit(ctx: ResourceContext): { max: number; why: string } | undefined {
  const { group, kind } = ctx.res;
  // ValidateCronJobCreate: the controller appends an 11-character "-<timestamp>" to make Job names.
  if (group === 'batch' && kind === 'CronJob') return { max: 52, why: 'the CronJob controller appends an 11-character suffix to name its Jobs, whose names are at most 63 characters' };
  // The Job strategy labels its pods batch.kubernetes.io/job-name=<name>, and a label value is at most 63 characters.
  if (group === 'batch' && kind === 'Job') return { max: 63, why: 'the Job labels its pods with job-name=<name>, and label values are at most 63 characters' };
  return undefined;
}

/** maskTrailingDash: a generateName may end in '-', the random suffix follows it. */
const maskTrailingDash = (s: string): string => (s.length > 1 && s.endsWith('-') ? s.slice(0, -2) + 'a' : s);

export const rule: ResourceRule = {
  kind: 'resource',
  meta: {
    id: 'invalid-name',
    defaultSeverity: 'error',
    description: 'A missing metadata.name, or a name or namespace the API server does not accept for that kind.',
    rationale:
      'Every object needs `metadata.name` (or `generateName`, with `kubectl create`). Names are DNS names: most kinds take a DNS subdomain (lowercase letters, digits, `-` and `.`, up to 253 characters); a Service name is a DNS-1035 label (no dots, starts with a letter, up to 63), because it becomes a DNS record; Namespaces and StatefulSets take a DNS label (no dots, up to 63). RBAC objects may use any path segment, such as `system:metrics-reader`. A CronJob name is at most 52 characters and a Job name at most 63, because they end up in generated names and labels. `metadata.namespace` is a DNS label. Rename with lowercase letters, digits and dashes: `My_App` becomes `my-app`.',
    example: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: 1st_Service',
  },
  check(ctx) {
    const { res } = ctx;
    const meta = res.value.metadata;
    if (meta !== undefined && meta !== null && !isObject(meta)) return; // schema-type reports it
    const name = meta?.name;
    const generateName = meta?.generateName;
    const nc = nameCheckFor(ctx);
    if ((name === undefined || name === null || name === '') && (typeof generateName !== 'string' || generateName === '')) {
      ctx.report({
        path: meta ? ['metadata'] : ['kind'],
        part: meta ? 'key' : 'value',
        message: `metadata.name: Required value: name or generateName is required. Give the ${res.kind} a name that is ${nc.what}.`,
      });
    }
    if (typeof name === 'string' && name !== '') checkName(ctx, ['metadata', 'name'], name, nc, false);
    else if (typeof generateName === 'string' && generateName !== '') checkName(ctx, ['metadata', 'generateName'], generateName, nc, true);

    const ns = meta?.namespace;
    if (typeof ns === 'string' && ns !== '') {
      const errs = dns1123Label(ns);
      if (errs.length) {
        const guess = suggestDnsName(ns, { dots: false, max: 63 });
        ctx.report({
          path: ['metadata', 'namespace'],
          message: `metadata.namespace: Invalid value: "${ns}": ${errs.join(', ')}. A namespace is a DNS label (lowercase letters, digits and -, at most 63 characters)${guess ? `, such as "${guess}"` : ''}.`,
          fixes: guess ? [{ title: `Change to ${guess}`, edits: [{ uri: res.uri, span: ctx.spanOf(['metadata', 'namespace']), newText: guess }] }] : [],
        });
      }
    }
  },
};

function checkName(ctx: ResourceContext, path: string[], value: string, nc: NameCheck, prefix: boolean): void {
  const field = path.join('.');
  const errs = nc.check(prefix ? maskTrailingDash(value) : value);
  const guess = nc === PATH_SEGMENT ? undefined : suggestDnsName(value, nc);
  const fixes = guess ? [{ title: `Change to ${guess}`, edits: [{ uri: ctx.res.uri, span: ctx.spanOf(path), newText: guess }] }] : [];
  if (errs.length) {
    ctx.report({
      path,
      message: `${field}: Invalid value: "${value}": ${errs.join(', ')}. A ${ctx.res.kind} name must be ${nc.what}${guess ? `; for example "${guess}"` : ''}.`,
      fixes,
    });
    return;
  }
  const limit = prefix ? undefined : extraLimit(ctx);
  if (limit && value.length > limit.max) {
    ctx.report({
      path,
      message: `${field}: Invalid value: "${value}": must be no more than ${limit.max} characters (it has ${value.length}): ${limit.why}. Shorten the name.`,
    });
  }
}
