#include "CICUSearch.h"
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/ucol.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>

// A few locales per thread: the index build folds each language on the thread that parses it.
#define TOLK_SEARCH_COLLATORS 8

typedef struct {
    char locale[32];
    UCollator *collator;
} tolk_search_collator;

static _Thread_local tolk_search_collator collators[TOLK_SEARCH_COLLATORS];
static _Thread_local int collatorCount;

static UCollator *search_collator(const char *locale) {
    for (int i = 0; i < collatorCount; i++) {
        if (strcmp(collators[i].locale, locale) == 0) return collators[i].collator;
    }
    char name[64];
    size_t length = strlen(locale);
    if (length >= sizeof collators[0].locale) return NULL;
    memcpy(name, locale, length);
    strcpy(name + length, "@collation=search");
    UErrorCode status = U_ZERO_ERROR;
    UCollator *collator = ucol_open(name, &status);
    if (U_FAILURE(status) || collator == NULL) return NULL;
    ucol_setStrength(collator, UCOL_PRIMARY);
    if (collatorCount == TOLK_SEARCH_COLLATORS) {
        ucol_close(collators[0].collator);
        memmove(&collators[0], &collators[1], sizeof collators[0] * (TOLK_SEARCH_COLLATORS - 1));
        collatorCount--;
    }
    memcpy(collators[collatorCount].locale, locale, length + 1);
    collators[collatorCount].collator = collator;
    collatorCount++;
    return collator;
}

static int same_letter(const UCollator *collator, UChar32 a, UChar32 b) {
    UChar left[2], right[2];
    int32_t leftLength = 0, rightLength = 0;
    U16_APPEND_UNSAFE(left, leftLength, a);
    U16_APPEND_UNSAFE(right, rightLength, b);
    return ucol_strcoll(collator, left, leftLength, right, rightLength) == UCOL_EQUAL;
}

int32_t tolk_search_fold(const char *locale, int32_t scalar) {
    UChar32 lower = u_tolower(scalar);
    if (lower < 0x80 || !u_isalpha(lower)) return lower;
    const UCollator *collator = search_collator(locale);
    if (collator == NULL) return lower;
    // The canonical base: the first code point of the decomposition (é → e, ά → α).
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&status);
    UChar source[2], decomposed[16];
    int32_t sourceLength = 0;
    U16_APPEND_UNSAFE(source, sourceLength, lower);
    int32_t length = U_SUCCESS(status) ? unorm2_normalize(nfd, source, sourceLength, decomposed, 16, &status) : 0;
    if (U_SUCCESS(status) && length > 0) {
        UChar32 base;
        int32_t offset = 0;
        U16_NEXT(decomposed, offset, length, base);
        if (base != lower && same_letter(collator, lower, base)) return base;
    }
    // Letters without a decomposition that a language still reads as a plain one (đ = d in Vietnamese).
    status = U_ZERO_ERROR;
    if (uscript_getScript(lower, &status) == USCRIPT_LATIN) {
        for (UChar32 letter = 'a'; letter <= 'z'; letter++) {
            if (same_letter(collator, lower, letter)) return letter;
        }
    }
    return lower;
}

int tolk_search_is_unspaced(int32_t scalar) {
    int32_t kind = u_getIntPropertyValue(scalar, UCHAR_LINE_BREAK);
    return kind == U_LB_IDEOGRAPHIC || kind == U_LB_CONDITIONAL_JAPANESE_STARTER || kind == U_LB_COMPLEX_CONTEXT;
}
