#include "CXMLShim.h"
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xmlwriter.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static void do_init(void) { xmlInitParser(); }
void tolk_xml_init(void) { pthread_once(&init_once, do_init); }

int tolk_html_tag_known(const char *name) {
    tolk_xml_init();
    return htmlTagLookup((const xmlChar *)name) != NULL;
}

static void append(char **buf, size_t *len, size_t *cap, const char *s) {
    size_t n = strlen(s) + 1;
    if (*len + n > *cap) {
        size_t ncap = (*cap + n) * 2;
        char *nb = realloc(*buf, ncap);
        if (!nb) return;
        *buf = nb;
        *cap = ncap;
    }
    memcpy(*buf + *len, s, n);
    *len += n;
}

static xmlNodePtr first_element(xmlNodePtr n) {
    for (; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE) {
            const char *name = (const char *)n->name;
            if (strcmp(name, "html") == 0 || strcmp(name, "body") == 0 || strcmp(name, "head") == 0) {
                xmlNodePtr inner = first_element(n->children);
                if (inner) return inner;
                continue;
            }
            return n;
        }
    }
    return NULL;
}

char *tolk_html_first_element(const char *buf, size_t len, size_t *out_len) {
    tolk_xml_init();
    *out_len = 0;
    if (len > 1 << 20) return NULL;
    htmlDocPtr doc = htmlReadMemory(buf, (int)len, NULL, "UTF-8",
        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    if (!doc) return NULL;
    xmlNodePtr el = first_element(doc->children);
    if (!el) { xmlFreeDoc(doc); return NULL; }
    size_t cap = 256, n = 0;
    char *out = malloc(cap);
    if (!out) { xmlFreeDoc(doc); return NULL; }
    append(&out, &n, &cap, (const char *)el->name);
    for (xmlAttrPtr a = el->properties; a; a = a->next) {
        xmlChar *v = xmlNodeListGetString(doc, a->children, 1);
        append(&out, &n, &cap, (const char *)a->name);
        append(&out, &n, &cap, v ? (const char *)v : "");
        if (v) xmlFree(v);
    }
    xmlFreeDoc(doc);
    *out_len = n;
    return out;
}

void tolk_free(void *p) { free(p); }

struct tolk_xml_writer { xmlBufferPtr buf; xmlTextWriterPtr w; };

tolk_xml_writer *tolk_xml_writer_new(void) {
    tolk_xml_init();
    tolk_xml_writer *t = calloc(1, sizeof *t);
    if (!t) return NULL;
    t->buf = xmlBufferCreate();
    /* Grown by doubling: the default scheme grows it to the exact size at every flush. */
    if (t->buf) xmlBufferSetAllocationScheme(t->buf, XML_BUFFER_ALLOC_DOUBLEIT);
    t->w = t->buf ? xmlNewTextWriterMemory(t->buf, 0) : NULL;
    if (!t->w) { if (t->buf) xmlBufferFree(t->buf); free(t); return NULL; }
    xmlTextWriterSetIndent(t->w, 1);
    xmlTextWriterSetIndentString(t->w, (const xmlChar *)"  ");
    xmlTextWriterStartDocument(t->w, NULL, "UTF-8", NULL);
    return t;
}
int tolk_xml_start_element(tolk_xml_writer *t, const char *name) { return xmlTextWriterStartElement(t->w, (const xmlChar *)name); }
int tolk_xml_attribute(tolk_xml_writer *t, const char *name, const char *value) { return xmlTextWriterWriteAttribute(t->w, (const xmlChar *)name, (const xmlChar *)value); }
int tolk_xml_text(tolk_xml_writer *t, const char *text) { return xmlTextWriterWriteString(t->w, (const xmlChar *)text); }
int tolk_xml_end_element(tolk_xml_writer *t) { return xmlTextWriterEndElement(t->w); }
char *tolk_xml_writer_finish(tolk_xml_writer *t, size_t *out_len) {
    xmlTextWriterEndDocument(t->w);
    xmlFreeTextWriter(t->w);
    t->w = NULL;
    size_t n = (size_t)xmlBufferLength(t->buf);
    char *out = malloc(n + 1);
    if (out) { memcpy(out, xmlBufferContent(t->buf), n); out[n] = 0; }
    *out_len = out ? n : 0;
    return out;
}
void tolk_xml_writer_free(tolk_xml_writer *t) {
    if (!t) return;
    if (t->w) xmlFreeTextWriter(t->w);
    if (t->buf) xmlBufferFree(t->buf);
    free(t);
}

static void count_error(void *ctx, const char *msg, ...) { (void)msg; (*(int *)ctx)++; }

int tolk_html_error_count(const char *buf, size_t len) {
    tolk_xml_init();
    int errors = 0;
    htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(buf, (int)len);
    if (!ctxt) return -1;
    xmlSetGenericErrorFunc(&errors, count_error);
    htmlCtxtUseOptions(ctxt, HTML_PARSE_NONET | HTML_PARSE_NOWARNING);
    htmlParseDocument(ctxt);
    int result = ctxt->errNo != 0 && errors == 0 ? 1 : errors;
    if (ctxt->myDoc) xmlFreeDoc(ctxt->myDoc);
    htmlFreeParserCtxt(ctxt);
    xmlSetGenericErrorFunc(NULL, NULL);
    return result;
}

int tolk_xml_error_count(const char *buf, size_t len) {
    tolk_xml_init();
    int errors = 0;
    xmlSetGenericErrorFunc(&errors, count_error);
    xmlDocPtr doc = xmlReadMemory(buf, (int)len, NULL, "UTF-8", XML_PARSE_NONET | XML_PARSE_NOWARNING);
    int result = doc == NULL && errors == 0 ? 1 : errors;
    if (doc) xmlFreeDoc(doc);
    xmlSetGenericErrorFunc(NULL, NULL);
    return result;
}
