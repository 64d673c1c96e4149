/* A gamepad drives the game, without a gamepad: SDL's virtual joystick
 * stands in for one, recognised as a game controller. The test presses its
 * buttons and pushes its stick, and checks what platform_poll makes of
 * them: the device is opened when it is plugged in, each button gives
 * exactly its action, the left stick gives one press per push, and a pad
 * unplugged with the stick held works again when plugged back in. Then the
 * same inputs step a Game from the title into Settings and back.
 *
 * The test drives whatever the controller's mapping binds each button and
 * axis to (a joystick button, hat or axis), so it does not depend on how
 * SDL lays out a virtual controller.
 *
 * usage: test_gamepad */
#include "check.h"
#include "game.h"
#include "platform.h"
#include "sdl_events.h"

#include <stdio.h>
#include <string.h>

static Platform plat;
static int failures_before;

/* The virtual pad: its device index, instance id and handles. The game
 * owns the controller (platform_poll opens it); the test only drives the
 * joystick underneath. */
static int pad_index = -1;
static SDL_JoystickID pad_id = -1;
static SDL_GameController *pad_gc;
static SDL_Joystick *pad;

/* One frame of the game's loop: drain SDL's events into a fresh TickInput. */
static TickInput poll_input(void)
{
    TickInput in;
    memset(&in, 0, sizeof in);
    platform_poll(&plat, NULL, &in);
    CHECK(!in.has_mouse && !in.click);
    return in;
}

/* Poll, and expect exactly `want` (0 for no action). */
static void expect_poll(uint32_t want, const char *what)
{
    uint32_t got = poll_input().pressed;
    if (got != want) {
        char a[256], b[256];
        fprintf(stderr, "test_gamepad: %s gave %s, expected %s\n", what, sdl_events_action_names(got, a, sizeof a),
                sdl_events_action_names(want, b, sizeof b));
        check_failures++;
    }
}

/* Plug in a virtual game controller with every standard button and axis. */
static void plug(void)
{
    SDL_VirtualJoystickDesc desc;
    SDL_zero(desc);
    desc.version = SDL_VIRTUAL_JOYSTICK_DESC_VERSION;
    desc.type = SDL_JOYSTICK_TYPE_GAMECONTROLLER;
    desc.naxes = SDL_CONTROLLER_AXIS_MAX;
    desc.nbuttons = SDL_CONTROLLER_BUTTON_MAX;
    desc.name = "Unsaid test pad";
    pad_index = SDL_JoystickAttachVirtualEx(&desc);
    if (pad_index < 0) {
        fprintf(stderr, "test_gamepad: cannot attach a virtual joystick: %s\n", SDL_GetError());
        check_failures++;
        return;
    }
    pad_id = SDL_JoystickGetDeviceInstanceID(pad_index);
    CHECK(SDL_IsGameController(pad_index));
    CHECK(SDL_GameControllerFromInstanceID(pad_id) == NULL); /* nobody opened it yet */
    /* The game opens it when it sees it added; nothing is pressed by that. */
    expect_poll(0, "plugging the pad in");
    pad_gc = SDL_GameControllerFromInstanceID(pad_id);
    pad = SDL_JoystickFromInstanceID(pad_id);
    if (!pad_gc || !pad) {
        fprintf(stderr, "test_gamepad: platform_poll did not open the controller that was plugged in\n");
        check_failures++;
    }
}

static void unplug(void)
{
    for (int i = 0; i < SDL_NumJoysticks(); i++)
        if (SDL_JoystickGetDeviceInstanceID(i) == pad_id)
            CHECK(SDL_JoystickDetachVirtual(i) == 0);
    expect_poll(0, "unplugging the pad");
    /* The game lets go of it: a pad plugged in and out all evening does
     * not pile up open controllers. */
    CHECK(SDL_GameControllerFromInstanceID(pad_id) == NULL);
    pad = NULL;
    pad_gc = NULL;
}

static void set_button(SDL_GameControllerButton b, bool down)
{
    SDL_GameControllerButtonBind bind = SDL_GameControllerGetBindForButton(pad_gc, b);
    switch (bind.bindType) {
    case SDL_CONTROLLER_BINDTYPE_BUTTON:
        CHECK(SDL_JoystickSetVirtualButton(pad, bind.value.button, down ? SDL_PRESSED : SDL_RELEASED) == 0);
        break;
    case SDL_CONTROLLER_BINDTYPE_HAT:
        CHECK(SDL_JoystickSetVirtualHat(pad, bind.value.hat.hat,
                                        (Uint8)(down ? bind.value.hat.hat_mask : SDL_HAT_CENTERED)) == 0);
        break;
    default:
        fprintf(stderr, "test_gamepad: button %s is bound to neither a button nor a hat\n",
                SDL_GameControllerGetStringForButton(b));
        check_failures++;
        break;
    }
}

