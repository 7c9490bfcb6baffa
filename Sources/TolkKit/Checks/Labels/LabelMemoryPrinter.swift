import Foundation

/// Writes label memories as text, JSON, CSV or a TBX-Basic termbase (ISO 30042:2019,
/// the dialect CAT tools import), one memory per language.
public enum LabelMemoryPrinter {
    /// An output format for label memories: plain text, JSON, TBX or CSV.
    public enum Format: String, CaseIterable, Sendable {
        /// Plain text, JSON, a TBX-Basic termbase or CSV.
        case text, json, tbx, csv
    }

    /// The label memories in `format`.
    public static func render(_ memories: [LabelMemory], format: Format) -> String {
        switch format {
        case .text: text(memories)
        case .json: json(memories)
        case .csv: csv(memories)
        case .tbx: tbx(memories)
        }
    }

    /// One line per English label: its translations, the most frequent first, with counts.
    static func text(_ memories: [LabelMemory]) -> String {
        var out = ""
        for memory in memories {
            let articles = Set(memory.entries.flatMap { $0.translations.flatMap(\.articles) }).count
            out += "\(memory.locale): \(memory.entries.count) labels from \(articles) articles\n"
            for entry in memory.entries {
                let translations = entry.translations.map { t in
                    "\(t.text) ×\(t.count) (" + t.articles.prefix(3).joined(separator: ", ") + (t.articles.count > 3 ? ", …" : "") + ")"
                }
                out += "  \(entry.english) → " + translations.joined(separator: "; ") + "\n"
            }
        }
        return out
    }

    private struct JSONMemory: Encodable {
        var locale: String
        var labels: [JSONEntry]
    }

    private struct JSONEntry: Encodable {
        var english: String
        var translations: [JSONTranslation]
    }

    private struct JSONTranslation: Encodable {
        var text: String
        var count: Int
        var articles: [String]
    }

    static func json(_ memories: [LabelMemory]) -> String {
        let value = memories.map { memory in
            JSONMemory(
                locale: memory.locale,
                labels: memory.entries.map { entry in
                    JSONEntry(
                        english: entry.english,
                        translations: entry.translations.map { JSONTranslation(text: $0.text, count: $0.count, articles: $0.articles) })
                })
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// RFC 4180: a header, then one row per translation; fields with a quote, comma or
    /// line break quoted, quotes doubled.
    static func csv(_ memories: [LabelMemory]) -> String {
        func field(_ s: String) -> String {
            s.contains(where: { $0 == "\"" || $0 == "," || $0.isNewline })
                ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        var out = "locale,english,translation,count,articles\r\n"
        for memory in memories {
            for entry in memory.entries {
                for t in entry.translations {
                    out +=
                        [memory.locale, entry.english, t.text, String(t.count), t.articles.joined(separator: " ")].map(field)
                        .joined(separator: ",") + "\r\n"
                }
            }
        }
        return out
    }

    /// A TBX-Basic document (DCA style): one concept entry per English label, with an
    /// English language section and one per memory that translates it; each translated
    /// term notes how often and where it was found. Written through libxml2.
    static func tbx(_ memories: [LabelMemory]) -> String {
        let writer = XMLWriter()
        writer.startElement(
            "tbx", [("type", "TBX-Basic"), ("style", "dca"), ("xml:lang", "en"), ("xmlns", "urn:iso:std:iso:30042:ed-2")])
        writer.startElement("tbxHeader")
        writer.startElement("fileDesc")
        writer.startElement("sourceDesc")
        writer.startElement("p")
        writer.text(
            "UI labels found by Tolk in intact UI paths and bold labels of "
                + memories.map(\.locale).joined(separator: ", ") + " side-by-side articles")
        writer.endElement()
        writer.endElement()
        writer.endElement()
        writer.endElement()
        writer.startElement("text")
        writer.startElement("body")
        var byEnglish: [String: (english: String, sections: [(String, LabelMemory.Entry)])] = [:]
        for memory in memories {
            for entry in memory.entries {
                let key = LabelMemory.key(entry.english)
                byEnglish[key, default: (entry.english, [])].sections.append((memory.locale, entry))
            }
        }
        for (number, key) in byEnglish.keys.sorted().enumerated() {
            guard let concept = byEnglish[key] else { continue }
            writer.startElement("conceptEntry", [("id", "c\(number + 1)")])
            writer.startElement("langSec", [("xml:lang", "en")])
            writer.startElement("termSec")
            writer.startElement("term")
            writer.text(concept.english)
            writer.endElement()
            writer.endElement()
            writer.endElement()
            for (locale, entry) in concept.sections {
                writer.startElement("langSec", [("xml:lang", locale)])
                for (rank, t) in entry.translations.enumerated() {
                    writer.startElement("termSec")
                    writer.startElement("term")
                    writer.text(t.text)
                    writer.endElement()
                    writer.startElement("termNote", [("type", "administrativeStatus")])
                    writer.text(rank == 0 ? "preferredTerm-admn-sts" : "admittedTerm-admn-sts")
                    writer.endElement()
                    writer.startElement("note")
                    writer.text("found \(t.count) times in: " + t.articles.joined(separator: ", "))
                    writer.endElement()
                    writer.endElement()
                }
                writer.endElement()
            }
            writer.endElement()
        }
        return writer.finish()
    }
}
