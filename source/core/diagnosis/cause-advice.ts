// Advice that fits the cause the diagnosis quotes. A category's general advice is for when
// the text says no more; when it names the fault (a network or registry error while pulling,
// a full disk, a refused OBS read), the advice is about that fault: an image pull cut off by
// "unexpected EOF" is not helped by a smaller image.
import {headOf} from '../events/classify.js';
import {FAILURE_GUIDANCE} from './categories.js';
import type {DocPageId} from './docs-links.js';
import type {FailureCategory} from './types.js';

interface CauseGuidance {
	readonly category: FailureCategory;
	/** What the deciding text says, lower case. */
	readonly when: RegExp;
	readonly advice: readonly string[];
	readonly docs: readonly DocPageId[];
}

const FULL_DISK = /no space left|disk (?:is )?full|(?:not enough|insufficient|out of) (?:free )?(?:disk|space)|disk[- ]pressure|larger than (?:the )?(?:node'?s? )?(?:free )?disk/;
const REGISTRY_REFUSED = /unauthori[sz]ed|access denied|pull access denied|forbidden|\b40[13]\b|authentication required|denied: /;
const IMAGE_MISSING = /manifest (?:unknown|not found)|not found: manifest|(?:repository|image|tag) (?:does not exist|not found)|name unknown/;
const NETWORK =
	/unexpected eof|\beof\b|\btls\b|x509|certificate|handshake|connection (?:reset|refused|closed|timed out)|broken pipe|i\/o timeout|dial tcp|no such host|network (?:is )?unreachable|context deadline exceeded|\b50[0234]\b|bad gateway|service unavailable|too many requests|toomanyrequests/;

/** A fact about the dedicated pool's own trouble (core/evidence/items.ts), lower case: abnormal or tainted nodes, an abnormal pool, its status events. */
export const POOL_TROUBLE = /\d+ of \d+ nodes are (?:not available|tainted)|\bis abnormal\b|inference is \w+ on this pool| ago, pool(?:resources)?statuschange:/;

/** Most specific first; the first whose pattern the deciding text matches gives the advice. */
const CAUSES: readonly CauseGuidance[] = [
	{
		category: 'image_pull',
		when: FULL_DISK,
		advice: [
			"The node's disk had no room for the image: make it smaller (fewer layers, no caches, no weights baked in).",
			'Or deploy to a dedicated pool whose nodes have larger disks, or free disk on its nodes.',
		],
		docs: ['imagePull'],
	},
	{
		category: 'image_pull',
		when: REGISTRY_REFUSED,
		advice: [
			'The registry (SWR) refused the node: check the image still exists and the ModelArts agency may read it.',
			'An image shared from another account must still be shared with this one.',
		],
		docs: ['imagePull', 'authorization'],
	},
	{
		category: 'image_pull',
		when: IMAGE_MISSING,
		advice: [
			'The registry has no such image or tag any more: check it was not deleted or overwritten in SWR.',
			'Then create a new model version from an image that exists, and deploy again.',
		],
		docs: ['imagePull', 'modelEvents'],
	},
	{
		category: 'image_pull',
		when: NETWORK,
		advice: [
			"The pull broke off on the network or at the registry, not for the image's size: deploy again.",
			"If it repeats, check SWR's status in the region and the nodes' route to SWR (VPC, NAT, DNS).",
		],
		docs: ['imagePull'],
	},
	{
		// The probe's budget against the time spent starting (core/evidence/items.ts): the model loads longer than the probe waits.
		category: 'health_check',
		when: /\bgives the model \d[^;]*\(delay /,
		advice: [
			'The model loads longer than its health check waits: raise the initial delay of the probe above the load time (or allow more failures × period).',
			'Then check the URL and port the probe calls answer once the model has loaded.',
		],
		docs: ['healthCheck', 'timeout'],
	},
	{
		// The dedicated pool's own trouble, read from the pool and its nodes (core/evidence/items.ts): no capacity will free up by waiting.
		category: 'resources',
		when: POOL_TROUBLE,
		advice: [
			"The dedicated pool itself is in trouble: check its nodes in the console's pool details, and repair, replace or drain the abnormal ones.",
			'Or deploy to another pool until it is healthy again.',
		],
		docs: ['resources'],
	},
	{
		// One instance's request against the pool's free resources (pool-capacity.ts).
		category: 'resources',
		when: /\bfree on \d+ schedulable nodes?\b.*; one instance needs\b/,
		advice: [
			'The dedicated pool has no room for one instance: stop or scale down other services on it, or add nodes.',
			'Or ask for less: a smaller flavour or custom specification, if the model fits.',
		],
		docs: ['resources'],
	},
	{
		category: 'storage',
		when: FULL_DISK,
		advice: ["The node's disk is full: stop or delete other services on the pool, or add nodes with larger disks.", 'On the public pool, deploy again later or choose a larger flavour.'],
		docs: ['troubleshooting'],
	},
	{
		category: 'storage',
		when: /permission|denied|forbidden|\b403\b|not authori[sz]ed/,
		advice: [
			'OBS refused the read: the agency needs obs:bucket:ListBucket and obs:object:GetObject on the bucket.',
			'Check the bucket policy was not changed, then deploy again.',
		],
		docs: ['obsForbidden', 'authorization'],
	},
];

/** The advice and pages for a diagnosis of `category` whose deciding text is `text`. */
export function guidanceFor(category: FailureCategory, text: string | null): {readonly advice: readonly string[]; readonly docs: readonly DocPageId[]} {
	const lower = text === null ? '' : headOf(text).toLowerCase();
	return CAUSES.find((cause) => cause.category === category && cause.when.test(lower)) ?? FAILURE_GUIDANCE[category];
}
