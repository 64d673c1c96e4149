/* Unsaid - color.c */
#include "color.h"

Color color_rgba(uint8_t r, uint8_t g, uint8_t b, uint8_t a)
{
    return (Color){r, g, b, a};
}

Color color_hex(uint32_t rgb)
{
    return (Color){(uint8_t)(rgb >> 16), (uint8_t)(rgb >> 8), (uint8_t)rgb, 255};
}

Color color_mix(Color a, Color b, float t)
{
    return (Color){color_channel(a.r + (b.r - a.r) * t), color_channel(a.g + (b.g - a.g) * t),
                   color_channel(a.b + (b.b - a.b) * t), color_channel(a.a + (b.a - a.a) * t)};
}

Color color_alpha(Color c, float alpha)
{
    c.a = color_channel(c.a * alpha);
    return c;
}

Color color_shade(Color c, float f)
{
    if (f <= 1.f)
        return (Color){color_channel(c.r * f), color_channel(c.g * f), color_channel(c.b * f), c.a};
    float t = f - 1.f; /* lighten towards white */
    return (Color){color_channel(c.r + (255 - c.r) * t), color_channel(c.g + (255 - c.g) * t),
                   color_channel(c.b + (255 - c.b) * t), c.a};
}
