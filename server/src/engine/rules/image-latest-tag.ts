import { effectiveTag, parseImageRef } from '../k8s/image';
import { containersOf, podSpecsOf } from '../k8s/podSpecs';
import type { ResourceRule } from './types';

/** Images written by a template engine or a variable are filled in later; their tag is not known here. */
const TEMPLATED = /\$\{|\$\(|\{\{/;

export const rule: ResourceRule = {
  kind: 'resource',
  meta: {
    id: 'image-latest-tag',
    defaultSeverity: 'info',
    description: 'A container image with the tag `latest`, or with no tag (which means `latest`).',
    rationale:
      'An image without a tag runs `:latest`, and `latest` moves: when it is pushed again, pods of the same Deployment started at different times run different builds, nothing records which one, and a rollback brings back the same tag, not the old image. When imagePullPolicy is not set, the API server defaults it to Always for these images, so the kubelet contacts the registry on every container start. Pin a version tag (`nginx:1.27`) or a digest (`nginx@sha256:…`); an image pinned by digest is not reported.',
    example: 'containers:\n- name: web\n  image: nginx',
  },
  check(ctx) {
    for (const pod of podSpecsOf(ctx.res)) {
      for (const { container, path } of containersOf(pod)) {
        const image = container.image;
        if (typeof image !== 'string' || !image.trim() || TEMPLATED.test(image)) continue;
        const { tag, digest } = parseImageRef(image);
        // A digest pins the content whatever the tag says.
        if (digest !== undefined || effectiveTag(image) !== 'latest') continue;
        const written = tag === 'latest';
        const pulls = container.imagePullPolicy === undefined ? ' With no imagePullPolicy the kubelet pulls it on every start (the default for latest is Always).' : '';
        ctx.report({
          path: [...path, 'image'],
          message: `${written ? `Image "${image}" uses the tag "latest"` : `Image "${image}" has no tag, so it runs "${image}:latest"`}, which moves: pods started at different times can run different builds, and a rollback cannot bring the old image back.${pulls} Pin a version tag or a digest.`,
        });
      }
    }
  },
};
