/* Unsaid - check.h: the smallest useful test harness.
 * CHECK records a failure and carries on, so one run shows every problem;
 * check_done() turns the count into the exit status ctest reads. */
#ifndef UNSAID_CHECK_H
#define UNSAID_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_failures;

#define CHECK(cond)                                                                      \
    do {                                                                                 \
        if (!(cond)) {                                                                   \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);     \
            check_failures++;                                                            \
        }                                                                                \
    } while (0)

#define CHECK_INT(a, b)                                                                  \
    do {                                                                                 \
        long long check_a_ = (long long)(a), check_b_ = (long long)(b);                  \
        if (check_a_ != check_b_) {                                                      \
            fprintf(stderr, "%s:%d: %s is %lld, expected %lld\n", __FILE__, __LINE__, #a, \
                    check_a_, check_b_);                                                 \
            check_failures++;                                                            \
        }                                                                                \
    } while (0)

#define CHECK_STR(a, b)                                                                  \
    do {                                                                                 \
        const char *check_a_ = (a), *check_b_ = (b);                                     \
        if (!check_a_ || !check_b_ || strcmp(check_a_, check_b_) != 0) {                \
            fprintf(stderr, "%s:%d: %s is \"%s\", expected \"%s\"\n", __FILE__, __LINE__, \
                    #a, check_a_ ? check_a_ : "(null)", check_b_ ? check_b_ : "(null)"); \
            check_failures++;                                                            \
        }                                                                                \
    } while (0)

static inline int check_done(const char *name)
{
    if (check_failures)
        fprintf(stderr, "%s: %d check(s) failed\n", name, check_failures);
    else
        printf("%s: all checks passed\n", name);
    return check_failures ? 1 : 0;
}

#endif
