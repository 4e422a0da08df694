/**
 * A container image reference split the way Kubernetes reads it
 * (parsers.ParseImageName over the docker reference grammar): the tag follows
 * the last ':' of the last path component (a registry's ':port' comes before
 * a '/'), and the digest follows '@'.
 */
export interface ImageRef {
  tag: string | undefined;
  digest: string | undefined;
}

export function parseImageRef(image: string): ImageRef {
  const at = image.indexOf('@');
  const name = at < 0 ? image : image.slice(0, at);
  const last = name.slice(name.lastIndexOf('/') + 1);
  const colon = last.lastIndexOf(':');
  return { tag: colon < 0 ? undefined : last.slice(colon + 1), digest: at < 0 ? undefined : image.slice(at + 1) };
}

/**
 * The tag an image runs with: its own, else "latest" when no digest pins it
 * (ParseImageName's default). SetDefaults_Container makes imagePullPolicy
 * Always for exactly the images whose tag this says is "latest".
 */
export function effectiveTag(image: string): string | undefined {
  const { tag, digest } = parseImageRef(image);
  return tag ?? (digest === undefined ? 'latest' : undefined);
}
