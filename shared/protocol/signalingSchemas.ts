// Schemas of the LAN signaling channels: the facilitator's app lists this machine's addresses,
// starts the signaling server on the one picked, reports on it, and stops it.
import { z } from 'zod';

// An IPv4 or IPv6 literal (the main side also checks it is one of this machine's addresses).
const hostSchema = z.string().min(2).max(64).regex(/^[0-9A-Fa-f.:]+$/, 'an IP address');

export const lanAddressSchema = z.object({
  interfaceName: z.string().max(200),
  family: z.enum(['IPv4', 'IPv6']),
  address: z.string().max(64),
  internal: z.boolean(),
  linkLocal: z.boolean(),
  url: z.string().max(200),
});

const sha256Hex = z.string().regex(/^[0-9A-F]{64}$/, '64 hex digits');

/** The certificate the room's port presents; never its key. */
export const servedCertificateSchema = z.object({
  /** SHA-256 of the certificate: what browsers show and the invite carries. */
  sha256: sha256Hex,
  /** SHA-256 of its public key, base64: what Chromium's --ignore-certificate-errors-spki-list takes. */
  spkiSha256: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
  source: z.enum(['self-signed', 'company']),
  validTo: z.iso.datetime(),
});

export const lanSignalingStatusSchema = z.object({
  running: z.boolean(),
  host: z.string().max(64).optional(),
  port: z.number().int().min(0).max(65535).optional(),
  urls: z.array(z.string().max(200)).max(64),
  /** Where browsers open the web app, when the port serves it. */
  webUrls: z.array(z.string().max(200)).max(64),
  certificate: servedCertificateSchema.nullable(),
  connections: z.number().int().nonnegative(),
  topics: z.number().int().nonnegative(),
});

export const lanStartRequestSchema = z.object({ host: hostSchema, port: z.number().int().min(0).max(65535).optional() }).strict();

/** The facilitator's pick for the room's certificate; 'company' opens main's own file dialog. */
export const certificateChoiceSchema = z.object({ source: z.enum(['company', 'self-signed']) }).strict();

/** Trust a room's self-signed certificate, named by an invite, for its host (desktop joiners). */
export const trustCertificateRequestSchema = z.object({ host: z.string().min(1).max(253), sha256: sha256Hex }).strict();
