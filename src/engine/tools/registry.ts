/**
 * Every simulated program the shell knows, by module. A name that is neither
 * here nor among the shell utilities gets bash's `command not found`.
 */
import type { Tool } from './types';

export const tools: readonly Tool[] = [];
