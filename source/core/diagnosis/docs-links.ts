// The documentation pages a diagnosis points to, as links on the cloud the endpoint belongs
// to: Open Telekom Cloud's documentation site, or Huawei Cloud's support site. Every address
// was checked against the published pages (the OTC documentation sources and the Huawei Cloud
// help centre); where Huawei Cloud has no page of the same name, the link goes to the page
// that holds the topic, under that page's own title.
import type {DocsCloud} from './docs-cloud.js';
import type {DocLink} from './types.js';


const OTC = 'https://docs.otc.t-systems.com/modelarts/';
const HUAWEI = 'https://support.huaweicloud.com/intl/en-us/';

interface DocPage {
	readonly otc: DocLink;
	readonly huawei: DocLink;
}

function page(title: string, otcPath: string, huaweiPath: string, huaweiTitle = title): DocPage {
	return {otc: {title, url: OTC + otcPath}, huawei: {title: huaweiTitle, url: HUAWEI + huaweiPath}};
}

const REAL_TIME_FAQ = 'umn/faqs/service_deployment/real-time_services/';
const HUAWEI_REAL_TIME_FAQ = 'modelarts_faq/modelarts_05_0217.html';
const SERVICE_TROUBLE = 'umn/troubleshooting/inference_deployment/service_deployment/';

/** Every page a diagnosis may point to, by what it is about. */
export const DOC_PAGES = {
	resources: page(
		'What Do I Do If Resources Are Insufficient When a Real-Time Service Is Deployed, Started, Upgraded, or Modified?',
		`${REAL_TIME_FAQ}what_do_i_do_if_resources_are_insufficient_when_a_real-time_service_is_deployed_started_upgraded_or_modified.html`,
		'trouble-modelarts/modelarts_05_3155.html',
		'Resources Are Insufficient When a Service Is Deployed, Started, Upgraded, or Modified',
	),
	imagePull: page(
		'What Do I Do If an Image Fails to Be Pulled When a Real-Time Service Is Deployed, Started, Upgraded, or Modified?',
		`${REAL_TIME_FAQ}what_do_i_do_if_an_image_fails_to_be_pulled_when_a_real-time_service_is_deployed_started_upgraded_or_modified.html`,
		HUAWEI_REAL_TIME_FAQ,
		'Real-Time Services (FAQ)',
	),
	imageRestarts: page(
		'What Do I Do If an Image Restarts Repeatedly When a Real-Time Service Is Deployed, Started, Upgraded, or Modified?',
		`${REAL_TIME_FAQ}what_do_i_do_if_an_image_restarts_repeatedly_when_a_real-time_service_is_deployed_started_upgraded_or_modified.html`,
		HUAWEI_REAL_TIME_FAQ,
		'Real-Time Services (FAQ)',
	),
	timeout: page(
		'Why Did My Service Deployment Fail with Proper Deployment Timeout Configured?',
		`${REAL_TIME_FAQ}why_did_my_service_deployment_fail_with_proper_deployment_timeout_configured.html`,
		'modelarts_faq/modelarts_05_3207.html',
	),
	stillDeploying: page('Service Is Consistently Being Deployed', `${SERVICE_TROUBLE}service_is_consistently_being_deployed.html`, 'trouble-modelarts/modelarts_05_3187.html'),
	healthCheck: page(
		'How Do I Change the Default Port to Create a Real-Time Service Using a Custom Image?',
		'umn/faqs/model_management/importing_models/how_do_i_change_the_default_port_to_create_a_real-time_service_using_a_custom_image.html',
		'trouble-modelarts/modelarts_05_3154.html',
		'Container Health Check Fails When a Service Is Deployed, Started, Upgraded, or Modified',
	),
	noModule: page(
		"Failed to Deploy a Service and Error 'No Module named XXX' Occurred",
		`${SERVICE_TROUBLE}failed_to_deploy_a_service_and_error_no_module_named_xxx_occurred.html`,
		'trouble-modelarts/modelarts_13_0212.html',
		'Error Occurred When a Created Model Is Deployed as a Service',
	),
	modelEvents: page(
		'What Are the Events and Their Types for a Model?',
		'umn/faqs/model_management/importing_models/what_are_the_events_and_their_types_for_a_model.html',
		'inference-modelarts/inference-modelarts-0118.html',
		'Viewing Model Events',
	),
	serviceEvents: page(
		'What Are the Events and Their Types for a Service?',
		'umn/faqs/service_deployment/functional_consulting/what_are_the_events_and_their_types_for_a_service.html',
		'inference-modelarts/inference-modelarts-0119.html',
		'Viewing Service Events',
	),
	troubleshooting: page('Troubleshooting: Inference Deployment', 'umn/troubleshooting/inference_deployment/index.html', 'trouble-modelarts/modelarts_13_0212.html', 'Error Occurred When a Created Model Is Deployed as a Service'),
	errorCodes: page('Error Codes (ModelArts API Reference)', 'api-ref/appendix/error_codes.html', 'api-modelarts/modelarts_03_0095.html'),
	authorization: page(
		'Configuring Access Authorization (Global Configuration)',
		'umn/preparations/configuring_access_authorization_global_configuration.html',
		'api-modelarts/modelarts_03_0405.html',
		'Managing ModelArts Authorization',
	),
	obsForbidden: page('Why Error: 403 Forbidden Is Displayed When I Perform Operations on OBS?', 'umn/troubleshooting/general_issues/why_error_403_forbidden_is_displayed_when_i_perform_operations_on_obs.html', 'api-modelarts/modelarts_03_0095.html', 'Error Codes'),
	modelConfig: page(
		'Specifications for Editing a Model Configuration File',
		'umn/inference_deployment/inference_specifications/model_package_specifications/specifications_for_editing_a_model_configuration_file.html',
		'inference-modelarts/inference-modelarts-0056.html',
	),
	deploying: page('Deploying as a Real-Time Service', 'umn/inference_deployment/deploying_a_model_as_real-time_services/deploying_as_a_real-time_service.html', 'inference-modelarts/inference-modelarts-0119.html', 'Viewing Service Events'),
} as const satisfies Record<string, DocPage>;

export type DocPageId = keyof typeof DOC_PAGES;

/** The links for some pages on one cloud, without repeats (two OTC pages can share one Huawei page). */
export function docLinks(pages: readonly DocPageId[], cloud: DocsCloud): DocLink[] {
	const links = pages.map((id) => DOC_PAGES[id][cloud]);
	return links.filter((link, index) => links.findIndex((other) => other.url === link.url) === index);
}
