import {NotFoundError} from '../../source/api/errors.js';
import type {ModelArtsClient} from '../../source/api/types.js';

const absent = async (): Promise<never> => {
	throw new NotFoundError('HTTP 404 APIGW.0101', 404);
};

/** The monitor and update-log methods of a server that offers neither (404), for fake clients. */
export const WITHOUT_EXTRAS: Pick<ModelArtsClient, 'getMonitor' | 'getUpdateLogs'> = {getMonitor: absent, getUpdateLogs: absent};