static void set_axis(SDL_GameControllerAxis a, Sint16 value)
{
    SDL_GameControllerButtonBind bind = SDL_GameControllerGetBindForAxis(pad_gc, a);
    if (bind.bindType != SDL_CONTROLLER_BINDTYPE_AXIS) {
        fprintf(stderr, "test_gamepad: axis %s is not bound to an axis\n", SDL_GameControllerGetStringForAxis(a));
        check_failures++;
        return;
    }
    CHECK(SDL_JoystickSetVirtualAxis(pad, bind.value.axis, value) == 0);
}

/* ---- 1. buttons ------------------------------------------------------------------ */

#define NONE 0u
#define ACT(a) (1u << (a))

static void test_buttons(void)
{
    static const struct {
        SDL_GameControllerButton button;
        uint32_t action;
    } map[] = {
        {SDL_CONTROLLER_BUTTON_DPAD_UP, ACT(ACT_UP)},
        {SDL_CONTROLLER_BUTTON_DPAD_DOWN, ACT(ACT_DOWN)},
        {SDL_CONTROLLER_BUTTON_DPAD_LEFT, ACT(ACT_LEFT)},
        {SDL_CONTROLLER_BUTTON_DPAD_RIGHT, ACT(ACT_RIGHT)},
        {SDL_CONTROLLER_BUTTON_A, ACT(ACT_CONFIRM)},
        {SDL_CONTROLLER_BUTTON_X, ACT(ACT_CONFIRM)},
        {SDL_CONTROLLER_BUTTON_B, ACT(ACT_BACK)},
        {SDL_CONTROLLER_BUTTON_BACK, ACT(ACT_BACK)},
        {SDL_CONTROLLER_BUTTON_START, ACT(ACT_PAUSE)},
        {SDL_CONTROLLER_BUTTON_Y, ACT(ACT_HINT)},
        /* Buttons the game leaves alone. */
        {SDL_CONTROLLER_BUTTON_LEFTSHOULDER, NONE},
        {SDL_CONTROLLER_BUTTON_RIGHTSHOULDER, NONE},
        {SDL_CONTROLLER_BUTTON_LEFTSTICK, NONE},
        {SDL_CONTROLLER_BUTTON_RIGHTSTICK, NONE},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
        char what[128];
        const char *name = SDL_GameControllerGetStringForButton(map[i].button);
        set_button(map[i].button, true);
        snprintf(what, sizeof what, "pressing %s", name);
        expect_poll(map[i].action, what);
        expect_poll(NONE, "holding it"); /* no repeats */
        set_button(map[i].button, false);
        snprintf(what, sizeof what, "releasing %s", name);
        expect_poll(NONE, what);
    }
}

/* ---- 2. the left stick ------------------------------------------------------------- */

static void test_stick(void)
{
    const Sint16 full = SDL_JOYSTICK_AXIS_MAX, neg = SDL_JOYSTICK_AXIS_MIN;
    static const struct {
        SDL_GameControllerAxis axis;
        uint32_t minus, plus;
    } axes[] = {
        {SDL_CONTROLLER_AXIS_LEFTX, ACT(ACT_LEFT), ACT(ACT_RIGHT)},
        {SDL_CONTROLLER_AXIS_LEFTY, ACT(ACT_UP), ACT(ACT_DOWN)}, /* SDL's y grows downwards */
    };
    for (size_t i = 0; i < sizeof axes / sizeof axes[0]; i++) {
        SDL_GameControllerAxis a = axes[i].axis;
        for (int sign = 1; sign >= -1; sign -= 2) {
            uint32_t want = sign > 0 ? axes[i].plus : axes[i].minus;
            Sint16 end = sign > 0 ? full : neg;
            set_axis(a, (Sint16)(sign * 10000)); /* a nudge, under half-way */
            expect_poll(NONE, "nudging the left stick");
            set_axis(a, end);
            expect_poll(want, "pushing the left stick all the way");
            expect_poll(NONE, "holding the left stick");
            /* A thumb on a held stick wanders, and may ease off a little. */
            set_axis(a, (Sint16)(sign * 24000));
            expect_poll(NONE, "holding the left stick a little less");
            set_axis(a, (Sint16)(sign * 12000));
            expect_poll(NONE, "easing the held stick back to a third");
            set_axis(a, end);
            expect_poll(NONE, "pushing the held stick all the way again");
            set_axis(a, 0);
            expect_poll(NONE, "letting the stick go back to the centre");
            set_axis(a, (Sint16)(sign * 20000)); /* just past half-way */
            expect_poll(want, "pushing the left stick again");
            set_axis(a, 0);
            expect_poll(NONE, "letting the stick go back to the centre");
        }
        /* Flicked from one side to the other without resting in the centre. */
        set_axis(a, full);
        expect_poll(axes[i].plus, "pushing the left stick one way");
        set_axis(a, neg);
        expect_poll(axes[i].minus, "flicking it straight over to the other side");
        set_axis(a, 0);
        expect_poll(NONE, "letting the stick go back to the centre");
    }
    /* The right stick and the triggers do nothing. */
    static const SDL_GameControllerAxis others[] = {SDL_CONTROLLER_AXIS_RIGHTX, SDL_CONTROLLER_AXIS_RIGHTY,
                                                    SDL_CONTROLLER_AXIS_TRIGGERLEFT,
                                                    SDL_CONTROLLER_AXIS_TRIGGERRIGHT};
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
        char what[128];
        snprintf(what, sizeof what, "pushing %s", SDL_GameControllerGetStringForAxis(others[i]));
        set_axis(others[i], full);
        expect_poll(NONE, what);
        set_axis(others[i], neg);
        expect_poll(NONE, what);
        set_axis(others[i], 0);
        expect_poll(NONE, what);
    }
}

