/* Diagnostics: the error and warning counts decide whether a file loads, so
 * they must hold every problem reported, even one whose message could not
 * be stored. diag.c is compiled into this test with realloc redirected, so
 * the test can make the message storage run out of memory on demand.
 *
 * usage: test_diag */
#include "check.h"

#include <stdbool.h>
#include <stdlib.h>

static bool alloc_fails;

static void *test_realloc(void *p, size_t size)
{
    return alloc_fails ? NULL : realloc(p, size);
}

#define realloc test_realloc
#include "diag.c"
#undef realloc

/* No memory for the very first message: nothing is stored, all is counted. */
static void test_no_memory_at_all(void)
{
    DiagList d = {0};
    alloc_fails = true;
    diag_add(&d, DIAG_ERROR, "scene.yaml", 3, 5, "unknown cue '%s'", "wring_handz");
    diag_add(&d, DIAG_WARNING, "scene.yaml", 4, 1, "unused key");
    alloc_fails = false;
    CHECK_INT(d.count, 0);
    CHECK_INT(d.errors, 1);
    CHECK_INT(d.warnings, 1);
    diag_free(&d);
}

/* Memory runs out once the list is full: the first messages stay, the
 * counts go on. */
static void test_no_memory_to_grow(void)
{
    DiagList d = {0};
    diag_add(&d, DIAG_WARNING, "a.yaml", 1, 1, "first");
    int cap = d.cap;
    CHECK(cap > 1);
    for (int i = 1; i < cap; i++)
        diag_add(&d, DIAG_WARNING, "a.yaml", i + 1, 1, "more");
    alloc_fails = true;
    diag_add(&d, DIAG_ERROR, "a.yaml", 99, 2, "the one that matters");
    diag_add(&d, DIAG_WARNING, "a.yaml", 100, 2, "one more");
    alloc_fails = false;
    CHECK_INT(d.count, cap);
    CHECK_INT(d.errors, 1);
    CHECK_INT(d.warnings, cap + 1);
    CHECK_STR(d.items[0].msg, "first");
    /* Memory back: messages are stored again, and counted once. */
    diag_add(&d, DIAG_ERROR, "a.yaml", 101, 1, "stored");
    CHECK_INT(d.count, cap + 1);
    CHECK_INT(d.errors, 2);
    CHECK_STR(d.items[cap].msg, "stored");
    diag_free(&d);
}

/* Going back to a mark keeps the counts of problems whose messages were
 * dropped before it (a pack's manifest errors, when its content is read
 * again), and forgets only what came after. */
static void test_rollback_keeps_dropped_counts(void)
{
    DiagList d = {0};
    alloc_fails = true;
    diag_add(&d, DIAG_ERROR, "pack.yaml", 1, 1, "missing required key 'id'");
    alloc_fails = false;
    diag_add(&d, DIAG_WARNING, "pack.yaml", 2, 1, "a warning");
    DiagMark m = diag_mark(&d);
    diag_add(&d, DIAG_ERROR, "scene.yaml", 3, 5, "unknown cue");
    diag_add(&d, DIAG_WARNING, "scene.yaml", 4, 1, "unused key");
    diag_rollback(&d, m);
    CHECK_INT(d.count, 1);
    CHECK_INT(d.errors, 1);
    CHECK_INT(d.warnings, 1);
    diag_free(&d);
}

int main(void)
{
    test_no_memory_at_all();
    test_no_memory_to_grow();
    test_rollback_keeps_dropped_counts();
    return check_done("test_diag");
}
