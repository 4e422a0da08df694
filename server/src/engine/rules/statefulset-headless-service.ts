import { formatLabels, matchesLabels } from '../index/labels';
import { podSpecsOf } from '../k8s/podSpecs';
import { closest } from '../util/suggest';
import type { WorkspaceRule } from './types';

export const rule: WorkspaceRule = {
  kind: 'workspace',
  meta: {
    id: 'statefulset-headless-service',
    defaultSeverity: 'warning',
    description: 'A StatefulSet whose serviceName names no Service, a Service that is not headless, or one that does not select its pods.',
    rationale:
      'A StatefulSet gives each pod a stable DNS name, `<pod>.<serviceName>.<namespace>.svc`, through its governing Service: the controller sets each pod\'s subdomain to `spec.serviceName`, and cluster DNS publishes per-pod records only for a headless Service (`clusterIP: None`) of that name, in the same namespace, whose selector selects the pods. If the Service is missing, has a cluster IP, or selects other pods, the pods still start but those names do not resolve, so peers that find each other by name (databases, ZooKeeper, Kafka) cannot form a cluster. The namespace is judged only when the workspace defines Services there. A clusterIP cannot be changed on an existing Service: make a new headless Service.',
    example: 'kind: StatefulSet\nspec:\n  serviceName: db   # the Service db has a cluster IP; add clusterIP: None',
  },
  check(ctx) {
    const { res, namespace } = ctx;
    if (res.group !== 'apps' || res.kind !== 'StatefulSet' || namespace === undefined) return;
    const spec = res.value.spec as Record<string, unknown> | undefined;
    const name = spec?.serviceName;
    if (typeof name !== 'string' || name === '') return;
    const path = ['spec', 'serviceName'];
    const found = ctx.index.get('', 'Service', namespace, name);
    if (found.length === 0) {
      const services = ctx.index.list('', 'Service', namespace);
      if (services.length === 0) return; // the workspace defines no Services of this namespace
      const headless = services.filter((s) => s.facts.headless);
      const guess = closest(name, headless.map((s) => s.name)) ?? closest(name, services.map((s) => s.name));
      const target = guess ? services.find((s) => s.name === guess) : undefined;
      ctx.report({
        path,
        message: `Service "${name}" not found in namespace "${namespace}": this StatefulSet's pods get no stable DNS names (${res.name ?? 'name'}-0.${name}).${guess ? ` Did you mean "${guess}"?` : ' Add a headless Service (clusterIP: None) with this name that selects the pods.'}`,
        related: target ? [{ target, path: ['metadata', 'name'], message: `service/${guess} in namespace ${namespace}` }] : [],
        fixes: guess ? [{ title: `Change to ${guess}`, edits: [{ uri: res.uri, span: ctx.spanOf(path), newText: guess }] }] : [],
      });
      return;
    }
    const svc = found[0];
    if (svc.facts.serviceType === 'ExternalName') return; // not a governing Service in any sense; service rules judge it
    if (!svc.facts.headless) {
      ctx.report({
        path,
        message: `Service "${name}" is not headless (it has a cluster IP), so DNS publishes no per-pod names for this StatefulSet's pods (${res.name ?? 'name'}-0.${name}). Its governing Service needs clusterIP: None.`,
        related: [{ target: svc, path: ['spec'], part: 'key', message: `service/${name}: add clusterIP: None (a cluster IP cannot be removed from an existing Service; recreate it)` }],
      });
      return;
    }
    const selector = svc.facts.selector;
    const labels = podSpecsOf(res)[0]?.labels;
    if (!selector || Object.keys(selector).length === 0 || !labels || matchesLabels(selector, labels)) return;
    ctx.report({
      path,
      message: `Headless Service "${name}" selects ${formatLabels(selector)}, which this StatefulSet's pods (${formatLabels(labels)}) do not all carry, so they get no per-pod DNS names.`,
      related: [{ target: svc, path: ['spec', 'selector'], part: 'key', message: `service/${name} selector: ${formatLabels(selector)}` }],
    });
  },
};
