// Which hosts skip the proxy: NO_PROXY, read as curl reads it.
import {BlockList, isIP} from 'node:net';

/**
 * NO_PROXY as curl reads it: comma-separated; `*` = everything; `example.com`, `.example.com`
 * and `*.example.com` match the domain and its subdomains; `host:port` only that port; IPs
 * and IPv4/IPv6 CIDR ranges match addresses.
 */
export function noProxyMatcher(list: string): (url: URL) => boolean {
	const entries = list
		.split(/[\s,]+/)
		.map(entry => entry.trim().toLowerCase())
		.filter(entry => entry !== '');
	if (entries.includes('*')) {
		return () => true;
	}

	const matchers = entries.map(entryMatcher);
	return url => {
		const host = url.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
		const port = url.port || (url.protocol === 'http:' ? '80' : '443');
		return matchers.some(matches => matches(host, port));
	};
}

function entryMatcher(entry: string): (host: string, port: string) => boolean {
	const cidr = /^([\d.]+|[\da-f:]+)\/(\d{1,3})$/.exec(entry);
	if (cidr && isIP(cidr[1]!)) {
		const family = isIP(cidr[1]!) === 4 ? 'ipv4' : 'ipv6';
		const block = new BlockList();
		block.addSubnet(cidr[1]!, Number(cidr[2]), family);
		return host => isIP(host) !== 0 && block.check(host, isIP(host) === 4 ? 'ipv4' : 'ipv6');
	}

	const bracketed = /^\[(.+)\](?::(\d+))?$/.exec(entry);
	const hostPort = /^([^:]+):(\d+)$/.exec(entry);
	const [name, port] = bracketed ? [bracketed[1]!, bracketed[2]] : hostPort ? [hostPort[1]!, hostPort[2]] : [entry, undefined];
	const domain = name.replace(/^\*?\./, '');
	return (host, hostPort_) =>
		(port === undefined || port === hostPort_) && (host === domain || (isIP(host) === 0 && host.endsWith(`.${domain}`)));
}
