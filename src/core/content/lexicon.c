/* Unsaid - lexicon.c */
#include "lexicon.h"

#include "registry_yaml.h"

#include <stdlib.h>
#include <string.h>

static const char *const cue_keys[] = {"channel", "targets", "attack", "release",
                                       "caption", "describe", "means", "text", "sound", "chat", NULL};
static const char *const text_styles[TEXT_STYLE_COUNT + 1] = {"plain", "quiet", "flat", "tremble", "loud", NULL};
static const char *const cue_required[] = {"channel", NULL};
static const char *const chat_effects[CHAT_EFFECT_COUNT + 1] = {"", "words", "typing", "silence", NULL};

/* A text cue acts on a chat, not on the body: `chat:` says how, and it
 * moves no pose parameter. Every other cue needs targets and no `chat:`. */
static void load_chat(YDoc *y, yaml_node_t *n, CueDef *out)
{
    yaml_node_t *v = ymap_get(y, n, "chat");
    if (out->channel != CH_TEXT) {
        if (v)
            yerr(y, v, "'chat:' is only for cues of the text channel (this one is on the %s channel)",
                 channel_name(out->channel));
        else if (!ymap_get(y, n, "targets"))
            yerr(y, n, "missing required key 'targets'");
        return;
    }
    out->chat = CHAT_WORDS;
    if (ymap_get(y, n, "targets"))
        yerr(y, ymap_get(y, n, "targets"), "a text cue moves no part of the body: leave out 'targets' and say "
             "with 'chat:' what it does to the chat (words, typing or silence)");
    const char *s;
    if (v && (s = yscalar(y, v, "chat"))) {
        int k = names_find(chat_effects + 1, CHAT_EFFECT_COUNT - 1, s);
        if (k < 0)
            yerr(y, v, "chat must be words, typing or silence, found '%s'", s);
        else
            out->chat = (ChatEffect)(k + 1);
    }
}

static void load_cue(Lexicon *lex, YDoc *y, const char *name, yaml_node_t *n, CueDef *out)
{
    out->name = arena_strdup(&lex->arena, name);
    out->attack = 0.3f;
    out->release = 0.4f;
    if (!yis_map(y, n, "a cue"))
        return;
    ymap_check_keys(y, n, cue_keys);
    ymap_require(y, n, cue_required);
    yaml_node_t *v;
    if ((v = ymap_get(y, n, "channel"))) {
        const char *s = yscalar(y, v, "channel");
        int c = s ? channel_find(s) : -1;
        if (s && c < 0) {
            const char *sug = names_closest(s, channel_names());
            yerr(y, v, "unknown channel '%s'%s%s%s", s, sug ? " (did you mean '" : "",
                 sug ? sug : "", sug ? "'?)" : "");
        }
        out->channel = c < 0 ? CH_FACE : (Channel)c;
    }
    load_chat(y, n, out);
    if (out->channel != CH_TEXT && (v = ymap_get(y, n, "targets")) && yis_map(y, v, "targets")) {
        int nt = ymap_len(v);
        for (int i = 0; i < nt; i++) {
            yaml_node_t *k = ymap_key_at(y, v, i), *val = ymap_value_at(y, v, i);
            const char *pname = yscalar(y, k, "a pose parameter");
            if (!pname)
                continue;
            int p = pose_param_find(pname);
            if (p < 0) {
                yerr(y, k, "unknown pose parameter '%s'", pname);
                continue;
            }
            double val_d;
            if (!ynumber(y, val, pname, -1.0, 1.0, &val_d))
                continue;
            if (out->ntargets == CUE_MAX_TARGETS) {
                yerr(y, k, "a cue can move at most %d parameters", CUE_MAX_TARGETS);
                break;
            }
            out->targets[out->ntargets++] = (CueTarget){(PoseParam)p, (float)val_d};
        }
    }
    double d;
    if ((v = ymap_get(y, n, "attack")) && ynumber(y, v, "attack", 0.0, 10.0, &d))
        out->attack = (float)d;
    if ((v = ymap_get(y, n, "release")) && ynumber(y, v, "release", 0.0, 10.0, &d))
        out->release = (float)d;
    if ((v = ymap_get(y, n, "caption")))
        out->caption = arena_strdup(&lex->arena, yscalar(y, v, "caption"));
    const char *ts;
    if ((v = ymap_get(y, n, "text")) && (ts = yscalar(y, v, "text"))) {
        int k = -1;
        for (int i = 0; i < TEXT_STYLE_COUNT; i++)
            if (strcmp(text_styles[i], ts) == 0)
                k = i;
        if (k < 0)
            yerr(y, v, "text must be plain, quiet, flat, tremble or loud, found '%s'", ts);
        else
            out->text = (TextStyle)k;
    }
    if ((v = ymap_get(y, n, "describe")))
        out->describe = arena_strdup(&lex->arena, yscalar(y, v, "describe"));
    if ((v = ymap_get(y, n, "means")))
        out->means = arena_strdup(&lex->arena, yscalar(y, v, "means"));
    const char *snd;
    if ((v = ymap_get(y, n, "sound")) && (snd = yscalar(y, v, "sound"))) {
        if (!yid_valid(snd, 1, 64)) {
            yerr(y, v, "sound '%s' may use only a-z, 0-9, _ and - (1 to 64 of them) and no .ogg or "
                 ".wav: it names a file in the pack's sounds/ folder", snd);
        } else {
            out->sound = arena_strdup(&lex->arena, snd);
            out->sound_line = (int)v->start_mark.line + 1;
            out->sound_col = (int)v->start_mark.column + 1;
            if (!out->caption) /* a player who cannot hear it must still be able to notice it */
                ywarn(y, v, "a cue with a sound needs a caption too (like caption: \"[sighs]\"), "
                      "so players without sound can notice it");
        }
    }
}

