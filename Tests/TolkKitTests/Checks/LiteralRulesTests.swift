import Testing
@testable import TolkKit

@Suite("Rules: literals")
struct LiteralRulesTests {
    @Test("TOLK403's quick test finds a digit anywhere, after any letters")
    func mayHaveDigit() {
        #expect(!NumberChanged.mayHaveDigit(""))
        #expect(!NumberChanged.mayHaveDigit("Vælg Gem, og luk så vinduet på skærmen."))
        #expect(NumberChanged.mayHaveDigit("Vælg Gem, og luk så vinduet på skærmen 2."))
        #expect(NumberChanged.mayHaveDigit("9 æøå"))
        #expect(NumberChanged.mayHaveDigit("æøåæøåæøå 0 æøå"))
        #expect(!NumberChanged.mayHaveDigit("abcdefgh/ijklmno:/:/:/:/"))  // the bytes either side of the digits
        #expect(NumberChanged.mayHaveDigit("abcdefgh/ijklmno:/:/:/:/7"))
    }

    /// The column of `needle` in the target of a unit written by `RuleTesting.article(units:)`:
    /// the target starts after `<span data-ttu-id="abcde-1NN">`, at column 31.
    static func column(of needle: String, in target: String) -> Int {
        let prefix = target.range(of: needle).map { target[..<$0.lowerBound] } ?? ""
        return 31 + prefix.unicodeScalars.count
    }

    // MARK: - TOLK401 url-changed

    @Test("TOLK401 url-changed: a URL cut at the placeholder in the deleted-form article")
    func urlChangedHit() throws {
        let findings = try RuleTesting.findings(URLChanged.self, fixture: "checks/restore-a-deleted-form.md")
        #expect(findings.count == 1)
        let f = try #require(findings.first)
        #expect(f.ruleID == "TOLK401")
        #expect(f.severity == .error)
        #expect(f.unitID == "9281d-111")
        #expect(f.location.line == 28 && f.location.column == 274)
        #expect(f.message.contains("\"https://forms.office.com/Pages/delegatepage.aspx?originalowner=\""))
    }

    @Test("TOLK401 url-changed: a URL split by spaces around pseudo-tags (case 14)")
    func urlChangedSplit() throws {
        let findings = try RuleTesting.findings(URLChanged.self, fixture: "cases/14-recover-the-home-dot-aspx-page.md")
        let f = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(f.unitID == "15d33-104")
        #expect(f.location.line == 26 && f.location.column == 41)
        #expect(f.message.contains(#"https://\<tenantname>.sharepoint.com/sites/\<sitename>/_layouts/15/RecycleBin.aspx"#))
    }

    @Test("TOLK401 near miss: a period after the URL in the English only, autolinks kept (case 12)")
    func urlChangedNearMiss() throws {
        #expect(try RuleTesting.findings(URLChanged.self, fixture: "checks/hcw-error-adsts50011.md").isEmpty)
        #expect(try RuleTesting.findings(URLChanged.self, fixture: "cases/12-teams-client-is-stuck-on-loading.md").isEmpty)
    }

    @Test("TOLK401: a localized language segment is allowed, another path is not")
    func urlChangedLocaleSegment() throws {
        let source = "See https://docs.microsoft.com/en-us/office/setup for details."
        let localized = "詳細については、https://docs.microsoft.com/ja-JP/office/setup を参照してください。"
        #expect(try RuleTesting.findings(URLChanged.self, units: [(localized, source)], locale: "ja-JP").isEmpty)
        let altered = "Se https://docs.microsoft.com/da-dk/office/opsætning for at få flere oplysninger."
        let findings = try RuleTesting.findings(URLChanged.self, units: [(altered, source)])
        #expect(findings.count == 1)
        #expect(findings.first?.location.column == Self.column(of: "https://", in: altered))
    }

