import {describe, expect, it} from 'vitest';
import {projectIdFromToken} from '../../../source/api/auth/token-body.js';

// A PKI token is base64 (with '-' for '/') of a CMS envelope around the token JSON; the DER
// header 30 82 makes it start with "MII".
function pkiToken(json: object): string {
	const envelope = Buffer.concat([Buffer.from([0x30, 0x82, 0x05, 0x00]), Buffer.from(JSON.stringify(json)), Buffer.from([0x31, 0x82])]);
	return envelope.toString('base64').replaceAll('/', '-');
}

describe('projectIdFromToken', () => {
	it('reads token.project.id even when project.domain comes first', () => {
		const token = pkiToken({token: {expires_at: '2024-05-02T12:00:00Z', project: {domain: {id: 'd1', name: 'dom'}, name: 'eu-de', id: '0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a55'}}});
		expect(token.startsWith('MII')).toBe(true);
		expect(projectIdFromToken(token)).toBe('0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a55');
	});

	it.each(['demo-token', 'MIIsimabcdef0123456789abcdef0123', '', 'not base64 at all!'])('yields null for an opaque token %j', token => {
		expect(projectIdFromToken(token)).toBeNull();
	});
});
