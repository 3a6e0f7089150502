// Region → endpoint rules. Open Telekom Cloud regions live under otc.t-systems.com (the Swiss
// region under sc.otc.t-systems.com); every other region is a Huawei Cloud region.
import {ConfigError} from './errors.js';

const OTC_DOMAINS: Readonly<Record<string, string>> = {
	'eu-de': 'otc.t-systems.com',
	'eu-nl': 'otc.t-systems.com',
	'eu-ch2': 'sc.otc.t-systems.com',
};

const REGION_PATTERN = /^[a-z]{2,}(-[a-z0-9]+)+$/;

function cloudDomain(region: string): string {
	return OTC_DOMAINS[region] ?? 'myhuaweicloud.com';
}

/** Throws unless `region` looks like a region id (eu-de, cn-north-4, ap-southeast-3). */
export function checkRegion(region: string, origin: string): string {
	if (!REGION_PATTERN.test(region)) {
		throw new ConfigError(`${origin} ${JSON.stringify(region)} is not a region: use an id such as eu-de, eu-nl, cn-north-4, ap-southeast-3.`);
	}

	return region;
}

/** https://modelarts.{region}.{otc or Huawei domain} */
export function modelArtsEndpoint(region: string): string {
	return `https://modelarts.${region}.${cloudDomain(region)}`;
}

/** https://iam.{region}.{domain}/v3 */
export function iamEndpointForRegion(region: string): string {
	return `https://iam.${region}.${cloudDomain(region)}/v3`;
}

/** An http(s) URL without trailing slashes; throws a ConfigError naming `origin` otherwise. */
export function normaliseUrl(text: string, origin: string): string {
	let url: URL;
	try {
		url = new URL(text.trim());
	} catch {
		throw new ConfigError(`${origin} ${JSON.stringify(text)} is not a URL: use e.g. https://modelarts.eu-de.otc.t-systems.com.`);
	}

	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new ConfigError(`${origin} must be an http:// or https:// URL, not ${url.protocol}//.`);
	}

	if (url.username || url.password || url.search || url.hash) {
		throw new ConfigError(`${origin} must be a plain base URL, without credentials, query or fragment.`);
	}

	return url.href.replace(/\/+$/, '');
}

/** IAM base URL ending in /v3 (OS_AUTH_URL usually has it; HUAWEICLOUD_SDK_IAM_ENDPOINT usually not). */
export function normaliseIamEndpoint(text: string, origin: string): string {
	const base = normaliseUrl(text, origin);
	return base.endsWith('/v3') ? base : `${base}/v3`;
}
