#ifndef TOLK_CICUSHIM_H
#define TOLK_CICUSHIM_H
// The only interface Swift sees of ICU (collation, line breaking, character properties). ICU's own headers clash with
// Foundation's copy of ICU, so they stay inside CICUShim.c.
#include <stdint.h>

/// A collator for one locale (`da_DK`, `zh_Hans`), set up as titles are sorted for
/// readers: case ignored (secondary strength: accents still count), numbers by value.
/// NULL when ICU has no data for the locale at all. Not for concurrent use: one per thread.
typedef struct tolk_collator tolk_collator;
tolk_collator *tolk_collator_open(const char *locale);

/// Writes the sort key of `text` (UTF-16, `length` code units) into `out` and returns
/// its length including the final NUL; when that is more than `capacity`, nothing
/// usable is written and the caller tries again with a buffer of that length.
/// Two keys compare, byte by byte, as the collator compares the texts.
int32_t tolk_collator_key(tolk_collator *collator, const uint16_t *text, int32_t length, uint8_t *out, int32_t capacity);

void tolk_collator_close(tolk_collator *collator);

// Line breaking and terminal widths, in CICUText.c.

/// Where a line may end inside `text` (UTF-8, `length` bytes), by ICU's line-break
/// iterator for the root locale: UAX #14 with CLDR's tailoring, and dictionaries for
/// Thai, Lao, Khmer and Burmese, which are written without spaces between words.
/// Writes the byte offsets of the opportunities after the start and before the end, in
/// order, to `out` (at most `capacity` of them) and returns how many there are; when
/// that is more than `capacity`, the caller tries again with room for them all. -1 when
/// ICU fails. Each thread uses an iterator of its own, opened on its first call.
int32_t tolk_line_breaks(const uint8_t *text, int32_t length, int32_t *out, int32_t capacity);

/// Bits 0-1 of `tolk_scalar_traits`: terminal cells of the scalar on its own (0, 1, 2),
/// as terminals count them: two for East Asian Wide and Fullwidth and for emoji shown
/// as emoji by default (Emoji_Presentation: regional indicators and skin tones too),
/// none for nonspacing and enclosing marks, format and control characters and Hangul
/// medial vowels and final consonants, one for everything else (spacing vowels such as
/// Thai U+0E33 included, and the soft hyphen, which terminals draw).
#define TOLK_SCALAR_WIDTH 0x03
/// An emoji (Emoji or Extended_Pictographic): one shown as text by default takes two
/// cells when U+FE0F follows it.
#define TOLK_SCALAR_EMOJI 0x04
/// Bits 4-6: the scalar's line-break class, where it is one of these (else 0).
#define TOLK_LB_MASK 0x70
#define TOLK_LB_LETTER 0x10 /* AL, HL */
#define TOLK_LB_DIGIT 0x20  /* NU */
#define TOLK_LB_QUOTE 0x30  /* QU */
#define TOLK_LB_OPEN 0x40   /* OP */
#define TOLK_LB_INFIX 0x50  /* IS */
#define TOLK_LB_CLOSE 0x60  /* CL, CP, EX */

/// Width, emoji and line-break facts of one scalar, from ICU's Unicode data.
uint8_t tolk_scalar_traits(uint32_t scalar);

/// The Unicode version of ICU's data, such as "15.0".
const char *tolk_unicode_version(void);

#endif