/* ---- 3. unplugged while the stick is held -------------------------------------------- */

static void test_replug(void)
{
    set_axis(SDL_CONTROLLER_AXIS_LEFTX, SDL_JOYSTICK_AXIS_MAX);
    expect_poll(ACT(ACT_RIGHT), "pushing the left stick right");
    unplug();
    plug();
    if (!pad)
        return;
    set_axis(SDL_CONTROLLER_AXIS_LEFTX, SDL_JOYSTICK_AXIS_MAX);
    expect_poll(ACT(ACT_RIGHT), "pushing the stick right on the pad plugged back in");
    set_axis(SDL_CONTROLLER_AXIS_LEFTX, 0);
    expect_poll(NONE, "letting the stick go back to the centre");
}

/* ---- 4. the game, driven by the pad ---------------------------------------------------- */

static Game game;

/* One frame and one tick: the pad's events become the tick's input. */
static void tick(void)
{
    TickInput in = poll_input();
    game_step(&game, &in);
}

static void tap(SDL_GameControllerButton b)
{
    set_button(b, true);
    tick();
    set_button(b, false);
    tick();
}

static void test_game_menus(void)
{
    game_init(&game, NULL, NULL, false);
    CHECK_INT(game.screen, SCREEN_TITLE);
    for (int i = 0; i < 10; i++)
        tick();
    CHECK_INT(game.screen, SCREEN_TITLE);
    CHECK_INT(game.selected, 0);
    tap(SDL_CONTROLLER_BUTTON_DPAD_DOWN);
    tap(SDL_CONTROLLER_BUTTON_DPAD_DOWN);
    CHECK_INT(game.selected, 2); /* Continue, Chapters, Settings */
    tap(SDL_CONTROLLER_BUTTON_A);
    CHECK_INT(game.screen, SCREEN_SETTINGS);
    tap(SDL_CONTROLLER_BUTTON_B);
    CHECK_INT(game.screen, SCREEN_TITLE);
    CHECK_INT(game.selected, 2);
    CHECK(!game_requested(&game, REQ_QUIT));
}

static void run(const char *name, void (*fn)(void))
{
    failures_before = check_failures;
    if (pad)
        fn();
    if (check_failures != failures_before)
        fprintf(stderr, "test_gamepad: %s failed\n", name);
}

int main(void)
{
    char err[512];
    if (!platform_open(&plat, true, false, 320, 180, err, sizeof err)) {
        fprintf(stderr, "test_gamepad: %s\n", err);
        return 1;
    }
    /* A headless game reads no pads; a window opens this subsystem itself. */
    if (SDL_InitSubSystem(SDL_INIT_GAMECONTROLLER) != 0) {
        fprintf(stderr, "test_gamepad: cannot start SDL's game controllers: %s\n", SDL_GetError());
        platform_close(&plat);
        return 1;
    }
    expect_poll(NONE, "nothing at all");
    plug();
    run("buttons", test_buttons);
    run("left stick", test_stick);
    run("unplug and plug back", test_replug);
    run("game menus", test_game_menus);
    if (!pad)
        check_failures++;
    platform_close(&plat);
    return check_done("test_gamepad");
}
