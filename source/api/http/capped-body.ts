// Response bodies are read with a size limit: a server (or anything posing as one) that
// streams gigabytes must not grow the process by gigabytes. Past the limit, reading stops
// and the connection is dropped, so memory stays near the limit whatever is sent.

/** Error bodies only need their first bytes: a status, an error code, or whether it is HTML. */
export const ERROR_BODY_BYTES = 64 * 1024;

/**
 * What was read of a body: all of it, or, past the limit, its first bytes (at most
 * ERROR_BODY_BYTES: enough to tell an error page, and cheap even with a large limit).
 */
export type BodyRead = {readonly complete: true; readonly text: string} | {readonly complete: false; readonly prefix: string};

/**
 * Reads `body` up to `limit` bytes. Leaving early ends the iteration, which destroys the
 * stream; the caller also aborts the request, so the socket is never reused.
 */
export async function readCapped(body: AsyncIterable<Uint8Array> | null, limit: number, declaredLength: string | null): Promise<BodyRead> {
	if (body === null) {
		return {complete: true, text: ''};
	}

	const iterator = body[Symbol.asyncIterator]();
	// A Content-Length over the limit is refused before a byte is read.
	if (declaredLength !== null && Number(declaredLength) > limit) {
		await iterator.return?.();
		return {complete: false, prefix: ''};
	}

	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const next = await iterator.next();
		if (next.done) {
			return {complete: true, text: decode(chunks, size)};
		}

		chunks.push(next.value);
		size += next.value.byteLength;
		if (size > limit) {
			await iterator.return?.();
			return {complete: false, prefix: decode(chunks, Math.min(limit, ERROR_BODY_BYTES))};
		}
	}
}

/** The first `bytes` bytes of `chunks` as text (concat copies no more than that). */
function decode(chunks: readonly Uint8Array[], bytes: number): string {
	// TextDecoder drops a UTF-8 byte-order mark, as fetch's text() does; a character cut at
	// the end becomes U+FFFD.
	return new TextDecoder().decode(Buffer.concat(chunks, bytes));
}

/** 32 MiB, 1.5 GiB, 512 KiB, 900 B. */
export function formatSize(bytes: number): string {
	for (const [unit, size] of [
		['GiB', 1024 ** 3],
		['MiB', 1024 ** 2],
		['KiB', 1024],
	] as const) {
		if (bytes >= size) {
			return `${Number((bytes / size).toFixed(1))} ${unit}`;
		}
	}

	return `${bytes} B`;
}
