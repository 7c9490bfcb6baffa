#ifndef TOLK_CXMLSHIM_H
#define TOLK_CXMLSHIM_H
// The only interface Swift sees of libxml2. libxml2's own headers include ICU,
// which clashes with Foundation's copy, so they stay inside CXMLShim.c.
#include <stddef.h>

/// Initialises libxml2 once; safe to call from any thread, any number of times.
void tolk_xml_init(void);

/// 1 when `name` (lowercase ASCII) is an element HTML 4 knows, 0 otherwise.
/// Unknown names are how pseudo-tags such as `<email address>` are recognised.
int tolk_html_tag_known(const char *name);

/// Parses an HTML fragment holding one tag and returns its element name and
/// attributes as NUL-separated strings: name, key1, value1, key2, value2, ...
/// The buffer is allocated with malloc (free with `tolk_free`); `*out_len` is its
/// length in bytes. Returns NULL when the fragment holds no element.
char *tolk_html_first_element(const char *buf, size_t len, size_t *out_len);

/// Frees a buffer returned by this shim.
void tolk_free(void *p);

/// An XML writer to a memory buffer (for JUnit reports and sitemaps).
typedef struct tolk_xml_writer tolk_xml_writer;
tolk_xml_writer *tolk_xml_writer_new(void);
int tolk_xml_start_element(tolk_xml_writer *w, const char *name);
int tolk_xml_attribute(tolk_xml_writer *w, const char *name, const char *value);
int tolk_xml_text(tolk_xml_writer *w, const char *text);
int tolk_xml_end_element(tolk_xml_writer *w);
/// Ends the document and returns the bytes (malloc'd, free with `tolk_free`).
char *tolk_xml_writer_finish(tolk_xml_writer *w, size_t *out_len);
void tolk_xml_writer_free(tolk_xml_writer *w);

/// Parses a whole HTML document; returns the number of parse errors libxml2
/// reported, or -1 when it could not be parsed at all.
int tolk_html_error_count(const char *buf, size_t len);

/// Parses an XML document (no network, no DTD loading); returns the number of
/// errors libxml2 reported (a document that does not parse at all counts one).
int tolk_xml_error_count(const char *buf, size_t len);

#endif
