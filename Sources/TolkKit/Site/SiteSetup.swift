import Foundation

/// Everything a build reads before the first article: the options checked, the
/// templates, the check configuration, the `--status` document, the output
/// folder, the plan of slugs, and the fingerprint of all of it (`settings`): an
/// incremental build is only possible while it is unchanged.
struct SiteSetup: Sendable {
    let folder: SiteFolder
    let plan: SitePlan
    let templates: HTMLTemplates
    let stylesheet: String
    let configuration: CheckConfiguration
    let checker: Checker
    /// Articles the configuration's `skip:` leaves unchecked (they are still published).
    let uncheckedPaths: Set<String>
    let runChecks: Bool
    /// Every article in the sitemap, without robots meta tags (`--index-all`).
    let indexAll: Bool
    /// The counts of the last full build (checks on, a cache folder given), else nil.
    let checkCache: SiteCheckCache?
    let pages: SiteArticlePages
    /// The base URL, ending in `/`, percent-encoded (a space as `%20`).
    let baseURL: String?
    /// The page folders or languages to build, lower-cased; nil: every language.
    let languages: Set<String>?
    let settings: String

    init(options: SiteBuilder.Options) throws(SiteError) {
        var info = stat()
        guard stat(options.content, &info) == 0 else {
            throw .io(options.content, "no such folder; give the folder of articles to publish")
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            throw .usage("\(options.content) is a file; give the folder of articles to publish")
        }
        let content = SiteFolder.resolved(SiteFolder.absolute(options.content))

        var baseURL: String?
        if let base = options.baseURL {
            guard let safe = SafeURL.link(base), ["http", "https"].contains(SafeURL.scheme(of: safe) ?? ""),
                let host = URLComponents(string: safe)?.host, !host.isEmpty, !safe.contains("#"), !safe.contains("?")
            else {
                throw .usage("--base-url \(base): give the site's absolute http or https address, such as https://help.example.com/docs/")
            }
            // Escaped once here, every absolute URL of the site (canonical, hreflang, sitemap) is.
            let escaped = SiteSearchEngines.escaped(safe)
            baseURL = escaped.hasSuffix("/") ? escaped : escaped + "/"
        }
        var statusURL: String?
        if let url = options.statusURL {
            guard let checked = SiteStatus.checkedURL(url) else {
                throw .usage("--status-url \(url): give an http or https URL (or a path on the site's own host)")
            }
            statusURL = checked
        }
        var reading: StatusReading?
        var statusBytes: [UInt8] = []
        if let file = options.statusFile {
            guard FileManager.default.isReadableFile(atPath: file), !FileManager.default.fileExists(atPath: file + "/.") else {
                throw .io(file, "no such status document (--status FILE: a JSON file)")
            }
            reading = StatusSource.file(file).read()
            statusBytes = (try? FileBytes.read(file, limit: 16 << 20)) ?? []
        }

        // Read on another core while this one reads the configuration and lists the articles.
        let templatesDirectory = options.templates
        let loadingTemplates = Background { () -> Result<HTMLTemplates, HTMLTemplateError> in
            Result { () throws(HTMLTemplateError) in
                if let templatesDirectory { try HTMLTemplates(directory: templatesDirectory) } else { try HTMLTemplates.builtIn() }
            }
        }

        var configuration = CheckConfiguration()
        var configurationBytes: [UInt8] = []
        if let path = CheckConfiguration.find(from: options.content) {
            do {
                configuration = try CheckConfiguration.load(path, rules: RuleRegistry.all)
            } catch {
                throw .located(error.description)
            }
            configurationBytes = (try? FileBytes.read(path, limit: 1 << 20)) ?? []
        }
        // The check cache too (it depends on the configuration, not on the articles).
        var loadingCache: Background<SiteCheckCache>?
        if options.runChecks, let directory = options.checkCacheDirectory {
            var fingerprint = ContentHash()
            fingerprint.add("tolk-site-checks 1 " + options.toolIdentity)
            fingerprint.add(configuration.path ?? "")
            fingerprint.add(configurationBytes)
            for rule in RuleRegistry.all { fingerprint.add(rule.id) }
            let checkFingerprint = fingerprint.hex
            loadingCache = Background { SiteCheckCache(directory: directory, content: content, checkFingerprint: checkFingerprint) }
        }

        let templates: HTMLTemplates
        switch loadingTemplates.value {
        case .success(let loaded): templates = loaded
        case .failure(let error): throw .templates(error)
        }
        for name in SiteIndexPages.requiredTemplates where !templates.hasTemplate(name) {
            throw .templates(
                HTMLTemplateError(
                    path: templates.directory + "/\(name).mustache",
                    message: "a site needs \(name).mustache besides page.mustache; tolk site --export-templates DIR writes Tolk's"))
        }

        folder = try SiteFolder(output: options.output, content: content, removeInBackground: options.removeOldSiteInBackground)
        let outputPrefix = folder.path + "/"
        let articles = ArticleLocator.articles(under: content).filter { !$0.hasPrefix(outputPrefix) }
        languages = options.languages.map { Set($0.map { PageLanguage.tag($0).lowercased() }) }
        plan = SitePlan(
            contentRoot: content, articles: articles, localeFolders: ArticleLocator(contentDirectory: content).localeFolders(),
            languages: languages)
        let configurationFolder = configuration.path.map {
            SiteFolder.resolved(SiteFolder.absolute(($0 as NSString).deletingLastPathComponent))
        }
        uncheckedPaths = Set(
            plan.entries.filter { configuration.skips(SitePlan.relativePath($0.path, root: configurationFolder ?? content)) }.map(\.path))
        self.templates = templates
        stylesheet = templates.stylesheet
        self.configuration = configuration
        var checker = Checker(configuration: configuration, jobs: options.jobs)
        // The rules that compare an article's copies in locale folders (TOLK703) run on a folder of them.
        checker.context.comparesLocaleFolders = Set(plan.entries.compactMap(\.localeFolder)).count > 1
        self.checker = checker
        runChecks = options.runChecks
        checkCache = loadingCache?.value
        self.baseURL = baseURL
        let status = SiteStatus(reading: reading, url: statusURL)
        indexAll = options.indexAll
        pages = SiteArticlePages(
            plan: plan, templates: templates, baseURL: baseURL, status: status, media: SiteMedia(contentRoot: content),
            indexAll: options.indexAll)

        var hash = ContentHash()
        hash.add("tolk-site 1 " + options.toolIdentity)
        hash.add(templates.fingerprint)
        hash.add(baseURL ?? "")
        hash.add(statusURL ?? "")
        hash.add(options.statusFile ?? "")
        hash.add(statusBytes)
        hash.add(configurationBytes)
        hash.add(plan.fingerprint)
        hash.add(runChecks ? "checks" : "no checks")
        hash.add(indexAll ? "index all" : "robots")
        hash.add(languages.map { $0.sorted().joined(separator: ",") } ?? "all languages")
        settings = hash.hex
    }

    /// The previous build's manifest, when its settings are this build's.
    func previousManifest() -> SiteManifest? {
        guard folder.exists, let manifest = SiteManifest.read(folder.path + "/" + SiteFileWriter.manifestName),
            manifest.settings == settings
        else { return nil }
        return manifest
    }
}
