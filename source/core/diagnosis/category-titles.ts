// What each diagnosis category is called. Apart from the guidance (categories.ts) because
// the live view's own words need the titles, and the painted first frame loads those words
// without the rest of the diagnosis.
import type {DiagnosisCategory} from './types.js';

/** The category in words, for the "Why" block and the plain `cause:` line. */
export const CATEGORY_TITLES: Readonly<Record<DiagnosisCategory, string>> = {
	resources: 'Not enough resources to place the instances',
	quota: 'A quota is used up',
	permission: 'An authorization is missing',
	config: 'The deployment or model configuration is invalid',
	image_build: 'The model image could not be built',
	image_pull: 'The image could not be pulled onto the node',
	storage: 'Model storage could not be read or mounted',
	health_check: 'The health check never succeeded',
	startup: 'The model container does not start',
	timeout: 'The deployment ran out of time',
	unknown: 'The deployment failed for a reason not recognised',
	slow: 'Slower than usual',
};
