/** The colour a service status is shown in, wherever a status appears (header, picker). */
export const STATUS_COLORS: Readonly<Record<string, string>> = {
	running: 'green',
	finished: 'green',
	failed: 'red',
	concerning: 'yellow',
	deploying: 'cyan',
	pending: 'cyan',
	waiting: 'cyan',
	stopped: 'gray',
	stopping: 'gray',
	deleting: 'gray',
};
