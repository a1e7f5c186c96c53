import { networkInterfaces } from 'node:os';
import type Docker from 'dockerode';
import { z } from 'zod';
import { dockerClient } from './docker-client';

const ipamSchema = z.object({
  IPAM: z.object({
    Config: z
      .array(z.object({ Subnet: z.string().optional(), Gateway: z.string().optional() }))
      .nullish(),
  }),
  Options: z.record(z.string(), z.string()).nullish(),
});

/** The bridge network is missing or has no IPv4 subnet, so containers cannot reach the host. */
export class BridgeGatewayError extends Error {
  readonly code = 'bridge_gateway_unknown';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BridgeGatewayError';
  }
}

/**
 * The host's address on Docker's default bridge (usually 172.17.0.1). A listener bound there is
 * what containers reach as `host.docker.internal` through `host-gateway`; one bound to 127.0.0.1
 * is not reachable from them. Asks the daemon; when its IPAM config names only a subnet (as
 * Docker 20.10 does), takes the bridge interface's own address, else the subnet's first host.
 */
export async function bridgeGatewayAddress(docker: Docker = dockerClient()): Promise<string> {
  let inspected: unknown;
  try {
    inspected = await docker.getNetwork('bridge').inspect();
  } catch (error) {
    throw new BridgeGatewayError('could not inspect the Docker network "bridge"', { cause: error });
  }
  const network = ipamSchema.parse(inspected);
  const ipv4 = (network.IPAM.Config ?? []).find((c) => c.Subnet && !c.Subnet.includes(':'));
  if (ipv4?.Gateway) return ipv4.Gateway;
  if (!ipv4?.Subnet) throw new BridgeGatewayError('the Docker bridge network has no IPv4 subnet');

  const ifaceName = network.Options?.['com.docker.network.bridge.name'] ?? 'docker0';
  const onIface = networkInterfaces()[ifaceName]?.find((a) => a.family === 'IPv4');
  return onIface?.address ?? firstHost(ipv4.Subnet);
}

/** The first usable address of an IPv4 CIDR, which is where Docker puts the bridge gateway. */
export function firstHost(cidr: string): string {
  const [base, bitsText] = cidr.split('/');
  const octets = (base ?? '').split('.').map(Number);
  const bits = Number(bitsText);
  if (octets.length !== 4 || octets.some((o) => !(o >= 0 && o <= 255)) || !(bits <= 30)) {
    throw new BridgeGatewayError(`cannot read the subnet ${cidr}`);
  }
  const value = octets.reduce((acc, o) => acc * 256 + o, 0);
  const blockSize = 2 ** (32 - bits);
  const first = value - (value % blockSize) + 1;
  return [24, 16, 8, 0].map((shift) => Math.floor(first / 2 ** shift) % 256).join('.');
}
