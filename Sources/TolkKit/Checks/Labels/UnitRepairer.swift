/// Works out the repairs of an article's units from their analysis and the label memory
/// of its language: the same analysis the rules TOLK305, TOLK306, TOLK303 and TOLK201
/// read, so a repair is made where those rules report and nowhere else.
public struct UnitRepairer: Sendable {
    /// The labels of the article's language; nil or empty: every label stays English.
    public var memory: LabelMemory?
    /// Fill an empty target with the English (for reading; a file fix leaves that to a translator).
    public var fillsEmptyTargets: Bool

    /// A repairer with the labels of `memory`; `fillsEmptyTargets` fills an empty target with the English.
    public init(memory: LabelMemory?, fillsEmptyTargets: Bool = true) {
        self.memory = memory
        self.fillsEmptyTargets = fillsEmptyTargets
    }

    /// The repairs of `article`'s units, in unit order. The article is analysed first when it
    /// was parsed without its unit analysis.
    public func repairs(_ article: Article) -> [UnitRepair] {
        let article = Checker.analyzed(article)
        var result: [UnitRepair] = []
        for unit in article.units where unit.area == .body {
            if unit.isTargetEmpty {
                guard fillsEmptyTargets, !unit.source.allSatisfy(\.isWhitespace) else { continue }
                let edit = UnitRepair.Edit(range: 0..<unit.target.utf8.count, replacement: unit.source, kind: .emptyTarget, labels: [])
                if let repair = UnitRepair(unit: unit.index, published: unit.target, edits: [edit]) { result.append(repair) }
                continue
            }
            let target = article.syntax(.target, unit)
            let source = article.syntax(.source, unit)
            var edits: [UnitRepair.Edit] = []
            if !source.separators.isEmpty { edits += pathEdits(source, target) }
            if unit.target.containsBytes("**"), edits.isEmpty { edits += splitEdits(source, target) }
            if unit.target.containsBytes("](") { edits += linkEdits(source, target) }
            if let repair = UnitRepair(unit: unit.index, published: unit.target, edits: edits) { result.append(repair) }
        }
        return result
    }

    // MARK: UI paths

    /// For each English path whose separators the translation no longer joins (TOLK305), the
    /// text around the broken separators rewritten as the English path with each label in
    /// the memory's translation; the translation's other words there are kept before it.
    func pathEdits(_ source: UnitSyntax, _ target: UnitSyntax) -> [UnitRepair.Edit] {
        guard source.separators.count == target.separators.count else { return [] }
        let joined = Set(UIPathFinder.paths(in: target).flatMap(\.separators))
        let targetPaths = UIPathFinder.paths(in: target)
        var edits: [UnitRepair.Edit] = []
        for path in UIPathFinder.paths(in: source) {
            let mapped = path.separators.compactMap { source.separators.firstIndex(of: $0) }.map { target.separators[$0] }
            guard mapped.contains(where: { !joined.contains($0) }) else { continue }
            var region = mapped.map { separator -> Range<Int> in
                if joined.contains(separator), let intact = targetPaths.first(where: { $0.separators.contains(separator) }) {
                    return intact.range
                }
                return UIPathBroken.brokenText(around: separator, in: target)
            }.reduce(into: Range<Int>?.none) { all, r in
                all = all.map { min($0.lowerBound, r.lowerBound)..<max($0.upperBound, r.upperBound) } ?? r
            }!
            let englishLabels = source.pathLabels(path)
            let labels = englishLabels.map { label(source.labelText($0)) }
            var words = labelWords(labels)
            region = absorbingLabels(region, target, words)
            // A path that ends the English sentence: the bold run that ends the translation is
            // its labels as machine translation wrote them, whatever the memory knows.
            if Self.endsText(source, after: path.range.upperBound),
                let last = target.emphasis.first(where: {
                    $0.isStrong && $0.range.lowerBound == target.skippingSpaces(forwardFrom: region.upperBound)
                        && $0.range.lowerBound >= region.upperBound
                }), Self.endsText(target, after: last.range.upperBound)
            {
                words.formUnion(Self.words(target.text(last.range)))
                region = region.lowerBound..<last.range.upperBound
            }
            // A link inside the broken text would lose its destination in the rewrite: leave it.
            if target.links.contains(where: { region.overlaps($0.range) && !$0.isAutolink }) { continue }
            var path = ""
            let englishText = source.bytes
            var at = englishLabels[0].lowerBound
            for (range, label) in zip(englishLabels, labels) {
                let inner = source.labelInner(range)
                path += String(decoding: englishText[at..<inner.lowerBound], as: UTF8.self) + label.written
                at = Self.afterInner(inner, labelText: source.text(inner), cleaned: label.english)
            }
            path += String(decoding: englishText[at..<englishLabels[englishLabels.count - 1].upperBound], as: UTF8.self)
            let (replacement, kept) = rewrite(target.text(region), words, path: path)
            // Words left over beside a label the memory does not know are most likely that label in
            // machine translation's words (`programmer og-funktioner`): no guess is better than both.
            if kept > 0, labels.contains(where: { $0.translation == nil }) { continue }
            edits.append(UnitRepair.Edit(range: region, replacement: replacement, kind: .uiPath, labels: labels))
        }
        return edits
    }

