import Foundation

extension SiteBuilder {
    /// The repaired reading (`RepairedReading`) needs the memory of the whole article set,
    /// which is known only once every article is parsed: the pass renders the pages as
    /// published, gathers each copy's labels from the analysis the rules read, and holds
    /// back the few articles with units to repair, which are rendered here, once, with the
    /// memory. Copies the pass did not analyse (their counts came from the check cache, or
    /// the rules did not run) are parsed for their labels first, and those with units to
    /// repair read and rendered again.
    func repair(
        _ outcomes: [SiteArticlePass.Outcome?], pass: SiteArticlePass, labels: SiteLabelCollector, writer: SiteFileWriter,
        shouldStop: @escaping @Sendable () -> Bool
    ) throws(SiteError) -> [SiteArticlePass.Outcome?] {
        let plan = pass.plan
        let missing = plan.entries.map(\.path).filter { !labels.has($0) }
        if !missing.isEmpty {
            _ = ArticleParser(analyzesUnits: true, buildsDocuments: false).parseAll(missing, jobs: max(1, options.jobs)) { path, parsed in
                if let article = try? parsed.get() { labels.add(path, article) }
                return 0
            }
        }
        var second = pass
        second.labels = nil
        // The rules ran in the pass; the second rendering keeps their counts (below).
        second.runChecks = false
        second.memories = LabelMemory.memories(labels.facts)
        let repairing = second
        // Held back by the pass: rendered once, now. Rendered by the pass because their labels were
        // learnt only above (their counts came from the cache): read and rendered again.
        let held = pass.held?.current ?? []
        let heldEntries = Set(held.flatMap(\.indices))
        let articles = plan.articles.filter { copies in
            !copies.contains(where: heldEntries.contains) && copies.contains { labels.needsRepair(plan.entries[$0].path) }
                && copies.contains { if case .built = outcomes[$0] { return true } else { return false } }
        }
        let slots = Slots<SiteArticlePass.Outcome>(count: plan.entries.count)
        let failure = FirstError()
        let next = AtomicCounter()
        let jobs = held.count + articles.count
        DispatchQueue.concurrentPerform(iterations: max(1, min(options.jobs, jobs))) { _ in
            while !shouldStop(), !failure.isSet {
                let k = next.increment()
                guard k < jobs else { return }
                do {
                    if k < held.count {
                        for (i, outcome) in zip(held[k].indices, try repairing.render(held[k], writer: writer)) { slots.set(i, outcome) }
                    } else {
                        let indices = articles[k - held.count]
                        for (i, outcome) in zip(indices, try repairing.process(indices, writer: writer)) { slots.set(i, outcome) }
                    }
                } catch {
                    failure.set(error)
                }
            }
        }
        if let error = failure.error { throw error }
        if shouldStop() { throw SiteError.interrupted }
        var result = outcomes
        for (i, outcome) in slots.values.enumerated() {
            guard let outcome else { continue }
            if case .built(var record, _, let images, let problems, let digest) = outcome,
                case .built(let first, let check, _, _, _)? = outcomes[i]
            {
                record.findings = first.findings
                record.crossFindings = first.crossFindings
                record.checked = first.checked
                result[i] = .built(record, check, images, problems: problems, digest: digest)
            } else {
                result[i] = outcome
            }
        }
        return result
    }
}

/// The UI labels of the copies the article pass analysed, and which of them have units to
/// repair (a broken UI path, an emptied link text, an empty translation), from its threads.
final class SiteLabelCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var byPath: [String: LabelFacts] = [:]
    private var repairable: Set<String> = []

    /// The rules whose findings the repaired reading repairs, for copies the pass did not
    /// check: an article they find nothing in has nothing to repair.
    private static let detector = Checker(rules: [UIPathBroken.self, UILabelSplit.self, EmptyLinkText.self, EmptyTarget.self])

    /// Keeps the labels of `article`, which carries its unit analysis. `findings`, when the
    /// rules ran on it, tell whether it has units to repair (as `.tolk.yml` configures them);
    /// otherwise the four rules are run here.
    func add(_ path: String, _ article: Article, findings: [Finding]? = nil) {
        let facts = LabelFacts(article)
        let repairRules: Set<String> = [UIPathBroken.id, UILabelSplit.id, EmptyLinkText.id, EmptyTarget.id]
        let needsRepair =
            findings.map { $0.contains { repairRules.contains($0.ruleID) } } ?? !Self.detector.check(article).findings.isEmpty
        lock.lock()
        byPath[path] = facts
        if needsRepair { repairable.insert(path) }
        lock.unlock()
    }

    func has(_ path: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return byPath[path] != nil
    }

    func needsRepair(_ path: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return repairable.contains(path)
    }

    /// Every copy's labels, in path order.
    var facts: [LabelFacts] {
        lock.lock()
        defer { lock.unlock() }
        return byPath.keys.sorted().map { byPath[$0]! }
    }
}
