// Types of error-codes.mjs, for the test that checks the generated table against the .tsv.
export function tableModule(tsv: string): string;
