// The live view's diagnosis of the shown deployment: why it failed, or why it is slow at the
// basis's clock, from the same context the logs diagnose from (core/watch/diagnosis.ts).
// Kept apart from why.ts, which only decides when to ask: this module pulls in the whole
// diagnosis and evidence stack, and the painted first frame must not wait for it.
import {diagnoseFailure} from '../diagnosis/failure.js';
import {diagnoseSlow} from '../diagnosis/slow.js';
import {diagnosisContextOf} from '../watch/diagnosis.js';
import type {DiagnoseShown} from './why.js';

export const diagnoseShown: DiagnoseShown = ({shown, clock, facts, pods}) => {
	const context = diagnosisContextOf({skewMs: clock.skewMs ?? 0, evidence: facts, deployment: shown, pods}, clock, clock.nowMs);
	if (shown.outcome === 'failed') return diagnoseFailure(shown, context);
	return shown.outcome === 'in_progress' ? diagnoseSlow(shown, context) : null;
};