    /// The end of a label's inner text: after the cleaned words, so that punctuation the
    /// English keeps inside the bold stays there.
    private static func afterInner(_ inner: Range<Int>, labelText: String, cleaned: String) -> Int {
        guard let found = labelText.range(of: cleaned) else { return inner.upperBound }
        return inner.lowerBound + labelText.utf8.distance(from: labelText.utf8.startIndex, to: found.upperBound)
    }

    private func label(_ english: String) -> UnitRepair.Label {
        guard let best = memory?.best(for: english) else {
            return UnitRepair.Label(english: english, translation: nil, count: 0, articles: [])
        }
        return UnitRepair.Label(english: english, translation: best.text, count: best.count, articles: best.articles)
    }

    /// The words the labels may be written with: their English, the memory's most frequent
    /// translation and any other it saw more than once (a translation seen once is as often
    /// bold put on a neighbouring verb as a label).
    private func labelWords(_ labels: [UnitRepair.Label]) -> Set<String> {
        var words: Set<String> = []
        for label in labels {
            var texts = [label.english]
            if let entry = memory?.entry(for: label.english) {
                texts += entry.translations.enumerated().filter { $0.offset == 0 || $0.element.count > 1 }.map(\.element.text)
            }
            for text in texts { words.formUnion(Self.words(text)) }
        }
        return words
    }

    /// True when `word` is a label word, or a compound that starts or ends with one of five
    /// letters or more (`filindstillinger`, `opdateringsindstillinger` beside `indstillinger`).
    static func isLabelWord(_ word: String, _ words: Set<String>) -> Bool {
        if words.contains(word) { return true }
        guard word.count >= 6 else { return false }
        return words.contains { $0.count >= 5 && $0.count < word.count && (word.hasSuffix($0) || word.hasPrefix($0)) }
    }

    /// True when only punctuation, emphasis markers and spaces follow `offset`.
    static func endsText(_ syntax: UnitSyntax, after offset: Int) -> Bool {
        syntax.bytes[min(offset, syntax.bytes.count)...].allSatisfy { Array(" \t\n*_.,;:!?".utf8).contains($0) }
    }

