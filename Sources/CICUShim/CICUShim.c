#include "CICUShim.h"
#include <unicode/ucol.h>

tolk_collator *tolk_collator_open(const char *locale) {
    UErrorCode status = U_ZERO_ERROR;
    UCollator *collator = ucol_open(locale, &status);
    if (U_FAILURE(status) || collator == NULL) return NULL;
    ucol_setAttribute(collator, UCOL_NUMERIC_COLLATION, UCOL_ON, &status);
    ucol_setStrength(collator, UCOL_SECONDARY);
    if (U_FAILURE(status)) {
        ucol_close(collator);
        return NULL;
    }
    return (tolk_collator *)collator;
}

int32_t tolk_collator_key(tolk_collator *collator, const uint16_t *text, int32_t length, uint8_t *out, int32_t capacity) {
    return ucol_getSortKey((const UCollator *)collator, (const UChar *)text, length, out, capacity);
}

void tolk_collator_close(tolk_collator *collator) {
    if (collator != NULL) ucol_close((UCollator *)collator);
}