    @Test("TOLK401: a URL is compared whole, so a longer URL that contains the English one differs")
    func urlChangedWholeToken() throws {
        let source = "Go to https://aka.ms/recoverykey to find the key."
        let target = "Gå til https://aka.ms/recoverykeyzz for at finde nøglen."
        let findings = try RuleTesting.findings(URLChanged.self, units: [(target, source)])
        #expect(findings.count == 1)
        #expect(
            findings.first?.message.contains("\"https://aka.ms/recoverykeyzz\" differs from the English \"https://aka.ms/recoverykey\"")
                == true)
        #expect(findings.first?.location.column == Self.column(of: "https://", in: target))
    }

    // MARK: - TOLK402 email-changed

    @Test("TOLK402 email-changed: a translated example address")
    func emailChangedHit() throws {
        let findings = try RuleTesting.findings(EmailChanged.self, fixture: "checks/understand-billing-amount-azure.md")
        #expect(findings.count == 1)
        let f = try #require(findings.first)
        #expect(f.ruleID == "TOLK402")
        #expect(f.unitID == "03571-136")
        #expect(f.location.line == 68 && f.location.column == 151)
        #expect(f.message.contains("\"bruger.navn@xxxx.onmicrosoft.com\"") && f.message.contains("\"user.name@xxxx.onmicrosoft.com\""))
    }

    @Test("TOLK402 near miss: a capital at the start of a sentence and Danish compound endings")
    func emailChangedNearMiss() throws {
        #expect(try RuleTesting.findings(EmailChanged.self, fixture: "checks/notifications-in-yammer.md").isEmpty)
        #expect(try RuleTesting.findings(EmailChanged.self, fixture: "checks/onedrive-account-will-be-deleted-message.md").isEmpty)
    }

    @Test("TOLK402: a dropped address is reported at the start of the translation")
    func emailMissing() throws {
        let target = "Skriv til os."
        let findings = try RuleTesting.findings(EmailChanged.self, units: [(target, "Write to support@contoso.com.")])
        #expect(findings.count == 1)
        #expect(findings.first?.location.column == 31)
        #expect(findings.first?.message.contains("support@contoso.com") == true)
    }

    // MARK: - TOLK403 number-changed

    @Test("TOLK403 number-changed: an IP address that lost a segment")
    func numberChangedHit() throws {
        let findings = try RuleTesting.findings(NumberChanged.self, fixture: "checks/help-with-wifi-password.md")
        #expect(findings.count == 1)
        let f = try #require(findings.first)
        #expect(f.ruleID == "TOLK403")
        #expect(f.severity == .warning)
        #expect(f.unitID == "d2fad-122")
        #expect(f.location.line == 59 && f.location.column == 71)
        #expect(f.message.hasPrefix("the English number \"10.0.0.1\" ("))
        #expect(f.message.contains("is \"10.0.1\" in the translation"))
    }

    @Test("TOLK403 number-changed: the day of a date lost by machine translation")
    func numberChangedDate() throws {
        let findings = try RuleTesting.findings(NumberChanged.self, fixture: "checks/upload-microsoft-teams-meeting-recording-to-stream.md")
        #expect(findings.count == 1)
        let f = try #require(findings.first)
        #expect(f.unitID == "60305-104")
        #expect(f.location.line == 24)
        #expect(f.message.hasPrefix("the English number \"20\" (\"…ever, starting  **August 20, 2020**"))
        #expect(f.message.contains("is missing from the translation"))
    }

    @Test("TOLK403 near miss: a date that is the same in both languages")
    func numberChangedSameDate() throws {
        // `As of July 1, 2020` → `Pr. 1. juli 2020`.
        #expect(try RuleTesting.findings(NumberChanged.self, fixture: "checks/new-office-365-e1-trial.md").isEmpty)
        // `8/8/2019` on both sides, and 1,883 other units (case 7).
        #expect(try RuleTesting.findings(NumberChanged.self, fixture: "cases/07-alchemyinsights-content-updates.md").isEmpty)
        #expect(
            try RuleTesting.findings(NumberChanged.self, units: [("23. juni 2021", "June 23, 2021"), ("6/23/2021", "6/23/2021")]).isEmpty)
    }

    @Test("TOLK403 near miss: Danish separators, `30 million`, numbers as words")
    func numberChangedNearMiss() throws {
        // 2,000 → 2.000; 30 million → 30.000.000; every 12 months → hver tolvte måned; 1 → ét.
        for fixture in [
            "checks/cutover-migrations-to-office-365.md", "checks/sharepoint-large-lists.md",
            "checks/apple-mdm-push-certificate-has-not-been-set-up.md", "cases/08-error-code-0x15.md",
        ] {
            #expect(try RuleTesting.findings(NumberChanged.self, fixture: fixture).isEmpty, "\(fixture)")
        }
    }

    @Test("TOLK403: other locales' separators and digits")
    func numberChangedLocales() throws {
        #expect(try RuleTesting.findings(NumberChanged.self, units: [("Bis zu 1.000,5 GB.", "Up to 1,000.5 GB.")], locale: "de-DE").isEmpty)
        #expect(try RuleTesting.findings(NumberChanged.self, units: [("حتى ١٠٠ مستخدم.", "Up to 100 users.")], locale: "ar-SA").isEmpty)
        #expect(try RuleTesting.findings(NumberChanged.self, units: [("12か月ごとに更新します。", "Renew every 12 months.")], locale: "ja-JP").isEmpty)
        // Small numbers are not checked where no number words are known.
        #expect(try RuleTesting.findings(NumberChanged.self, units: [("รอสามชั่วโมง", "Wait 3 hours.")], locale: "th-TH").isEmpty)
        #expect(try RuleTesting.findings(NumberChanged.self, units: [("ภายในปี 2564", "By 2021.")], locale: "th-TH").isEmpty)
        let findings = try RuleTesting.findings(NumberChanged.self, units: [("Bis zu 100 GB.", "Up to 1,000 GB.")], locale: "de-DE")
        #expect(findings.count == 1)
        #expect(findings.first?.location.column == Self.column(of: "100", in: "Bis zu 100 GB."))
    }

    @Test("TOLK403 near miss: space grouping, 万 and 億, comma lists, ordinals and days in words")
    func numberChangedPrecision() throws {
        let sv = [
            ("Upp till 5 000 användare.", "Up to 5,000 users."),
            ("Upp till 5\u{00A0}000 användare.", "Up to 5,000 users."),
            ("Summan är 1 000,00 kr.", "The total is $1,000.00."),
            ("Migrera Exchange Server 2013 2016 2019 gemensamma mappar", "Migrate Exchange Server 2013,2016,2019 public folders"),
            ("Den tredje fliken.", "The 3rd tab."),
            ("Förnya certifikatet var tolfte månad.", "Renew the certificate every 12 months."),
            ("Vi förstår att ett dygn kanske känns som en lång tid.", "We understand that 24 hours may seem like a long time."),
            ("Upp till 1 miljon objekt.", "Up to 1,000,000 items."),
        ]
        for unit in sv {
            #expect(try RuleTesting.findings(NumberChanged.self, units: [unit], locale: "sv-SE").isEmpty, "\(unit.1)")
        }
        let zh = [
            ("如果要导出超过10万个邮箱", "If you are exporting more than 100K mailboxes"),
            ("最多 100 万个项目。", "Up to 1 million items."),
            ("最多 1億 个项目。", "Up to 100 million items."),
            ("将 Exchange Server 2013，2016，2019 公用文件夹迁移", "Migrate Exchange Server 2013,2016,2019 public folders"),
        ]
        for unit in zh {
            #expect(try RuleTesting.findings(NumberChanged.self, units: [unit], locale: "zh-CN").isEmpty, "\(unit.1)")
        }
        // Bengali, Lao, Khmer and Myanmar digits are digits.
        let digits = [("bn-IN", "২৫ টি অক্ষর"), ("lo-LA", "໒໕ ຕົວອັກສອນ"), ("km-KH", "តួអក្សរ ២៥"), ("my-MM", "စာလုံး ၂၅ လုံး")]
        for (locale, target) in digits {
            #expect(
                try RuleTesting.findings(NumberChanged.self, units: [(target, "Up to 25 characters.")], locale: locale).isEmpty, "\(locale)"
            )
        }
    }

    @Test("TOLK403: `100%` before an adjective means fully; `100% of` is a number")
    func numberChangedIntensifier() throws {
        let fully = ("现在，任何拥有 SharePoint 许可证的用户都可以使用该功能。", "Feature is now 100% available to any user with a SharePoint License.")
        #expect(try RuleTesting.findings(NumberChanged.self, units: [fully], locale: "zh-CN").isEmpty)
        let share = ("任何用户都可以使用该功能。", "Feature is available to 100% of users.")
        #expect(try RuleTesting.findings(NumberChanged.self, units: [share], locale: "zh-CN").count == 1)
    }

    @Test("TOLK403: a number in a comma list, a 万 amount or a grouped number that changed is still reported")
    func numberChangedPrecisionHits() throws {
        let list = "Migrera Exchange Server 2013 2016 2018 gemensamma mappar"
        let listFindings = try RuleTesting.findings(
            NumberChanged.self, units: [(list, "Migrate Exchange Server 2013,2016,2019 public folders")], locale: "sv-SE")
        #expect(listFindings.count == 1)
        #expect(listFindings.first?.message.hasPrefix("the English number \"2019\"") == true)
        #expect(listFindings.first?.message.contains("is \"2018\" in the translation") == true)
        let wan = "导出超过10个邮箱的结果"
        let wanFindings = try RuleTesting.findings(
            NumberChanged.self, units: [(wan, "Exporting results from more than 100K mailboxes")], locale: "zh-CN")
        #expect(wanFindings.count == 1)
        #expect(wanFindings.first?.message.hasPrefix("the English number \"100\"") == true)
        let grouped = try RuleTesting.findings(
            NumberChanged.self, units: [("Upp till 5 500 användare.", "Up to 5,000 users.")], locale: "sv-SE")
        #expect(grouped.count == 1)
        #expect(try RuleTesting.findings(NumberChanged.self, units: [("স্তর ২৬", "Level 25")], locale: "bn-IN").count == 1)
    }

    @Test("TOLK403 near miss: versions, identifiers and code")
    func numberChangedIdentifiers() throws {
        let units = [
            ("Versionsnummeret forbliver 16,0.", "The version number stays at 16.0."),
            ("Fejlkoderne CS008-009 og KB4567523.", "Error codes CS008-009 and KB4567523."),
            ("Kør `Set-Limit 500`.", "Run `Set-Limit 5000`."),
        ]
        #expect(try RuleTesting.findings(NumberChanged.self, units: units).isEmpty)
    }

    // MARK: - TOLK404 placeholder-changed

    @Test("TOLK404 placeholder-changed: a translated pseudo-tag")
    func placeholderChangedHit() throws {
        let findings = try RuleTesting.findings(
            PlaceholderChanged.self, fixture: "checks/find-what-you-need-with-microsoft-search-in-bing.md")
        #expect(findings.count == 1)
        let f = try #require(findings.first)
        #expect(f.ruleID == "TOLK404")
        #expect(f.severity == .error)
        #expect(f.unitID == "b7a7a-110")
        #expect(f.location.line == 28 && f.location.column == 75)
        #expect(f.message.contains("\"< emne >\"") && f.message.contains("\"< topic >\""))
    }

    @Test("TOLK404 placeholder-changed: `<**webstedsnavn**>` for `<**sitename**>` (case 14), spaced environment variables")
    func placeholderChangedMore() throws {
        let site = try RuleTesting.findings(PlaceholderChanged.self, fixture: "cases/14-recover-the-home-dot-aspx-page.md")
        #expect(site.count == 1)
        #expect(site.first?.message.contains("<**webstedsnavn**>") == true)
        let variables = try RuleTesting.findings(PlaceholderChanged.self, fixture: "checks/solutions-for-error-30016-4.md")
        #expect(
            Set(variables.map(\.message).map { $0.contains("%temp%") ? "temp" : $0.contains("%ProgramFiles%") ? "pf" : "?" }) == [
                "temp", "pf",
            ])
        #expect(Set(variables.map(\.fingerprint)).count == 2)
    }

    @Test("TOLK404 near miss: `<email address>` kept, `$select` capitalised")
    func placeholderChangedNearMiss() throws {
        #expect(
            try RuleTesting.findings(
                PlaceholderChanged.self, fixture: "cases/13-multiple-objects-have-the-same-email-address-as-identity.md"
            ).isEmpty)
        #expect(try RuleTesting.findings(PlaceholderChanged.self, fixture: "checks/querying-the-microsoft-graph-api.md").isEmpty)
    }

    @Test("TOLK404: format items, printf items, Thai leaks")
    func placeholderSynthetic() throws {
        let kept = [("Angiv {0} og %s, og klik på 50 %.", "Enter {0} and %s, then click 50%.")]
        #expect(try RuleTesting.findings(PlaceholderChanged.self, units: kept).isEmpty)
        let spaced = "Angiv { 0 } og %1."
        let spacedFindings = try RuleTesting.findings(PlaceholderChanged.self, units: [(spaced, "Enter {0} and %1.")])
        #expect(spacedFindings.count == 1)
        #expect(spacedFindings.first?.message.contains("\"{0}\" is missing") == true)
        let leak = "คลิก <2> บันทึก"
        let leakFindings = try RuleTesting.findings(PlaceholderChanged.self, units: [(leak, "Click **Save**.")], locale: "th-TH")
        #expect(leakFindings.count == 1)
        #expect(leakFindings.first?.location.column == Self.column(of: "<2>", in: leak))
    }

    @Test("TOLK404: a placeholder right after Chinese or Japanese text, numbered printf items, `%dMB`")
    func placeholderPrecision() throws {
        let cjk = "请使用$select来选取、$search 或%temp%。"
        let english = "Use $select to choose, $search or %temp%."
        #expect(try RuleTesting.findings(PlaceholderChanged.self, units: [(cjk, english)], locale: "zh-CN").isEmpty)
        let lost = "请选择$搜索。"
        let lostFindings = try RuleTesting.findings(PlaceholderChanged.self, units: [(lost, "Select $search.")], locale: "zh-CN")
        #expect(lostFindings.count == 1)
        #expect(lostFindings.first?.message.contains("\"$search\" is missing") == true)
        let numbered = "String %1$s en nommer %2$d"
        let numberedFindings = try RuleTesting.findings(PlaceholderChanged.self, units: [(numbered, "String %s and number %d")])
        #expect(numberedFindings.map(\.message).allSatisfy { $0.contains("differs from the English") })
        #expect(numberedFindings.count == 2)
        #expect(try RuleTesting.findings(PlaceholderChanged.self, units: [("%d MB ledig", "%dMB free")]).isEmpty)
        let unit = try RuleTesting.findings(PlaceholderChanged.self, units: [("%s MB ledig", "%dMB free")])
        #expect(unit.count == 1)
        #expect(unit.first?.message.contains("\"%s\" differs from the English \"%d\"") == true)
    }

    // MARK: - All literal rules

    @Test("Near miss for every literal rule: a unit whose only difference is a translated word")
    func translatedWordOnly() throws {
        let source = "Open https://admin.microsoft.com/, write to admin@contoso.com and enter {0} for 1,000 users on June 23, 2021."
        let target = "Åbn https://admin.microsoft.com/, write to admin@contoso.com and enter {0} for 1,000 users on June 23, 2021."
        for rule in LiteralRules.all {
            #expect(try RuleTesting.findings(rule, units: [(target, source)]).isEmpty, "\(rule.id)")
        }
    }
}
