import Testing
import TolkKit

/// The test cases of Translate Toolkit's pofilter checks that map to Tolk's rules (untranslated,
/// blank and unchanged to TOLK201/202; options to TOLK202; endpunc to TOLK502/505; puncspacing to
/// TOLK502/506; doublespacing to TOLK503; doublewords to TOLK504), written anew from what each
/// case tests. Each case is an English original and a translation, with pofilter's verdict and
/// Tolk's. Where they differ, the comment says why Tolk reads help articles otherwise.
/// startpunc, sentencecount and the whitespace checks test what Tolk has no rule for (units are
/// trimmed; sentences are not counted) and are left out.
@Suite("pofilter cases: typography and missing translations")
struct PofilterCasesTypographyTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var check: String
        var source: String
        var target: String
        var locale: String = "af-ZA"
        /// pofilter reports the pair.
        var pofilterFails: Bool
        /// Tolk reports the pair (with one of `rules`).
        var tolkReports: Bool
        var rules: [String]
        var doNotTranslate: [String] = []
        var why: String = ""
        var testDescription: String { "\(check): \"\(source)\" → \"\(target)\"" }
    }

    static let rulesByID: [String: any Rule.Type] = [
        "TOLK201": EmptyTarget.self, "TOLK202": Untranslated.self, "TOLK502": SpaceBeforePunctuation.self,
        "TOLK503": DoubleSpace.self, "TOLK504": DoubledWord.self, "TOLK505": EndPunctuation.self, "TOLK506": SuspiciousCharacter.self,
    ]

    static let cases: [Case] =
        [
            // untranslated / blank: an empty (or blank) translation of text.
            Case(
                check: "untranslated", source: "I am untranslated", target: "", pofilterFails: true, tolkReports: true, rules: ["TOLK201"]),
            Case(
                check: "untranslated", source: "I am translated", target: "Ek is vertaal", pofilterFails: false, tolkReports: false,
                rules: ["TOLK201", "TOLK202"]),
            Case(check: "blank", source: "Save as", target: " ", pofilterFails: true, tolkReports: true, rules: ["TOLK201"]),
            // unchanged: the translation is the original.
            Case(check: "unchanged", source: "Unchanged", target: "Unchanged", pofilterFails: true, tolkReports: true, rules: ["TOLK202"]),
            Case(check: "unchanged", source: "Unchanged", target: "Changed", pofilterFails: false, tolkReports: false, rules: ["TOLK202"]),
            Case(check: "unchanged", source: "1234", target: "1234", pofilterFails: false, tolkReports: false, rules: ["TOLK202"]),
            Case(check: "unchanged", source: "2×2", target: "2×2", pofilterFails: false, tolkReports: false, rules: ["TOLK202"]),
            Case(check: "unchanged", source: "I", target: "I", pofilterFails: false, tolkReports: false, rules: ["TOLK202"]),
            Case(check: "unchanged", source: "???", target: "???", pofilterFails: false, tolkReports: false, rules: ["TOLK202"]),
            Case(check: "unchanged", source: "ACRONYM", target: "ACRONYM", pofilterFails: false, tolkReports: false, rules: ["TOLK202"]),
            Case(check: "unchanged", source: "F1", target: "F1", pofilterFails: false, tolkReports: false, rules: ["TOLK202"]),
            Case(check: "unchanged", source: "Two words", target: "Two words", pofilterFails: true, tolkReports: true, rules: ["TOLK202"]),
            Case(
                check: "unchanged", source: "Entity references, such as &amp; and &#169;",
                target: "Entity references, such as &amp; and &#169;",
                pofilterFails: true, tolkReports: false, rules: ["TOLK202"],
                why: "two ordinary words and no final mark: Tolk reads it as a list of terms, not a sentence"),
            Case(
                check: "unchanged", source: "$ProgramName$", target: "$ProgramName$", pofilterFails: false, tolkReports: false,
                rules: ["TOLK202"]),
            Case(
                check: "unchanged", source: "$file$ : $dir$", target: "$file$ : $dir$", pofilterFails: false, tolkReports: false,
                rules: ["TOLK202"]),
            Case(
                check: "unchanged", source: "$file$ in $dir$", target: "$file$ in $dir$", pofilterFails: true, tolkReports: false,
                rules: ["TOLK202"],
                why: "one connector between placeholders is not prose Tolk can call English"),
            Case(
                check: "unchanged", source: "Mozilla", target: "Mozilla", pofilterFails: false, tolkReports: false, rules: ["TOLK202"],
                doNotTranslate: ["Mozilla"]),
            Case(
                check: "unchanged", source: "width: 12em;", target: "width: 12em;", pofilterFails: true, tolkReports: false,
                rules: ["TOLK202"],
                why: "a CSS value; one word that is not English for sure is left alone in a Latin-script translation"),
            Case(
                check: "unchanged", source: "7em", target: "7em", pofilterFails: true, tolkReports: false, rules: ["TOLK202"],
                why: "a measure, not a word"),
            // options: command-line options stay as they are.
            Case(check: "options", source: "--help", target: "--help", pofilterFails: false, tolkReports: false, rules: ["TOLK202"]),
            Case(
                check: "options", source: "--input=FILE", target: "--input=FILE", pofilterFails: true, tolkReports: false,
                rules: ["TOLK202"],
                why: "in help articles an option's value name is typed as written"),
            // endpunc: the final punctuation.
            Case(
                check: "endpunc", source: "Question?", target: "Correct?", pofilterFails: false, tolkReports: false,
                rules: ["TOLK502", "TOLK505"]),
            Case(
                check: "endpunc", source: " Question?", target: "Wrong ?", pofilterFails: true, tolkReports: true,
                rules: ["TOLK502", "TOLK505"]),
            Case(
                check: "endpunc", source: "Exit change recording mode?", target: "Phuma esimeni sekugucula kubhalisa.", pofilterFails: true,
                tolkReports: true, rules: ["TOLK505"]),
            Case(
                check: "endpunc", source: "Upgrades an existing $ProductShortName$ installation.",
                target: "Ku antswisiwa ka ku nghenisiwa ka $ProductShortName$.", pofilterFails: false, tolkReports: false,
                rules: ["TOLK505"]),
            Case(
                check: "endpunc", source: "A nickname that identifies this publishing site (e.g.: 'MySite')",
                target: "Vito ro duvulela leri tirhisiwaka ku kuma sayiti leri ro kandziyisa (xik.: 'Sayiti ra Mina')",
                pofilterFails: false,
                tolkReports: false, rules: ["TOLK505"]),
            Case(
                check: "endpunc", source: "Question", target: "Wrong\u{2026}", pofilterFails: true, tolkReports: false, rules: ["TOLK505"],
                why: "Tolk checks the ending only when the English ends with a mark"),
            Case(
                check: "endpunc", source: "Pseudo-elements can't be negated '%1$S'.",
                target: "Pseudo-elemente kan nie '%1$S' ontken word nie.",
                pofilterFails: false, tolkReports: false, rules: ["TOLK505"]),
            Case(
                check: "endpunc",
                source: "In this new version, there are some minor conversion improvements on complex style in Openoffice.org Writer.",
                target:
                    "នៅ\u{200b}ក្នុង\u{200b}កំណែ\u{200b}ថ្មីនេះ មាន\u{200b}ការ\u{200b}កែសម្រួល\u{200b}មួយ\u{200b}ចំនួន\u{200b}តូច\u{200b}ទាក់\u{200b}ទង\u{200b}នឹង\u{200b}ការ\u{200b}បំលែង\u{200b}ពុម្ពអក្សរ\u{200b}ខ្មែរ\u{200b} ក្នុង\u{200b}កម្មវិធី\u{200b}ការិយាល័យ\u{200b} ស្លឹករឹត\u{00a0}។",
                locale: "km-KH", pofilterFails: false, tolkReports: false, rules: ["TOLK505", "TOLK506"]),
            Case(
                check: "endpunc", source: "To activate your account, follow this link:", target: "要啟用戶口，請瀏覽這個鏈結：", locale: "zh-TW",
                pofilterFails: false, tolkReports: false, rules: ["TOLK505"]),
            Case(
                check: "endpunc", source: "Do you want to delete the XX dialog?", target: "Bạn có muốn xoá hộp thoại XX không?",
                locale: "vi-VN",
                pofilterFails: false, tolkReports: false, rules: ["TOLK505"]),
            Case(
                check: "endpunc", source: "Header:", target: "En-tête :", locale: "fr-FR", pofilterFails: false, tolkReports: false,
                rules: ["TOLK502", "TOLK505"]),
            Case(
                check: "endpunc", source: "Header:", target: "En-tête\u{00a0}:", locale: "fr-FR", pofilterFails: false, tolkReports: false,
                rules: ["TOLK502", "TOLK505"]),
            // puncspacing: spaces around punctuation.
            Case(
                check: "puncspacing", source: "One, two, three.", target: "Kunye, kubili, kuthathu.", pofilterFails: false,
                tolkReports: false,
                rules: ["TOLK502", "TOLK503"]),
            Case(
                check: "puncspacing", source: "One, two, three. ", target: "Kunye, kubili, kuthathu.", pofilterFails: false,
                tolkReports: false,
                rules: ["TOLK502", "TOLK503"]),
            Case(
                check: "puncspacing", source: "One, two, three. ", target: "Kunye, kubili,kuthathu.", pofilterFails: true,
                tolkReports: false,
                rules: ["TOLK502", "TOLK503"], why: "Tolk has no rule for a missing space after a comma"),
            Case(
                check: "puncspacing", source: "One, two, three!?", target: "Kunye, kubili, kuthathu?", pofilterFails: false,
                tolkReports: false,
                rules: ["TOLK502", "TOLK505"]),
            Case(
                check: "puncspacing", source: "Do \"this\"", target: "Do « this »", locale: "fr-FR", pofilterFails: false,
                tolkReports: false,
                rules: ["TOLK502", "TOLK503"]),
            Case(
                check: "puncspacing", source: "Do \"this\"", target: "Do «\u{00a0}this\u{00a0}»", locale: "fr-FR", pofilterFails: false,
                tolkReports: false, rules: ["TOLK502", "TOLK503"]),
            Case(
                check: "puncspacing", source: "Do \"this\"", target: "Do «this»", locale: "fr-FR", pofilterFails: true, tolkReports: false,
                rules: ["TOLK502", "TOLK503"], why: "Tolk does not check the spaces inside French quotes"),
        ]
        + [
            "\u{200f}", "\u{200e}", "\u{202b}", "\u{202a}", "\u{202e}", "\u{202d}", "\u{202c}", "\u{2069}", "\u{2068}", "\u{2067}",
            "\u{2066}",
        ].map {
            // Direction marks and embeddings in Hebrew are not characters out of place.
            Case(
                check: "puncspacing", source: "hi. there", target: "שלום.\($0) לך", locale: "he-IL", pofilterFails: false,
                tolkReports: false,
                rules: ["TOLK502", "TOLK506"])
        }
        + ["\u{200d}", "\u{200c}"].map {
            // Joiners in Arabic are part of the writing.
            Case(
                check: "puncspacing", source: "hi. there", target: "السلام.\($0) عليكم", locale: "ar-SA", pofilterFails: false,
                tolkReports: false, rules: ["TOLK502", "TOLK506"])
        }
        + [
            // doublespacing: two spaces where the English has one, or the other way round.
            Case(
                check: "doublespacing", source: "Sentence.  Another sentence.", target: "Sin.  'n Ander sin.", pofilterFails: false,
                tolkReports: false, rules: ["TOLK503"]),
            Case(
                check: "doublespacing", source: "Sentence. Another sentence.", target: "Sin. No double spacing.", pofilterFails: false,
                tolkReports: false, rules: ["TOLK503"]),
            Case(
                check: "doublespacing", source: "Sentence.  Another sentence.", target: "Sin. Missing the double space.",
                pofilterFails: true,
                tolkReports: false, rules: ["TOLK503"], why: "one space is right in a translation even where the English has two"),
            Case(
                check: "doublespacing", source: "Sentence. Another sentence.", target: "Sin.  Uneeded double space in translation.",
                pofilterFails: true, tolkReports: true, rules: ["TOLK503"]),
            Case(
                check: "doublespacing", source: "Execute %PROGRAMNAME Calc", target: "Blah %PROGRAMNAME Calc", pofilterFails: false,
                tolkReports: false, rules: ["TOLK503"]),
            Case(
                check: "doublespacing", source: "Execute %PROGRAMNAME Calc", target: "Blah % PROGRAMNAME Calc", pofilterFails: false,
                tolkReports: false, rules: ["TOLK503"]),
            // doublewords: a word twice in a row.
            Case(
                check: "doublewords", source: "Save the rhino", target: "Save the rhino", pofilterFails: false, tolkReports: false,
                rules: ["TOLK504"]),
            Case(
                check: "doublewords", source: "Save the rhino", target: "Save the the rhino", pofilterFails: true, tolkReports: true,
                rules: ["TOLK504"]),
            Case(
                check: "doublewords", source: "%s %s installation", target: "tsenyo ya %s %s", pofilterFails: false, tolkReports: false,
                rules: ["TOLK504"]),
            Case(
                check: "doublewords", source: "Line one <br> <br> line two", target: "Lyn een <br> <br> lyn twee", pofilterFails: false,
                tolkReports: false, rules: ["TOLK504"]),
            Case(
                check: "doublewords", source: "Color to draw the name of a message you sent.",
                target: "Mmala wa ho taka bitso la molaetsa oo o o rometseng.",
                locale: "st-ZA", pofilterFails: false, tolkReports: false, rules: ["TOLK504"]),
            Case(
                check: "doublewords", source: "Ten men", target: "Banna ba ba leshome", locale: "st-ZA", pofilterFails: false,
                tolkReports: false, rules: ["TOLK504"]),
            Case(
                check: "doublewords", source: "Give SARS the tax", target: "Lekgetho le le fe SARS", locale: "st-ZA", pofilterFails: false,
                tolkReports: false, rules: ["TOLK504"]),
        ]

    static func tolkReports(_ c: Case) throws -> Bool {
        var configuration = CheckConfiguration()
        configuration.doNotTranslate = c.doNotTranslate
        for id in c.rules {
            let rule = try #require(rulesByID[id])
            if try !RuleTesting.findings(rule, units: [(c.target, c.source)], locale: c.locale, configuration: configuration).isEmpty {
                return true
            }
        }
        return false
    }

    @Test("Tolk's verdict on each pofilter case", arguments: cases)
    func verdict(_ c: Case) throws {
        #expect(try Self.tolkReports(c) == c.tolkReports)
    }

    @Test("Tolk agrees with pofilter on all but the cases it reads otherwise on purpose")
    func agreement() throws {
        let disagreements = Self.cases.filter { $0.pofilterFails != $0.tolkReports }
        #expect(Self.cases.count == 66)
        #expect(disagreements.count == 9)
        #expect(disagreements.allSatisfy { !$0.why.isEmpty })
    }
}
