#ifndef TOLK_CWIDTH_H
#define TOLK_CWIDTH_H
/// Display columns of one Unicode scalar (wcwidth after a UTF-8 LC_CTYPE is set).
int tolk_wcwidth(unsigned int scalar);
#endif
