import type { Rng } from '../types';

/**
 * The Service ClusterIP allocator for 10.96.0.0/12 (kind's and kubeadm's
 * default --service-cluster-ip-range). Like pkg/registry/core/service/ipallocator
 * it picks a random free address, preferring the upper band: since 1.26
 * (ServiceIPStaticSubrange) the lowest min(max(16, size/16), 256) addresses are
 * left for clusterIPs users ask for. 10.96.0.1 is the `kubernetes` Service.
 */
export class ClusterIpAllocator {
  static readonly BASE = 0x0a600000; // 10.96.0.0
  static readonly SIZE = 1 << 20;
  private readonly used = new Set<number>();

  constructor(private readonly rng: Rng) {}

  inRange(ip: string): boolean {
    const n = ipToInt(ip);
    return n !== undefined && n > ClusterIpAllocator.BASE && n < ClusterIpAllocator.BASE + ClusterIpAllocator.SIZE - 1;
  }

  /** Reserves a requested address; false when it is taken or outside the range. */
  reserve(ip: string): boolean {
    const n = ipToInt(ip);
    if (n === undefined || !this.inRange(ip) || this.used.has(n)) return false;
    this.used.add(n);
    return true;
  }

  allocate(): string {
    const staticBand = Math.min(Math.max(16, ClusterIpAllocator.SIZE / 16), 256);
    const lo = ClusterIpAllocator.BASE + staticBand;
    const span = ClusterIpAllocator.SIZE - staticBand - 1; // never the broadcast address
    let n = lo + Math.floor(this.rng() * span);
    while (this.used.has(n)) n = lo + ((n - lo + 1) % span);
    this.used.add(n);
    return intToIp(n);
  }
}

/**
 * The NodePort allocator for the default --service-node-port-range 30000-32767,
 * random with the same static-band preference (ServiceNodePortStaticSubrange:
 * the lowest min(max(16, size/32), 128) ports are left for requested ones).
 */
export class NodePortAllocator {
  static readonly MIN = 30000;
  static readonly MAX = 32767;
  private readonly used = new Set<number>();

  constructor(private readonly rng: Rng) {}

  isUsed(port: number): boolean {
    return this.used.has(port);
  }

  inRange(port: number): boolean {
    return Number.isInteger(port) && port >= NodePortAllocator.MIN && port <= NodePortAllocator.MAX;
  }

  reserve(port: number): void {
    this.used.add(port);
  }

  allocate(): number {
    const size = NodePortAllocator.MAX - NodePortAllocator.MIN + 1;
    const band = Math.min(Math.max(16, Math.floor(size / 32)), 128);
    const lo = NodePortAllocator.MIN + band;
    const span = size - band;
    let p = lo + Math.floor(this.rng() * span);
    while (this.used.has(p)) p = lo + ((p - lo + 1) % span);
    this.used.add(p);
    return p;
  }

  release(port: number): void {
    this.used.delete(port);
  }
}

export function ipToInt(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3];
}

export const intToIp = (n: number): string => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
