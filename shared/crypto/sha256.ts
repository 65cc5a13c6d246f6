// SHA-256 for shared/: @noble/hashes is pure JS and synchronous, so the digest of a charter is
// computed by the same code in Node (CLI, main process) and in the browser, with no injected
// platform function and no async ripple through every caller.
import { sha256 } from '@noble/hashes/sha2.js';
import { toHex, utf8 } from './bytes';

export const sha256Bytes = (data: Uint8Array): Uint8Array => sha256(data);
export const sha256Hex = (data: Uint8Array | string): string => toHex(sha256(typeof data === 'string' ? utf8(data) : data));
