import {describe, expect, it} from 'vitest';
import {parseQuantity} from '../../../source/core/evidence/k8s-quantity.js';

describe('Kubernetes quantities', () => {
	it.each([
		['3920m', 3.92],
		['8', 8],
		[8, 8],
		['0', 0],
		['0.5', 0.5],
		['6270Mi', 6270 * 2 ** 20],
		['64Gi', 64 * 2 ** 30],
		['1Ti', 2 ** 40],
		['512Ki', 512 * 1024],
		['2k', 2000],
		['1.5G', 1.5e9],
		['3M', 3e6],
		['1e3', 1000],
		[' 2 ', 2],
	] as const)('%j is %d', (text, value) => {
		expect(parseQuantity(text)).toBeCloseTo(value, 6);
	});

	it.each([['12 cores'], ['5Qi'], ['abc'], [''], ['-1'], [-3], [null], [undefined], [{}], ['1e3Mi'], [Number.NaN], ['1.2.3']])('%j is not a quantity', (text) => {
		expect(parseQuantity(text)).toBeNull();
	});
});
