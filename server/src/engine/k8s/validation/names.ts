import { remembered } from '../../util/memo';
/**
 * Name syntax checks as the API server applies them. Each returns the list of
 * problems in upstream's wording (empty when valid), so messages match what
 * `kubectl apply` prints.
 * Upstream: k8s.io/apimachinery/pkg/util/validation (IsDNS1123Label,
 * IsDNS1123Subdomain, IsDNS1035Label, IsValidPortName) and
 * pkg/api/validate/content (IsLabelKey, IsLabelValue, IsPathSegmentName).
 */

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1035_LABEL_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?';
const LABEL_KEY_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_VALUE_FMT = `(${LABEL_KEY_FMT})?`;

const whole = (fmt: string): RegExp => new RegExp(`^${fmt}$`);
const DNS1123_LABEL = whole(DNS1123_LABEL_FMT);
const DNS1123_SUBDOMAIN = whole(DNS1123_SUBDOMAIN_FMT);
const DNS1035_LABEL = whole(DNS1035_LABEL_FMT);
const LABEL_KEY = whole(LABEL_KEY_FMT);
const LABEL_VALUE = whole(LABEL_VALUE_FMT);

/** Upstream's RegexError: the message, examples, and the regex. */
function regexError(msg: string, re: string, ...examples: string[]): string {
  // validation.RegexError writes each example as "'x', " and joins them with " or ": hence "'my-name',  or '123-abc'".
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${re}')`;
}

/** Upstream's MaxLenError (1.30 wording). Upstream counts bytes; a name with non-ASCII characters fails the regex anyway. */
const maxLen = (n: number): string => `must be no more than ${n} characters`;
const byteLength = (s: string): number => s.length;

export const DNS1123_LABEL_MSG = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
export const DNS1123_SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
export const DNS1035_LABEL_MSG = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";

/** IsDNS1123Label: at most 63 characters of [a-z0-9-], alphanumeric at both ends. */
export function dns1123Label(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 63) errs.push(maxLen(63));
  if (!DNS1123_LABEL.test(value)) {
    // A valid subdomain that is not a label can only be wrong because of its dots.
    errs.push(DNS1123_SUBDOMAIN.test(value) ? 'must not contain dots' : regexError(DNS1123_LABEL_MSG, DNS1123_LABEL_FMT, 'my-name', '123-abc'));
  }
  return errs;
}

/** IsDNS1123Subdomain: at most 253 characters, dot-separated RFC 1123 labels. */
export function dns1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 253) errs.push(maxLen(253));
  if (!DNS1123_SUBDOMAIN.test(value)) errs.push(regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, 'example.com'));
  return errs;
}

/** IsDNS1035Label: like an RFC 1123 label, but must start with a letter. */
export function dns1035Label(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 63) errs.push(maxLen(63));
  if (!DNS1035_LABEL.test(value)) errs.push(regexError(DNS1035_LABEL_MSG, DNS1035_LABEL_FMT, 'my-name', 'abc-123'));
  return errs;
}

/** IsPathSegmentName: the only rule for RBAC object names (`system:controller:x` is fine). */
export function pathSegmentName(value: string): string[] {
  if (value === '.' || value === '..') return [`may not be '${value}'`];
  const errs: string[] = [];
  if (value.includes('/')) errs.push("may not contain '/'");
  if (value.includes('%')) errs.push("may not contain '%'");
  return errs;
}

/** IsValidPortName (IANA_SVC_NAME): at most 15 of [-a-z0-9], one letter at least, no leading, trailing or double hyphen. */
export function ianaSvcName(port: string): string[] {
  const errs: string[] = [];
  if (byteLength(port) > 15) errs.push(maxLen(15));
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.startsWith('-') || port.endsWith('-')) errs.push('must not begin or end with a hyphen');
  return errs;
}

const LABEL_KEY_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

/** IsQualifiedName / IsLabelKey: `[prefix/]name`, prefix a DNS subdomain, name at most 63 characters. */
export const qualifiedName: (value: string) => readonly string[] = remembered(qualifiedNameErrors);

/** IsValidLabelValue: empty, or at most 63 of [-_.A-Za-z0-9] with alphanumeric ends. */
export const labelValue: (value: string) => readonly string[] = remembered(labelValueErrors);

function qualifiedNameErrors(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) {
    name = parts[0];
  } else if (parts.length === 2) {
    const prefix = parts[0];
    name = parts[1];
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else errs.push(...dns1123Subdomain(prefix).map((m) => 'prefix part ' + m));
  } else {
    return [`a qualified name ${regexError(LABEL_KEY_MSG, LABEL_KEY_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (byteLength(name) > 63) errs.push('name part ' + maxLen(63));
  if (!LABEL_KEY.test(name)) errs.push('name part ' + regexError(LABEL_KEY_MSG, LABEL_KEY_FMT, 'MyName', 'my.name', '123-abc'));
  return errs;
}

function labelValueErrors(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 63) errs.push(maxLen(63));
  if (!LABEL_VALUE.test(value)) {
    errs.push(regexError("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character", LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'));
  }
  return errs;
}

/** A lowercase, dash-separated guess at a valid DNS name, for quick fixes; undefined when nothing sensible remains. */
export function suggestDnsName(value: string, opts: { dots: boolean; letterFirst?: boolean; max: number }): string | undefined {
  let s = value.toLowerCase().replace(opts.dots ? /[^a-z0-9.-]+/g : /[^a-z0-9-]+/g, '-');
  s = s.replace(/-{2,}/g, '-').replace(/\.{2,}/g, '.').replace(/(^[-.]+)|([-.]+$)/g, '');
  if (opts.letterFirst) s = s.replace(/^[^a-z]+/, '');
  s = s.slice(0, opts.max).replace(/[-.]+$/, '');
  return s && s !== value ? s : undefined;
}

const ENV_VAR_NAME_FMT = '[-._a-zA-Z][-._a-zA-Z0-9]*';
const ENV_VAR_NAME = whole(ENV_VAR_NAME_FMT);

/** IsEnvVarName (1.30, RelaxedEnvironmentVariableValidation off): letters, digits, '_', '-' and '.', not starting with a digit. */
export const envVarName: (value: string) => readonly string[] = remembered(envVarNameErrors);
function envVarNameErrors(value: string): string[] {
  if (ENV_VAR_NAME.test(value)) return [];
  return [regexError("a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit", ENV_VAR_NAME_FMT, 'my.env-name', 'MY_ENV.NAME', 'MyEnvName1')];
}

/** dns1123Label, remembered: container names repeat across a workspace. */
export const containerNameErrors: (value: string) => readonly string[] = remembered(dns1123Label);