    static func words(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    /// The region grown over the bold runs next to it that hold only label words (the
    /// labels machine translation moved away from the `\>`).
    private func absorbingLabels(_ region: Range<Int>, _ target: UnitSyntax, _ words: Set<String>) -> Range<Int> {
        var region = region
        let bold = target.emphasis.filter(\.isStrong)
        func onlyLabelWords(_ span: UnitSyntax.Emphasis) -> Bool {
            let inner = Self.words(target.text(span.open.upperBound..<span.close.lowerBound))
            return !inner.isEmpty && inner.allSatisfy { Self.isLabelWord($0, words) }
        }
        while let next = bold.first(where: { $0.range.lowerBound == target.skippingSpaces(forwardFrom: region.upperBound) }),
            next.range.lowerBound >= region.upperBound, onlyLabelWords(next)
        {
            region = region.lowerBound..<next.range.upperBound
        }
        while let previous = bold.first(where: { $0.range.upperBound == target.skippingSpaces(backFrom: region.lowerBound) }),
            previous.range.upperBound <= region.lowerBound, onlyLabelWords(previous)
        {
            region = previous.range.lowerBound..<region.upperBound
        }
        return region
    }

    private static let closing: Set<Character> = [".", ",", ";", ":", "!", "?"]

    /// The broken text rewritten: its words that are not label words, as plain text, then
    /// the repaired path, then the punctuation that ended the broken text; and how many words were kept.
    private func rewrite(_ broken: String, _ words: Set<String>, path: String) -> (text: String, kept: Int) {
        let plain = broken.replacingOccurrences(of: "\\>", with: " ").replacingOccurrences(of: "**", with: " ")
            .replacingOccurrences(of: "__", with: " ")
        var kept: [String] = []
        for token in plain.split(whereSeparator: \.isWhitespace) {
            let core = Self.words(String(token))
            if core.isEmpty || core.allSatisfy({ Self.isLabelWord($0, words) }) { continue }
            kept.append(String(token.reversed().drop { Self.closing.contains($0) }.reversed()))
        }
        let trimmed = plain.reversed().drop(while: \.isWhitespace)
        let end = trimmed.first.flatMap { Self.closing.contains($0) ? String($0) : nil } ?? ""
        let lead = broken.prefix(while: \.isWhitespace)
        // The English may keep the punctuation inside its last label (`**Directory synchronization.**`).
        let pathEnd = path.reversed().first { $0 != "*" && $0 != "_" }
        let close = pathEnd.map { String($0) == end } ?? false ? "" : end
        return (lead + (kept.isEmpty ? "" : kept.joined(separator: " ") + " ") + path + close, kept.count)
    }

    // MARK: Split labels

    /// Bold runs in a row (TOLK306) that are one English label split in pieces: joined into one
    /// run when together they are the memory's translation of one of the unit's English bold
    /// labels. Most TOLK306 findings are bold moved onto other words (`**i ruden**
    /// **Sikkerhedsadministrator.**`): joining those would be wrong, so they are left alone.
    func splitEdits(_ source: UnitSyntax, _ target: UnitSyntax) -> [UnitRepair.Edit] {
        let chains = target.adjacentBoldRuns
        guard chains.count > source.adjacentBoldRuns.count else { return [] }
        let english = source.emphasis.filter(\.isStrong).map { source.labelText($0.range) }
        var edits: [UnitRepair.Edit] = []
        for chain in chains {
            let parts = chain.map { target.text($0.open.upperBound..<$0.close.lowerBound).trimmingSpaces }
            let joined = LabelFacts.clean(parts.joined(separator: " "))
            let range = chain[0].range.lowerBound..<chain[chain.count - 1].range.upperBound
            let match = english.first { label in
                memory?.entry(for: label)?.translations.contains { $0.text.lowercased() == joined.lowercased() } ?? false
            }
            guard let match else { continue }
            let best = memory?.best(for: match)
            // The memory's spelling when it is the pieces' words, else the pieces joined.
            let written = best.map { $0.text.lowercased() == joined.lowercased() } == true ? best!.text : parts.joined(separator: " ")
            let label = UnitRepair.Label(english: match, translation: written, count: best?.count ?? 0, articles: best?.articles ?? [])
            edits.append(UnitRepair.Edit(range: range, replacement: "**" + written + "**", kind: .labelSplit, labels: [label]))
        }
        return edits
    }

    // MARK: Links

    /// Links whose text the translation emptied (TOLK303), given the English link text.
    func linkEdits(_ source: UnitSyntax, _ target: UnitSyntax) -> [UnitRepair.Edit] {
        var sourceLinks = source.links.filter { !$0.isImage && !$0.isAutolink }
        var edits: [UnitRepair.Edit] = []
        for link in target.links where !link.isImage && !link.isAutolink && target.text(link.text).allSatisfy(\.isWhitespace) {
            guard
                let k = sourceLinks.firstIndex(where: {
                    LinkMismatch.comparable($0.destination) == LinkMismatch.comparable(link.destination)
                })
            else { continue }
            let english = source.text(sourceLinks.remove(at: k).text)
            guard !english.allSatisfy(\.isWhitespace) else { continue }
            edits.append(UnitRepair.Edit(range: link.text, replacement: english, kind: .emptyLinkText, labels: []))
        }
        return edits
    }
}
