/* Unsaid - packs.c: mount and load the level packs, report their problems. */
#include "packs.h"

#include "vfs.h"

#include <SDL2/SDL.h>
#include <stdio.h>

void packs_report(const DiagList *diags, bool windowed, const char *what)
{
    for (int i = 0; i < diags->count; i++) {
        char line[700], source[800];
        diag_format(&diags->items[i], line, sizeof line);
        diag_format_source(&diags->items[i], source, sizeof source);
        fprintf(stderr, "%s\n%s", line, source);
    }
    if (windowed && diags->errors > 0) {
        char msg[2048];
        int n = snprintf(msg, sizeof msg, "%s has problems:\n\n", what);
        diag_format_all(diags, msg + n, sizeof msg - (size_t)n);
        SDL_ShowSimpleMessageBox(SDL_MESSAGEBOX_ERROR, "Unsaid", msg, NULL);
    }
}

bool packs_load(Library *lib, bool windowed, bool quiet_user_packs)
{
    PackSource sources[VFS_MAX_SOURCES];
    int n = vfs_mount_packs(true, NULL, 0, sources, VFS_MAX_SOURCES);
    PackIO io = vfs_pack_io();
    bool ok = library_load(lib, sources, n, &io, UNSAID_VERSION);
    for (int k = 0; k < lib->npacks; k++) {
        const PackInfo *p = &lib->packs[k];
        if (quiet_user_packs && !p->is_base)
            continue;
        if (p->is_base && !ok)
            packs_report(&p->diags, windowed, "The game's own data");
        else if (p->diags.count)
            packs_report(&p->diags, false, p->name);
    }
    return ok;
}

void packs_problems(const Library *lib, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int k = 0; k < lib->npacks && used + 1 < size; k++) {
        const PackInfo *p = &lib->packs[k];
        for (int i = 0; i < p->diags.count && used + 1 < size; i++) {
            char line[800];
            diag_format(&p->diags.items[i], line, sizeof line);
            int n = snprintf(buf + used, size - used, "%s\n", line);
            if (n < 0)
                break;
            used += (size_t)n < size - used ? (size_t)n : size - used - 1;
        }
    }
}
