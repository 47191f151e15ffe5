import CaseCore
import CaseStore
import Foundation
import TestKit
import Testing

/// Every language Confidant ships is complete, and every key the code reads is in the catalogues.
@Suite("Language catalogues")
struct CatalogueTests {
    static let root = TestFixtures.dataDirectory.deletingLastPathComponent()
    static let languages = LanguageLibrary(directory: TestFixtures.dataDirectory.appendingPathComponent("lang"))

    static func english() throws -> [String: String] {
        let data = try Data(contentsOf: TestFixtures.dataDirectory.appendingPathComponent("lang/en.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: String])
    }

    @Test("The shipped languages: English and French for the desk, Spanish and Arabic for letters")
    func shipped() throws {
        let all = try Self.languages.all()
        #expect(all.keys.sorted() == ["ar", "en", "es", "fr"])
        #expect(all.filter { $0.value.speaksDesk }.keys.sorted() == ["en", "fr"])
        #expect(all["ar"]?.isRightToLeft == true && all["fr"]?.isRightToLeft == false)
        #expect(StoreFixtures.config.letters.languages(for: "acknowledgement") == ["en", "fr", "ar", "es"])
    }

    @Test("Every shipped language has every key its scope needs, with the same placeholders as English")
    func complete() throws {
        let english = try Self.english()
        for code in Self.languages.codes {
            let catalogue = try Self.languages.catalogue(code)
            let required = Catalogue.requiredKeys(scope: catalogue.speaksDesk, english: english.keys)
            let missing = required.filter { !catalogue.has($0) }.sorted()
            #expect(missing.isEmpty, "lang/\(code).json lacks \(missing.joined(separator: ", "))")
            let unknown = catalogue.entries.keys.filter { english[$0] == nil }.sorted()
            #expect(unknown.isEmpty, "lang/\(code).json has keys English does not: \(unknown.joined(separator: ", "))")
            for key in required where catalogue.has(key) {
                #expect(Catalogue.placeholders(in: catalogue[key]) == Catalogue.placeholders(in: english[key]!),
                        "lang/\(code).json: the placeholders of \(key) differ from English")
            }
        }
    }

    @Test("The English built into Confidant is Data/lang/en.json (scripts/generate-english-catalogue)")
    func builtInEnglish() throws {
        #expect(Catalogue.englishEntries == (try Self.english()))
    }

    @Test("Every key the code names is in the English catalogue")
    func keysInCode() throws {
        let english = try Self.english()
        let namespaces = Set(english.keys.map { String($0.prefix { $0 != "." }) })
        func known(_ key: String) -> Bool {
            english[key] != nil || (english[key + ".one"] != nil && english[key + ".other"] != nil)
        }
        // Keys written out in the code: every string literal shaped like a key in one of the catalogue's namespaces.
        let literal = try NSRegularExpression(pattern: #""([a-z][a-z-]*(?:\.[A-Za-z0-9-]+)+)""#)
        var used: [String: String] = [:]
        let sources = Self.root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" && !$0.path.contains("/Language/English/") }
        #expect(files.count > 50)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in literal.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let key = String(text[Range(match.range(at: 1), in: text)!])
                guard namespaces.contains(String(key.prefix { $0 != "." })) else { continue }
                used[key] = file.lastPathComponent
            }
        }
        #expect(used.count > 300, "the scan found only \(used.count) keys")
        let missing = used.filter { !known($0.key) }.map { "\($0.key) (\($0.value))" }.sorted()
        #expect(missing.isEmpty, "keys used in code but absent from lang/en.json: \(missing.joined(separator: ", "))")

        // Keys the code builds from values: labels of every status, deadline, factor…, dates, the taxonomy's and
        // the scoring's entries, the title of every kind of letter.
        let built = Catalogue.labelKeys + Catalogue.dateKeys + StoreFixtures.config.taxonomy.nameKeys
            + StoreFixtures.config.scoring.overrideKeys
            + ["acknowledgement"].map { "letter.title.\($0)" }
            // The desk's narrow forms: categories and bands in the queue, deadlines and escalation levels in its
            // columns, the status groups of its filter.
            + StoreFixtures.config.taxonomy.categories.map { "category-short.\($0.id)" }
            + (Band.allCases.map(\.rawValue) + ["unrated"]).map { "band-short.\($0)" }
            + Deadline.Kind.allCases.map { "deadline-short.\($0.rawValue)" }
            + EscalationLevel.allCases.map { "escalation-short.\($0.rawValue)" }
            + ["open", "all", "escalated", "closed"].map { "desk.filter.status.\($0)" }
            + ["counselor", "supervisor", "admin"].map { "desk.role.\($0)" }
            + CaseExportFormat.allCases.map { "desk.export.format.\($0.rawValue)" }
            + Audience.allCases.flatMap { ["desk.export.audience.\($0.rawValue)", "desk.export.audience-name.\($0.rawValue)"] }
        let absent = built.filter { english[$0] == nil }
        #expect(absent.isEmpty, "keys built by the code but absent from lang/en.json: \(absent.joined(separator: ", "))")
    }

