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

/** Hosts the SDK's region table spells unlike the rule (modelarts-api-evidence.md §16). */
const MODELARTS_HOSTS: Readonly<Record<string, string>> = {
	'ap-southeast-1': 'https://modelarts.ap-southeast-1.myhuaweicloud.cn',
};

/** The Swiss region's IAM, as openstacksdk's otc-swiss vendor file names it. */
const IAM_HOSTS: Readonly<Record<string, string>> = {
	'eu-ch2': 'https://iam-pub.eu-ch2.sc.otc.t-systems.com/v3',
};

/** https://modelarts.{region}.{otc or Huawei domain}, or the SDK table's exception. */
export function modelArtsEndpoint(region: string): string {
	return MODELARTS_HOSTS[region] ?? `https://modelarts.${region}.${cloudDomain(region)}`;
}

/** https://iam.{region}.{domain}/v3, or the exception for the region. */
export function iamEndpointForRegion(region: string): string {
	return IAM_HOSTS[region] ?? `https://iam.${region}.${cloudDomain(region)}/v3`;
}

/** The SDK's per-service endpoint override for a region: HUAWEICLOUD_SDK_REGION_MODELARTS_CN_NORTH_4. */
export function modelArtsOverrideVariable(region: string): string {
	return `HUAWEICLOUD_SDK_REGION_MODELARTS_${region.toUpperCase().replaceAll('-', '_')}`;
}

/** True for an Open Telekom Cloud endpoint: v1 only there, v2 is never tried (evidence §13.1). */
export function isOpenTelekomEndpoint(endpoint: string): boolean {
	try {
		return /(?:^|\.)otc\.t-systems\.com$/.test(new URL(endpoint).hostname.toLowerCase());
	} catch {
		return false;
	}
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
