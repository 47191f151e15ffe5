import CaseCore
import Foundation
import TestKit
import Testing

/// The demo in French: the same cases as `demo-cases.json`, only what people wrote translated (issue 17).
@Suite("The demo's translations")
struct DemoTranslationTests {
    static func load(_ name: String) throws -> Data { try Data(contentsOf: TestFixtures.dataDirectory.appendingPathComponent(name)) }

    static func cases(_ data: Data) throws -> [[String: Any]] {
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(root["cases"] as? [[String: Any]])
    }

    /// A case with its texts taken out: what must not differ between languages.
    static func withoutTexts(_ value: [String: Any]) -> NSDictionary {
        var value = value
        value["narrative"] = nil
        value["supportNeeds"] = nil
        value["reported"] = (value["reported"] as? [[String: Any]])?.map { $0.filter { $0.key != "role" } }
        value["journal"] = (value["journal"] as? [[String: Any]])?.map { $0.filter { $0.key != "text" } }
        return value as NSDictionary
    }

    @Test("demo-cases.fr.json gives every case's texts in French and changes nothing else")
    func shippedFrench() throws {
        let english = try Self.load("demo-cases.json")
        let french = try Self.cases(DemoTranslation.apply(try Self.load("demo-cases.fr.json"), to: english, file: "demo-cases.fr.json"))
        let original = try Self.cases(english)
        #expect(french.count == 48 && french.count == original.count)
        for (translated, source) in zip(french, original) {
            #expect(Self.withoutTexts(translated) == Self.withoutTexts(source), "\(source["narrative"] ?? "")")
            #expect(translated["narrative"] as? String != source["narrative"] as? String)
            let journal = (translated["journal"] as? [[String: Any]] ?? []).map { $0["text"] as? String }
            let sourceJournal = (source["journal"] as? [[String: Any]] ?? []).map { $0["text"] as? String }
            #expect(zip(journal, sourceJournal).allSatisfy { $0 != $1 }, "\(journal)")
        }
        let first = try #require(french.first)
        #expect((first["narrative"] as? String)?.hasPrefix("Depuis la mi-octobre, un collègue de la logistique m'envoie") == true)
        #expect((first["reported"] as? [[String: Any]])?.first?["role"] as? String == "Coordinateur logistique")
    }

    @Test("A translation that would change more than texts, or lose a case or an entry, is refused naming where")
    func refused() throws {
        let base = Data(#"{"anchor": "2026-11-25", "cases": [{"status": "new", "narrative": "One.", "journal": [{"at": "x", "text": "a"}]}]}"#.utf8)
        func apply(_ translation: String) throws -> Data {
            try DemoTranslation.apply(Data(translation.utf8), to: base, file: "demo-cases.fr.json")
        }
        let translated = try Self.cases(apply(#"{"cases": [{"narrative": "Un.", "journal": [{"text": "b"}]}]}"#))
        #expect(translated.first?["narrative"] as? String == "Un.")
        #expect((translated.first?["journal"] as? [[String: Any]])?.first?["at"] as? String == "x")
        #expect(throws: ConfigurationError.invalid(file: "demo-cases.fr.json", detail: .key("config.demo-translation.key", [
            "key": .text("status"), "path": .text("cases[0]")]))) {
            try apply(#"{"cases": [{"status": "closed"}]}"#)
        }
        #expect(throws: ConfigurationError.invalid(file: "demo-cases.fr.json", detail: .key("config.demo-translation.count", [
            "path": .text("cases[0].journal"), "count": .text("2"), "expected": .text("1")]))) {
            try apply(#"{"cases": [{"journal": [{}, {"text": "c"}]}]}"#)
        }
        #expect(throws: ConfigurationError.invalid(file: "demo-cases.fr.json", detail: .key("config.demo-translation.type", [
            "path": .text("cases[0].narrative")]))) {
            try apply(#"{"cases": [{"narrative": ["Un."]}]}"#)
        }
        #expect(throws: ConfigurationError.malformed(file: "demo-cases.fr.json", detail: .key("config.decoding.not-json"))) {
            try apply("{")
        }
    }
}
