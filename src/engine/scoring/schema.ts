/**
 * The `questions:` block of a scenario: what the trainee is asked, how the
 * answer is found in the world, and how it is graded. One zod schema is the
 * source of truth for validation and for the published JSON Schema, so it
 * stays JSON-native (no transforms) and every field carries a description.
 */
import { z } from 'zod';
import { FACT_NAMES } from './facts';
import { STATE_CHECK_NAMES } from './state';

const id = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,63}$/)
  .meta({
    description: 'Question id: lower case letters, digits, - and _.',
    examples: ['attacker_ip'],
  });

const entityId = z.string().min(1).max(64).meta({
  description: 'The id of a scenario entity (a timeline entry) the fact is about.',
  examples: ['revshell'],
});

const varRef = z.strictObject({
  var: z.string().min(1).max(64).meta({
    description: 'A per-trainee value drawn from the seed, by its name in `vars`.',
    examples: ['c2_ip'],
  }),
});

const param = z.union([z.string().max(256), z.number(), varRef]).meta({
  description: 'A literal value or `{ var: name }`.',
  examples: [{ var: 'c2_ip' }, 4444],
});

const factRef = z.strictObject({
  fact: z.enum(FACT_NAMES).meta({
    description: 'What to read from the world (see the fact table in the reference).',
    examples: ['remote_address'],
  }),
  of: entityId.optional(),
  address: param.optional().meta({
    description: 'The address a fact is about (for pids_with_sockets_to).',
    examples: [{ var: 'c2_ip' }],
  }),
  port: param.optional().meta({
    description: 'The port a fact is about (for listening_pid).',
    examples: [31337],
  }),
});

const literal = z.union([z.string().max(1024), z.number()]);

const valueRef = z.strictObject({
  value: z.union([literal, z.array(literal).max(64)]).meta({
    description: 'A literal answer, only where no fact of the world fits.',
    examples: ['no', ['login', 'revshell']],
  }),
});

/** Where an answer comes from: a fact of the world, a seeded var, a literal. */
export const answerRefSchema = z.union([factRef, varRef, valueRef]).meta({
  description: 'The expected answer: `{ fact, of }`, `{ var }` or `{ value }`.',
  examples: [{ fact: 'remote_address', of: 'revshell' }],
});

const hint = z.strictObject({
  text: z.string().min(1).max(2000).meta({
    description: 'The hint shown when the trainee asks for it.',
    examples: ['Which sockets does ss -tnp show as ESTAB?'],
  }),
  cost: z.number().int().min(0).max(1000).meta({
    description: 'Points taken from this question if the hint is used.',
    examples: [2],
  }),
});

const looksLike = z.strictObject({
  looks_like: z
    .enum(['ip', 'endpoint', 'port', 'pid', 'process', 'duration', 'number'])
    .meta({
      description: 'Matches any answer that reads as this kind of value.',
      examples: ['port'],
    }),
});

const patternMatcher = z.strictObject({
  pattern: z.string().min(1).max(256).meta({
    description: 'A regular expression the answer matches (case-insensitive).',
    examples: ['^ssh'],
  }),
});

const feedback = z.strictObject({
  when: z.union([factRef, varRef, valueRef, looksLike, patternMatcher]).meta({
    description: 'A likely wrong answer: a fact, var or value it equals, or a shape.',
    examples: [{ fact: 'remote_port', of: 'attacker_login' }],
  }),
  text: z.string().min(1).max(2000).meta({
    description: 'What to tell the trainee who gives that answer.',
    examples: ['That is the port of the SSH client; the question asks for its address.'],
  }),
});

const explanation = z.strictObject({
  command: z.string().min(1).max(500).optional().meta({
    description: 'The command that would have shown the answer (the fact\'s own by default).',
    examples: ['ss -tnp'],
  }),
  why: z.string().min(1).max(4000).meta({
    description: 'Why the answer matters, shown after the question is closed.',
    examples: ['An interactive shell with its stdin on a TCP socket is a reverse shell.'],
  }),
});

export const TACTICS = [
  'reconnaissance', 'resource-development', 'initial-access', 'execution',
  'persistence', 'privilege-escalation', 'defense-evasion', 'credential-access',
  'discovery', 'lateral-movement', 'collection', 'command-and-control',
  'exfiltration', 'impact', 'triage', 'response',
] as const;

