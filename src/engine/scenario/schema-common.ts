/**
 * Small schemas shared by the parts of the scenario format: ids, durations,
 * times, addresses, endpoints, file modes. They only check the shape of the
 * text; meaning (an id that exists, an address on a link) is checked by the
 * compiler, which reports issues with paths.
 */
import { z } from 'zod';

/** Attaches the description (and examples) the JSON Schema shows on hover. */
export function doc<T extends z.ZodType>(schema: T, description: string, examples?: unknown[]): T {
  return schema.meta(examples ? { description, examples } : { description });
}

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

export const idSchema = doc(
  z.string().regex(ID_PATTERN, 'an id is letters, digits, "_", "." or "-", at most 64'),
  'An id for this entity, unique in the scenario; other entities refer to it.',
  ['revshell', 'sshd-v4', 'login1'],
);

export const refSchema = doc(
  z.string().regex(ID_PATTERN, 'a reference is the id of another entity'),
  'The id of another entity of the scenario.',
  ['login1'],
);

export const DURATION_PATTERN = /^(\d+(\.\d+)?(ms|s|m|min|h|d))+$/;

export const durationSchema = doc(
  z.string().regex(DURATION_PATTERN, 'a duration is like 90s, 17m, 2h, 1d or 1h30m'),
  'A duration: a number with a unit (ms, s, m, h, d), units may be combined.',
  ['90s', '17m', '2h', '1d', '1h30m', '250ms'],
);

export const ISO_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;
export const RELATIVE_PATTERN = /^(boot)?[+-](\d+(\.\d+)?(ms|s|m|min|h|d))+$/;

export const timeSchema = doc(
  z
    .string()
    .regex(
      new RegExp(`${ISO_PATTERN.source}|${RELATIVE_PATTERN.source}`),
      'a time is an ISO 8601 date-time, or -DURATION (before now), or boot+DURATION',
    ),
  'A moment on the scenario clock: an absolute ISO 8601 time, a duration before (-) ' +
    "or after (+) the scenario's now, or boot+DURATION (after the host booted).",
  ['2026-12-04T13:28:30Z', '-26s', '-3h', 'boot+4s'],
);

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const IPV6 = /^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$/;

export const ipv4Schema = doc(z.string().regex(IPV4, 'not an IPv4 address'), 'An IPv4 address.', [
  '10.10.0.5',
]);

export const ipSchema = doc(
  z.string().regex(new RegExp(`${IPV4.source}|${IPV6.source}`), 'not an IP address'),
  'An IPv4 or IPv6 address.',
  ['10.10.0.5', '2001:db8:10::5'],
);

export const cidrSchema = doc(
  z.string().regex(/^[0-9A-Fa-f:.]+\/\d{1,3}$/, 'a prefix is ADDRESS/LENGTH'),
  'An address with its prefix length.',
  ['10.10.0.5/24', '2001:db8:10::5/64'],
);

export const portSchema = doc(
  z.number().int().min(0).max(65535),
  'A TCP or UDP port number.',
  [22, 4444],
);

export const endpointSchema = doc(
  z.union([
    z.string().min(1),
    z.strictObject({
      addr: doc(ipSchema, 'The address; 0.0.0.0 or :: for a wildcard.'),
      port: doc(
        portSchema.optional(),
        'The port; leave it out for an ephemeral port chosen from the seed.',
      ),
    }),
  ]),
  'An address and port: "10.10.0.5:22", "[::1]:8080", "*:22" (any v4), "[::]:22", ' +
    '"0.0.0.0:*" (a wildcard peer), or just an address for an ephemeral port.',
  ['10.10.0.5:22', '[::1]:8080', '0.0.0.0:*', '10.10.0.5'],
);

export const modeSchema = doc(
  z.union([z.string().regex(/^0?[0-7]{3,4}$/, 'a mode is octal, like "0644"'), z.number().int()]),
  'File mode in octal, as a string so YAML keeps the digits ("0644", "0755").',
  ['0644', '0755', '0600'],
);

export const ownerSchema = doc(
  z.string().regex(/^[a-z_][a-z0-9_-]*\$?(:[a-z_][a-z0-9_-]*\$?)?$/, 'owner is USER or USER:GROUP'),
  'Owner as USER or USER:GROUP (names of accounts and groups of the host).',
  ['root', 'root:adm', 'deploy:deploy'],
);

export const userNameSchema = doc(
  z.string().regex(/^[a-z_][a-z0-9_-]{0,31}\$?$/, 'not a valid user name'),
  'A user name of the host.',
  ['root', 'deploy', 'www-data'],
);
