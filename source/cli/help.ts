import {FLAG_CHOICES} from '../config/choices.js';
import {DEFAULT_MAX_RATE} from '../config/values.js';
import {DEFAULT_DEPLOY_TIMEOUT_MS, DEFAULT_SLOW_THRESHOLDS, DEPLOY_TIMEOUT_RANGE_MS, PHASE_KEYS} from '../core/diagnosis/thresholds.js';
import {PHASE_IDS} from '../core/types.js';
import {DEFAULT_SCENARIO, SCENARIO_DESCRIPTIONS} from '../sim/scenarios/registry.js';
import {EXIT_CODE_TABLE} from '../core/ending/exit-codes.js';

// Kept free of any heavy import: `--help` must answer without loading Ink or React.

const choices = (flag: keyof typeof FLAG_CHOICES) => FLAG_CHOICES[flag].join(' | ');

function scenarioLines(): string {
	return Object.entries(SCENARIO_DESCRIPTIONS)
		.map(([name, description]) => `    ${name.padEnd(18)}  ${description}`)
		.join('\n');
}

const minutes = (ms: number) => `${ms / 60_000}m`;

/** "build 15m, env 5m, …": the default slow thresholds, from the one place they are set. */
const slowDefaults = PHASE_IDS.map((phase) => `${PHASE_KEYS[phase]} ${minutes(DEFAULT_SLOW_THRESHOLDS[phase])}`).join(', ');

const usage = `
Usage
  $ modelarts-watch <service-id> [options]
  $ modelarts-watch ID ID… [options]     several at once: an overview, a row per service
  $ modelarts-watch --all [options]      every service deploying, waiting or pending
  $ modelarts-watch [options]            in a terminal: pick the service from a list
  $ modelarts-watch --demo [scenario…]
  $ modelarts-watch simulate [--scenario S[,S…]] [--deny API=STATUS,…] [options below]

Where
  --endpoint URL        ModelArts endpoint, e.g. https://modelarts.eu-de.otc.t-systems.com
  --region R            derive the endpoint from a region (eu-de, cn-north-4, …)
  --project-id ID       project id (default: from the credential or the region)
  --service-name NAME   pick the service by name instead of by id (repeatable)
  --all                 every service deploying, waiting or pending when the watch starts
  --include-running     with --all: the running services too
  --wait-for-service    with --service-name: wait until a service of that name exists
                        (within --timeout; exit 5 if it never comes), then watch it
  --cloud NAME          an entry of clouds.yaml (default: $OS_CLOUD)
  --api A               ${choices('api')}: v1 real-time services, v2 (Huawei Cloud's new
                        inference services); auto tries the other when one does not
                        know the service (never v2 on Open Telekom Cloud)

What
  --interval S          seconds between polls, at least 1 (default 3; also 10s, 1m)
  --type T              ${choices('type')} events
  --lang L              ${choices('lang')}: the language of v2 event texts (default en)
  --order O             ${choices('order')}: the order of the events table (logs are oldest first)
  --since TIME          only events at or after TIME (ISO 8601, or a duration ago: 2h)
  --until TIME          only events up to TIME
  --max-rate N          with several services: at most N requests per second in all
                        (default ${DEFAULT_MAX_RATE}); a 429 holds every service back
  --slow-after LIST     when a phase counts as slow: PHASE=DURATION pairs such as
                        pull=15m,start=12m, or one duration for all (defaults:
                        ${slowDefaults})
  --deploy-timeout D    the service's deployment timeout, for the "near the timeout"
                        hint (${minutes(DEPLOY_TIMEOUT_RANGE_MS.min)} to ${minutes(DEPLOY_TIMEOUT_RANGE_MS.max)}; default ${minutes(DEFAULT_DEPLOY_TIMEOUT_MS)}, as ModelArts)

How
  --output M            ${choices('output')} (auto: tty in a terminal outside CI, else plain)
  --json                same as --output json (NDJSON on stdout)
  --exit-status         stop when the deployment ends; exit 0 succeeded, 1 failed or stopped
                        (several services: once every one ended; 0 only if all succeeded)
  --once                print one snapshot (events so far, status, summary) and exit
  --timeout S           give up after S seconds, or a duration like 20m (exit 5)
  --no-color            no colours (NO_COLOR and FORCE_COLOR are honoured too)
  --utc | --tz ZONE     show times in UTC or an IANA zone (default: local time)
  --ascii               ASCII symbols only
  --no-notify           no bell or desktop notification when the deployment ends
  --low-bandwidth       fewer redraws, for slow SSH links
  --debug               one line per request (stderr; a temp file in the live view);
                        stack traces on errors
  --max-response-size N largest answer read, e.g. 64MiB (default 32MiB; 1MiB to 256MiB)

Credentials (secrets are never printed)
  --auth KIND           ${choices('auth')} (default: the first one configured)
  --token-file FILE     read the X-Auth-Token from FILE (- for stdin)
  --ca-file FILE        extra CA certificates (PEM)
  --insecure            do not verify TLS certificates
  --allow-http          send the credential to a plain http:// endpoint on another
                        machine (refused without it; http:// to localhost is allowed)
  Environment: MODELARTS_TOKEN; HUAWEICLOUD_SDK_AK/SK[/PROJECT_ID]; OS_* and clouds.yaml

Demo
  --demo [scenario…]    watch a scripted deployment on the embedded simulator (default
                        ${DEFAULT_SCENARIO}); several scenarios are several services of one
                        project, in the overview; scenarios:
${scenarioLines()}
  --demo-deny API=STATUS,…
                        make the demo's details, monitor, logs, model, pool, pool-nodes or
                        pool-events answer 403 or 404, e.g. monitor=403,logs=404, as a
                        region or a policy without them would

Simulator (modelarts-watch simulate: the ModelArts API on localhost, for scripts and curl)
  --scenario S[,S…]     one service per scenario, all in one project (repeatable; default
                        ${DEFAULT_SCENARIO}); the first keeps its usual id, the others get their own
  --deny API=STATUS,…   make an API answer 403 or 404 (APIs as --demo-deny), e.g. monitor=403
  --port N              the port to listen on (default: a free one)
  --speed X             scenario time runs X times faster (default 1)
  --offset-mode M       page | record: what \`offset\` means on the list endpoints (default page)

Other
  --help, -h            this text
  --version             the version

Examples
  $ modelarts-watch 35de3ca9-bd7f-4b33-a9b1-7c3fd5ce2bb5 --region eu-de --project-id 0123abcd
  $ modelarts-watch --service-name my-service --json --exit-status > events.ndjson
  $ modelarts-watch --all --output plain --exit-status --timeout 30m          # a release
  $ modelarts-watch 35de3ca9-… --output plain --exit-status --timeout 1800   # CI
  $ modelarts-watch --demo failure
  $ modelarts-watch --demo success failure multi-model
`;

function exitCodeLines(): string {
	return EXIT_CODE_TABLE.map(([code, meaning]) => `  ${String(code).padStart(3)}  ${meaning}`).join('\n');
}

/** The full --help text. */
export function helpText(description: string): string {
	return `\n  ${description}\n${usage}\nExit codes\n${exitCodeLines()}\n`;
}