const common = {
  id,
  prompt: z.string().min(1).max(2000).meta({
    description: 'The question as the trainee reads it (plain text).',
    examples: ['From which address did the attacker log in?'],
  }),
  points: z.number().int().min(0).max(1000).default(10).meta({
    description: 'Points for a right answer (10 by default).',
    examples: [10],
  }),
  hints: z.array(hint).max(10).default([]).meta({
    description: 'Hints in the order they are offered, each with its cost.',
    examples: [[{ text: 'Look at who is logged in.', cost: 2 }]],
  }),
  attempts: z.number().int().min(1).max(100).default(3).meta({
    description: 'How many graded tries the trainee has (3 by default).',
    examples: [3],
  }),
  explanation: explanation.optional().meta({
    description: 'Shown after the question closes: the command and why it matters.',
    examples: [{ command: 'who', why: 'The login source is the first pivot.' }],
  }),
  attack: z
    .array(z.string().regex(/^T\d{4}(\.\d{3})?$/))
    .max(10)
    .default([])
    .meta({ description: 'MITRE ATT&CK technique ids.', examples: [['T1059.004']] }),
  tactic: z.enum(TACTICS).default('triage').meta({
    description: 'ATT&CK tactic the report groups the question under.',
    examples: ['command-and-control'],
  }),
  feedback: z.array(feedback).max(20).default([]).meta({
    description: 'Targeted feedback for likely wrong answers, first match wins.',
    examples: [[{ when: { looks_like: 'port' }, text: 'An address, not a port.' }]],
  }),
};

const tolerance = z.number().min(0).max(1e12).optional().meta({
  description: 'Accepted distance from the expected value (seconds for durations).',
  examples: [5],
});

const option = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/).meta({
    description: 'Option id, what the answer names.',
    examples: ['yes'],
  }),
  text: z.string().min(1).max(500).meta({
    description: 'The option as the trainee reads it.',
    examples: ['Yes'],
  }),
});

const options = z.array(option).min(2).max(20).meta({
  description: 'The options offered.',
  examples: [[{ id: 'yes', text: 'Yes' }, { id: 'no', text: 'No' }]],
});

const kindOf = <K extends string>(kind: K, description: string) =>
  z.literal(kind).meta({ description, examples: [kind] });

const simple = <K extends string>(kind: K, description: string) =>
  z.strictObject({ ...common, kind: kindOf(kind, description), answer: answerRefSchema });

const stateCheck = z.strictObject({
  check: z.enum(STATE_CHECK_NAMES).meta({
    description: 'The condition the world must meet when the trainee submits.',
    examples: ['no_connection_to'],
  }),
  of: entityId.optional(),
  address: param.optional().meta({
    description: 'The address the check is about.',
    examples: [{ var: 'c2_ip' }],
  }),
  port: param.optional().meta({ description: 'The port the check is about.', examples: [31337] }),
});

export const questionSchema = z.discriminatedUnion('kind', [
  simple('ip', 'An IPv4 or IPv6 address, in any spelling.'),
  simple('endpoint', 'An address and a port.'),
  simple('port', 'A TCP or UDP port number.'),
  simple('pid', 'A process id.'),
  simple('process', 'A process name or its path.'),
  z.strictObject({
    ...common,
    kind: kindOf('duration', 'A duration or interval, within a tolerance.'),
    answer: answerRefSchema,
    tolerance,
  }),
  z.strictObject({
    ...common,
    kind: kindOf('number', 'A number, within a tolerance.'),
    answer: answerRefSchema,
    tolerance,
  }),
  z.strictObject({ ...common, kind: kindOf('choice', 'One of the options.'), options, answer: valueRef }),
  z.strictObject({ ...common, kind: kindOf('choices', 'All the right options.'), options, answer: valueRef }),
  z.strictObject({
    ...common,
    kind: kindOf('set', 'Every member of a set, in any order.'),
    answer: answerRefSchema,
    element: z.enum(['ip', 'endpoint', 'port', 'pid', 'process']).optional().meta({
      description: 'What the members are (taken from the fact when omitted).',
      examples: ['pid'],
    }),
  }),
  z.strictObject({
    ...common,
    kind: kindOf('order', 'The items in the order they happened.'),
    options,
    answer: z.union([factRef, valueRef]),
  }),
  z.strictObject({
    ...common,
    kind: kindOf('text', 'Free text matched by a pattern, or equal to a fact.'),
    answer: z.union([patternMatcher, factRef, varRef, valueRef]),
  }),
  z.strictObject({
    ...common,
    kind: kindOf('state', 'A check of the world after the trainee has acted.'),
    answer: stateCheck,
  }),
]);

export type Question = z.output<typeof questionSchema>;
export type QuestionInput = z.input<typeof questionSchema>;
export type QuestionKind = Question['kind'];
export type AnswerRef = z.output<typeof answerRefSchema>;
export type FactRef = z.output<typeof factRef>;
export type Param = z.output<typeof param>;
export type PatternMatcher = z.output<typeof patternMatcher>;
export type ValueRef = z.output<typeof valueRef>;
export type StateCheck = z.output<typeof stateCheck>;
export type FeedbackMatcher = z.output<typeof feedback>['when'];
export type Tactic = (typeof TACTICS)[number];
