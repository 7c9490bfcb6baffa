#ifndef TOLK_CICUSHIM_H
#define TOLK_CICUSHIM_H
// The only interface Swift sees of ICU's collation. ICU's own headers clash with
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

#endif