void lexicon_init(Lexicon *lex)
{
    memset(lex, 0, sizeof *lex);
    registry_init(&lex->reg, "cue", NULL); /* a cue's words live in the lexicon's arena */
}

bool lexicon_add(Lexicon *lex, const PackScope *scope, const char *file, const char *buf, size_t len,
                 DiagList *diags)
{
    int errors_before = diags->errors;
    YDoc y;
    if (!ydoc_load(&y, file, buf, len, diags))
        return false;
    const char *pack_copy = arena_strdup(&lex->arena, scope && scope->pack_id ? scope->pack_id : "");
    yaml_node_t *root = ydoc_root(&y);
    static const char *const top_keys[] = {"cues", NULL};
    if (yis_map(&y, root, "the lexicon")) {
        ymap_check_keys(&y, root, top_keys);
        yaml_node_t *cues = ymap_get(&y, root, "cues");
        if (!cues)
            yerr(&y, root, "missing required key 'cues'");
        else if (yis_map(&y, cues, "cues")) {
            int n = ymap_len(cues);
            for (int i = 0; i < n; i++) {
                yaml_node_t *k = ymap_key_at(&y, cues, i);
                const char *name = yscalar(&y, k, "a cue name");
                if (!name)
                    continue;
                CueDef *def = calloc(1, sizeof *def);
                if (!def) {
                    yerr(&y, k, "out of memory");
                    break;
                }
                load_cue(lex, &y, name, ymap_value_at(&y, cues, i), def);
                def->pack = pack_copy;
                if (!registry_put_node(&lex->reg, &y, k, scope, name, def))
                    free(def);
            }
        }
    }
    ydoc_free(&y);
    return diags->errors == errors_before;
}

bool lexicon_load(Lexicon *lex, const char *file, const char *buf, size_t len, DiagList *diags)
{
    lexicon_init(lex);
    return lexicon_add(lex, NULL, file, buf, len, diags);
}

void lexicon_free(Lexicon *lex)
{
    registry_free(&lex->reg);
    arena_free(&lex->arena);
    memset(lex, 0, sizeof *lex);
}

const CueDef *lexicon_find(const Lexicon *lex, const char *name)
{
    return registry_item(&lex->reg, name);
}
