/** The longest answer graded, in UTF-8 bytes; its own module so the lab can read it without the grader. */
export const MAX_ANSWER_BYTES = 1024;
