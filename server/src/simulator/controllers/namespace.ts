import type { Sim } from '../context';
import { newObject } from '../store';

/**
 * What every namespace gets right after it is created: the `default`
 * ServiceAccount (the serviceaccount controller in kube-controller-manager)
 * and the `kube-root-ca.crt` ConfigMap (the root-ca-cert-publisher). Done
 * at once, because pods created right after the namespace rely on them.
 */
export function createNamespaceDefaults(sim: Sim, namespace: string): void {
  const { store } = sim;
  if (!store.has('ServiceAccount', namespace, 'default')) store.create(newObject('v1', 'ServiceAccount', { name: 'default', namespace }));
  if (!store.has('ConfigMap', namespace, 'kube-root-ca.crt')) {
    store.create(
      newObject('v1', 'ConfigMap', {
        name: 'kube-root-ca.crt',
        namespace,
        annotations: {
          'kubernetes.io/description':
            'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.',
        },
      }, { data: { 'ca.crt': SIMULATED_CA } }),
    );
  }
}

/** A placeholder certificate: the simulated cluster has no real CA, and nothing verifies it. */
const SIMULATED_CA = '-----BEGIN CERTIFICATE-----\n(simulated cluster CA)\n-----END CERTIFICATE-----\n';
