import Foundation

/// Runs the rules over a set of articles on all cores, applies the
/// configuration, inline suppressions and a baseline, and returns findings in a
/// stable order (path, line, column, rule) with per-article statistics.
public struct Checker: Sendable {
    /// The rules that run; changing them rebuilds the plan.
    public var rules: [any Rule.Type] { didSet { plan = Plan(rules, context) } }
    /// What the rules may consult; changing it rebuilds the plan.
    public var context: CheckContext { didSet { plan = Plan(rules, context) } }
    /// How many articles are checked at once.
    public var jobs: Int

    /// The rules the configuration leaves on, with their severities, worked out once
    /// rather than for every article: the single-article rules apart from the rules
    /// that compare articles (by their index among the active rules).
    private struct Plan: Sendable {
        var active: [(rule: any Rule.Type, severity: Diagnostic.Severity)] = []
        var single: [(rule: any Rule, type: any Rule.Type, severity: Diagnostic.Severity)] = []
        var set: [(index: Int, rule: any SetRule)] = []

        init(_ rules: [any Rule.Type], _ context: CheckContext) {
            for rule in rules {
                guard let severity = context.configuration.severity(of: rule) else { continue }
                let instance = rule.init()
                if let setRule = instance as? any SetRule {
                    set.append((active.count, setRule))
                } else {
                    single.append((instance, rule, severity))
                }
                active.append((rule, severity))
            }
        }
    }

    private var plan: Plan

    /// A checker that runs `rules` under `configuration` on up to `jobs` threads.
    public init(
        rules: [any Rule.Type] = RuleRegistry.all, configuration: CheckConfiguration = CheckConfiguration(),
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.rules = rules
        self.context = CheckContext(configuration: configuration)
        self.jobs = jobs
        plan = Plan(rules, context)
    }

    /// The findings of a check run, with each article's statistics and the number checked.
    public struct Result: Sendable {
        /// The findings, in stable order.
        public var findings: [Finding]
        /// Each checked article's unit counts (coverage); the checks leave word counts at 0.
        public var statistics: [ArticleStatistics]
        /// Articles checked (skipped ones are not counted).
        public var articleCount: Int
    }

    /// Checks `paths` (files); `progress` is called from worker threads with the count done.
    public func run(_ paths: [String], progress: (@Sendable (Int) -> Void)? = nil) -> Result {
        result(of: Array(zip(paths, checkEach(paths, progress: progress))))
    }

    /// Each article's own check, in the order of `paths`, before the rules that compare
    /// articles judge the set (a shard of a sharded check stops here).
    public func checkEach(_ paths: [String], progress: (@Sendable (Int) -> Void)? = nil) -> [ArticleCheck] {
        let done = AtomicCounter()
        let checker = self
        // The rules read units and their analysis, never the rendered blocks or steps.
        return ArticleParser(analyzesUnits: true, buildsDocuments: false).parseAll(paths, jobs: jobs) { path, parsed -> ArticleCheck in
            defer { progress?(done.increment() + 1) }
            switch parsed {
            case .failure(let error): return checker.check(failure: error, path: path)
            case .success(let article): return checker.check(article)
            }
        }
    }

    /// The result of the articles' checks, in the order given: their findings and the
    /// judgement of the rules that compare articles, sorted.
    public func result(of checks: [(path: String, check: ArticleCheck)]) -> Result {
        var findings = checks.flatMap(\.check.findings)
        findings += judge(checks)
        findings.sort(by: Finding.ordered)
        return Result(findings: findings, statistics: checks.compactMap(\.check.statistics), articleCount: checks.count)
    }

    /// What the rules found in one article: its findings, its statistics, and the facts
    /// the rules that compare articles judge once every article is checked (`judge`).
    public struct ArticleCheck: Sendable {
        /// The article's findings from the rules that check one article at a time.
        public internal(set) var findings: [Finding] = []
        /// The article's unit counts (word counts left at 0); nil when the article was not read.
        public internal(set) var statistics: ArticleStatistics?
        var facts: [Int: any Sendable] = [:]
        var suppressions: Suppressions?
    }

    /// The English of an article as TOLK703 gathered it in `check` (see `OutdatedTranslation.english(of:)`),
    /// when the rule ran and compared locale folders.
    static func englishFacts(_ check: ArticleCheck) -> OutdatedTranslation.Facts? {
        for value in check.facts.values { if let facts = value as? OutdatedTranslation.Facts { return facts } }
        return nil
    }

    /// Runs the single-article rules on an article already parsed (a site checks the
    /// model it renders, without reading the file again).
    /// The rules read `article.analysis`; an article parsed without it is parsed again with it.
    public func check(_ article: Article) -> ArticleCheck {
        let article = Self.analyzed(article)
        var result = facts(article)
        // Coverage needs the units only; no report of the checks shows word counts.
        result.statistics = ArticleStatistics(article, countingWords: false)
        let suppressions = result.suppressions ?? Suppressions(article)
        for (instance, rule, severity) in plan.single {
            var report = FindingReport(rule: rule, path: article.path, severity: severity)
            instance.check(article, context, &report)
            guard !report.findings.isEmpty else { continue }
            result.findings += suppressions.isEmpty ? report.findings : report.findings.filter { !suppressions.suppresses($0) }
        }
        return result
    }

