import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.tmp/**']},
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		languageOptions: {
			globals: globals.node,
		},
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}],
			'@typescript-eslint/consistent-type-imports': 'error',
			'no-control-regex': 'off',
		},
	},
	{
		// The first frame is painted by calling components as plain functions, outside React's render:
		// a hook there throws or silently loses that frame. State and keys live in source/hooks.
		files: ['source/ui/**/*.{ts,tsx}'],
		rules: {
			'no-restricted-syntax': [
				'error',
				{selector: 'CallExpression[callee.name=/^use([A-Z]|$)/]', message: 'Components in source/ui are plain functions: no hooks.'},
				{selector: 'CallExpression[callee.property.name=/^use([A-Z]|$)/]', message: 'Components in source/ui are plain functions: no hooks.'},
				{selector: 'ImportSpecifier[imported.name=/^use([A-Z]|$)/]', message: 'Components in source/ui are plain functions: no hooks.'},
			],
			'no-restricted-imports': ['error', {patterns: [{group: ['**/hooks/*'], message: 'Components in source/ui are plain functions: no hooks.'}]}],
		},
	},
);