    @Test("A missing key falls back to English; placeholders are filled once, never from a value")
    func lookup() throws {
        let partial = Catalogue(language: "xx", entries: ["word.yes": "ja", "error.store.case-not-found": "Kein Fall {id}."])
        #expect(partial["word.yes"] == "ja")
        #expect(partial["word.no"] == "no")
        #expect(partial["no.such.key"] == "no.such.key")
        #expect(partial["error.store.case-not-found", values: ["id": "{id}"]] == "Kein Fall {id}.")
        #expect(Catalogue.fill("{{{name}}}", ["name": "reference"]) == "{{reference}}")
        #expect(Catalogue.english.count("cli.purged", 1) == "Purged 1 case.")
        let french = try Self.languages.catalogue("fr")
        #expect(french.count("cli.purged", 0) == "0 dossier purgé.")
        #expect(french.words(StoreError.caseNotFound("C-2026-0099").phrase) == "Il n'y a pas de dossier C-2026-0099 dans cette base.")
        #expect(french.words(StoreError.notPermitted(.key("permission.not-escalated", ["id": "C-2026-0001"])).phrase)
            == "Non autorisé : la supervision ne voit que les dossiers transmis, et C-2026-0001 ne l'est pas.")
        #expect(french.words(StoreError.loginNotAudited.phrase) == "La connexion n'a pas pu être inscrite au journal d'audit, "
            + "rien n'est donc affiché ; vérifiez le disque et lancez « confidant audit verify ».")
    }

    @Test("Decimals follow the language where people read them: 12.5 and 12.5% in English, 12,5 and 12,5 % in French")
    func decimals() throws {
        let french = try Self.languages.catalogue("fr")
        #expect((Catalogue.english.decimal(12.5), Catalogue.english.decimal(1.25, digits: 2), Catalogue.english.percent(89.06)) == ("12.5", "1.25", "89.1%"))
        #expect((french.decimal(12.5), french.decimal(1.25, digits: 2), french.percent(89.06)) == ("12,5", "1,25", "89,1 %"))
    }

    @Test("Dates in words follow the language: 28 November 2026, 1er décembre 2026, 28 de noviembre de 2026")
    func dates() throws {
        let day = DateText.parse("2026-11-28T09:05:00Z")!, first = DateText.parse("2026-12-01")!
        #expect(Catalogue.english.day(day) == "28 November 2026")
        #expect(try Self.languages.catalogue("fr").day(day) == "28 novembre 2026")
        #expect(try Self.languages.catalogue("fr").day(first) == "1er décembre 2026")
        #expect(try Self.languages.catalogue("fr").minute(day) == "28 novembre 2026 à 09:05")
        #expect(try Self.languages.catalogue("es").day(day) == "28 de noviembre de 2026")
        #expect(try Self.languages.catalogue("ar").day(day) == "28 نوفمبر 2026")
    }

    @Test("The desk's language: --lang, else policy.json, else LC_ALL, LC_MESSAGES, LANG, else English")
    func choosing() throws {
        let available = try Self.languages.all()
        func desk(_ option: String?, _ configured: String?, _ environment: [String: String]) throws -> String {
            try LanguageChoice(option: option, environment: environment).deskLanguage(configured: configured, available: available)
        }
        #expect(try desk(nil, nil, [:]) == "en")
        #expect(try desk(nil, nil, ["LANG": "fr_FR.UTF-8"]) == "fr")
        #expect(try desk(nil, nil, ["LANG": "fr_FR.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"]) == "en")
        #expect(try desk(nil, nil, ["LANG": "en_GB.UTF-8", "LC_ALL": "fr_CA.UTF-8"]) == "fr")
        #expect(try desk(nil, nil, ["LANG": "de_DE.UTF-8"]) == "en")
        #expect(try desk(nil, nil, ["LANG": "es_ES.UTF-8"]) == "en")
        #expect(try desk(nil, nil, ["LANG": "C"]) == "en")
        #expect(try desk(nil, "fr", ["LANG": "en_US.UTF-8"]) == "fr")
        #expect(try desk("en", "fr", ["LANG": "fr_FR.UTF-8"]) == "en")
        #expect(throws: LanguageError.unknown(code: "de", source: "language-source.option", available: ["en (English)", "fr (Français)"])) {
            try desk("de", nil, [:])
        }
        let lettersOnly = LanguageError.lettersOnly(code: "ar", name: "العربية", source: "language-source.policy",
                                                    available: ["en (English)", "fr (Français)"])
        #expect(throws: lettersOnly) { try desk(nil, "ar", [:]) }
        #expect(lettersOnly.description == "العربية (ar, the language of policy.json) is a language of letters only; the desk, "
            + "the command line and exports speak en (English) and fr (Français).")
    }
}
