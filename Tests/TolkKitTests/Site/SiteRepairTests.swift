import Foundation
import Testing

@testable import TolkKit

/// The site's repaired reading: pages rendered as published first, then the articles with
/// units to repair rendered again with the memory of the whole set.
@Suite("tolk site: repaired reading")
struct SiteRepairTests {
    static let content = Fixtures.packageRoot.appendingPathComponent("Tests/TolkKitTests/Fixtures/labels").path
    static let repairedPath = "gå til brugere > aktive brugere, og på siden Aktive brugere skal du vælge flere > Katalogsynkronisering."

    static func page(_ out: String) throws -> String {
        try SiteTesting.read(out + "/da/password-sync/index.html")
    }

    /// The page's text: tags dropped, `&gt;` read.
    static func text(_ html: String) -> String {
        html.replacingOccurrences(of: #"<[^>]+>"#, with: "", options: .regularExpression).replacingOccurrences(of: "&gt;", with: ">")
    }

    @Test("the seed's broken paths repaired from the other articles; the same with the counts from the check cache; none with repairs off")
    func repaired() throws {
        let root = try SiteTesting.temporaryFolder("tolk-site-repair")
        defer { try? FileManager.default.removeItem(atPath: root) }
        var options = SiteTesting.options(Self.content, root + "/cold")
        options.checkCacheDirectory = root + "/cache"
        let cold = try SiteTesting.build(options)
        #expect(cold.rendered == 5)
        let page = try Self.page(root + "/cold")
        #expect(page.contains("<span class=\"tu-repaired\""))
        #expect(Self.text(page).contains(Self.repairedPath))
        // Articles without units to repair are not rendered twice: their pages have no repair.
        #expect(!(try SiteTesting.read(root + "/cold/da/add-another-email-alias/index.html")).contains("tu-repaired"))
        // Every article's counts from the cache: no analysis in the pass, the labels from a parse of their own.
        options.output = root + "/warm"
        let warm = try SiteTesting.build(options)
        #expect(warm.checksFromCache == 5)
        #expect(try Self.page(root + "/warm") == page)
        options.output = root + "/plain"
        options.repairs = false
        _ = try SiteTesting.build(options)
        let plain = try Self.page(root + "/plain")
        #expect(!plain.contains("tu-repaired"))
        #expect(Self.text(plain).contains("gå til Aktive brugere > , og på siden"))
        // The second rendering keeps the findings the rules counted in the first: the same record as without repairs.
        func record(_ site: String) throws -> String? {
            try SiteTesting.read(site + "/" + SiteFileWriter.manifestName).split(separator: "\n").first {
                $0.hasPrefix("password-sync.md\t")
            }
            .map(String.init)
        }
        #expect(try record(root + "/cold") != nil)
        #expect(try record(root + "/cold") == record(root + "/plain"))
        #expect(!Self.text(plain).contains(Self.repairedPath))
    }
}
