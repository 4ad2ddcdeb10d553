import { lookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { Agent, buildConnector } from 'undici';
import { DomainError } from '@spice/domain';
import { INTERNAL_NETWORKS } from './networks';

export class EgressGuard {
  private readonly internal = new BlockList();

  constructor(private readonly allowed: BlockList) {
    for (const [network, bits, type] of INTERNAL_NETWORKS) this.internal.addSubnet(network, bits, type);
  }

  /** DomainError CONNECTOR.SOURCE_NOT_ALLOWED for an internal address the operator has not allowed. */
  check(host: string, address: string): void {
    // An IPv4 address written as IPv6 (::ffff:127.0.0.1) is checked as the IPv4 address it is.
    const mapped = address.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i)?.[1];
    const checked = mapped ?? address;
    const checkedType: 'ipv4' | 'ipv6' = isIP(checked) === 6 ? 'ipv6' : 'ipv4';
    if (!this.internal.check(checked, checkedType) || this.allowed.check(checked, checkedType)) return;
    throw new DomainError({
      code: 'CONNECTOR.SOURCE_NOT_ALLOWED',
      kind: 'precondition',
      message:
        `${host}${host === address ? '' : ` (${address})`} is on an internal network, which connectors may not reach ` +
        'unless the operator allows it (CONNECTOR_ALLOWED_NETWORKS)',
      context: { host, address },
    });
  }

  /**
   * An HTTP agent that checks every connection it opens, redirects included, against the address it actually
   * connects to (after DNS), so a name that resolves inside, or a redirect there, is refused too.
   */
  agent(): Agent {
    const connect = buildConnector({ lookup: ((hostname: string, options: object, callback: (...args: unknown[]) => void) => this.lookup(hostname, options, callback)) as never });
    return new Agent({
      connect: (options, callback) => {
        const host = options.hostname.replace(/^\[|\]$/g, '');
        if (isIP(host)) {
          try {
            this.check(host, host);
          } catch (e) {
            return callback(e as Error, null);
          }
        }
        return connect(options, callback);
      },
    });
  }

  private lookup(hostname: string, options: object, callback: (...args: unknown[]) => void): void {
    lookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error);
      try {
        for (const { address } of addresses) this.check(hostname, address);
      } catch (e) {
        return callback(e);
      }
      if ((options as { all?: boolean }).all) return callback(null, addresses);
      return callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  }
}
