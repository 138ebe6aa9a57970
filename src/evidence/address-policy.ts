import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

// Only globally routable unicast addresses are fetched: everything else may reach the server's own
// network (loopback, private, link-local, CGNAT, unique-local, multicast, reserved, 6to4/Teredo/NAT64).

/** True when `address` (IPv4 or IPv6 text, IPv4-mapped IPv6 included) is public unicast. */
export function isPublicAddress(address: string): boolean {
  const bare = address.startsWith("[") && address.endsWith("]") ? address.slice(1, -1) : address;
  if (!ipaddr.isValid(bare)) return false;
  let parsed = ipaddr.parse(bare);
  // A mapped address is the IPv4 address it carries, e.g. ::ffff:127.0.0.1 is loopback.
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress())
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() === "unicast";
}

/** True when the host part of a URL is an IP literal rather than a DNS name. */
export function isIpLiteral(hostname: string): boolean {
  const bare = hostname.startsWith("[") ? hostname.slice(1, -1) : hostname;
  return isIP(bare) !== 0;
}
