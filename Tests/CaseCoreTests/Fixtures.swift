import CaseCore
import Foundation
import TestKit

/// The repository's own `Data/` files, so tests check the shipped configuration.
enum Fixtures {
    static func data(_ name: String) -> Data {
        FileManager.default.contents(atPath: TestFixtures.dataDirectory.appendingPathComponent(name).path)!
    }

    static let scoring = try! ScoringConfiguration.load(from: data("scoring.json"))
    static let policy = try! Policy.load(from: data("policy.json"))
    static let taxonomy = try! Taxonomy.load(from: data("taxonomy.json"))
    static let scorer = TriageScorer(config: scoring)
    /// The shipped French catalogue.
    static let french = try! Catalogue.parse(data("lang/fr.json"), language: "fr")

    static func ratings(_ f: Int, _ s: Int, _ t: Int, _ w: Int, _ p: Int) -> FactorRatings {
        try! FactorRatings(frequency: f, severity: s, threat: t, wellbeing: w, power: p)
    }

    static func date(_ text: String) -> Date { DateText.parse(text)! }

    static func sampleCase(
        received: String = "2026-10-01T09:00:00Z", channel: Channel = .complaint,
        incidentLast: String = "2026-09-20", status: CaseStatus = .new, categories: [String] = ["harassment"]
    ) -> Case {
        Case(
            id: CaseID(year: 2026, number: 1), receivedAt: date(received), channel: channel,
            incidentFirst: date("2026-01-01"), incidentLast: date(incidentLast),
            reporter: Reporter(pseudonym: "Amber Heron", name: "Олена Коваленко", contact: "olena@example.org"),
            relationship: .staff, reported: [ReportedPerson(name: "Viktor Hale", role: "Country Director", power: .supervisor)],
            categories: categories, narrative: "Repeated remarks in meetings.", status: status)
    }
}
