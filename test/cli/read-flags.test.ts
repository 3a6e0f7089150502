import {describe, expect, it} from 'vitest';
import {readFlags, type FlagSpec} from '../../source/cli/read-flags.js';

const TABLE: Record<string, FlagSpec> = {
	projectId: {type: 'string'},
	color: {type: 'boolean'},
	once: {type: 'boolean'},
	help: {type: 'boolean', shortFlag: 'h'},
};

describe('readFlags', () => {
	it.each([
		[['svc', '--project-id', 'p1'], {projectId: 'p1'}, ['svc']],
		[['--project-id=p1', 'svc'], {projectId: 'p1'}, ['svc']],
		[['--projectId', 'p1'], {projectId: 'p1'}, []],
		[['--no-color'], {color: false}, []],
		[['--color', '--no-color'], {color: false}, []],
		[['--no-color', '--color'], {color: true}, []],
		[['--once=false'], {once: false}, []],
		[['-h'], {help: true}, []],
		[['--', '--once'], {}, ['--once']],
		[['--project-id=--odd'], {projectId: '--odd'}, []],
		[['--project-id', '-'], {projectId: '-'}, []],
	])('reads %j', (argv, flags, input) => {
		expect(readFlags(argv, TABLE)).toEqual({ok: true, flags, input});
	});

	it.each([
		[['--bogus'], 'unknown flag --bogus'],
		[['--no-project-id'], 'unknown flag --no-project-id'],
		[['--no-color=1'], 'unknown flag --no-color'],
		[['-x'], 'unknown flag -x'],
		[['svc', '--project-id'], '--project-id needs a value'],
		[['--project-id', ''], '--project-id needs a value'],
		[['--project-id='], '--project-id needs a value'],
		[['--project-id', '--once'], '--project-id needs a value, but the word after it is the flag --once (write --project-id=VALUE for a value starting with --)'],
		[['--once=yes'], '--once takes no value (or true/false), not "yes"'],
	])('rejects %j', (argv, message) => {
		expect(readFlags(argv, TABLE)).toMatchObject({ok: false, message});
	});

	it('names the unknown flag, and keeps every value of a multiple flag in order', () => {
		expect(readFlags(['--bogus=1'], TABLE)).toEqual({ok: false, message: 'unknown flag --bogus', unknown: '--bogus'});
		expect(readFlags(['--scenario', 'a', '--scenario=b,c'], {scenario: {type: 'string', multiple: true}})).toEqual({ok: true, flags: {scenario: ['a', 'b,c']}, input: []});
	});
});
