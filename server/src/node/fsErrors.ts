const REASONS: Record<string, string> = { ENOENT: 'no such file or directory', ENOTDIR: 'not a directory', EACCES: 'permission denied', EPERM: 'permission denied', ELOOP: 'too many symbolic links', EISDIR: 'is a directory' };

/** A file-system error in words a user reads, without Node's syscall details. */
export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  return (code && REASONS[code]) ?? (e as Error)?.message ?? String(e);
}
