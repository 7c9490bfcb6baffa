#include "CICUShim.h"
#include <pthread.h>
#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

// One line-break iterator per thread: ubrk objects are not thread-safe, and opening
// one (loading the rules and dictionaries) costs far more than reusing it.
static pthread_key_t breaker_key;
static pthread_once_t breaker_once = PTHREAD_ONCE_INIT;

static void breaker_close(void *breaker) { ubrk_close((UBreakIterator *)breaker); }
static void breaker_key_make(void) { pthread_key_create(&breaker_key, breaker_close); }

static UBreakIterator *thread_breaker(void) {
    pthread_once(&breaker_once, breaker_key_make);
    UBreakIterator *breaker = pthread_getspecific(breaker_key);
    if (breaker == NULL) {
        UErrorCode status = U_ZERO_ERROR;
        breaker = ubrk_open(UBRK_LINE, "", NULL, 0, &status);
        if (U_FAILURE(status)) return NULL;
        pthread_setspecific(breaker_key, breaker);
    }
    return breaker;
}

int32_t tolk_line_breaks(const uint8_t *text, int32_t length, int32_t *out, int32_t capacity) {
    UBreakIterator *breaker = thread_breaker();
    if (breaker == NULL) return -1;
    UErrorCode status = U_ZERO_ERROR;
    UText local = UTEXT_INITIALIZER;
    UText *utext = utext_openUTF8(&local, (const char *)text, length, &status);
    if (U_FAILURE(status)) return -1;
    ubrk_setUText(breaker, utext, &status);
    if (U_FAILURE(status)) {
        utext_close(utext);
        return -1;
    }
    int32_t count = 0;
    for (int32_t at = ubrk_following(breaker, 0); at != UBRK_DONE && at < length; at = ubrk_next(breaker)) {
        if (count < capacity) out[count] = at;
        count++;
    }
    // The iterator keeps no pointer to the text once it is given another; detach it
    // now so that it never reads freed memory.
    ubrk_setText(breaker, NULL, 0, &status);
    utext_close(utext);
    return count;
}

uint8_t tolk_scalar_traits(uint32_t scalar) {
    UChar32 c = (UChar32)scalar;
    uint8_t traits = 0;
    if (u_hasBinaryProperty(c, UCHAR_EMOJI) || u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC))
        traits |= TOLK_SCALAR_EMOJI;

    int8_t category = u_charType(c);
    int hangul = u_getIntPropertyValue(c, UCHAR_HANGUL_SYLLABLE_TYPE);
    int width;
    if (c == 0x00AD) {
        width = 1;  // The soft hyphen: terminals draw it.
    } else if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR
               || category == U_CONTROL_CHAR || category == U_LINE_SEPARATOR || category == U_PARAGRAPH_SEPARATOR
               || category == U_SURROGATE || hangul == U_HST_VOWEL_JAMO || hangul == U_HST_TRAILING_JAMO) {
        width = 0;
    } else {
        int eaw = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
        int wide = eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH || u_hasBinaryProperty(c, UCHAR_EMOJI_PRESENTATION);
        width = wide ? 2 : 1;
    }
    traits |= (uint8_t)width;

    switch (u_getIntPropertyValue(c, UCHAR_LINE_BREAK)) {
    case U_LB_ALPHABETIC: case U_LB_HEBREW_LETTER: traits |= TOLK_LB_LETTER; break;
    case U_LB_NUMERIC: traits |= TOLK_LB_DIGIT; break;
    case U_LB_QUOTATION: traits |= TOLK_LB_QUOTE; break;
    case U_LB_OPEN_PUNCTUATION: traits |= TOLK_LB_OPEN; break;
    case U_LB_INFIX_NUMERIC: traits |= TOLK_LB_INFIX; break;
    case U_LB_CLOSE_PUNCTUATION: case U_LB_CLOSE_PARENTHESIS: case U_LB_EXCLAMATION: traits |= TOLK_LB_CLOSE; break;
    default: break;
    }
    return traits;
}

const char *tolk_unicode_version(void) {
    static char version[U_MAX_VERSION_STRING_LENGTH];
    UVersionInfo info;
    u_getUnicodeVersion(info);
    u_versionToString(info, version);
    return version;
}
