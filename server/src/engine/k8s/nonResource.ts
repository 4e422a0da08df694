/**
 * Documents that carry apiVersion and kind but are not objects one applies to
 * a cluster: tool configuration files. They get no diagnostics at all.
 */
const NON_RESOURCE_GROUPS = [
  /^kustomize\.config\.k8s\.io$/,
  /^config\.kubernetes\.io$/, // kpt / kustomize functions
  /^skaffold$/,
  /^kind\.x-k8s\.io$/,
  /^k3d\.io$/,
  /^kubeadm\.k8s\.io$/,
  /^kubelet\.config\.k8s\.io$/,
  /^kubeproxy\.config\.k8s\.io$/,
  /^kubescheduler\.config\.k8s\.io$/,
  /^apiserver\.config\.k8s\.io$/,
  /^apiserver\.k8s\.io$/,
  /^audit\.k8s\.io$/,
  /^client\.authentication\.k8s\.io$/,
  /^kpt\.dev$/,
  /^fn\.kpt\.dev$/,
  /^ctlptl\.dev$/,
];

export function isNonResource(group: string, version: string, kind: string): boolean {
  if (NON_RESOURCE_GROUPS.some((r) => r.test(group))) return true;
  // kubeconfig files: apiVersion v1, kind Config.
  if (group === '' && version === 'v1' && kind === 'Config') return true;
  // Helm's Chart.yaml says apiVersion v1/v2 but has no kind; a chart Config is not a resource either.
  return false;
}

/** Helm and other Go templates: `{{ ... }}` outside comments. Such files are not YAML until rendered. */
export function isGoTemplate(text: string): boolean {
  const i = text.indexOf('{{');
  return i >= 0 && text.indexOf('}}', i) > i;
}

const templated = new WeakMap<object, boolean>();
/** isGoTemplate of a parsed file's text, found once per version: a large file is scanned once, not on every check. */
export function isGoTemplateFile(file: { readonly text: string }): boolean {
  let known = templated.get(file);
  if (known === undefined) templated.set(file, (known = isGoTemplate(file.text)));
  return known;
}
