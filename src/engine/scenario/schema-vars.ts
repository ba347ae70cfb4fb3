/**
 * Per-trainee variables: values drawn from the seed so that two trainees get
 * different answers. `${name}` in any string of the document is replaced by
 * the value; a string that is exactly `${name}` takes the typed value.
 */
import { z } from 'zod';
import { cidrSchema, doc } from './schema-common';
import { VAR_NAME } from './vars-draw';

export { VAR_NAME };

const ipv4Var = z.strictObject({
  kind: doc(z.literal('ipv4'), 'An IPv4 address, different from the other ipv4 vars.'),
  range: doc(
    z.enum(['documentation', 'test-net-1', 'test-net-2', 'test-net-3']).default('documentation'),
    'Where to draw from: the three documentation ranges (RFC 5737) or one of them.',
  ),
  cidr: doc(cidrSchema.optional(), 'Or an explicit IPv4 prefix to draw from.', ['10.20.0.0/24']),
});

const portVar = z.strictObject({
  kind: doc(z.literal('port'), 'A port number (a number when used alone).'),
  choices: doc(
    z.array(z.number().int().min(1).max(65535)).min(1).optional(),
    'Ports to pick from.',
    [[4444, 9001]],
  ),
  min: doc(z.number().int().min(1).max(65535).default(1024), 'Lowest port, without choices.'),
  max: doc(z.number().int().min(1).max(65535).default(49151), 'Highest port, without choices.'),
});

const choiceVar = z.strictObject({
  kind: doc(z.literal('choice'), 'One of the listed values.'),
  choices: doc(z.array(z.union([z.string(), z.number()])).min(1), 'Values to pick from.', [
    ['deploy', 'webops'],
  ]),
});

const userVar = z.strictObject({
  kind: doc(z.literal('user'), 'A user name.'),
  choices: doc(
    z.array(z.string()).min(1).optional(),
    'User names to pick from; a built-in list by default.',
  ),
});

const intVar = z.strictObject({
  kind: doc(z.literal('int'), 'An integer in a range.'),
  min: doc(z.number().int(), 'Lowest value.'),
  max: doc(z.number().int(), 'Highest value.'),
});

export const varSchema = doc(
  z.discriminatedUnion('kind', [ipv4Var, portVar, choiceVar, userVar, intVar]),
  'A per-trainee value drawn from the seed.',
  [
    { kind: 'ipv4', range: 'documentation' },
    { kind: 'port', choices: [4444, 9001] },
  ],
);

export const varsSchema = doc(
  z.record(z.string().regex(VAR_NAME, 'a var name is lower case letters, digits and _'), varSchema),
  'Per-trainee variables by name, used as ${name} in strings.',
);

export type VarDoc = z.output<typeof varSchema>;
