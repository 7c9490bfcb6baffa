#ifndef TOLK_CICUSEARCH_H
#define TOLK_CICUSEARCH_H
// What search needs of ICU: which letters a language's readers count as the same when
// they search (CLDR's search collation), and which characters belong to scripts written
// without spaces between words. ICU's headers stay inside CICUSearch.c.
#include <stdint.h>

/// The letter `scalar` is the same as when a reader of `locale` (`da`, `vi`, `en`) searches,
/// in lower case: `é` gives `e` everywhere, `å` gives `a` in English but stays `å` in
/// Danish, `ư` gives `u` in Vietnamese. Decided by the locale's search collation at
/// primary strength, against the letter's canonical base and the letters a to z; the
/// lower-case scalar itself when none is the same. Thread-safe (one collator per thread
/// and locale, kept for the thread's life).
int32_t tolk_search_fold(const char *locale, int32_t scalar);

/// 1 when `scalar` belongs to text written without spaces between words (Chinese,
/// Japanese, Thai, Lao, Khmer, Burmese): Unicode line-break class ID, CJ or SA.
int tolk_search_is_unspaced(int32_t scalar);

#endif
