"""Website IP addresses: single IPv4/IPv6 addresses or `start-end` ranges (SPEC §4.3).

"Public" is decided against our own list of special-purpose blocks (IANA registries) rather than
`ipaddress.is_global`, whose answers changed between Python versions (e.g. for IPv4-mapped IPv6
addresses); for IPv6 only global unicast (2000::/3) outside the documentation and benchmarking
blocks is public.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
MAX_RANGE_SIZE = 65_536

_NON_PUBLIC_V4 = tuple(ipaddress.IPv4Network(n) for n in (
    "0.0.0.0/8",  # "this network", unspecified
    "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",  # private (RFC 1918)
    "100.64.0.0/10",  # carrier-grade NAT shared space
    "127.0.0.0/8",  # loopback
    "169.254.0.0/16",  # link-local
    "192.0.0.0/24", "192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24",  # IETF / documentation
    "192.88.99.0/24",  # deprecated 6to4 relay anycast
    "198.18.0.0/15",  # benchmarking
    "224.0.0.0/4",  # multicast
    "240.0.0.0/4",  # reserved, incl. broadcast
))
_GLOBAL_UNICAST_V6 = ipaddress.IPv6Network("2000::/3")
_NON_PUBLIC_V6 = tuple(ipaddress.IPv6Network(n) for n in (
    "2001:db8::/32", "3fff::/20",  # documentation
    "2001:2::/48",  # benchmarking
    "2001:10::/28", "2001:20::/28",  # ORCHID
))


@dataclass(frozen=True)
class IPRange:
    start: IPAddress
    end: IPAddress

    def __str__(self) -> str:
        return str(self.start) if self.start == self.end else f"{self.start}-{self.end}"

    @property
    def size(self) -> int:
        return int(self.end) - int(self.start) + 1


def parse_ip_range(value: str) -> IPRange | None:
    """`121.40.18.7` or `47.96.10.1-47.96.10.9` (spaces allowed around the dash); None when not
    an address, the families differ, start > end, or the range holds more than 65,536 addresses."""
    parts = [part.strip() for part in value.strip().split("-")]
    if len(parts) not in (1, 2):
        return None
    try:
        addresses = [ipaddress.ip_address(part) for part in parts]
    except ValueError:
        return None
    start, end = addresses[0], addresses[-1]
    if start.version != end.version or start > end or int(end) - int(start) + 1 > MAX_RANGE_SIZE:
        return None
    if any(getattr(a, "scope_id", None) for a in addresses):  # fe80::1%eth0 is not a website address
        return None
    return IPRange(start, end)


# As integer bounds: a range overlaps a block when it starts before the block ends and ends after
# it starts — two comparisons per block, whatever the size of the range.
_NON_PUBLIC_BOUNDS = {
    4: tuple((int(n.network_address), int(n.broadcast_address)) for n in _NON_PUBLIC_V4),
    6: tuple((int(n.network_address), int(n.broadcast_address)) for n in _NON_PUBLIC_V6),
}
_GLOBAL_UNICAST_V6_BOUNDS = (int(_GLOBAL_UNICAST_V6.network_address),
                             int(_GLOBAL_UNICAST_V6.broadcast_address))


def is_public_range(ip_range: IPRange) -> bool:
    """Whether every address from start to end is public."""
    first, last = int(ip_range.start), int(ip_range.end)
    if ip_range.start.version == 6:
        low, high = _GLOBAL_UNICAST_V6_BOUNDS
        if first < low or last > high:
            return False
    return not any(first <= block_last and last >= block_first
                   for block_first, block_last in _NON_PUBLIC_BOUNDS[ip_range.start.version])


def is_public_address(value: str) -> bool:
    ip_range = parse_ip_range(value)
    return ip_range is not None and is_public_range(ip_range)
