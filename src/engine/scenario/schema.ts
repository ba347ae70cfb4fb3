/**
 * The root of the scenario format, version 1 (`format: outbound/v1`).
 *
 * A scenario describes one host at the moment an alert fired: its static
 * configuration (`host`), the low-level facts an author writes by hand
 * (`processes`, `sockets`, `logins`, `logs`), the trainee's own session, the
 * attacker's `timeline` of behaviours, and the `questions`. Keys are
 * snake_case; objects are strict so that a typo is an error. Every field
 * carries a description, from which the JSON Schema and the docs are made.
 */
import { z } from 'zod';
import { questionSchema } from '../scoring/schema';
import { doc, durationSchema, ISO_PATTERN, RELATIVE_PATTERN } from './schema-common';
import { hostSchema } from './schema-host';
import {
  loginSchema,
  logSchema,
  processSchema,
  socketSchema,
  traineeSchema,
  unixSocketSchema,
} from './schema-process';
import { timelineEntrySchema } from './schema-timeline';
import { varsSchema } from './schema-vars';

export const FORMAT = 'outbound/v1';

const clockSchema = z.strictObject({
  now: doc(
    z
      .string()
      .regex(ISO_PATTERN, 'now is an ISO 8601 date-time with a zone, like 2026-12-04T13:28:56Z'),
    "The moment the alert fired: where the trainee's clock starts.",
    ['2026-12-04T13:28:56Z'],
  ),
  boot: doc(
    z
      .string()
      .regex(
        new RegExp(`${ISO_PATTERN.source}|${RELATIVE_PATTERN.source}`),
        'boot is -DURATION or a date-time',
      )
      .default('-3d'),
    'When the host booted: a duration before now or an absolute time.',
    ['-17m', '-12d', '2026-12-04T13:11:40Z'],
  ),
  history: doc(durationSchema.default('24h'), 'How far back the logs reach before now.', [
    '24h',
    '2h',
  ]),
});

export const scenarioSchema = z.strictObject({
  format: doc(z.literal(FORMAT), 'The format version; always outbound/v1.'),
  id: doc(
    z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a scenario id is lower case, digits and -'),
    "The scenario's id (its file name without .yaml).",
    ['ssh-reverse-shell-beacon-exfil'],
  ),
  title: doc(z.string().min(1).max(120), 'Title shown in the catalog.'),
  summary: doc(z.string().min(1), 'One or two sentences for the catalog.'),
  difficulty: doc(z.enum(['beginner', 'intermediate', 'advanced']), 'Difficulty.'),
  estimated_minutes: doc(z.number().int().min(1).max(600), 'Expected time to finish.', [30]),
  attack: doc(
    z
      .array(z.string().regex(/^T\d{4}(\.\d{3})?$/, 'a MITRE ATT&CK technique id, like T1059.004'))
      .default([]),
    'MITRE ATT&CK techniques the scenario exercises.',
    [['T1059.004', 'T1071.001', 'T1048']],
  ),
  passing_score: doc(z.number().min(0).max(100).default(70), 'Score in percent needed to pass.'),
  briefing: doc(z.string().min(1), 'Plain text: the alert that opened the case and what is known.'),
  seed: doc(
    z.number().int().min(0).max(0xffffffff).default(1),
    'Default seed (each trainee gets their own).',
  ),
  vars: doc(varsSchema.default({}), 'Per-trainee variables drawn from the seed.'),
  clock: doc(clockSchema, 'The scenario clock: now, when the host booted, how much history.'),
  host: doc(hostSchema, 'The host: identity, accounts, network, firewall, files, services.'),
  trainee: doc(traineeSchema.prefault({}), "The trainee's own SSH session on the host."),
  processes: doc(z.array(processSchema).default([]), 'Low level: processes, with explicit fds.'),
  sockets: doc(z.array(socketSchema).default([]), "Low level: sockets, held by processes' fds."),
  unix_sockets: doc(
    z.array(unixSocketSchema).default([]),
    'Low level: UNIX domain sockets (ss -x), held by fds.',
  ),
  logins: doc(z.array(loginSchema).default([]), 'Low level: utmp/wtmp records (who, w, last).'),
  logs: doc(z.array(logSchema).default([]), 'Low level: extra log lines.'),
  timeline: doc(z.array(timelineEntrySchema).default([]), 'What the attacker did and keeps doing.'),
  questions: doc(z.array(questionSchema).default([]), "The analyst's questions and their answers."),
});

/** A scenario after zod parsing (defaults applied). */
export type ScenarioDoc = z.output<typeof scenarioSchema>;
/** A scenario as written (before defaults). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
