import {ESLint} from 'eslint';
import {describe, expect, it} from 'vitest';

// The first frame calls components as plain functions, so a hook in source/ui loses that frame
// without any error of its own: the lint configuration is what stops one from being added.
const eslint = new ESLint();

async function hookMessages(code: string, filePath = 'source/ui/sample.tsx'): Promise<string[]> {
	const [result] = await eslint.lintText(code, {filePath});
	return result!.messages.filter(message => message.message.includes('no hooks')).map(message => message.message);
}

describe('components in source/ui', () => {
	it.each([
		['a React hook', `import {useState} from 'react';\nexport function A() { const [a] = useState(0); return a; }\n`],
		['a hook through the React namespace', `import React from 'react';\nexport function A() { return React.useMemo(() => 1, []); }\n`],
		['an Ink hook', `import {useStdout} from 'ink';\nexport function A() { return useStdout().stdout.columns; }\n`],
		['a hook of the project', `import {useClock} from '../hooks/use-clock.js';\nexport function A() { return useClock(); }\n`],
	])('may not call %s', async (_name, code) => {
		expect(await hookMessages(code)).not.toEqual([]);
	});

	it('may be plain functions that use memo', async () => {
		expect(await hookMessages(`import {memo} from 'react';\nexport const A = memo(function A() { return null; });\n`)).toEqual([]);
	});

	it('leaves hooks outside source/ui alone', async () => {
		expect(await hookMessages(`import {useState} from 'react';\nexport function useA() { return useState(0); }\n`, 'source/hooks/use-a.ts')).toEqual([]);
	});
});
