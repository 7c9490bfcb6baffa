#define _XOPEN_SOURCE 700
#include "CWidth.h"
#include <locale.h>
#include <pthread.h>
#include <wchar.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;
static locale_t utf8;
static void init(void) { utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0); }

int tolk_wcwidth(unsigned int scalar) {
    pthread_once(&once, init);
    if (utf8) {
        locale_t old = uselocale(utf8);
        int w = wcwidth((wchar_t)scalar);
        uselocale(old);
        return w;
    }
    return wcwidth((wchar_t)scalar);
}
