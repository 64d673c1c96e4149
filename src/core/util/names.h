/* Unsaid - names.h: an enum's values and their names, both ways.
 *
 * Each enum that files name (channels, regions, answer kinds, actions,
 * pose parameters, looks) keeps one table of `count` names, value i at
 * names[i], and answers through these two, so every table behaves alike:
 * a value out of range has a name that says so, and a name not found is
 * -1. And the name a mistyped word was probably meant to be. Pure. */
#ifndef UNSAID_NAMES_H
#define UNSAID_NAMES_H

/* names[value], or `none` when value is outside 0..count-1. */
const char *names_of(const char *const *names, int count, int value, const char *none);
/* The value whose name is `name`, or -1 (also for NULL). */
int names_find(const char *const *names, int count, const char *name);

/* The candidate closest to word, within two letters added, dropped or
 * changed (a "did you mean"), or NULL. candidates ends with NULL. */
const char *names_closest(const char *word, const char *const *candidates);

#endif