    /// Only what the rules that compare articles need of an article (their facts and the
    /// article's suppressions), without running the single-article rules: for an article
    /// whose own findings are already known (a site's check cache).
    public func facts(_ article: Article) -> ArticleCheck {
        let article = Self.analyzed(article)
        var result = ArticleCheck()
        result.suppressions = Suppressions(article)
        for (index, setRule) in plan.set {
            result.facts[index] = setRule.erasedFacts(article, context)
        }
        return result
    }

    static func analyzed(_ article: Article) -> Article {
        guard article.analysis == nil else { return article }
        return (try? ArticleParser(analyzesUnits: true).parse(bytes: article.bytes, path: article.path)) ?? article
    }

    /// The TOLK001 finding for a file that is not a readable article.
    public func check(failure error: ArticleError, path: String) -> ArticleCheck {
        var result = ArticleCheck()
        var report = FindingReport(
            rule: UnreadableArticle.self, path: path, severity: context.configuration.severity(of: UnreadableArticle.self) ?? .error)
        report.add(error.message, at: error.location, key: error.kind.rawValue)
        result.findings = report.findings
        return result
    }

    /// The findings of the rules that compare articles (consistency across the set),
    /// from the checks of every article, keyed by path.
    public func judge(_ checks: [(path: String, check: ArticleCheck)]) -> [Finding] {
        var suppressionsByPath: [String: Suppressions] = [:]
        for (path, check) in checks { suppressionsByPath[path] = check.suppressions }
        var findings: [Finding] = []
        for (index, (rule, severity)) in activeRules.enumerated() {
            guard let setRule = rule.init() as? any SetRule else { continue }
            let facts = checks.compactMap { path, r in r.facts[index].map { (path: path, facts: $0) } }
            findings += setRule.erasedJudge(facts, context).compactMap { finding in
                var f = finding
                f.severity = severity
                return suppressionsByPath[f.path]?.suppresses(f) == true ? nil : f
            }
        }
        return findings
    }

    /// The rules the configuration leaves on, with their severities.
    var activeRules: [(any Rule.Type, Diagnostic.Severity)] { plan.active.map { ($0.rule, $0.severity) } }
}

extension SetRule {
    func erasedFacts(_ article: Article, _ context: CheckContext) -> any Sendable { facts(article, context) }

    func erasedJudge(_ facts: [(path: String, facts: any Sendable)], _ context: CheckContext) -> [Finding] {
        judge(facts.compactMap { item in (item.facts as? Facts).map { (path: item.path, facts: $0) } }, context)
    }
}

/// `<!-- tolk-ignore RULE… -->` suppresses the rules it names (all when none)
/// for the next unit; `<!-- tolk-ignore-file RULE… -->` for the whole file.
struct Suppressions: Sendable, Codable {
    private static let commentOpen = Array("<!--".utf8)
    private static let keyword = Array("tolk-ignore".utf8)
    private static let pattern = try! NSRegularExpression(pattern: #"<!--\s*tolk-ignore(-file)?((?:\s+[A-Za-z0-9-]+)*)\s*-->"#)

    private var file: Set<String>? = nil
    private var fileAll = false
    private var units: [String: Set<String>] = [:]

    init(_ article: Article) {
        // Almost no article has a suppression: look for the bytes before making a String of the file.
        // A suppression is an HTML comment: search for `<!--` (`<` is far rarer than the `t` of
        // `tolk-ignore`), then for the word from there.
        let found = article.bytes.withUnsafeBufferPointer { bytes -> Bool in
            var from = 0
            while let comment = UnitScanner.find(Self.commentOpen, in: bytes, from: from) {
                let end = min(bytes.count, comment + 40)
                if UnitScanner.find(Self.keyword, in: UnsafeBufferPointer(rebasing: bytes[..<end]), from: comment) != nil {
                    return true
                }
                from = comment + 4
            }
            return false
        }
        guard found else { return }
        let text = String(decoding: article.bytes, as: UTF8.self)
        let ns = text as NSString
        for match in Self.pattern.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let names = Set(ns.substring(with: match.range(at: 2)).split(whereSeparator: \.isWhitespace).map { String($0).uppercased() })
            if match.range(at: 1).location != NSNotFound {
                if names.isEmpty { fileAll = true } else { file = (file ?? []).union(names) }
                continue
            }
            let end = ns.substring(to: match.range.location + match.range.length).utf8.count
            if let unit = article.units.first(where: { $0.range.start.offset >= end }) {
                units[unit.id, default: []].formUnion(names.isEmpty ? ["*"] : names)
            }
        }
    }

    /// True when the article silences nothing (almost every article).
    var isEmpty: Bool { !fileAll && file == nil && units.isEmpty }

    func suppresses(_ finding: Finding) -> Bool {
        if fileAll { return true }
        let names: Set<String> = [finding.ruleID.uppercased(), finding.ruleName.uppercased()]
        if let file, !file.isDisjoint(with: names) { return true }
        guard let unit = finding.unitID, let rules = units[unit] else { return false }
        return rules.contains("*") || !rules.isDisjoint(with: names)
    }
}
