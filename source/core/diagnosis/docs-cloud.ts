// Which cloud's documentation a diagnosis links to, from the endpoint the watch talks to.
// Apart from the links (docs-links.ts) because the view settles it when it starts, before
// anything is read, and the painted first frame must not load the pages' table for it.

/** Which documentation site the links go to. */
export type DocsCloud = 'otc' | 'huawei';

/** The cloud whose documentation fits an endpoint: OTC hosts end in otc.t-systems.com (or name open-telekom-cloud). */
export function docsCloudOf(endpoint: string | null | undefined): DocsCloud {
	let host = '';
	try {
		host = endpoint ? new URL(endpoint).hostname.toLowerCase() : '';
	} catch {
		host = '';
	}
	return host === 'otc.t-systems.com' || host.endsWith('.otc.t-systems.com') || host.includes('open-telekom-cloud') ? 'otc' : 'huawei';
}
