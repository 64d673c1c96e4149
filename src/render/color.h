/* Unsaid - color.h: colours as 8-bit RGBA, and the few ways the drawing
 * code changes them. */
#ifndef UNSAID_COLOR_H
#define UNSAID_COLOR_H

#include <stdint.h>

typedef struct {
    uint8_t r, g, b, a;
} Color;

Color color_rgba(uint8_t r, uint8_t g, uint8_t b, uint8_t a);
Color color_hex(uint32_t rgb); /* 0xRRGGBB, opaque */
Color color_mix(Color a, Color b, float t);
Color color_alpha(Color c, float alpha); /* multiply alpha */
Color color_shade(Color c, float f);      /* f < 1 darker, > 1 lighter */
/* A channel value rounded and clamped to 0..255 (inline: shape code uses
 * it per vertex). */
static inline uint8_t color_channel(float v)
{
    return v <= 0.f ? 0 : v >= 255.f ? 255 : (uint8_t)(v + 0.5f);
}

#endif
