#!/usr/bin/env node
// RFC 8785 canonical JSON of standard input, for the OpenSSL recipe in docs/charter-format.md
// (section 9): the `canonicalize` package's function (by an author of RFC 8785), run on all of
// stdin decoded at once. The package's own command decodes each 64 KiB chunk of input separately,
// so a multi-byte character split between two chunks comes out as U+FFFD, and a large charter
// with accented or Chinese text gets the wrong digest. Offline: it needs only the installed package.
import canonicalize from 'canonicalize';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
process.stdout.write(canonicalize(JSON.parse(text)));
