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

export const lanSignalingStatusSchema = z.object({
  running: z.boolean(),
  host: z.string().max(64).optional(),
  port: z.number().int().min(0).max(65535).optional(),
  urls: z.array(z.string().max(200)).max(64),
  connections: z.number().int().nonnegative(),
  topics: z.number().int().nonnegative(),
});

export const lanStartRequestSchema = z.object({ host: hostSchema, port: z.number().int().min(0).max(65535).optional() }).strict();
