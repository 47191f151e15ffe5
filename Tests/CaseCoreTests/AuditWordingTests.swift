import CaseCore
import Foundation
import TestKit
import Testing

/// The audit log's details, stored and hashed in English, shown in the reader's language (issue 17).
@Suite("The audit log's details in the reader's language")
struct AuditWordingTests {
    let french: Catalogue

    init() throws {
        french = try Catalogue.parse(Data(contentsOf: TestFixtures.dataDirectory.appendingPathComponent("lang/fr.json")), language: "fr")
    }

    @Test("Every wording of the store reads back as itself and is told in French with the same values")
    func everyWording() throws {
        for key in AuditWording.keys {
            let english = Catalogue.english[key]
            let values = Dictionary(uniqueKeysWithValues: Catalogue.placeholders(in: english).map { ($0, "V-\($0)") })
            let stored = Catalogue.english[key, values: values]
            let (read, found) = try #require(Catalogue.reading(stored, among: AuditWording.keys), "\(key)")
            #expect(read == key && found == values, "\(key)")
            let shown = AuditWording.words(stored, in: french)
            #expect(shown != stored && !shown.contains("{"), "\(key): \(shown)")
            for value in values.values { #expect(shown.contains(value), "\(key): \(shown)") }
        }
    }

    @Test("Roles, statuses, channels and audiences by their French names; counts by the French plural; breaks in French")
    func values() throws {
        #expect(AuditWording.words("opened as supervisor", in: french) == "ouverture (rôle : supervision)")
        #expect(AuditWording.words("opened as counselor; key slot re-wrapped with scrypt N=2^17 (was 2^14)", in: french)
            == "ouverture (rôle : personne de confiance) ; emplacement de clé ré-enveloppé avec scrypt N=2^17 (auparavant 2^14)")
        #expect(AuditWording.words("case created (walk-in, status new)", in: french) == "dossier créé (visite spontanée, statut nouveau)")
        #expect(AuditWording.words("status closed; 0 journal entries added", in: french) == "statut clos ; 0 entrée de journal ajoutée")
        #expect(AuditWording.words("status closed; 2 journal entries added", in: french) == "statut clos ; 2 entrées de journal ajoutées")
        #expect(AuditWording.words("json, supervisor, to a file", in: french) == "json, supervision, dans un fichier")
        #expect(AuditWording.words("csv, received start…2026-11-28, to standard output", in: french)
            == "csv, reçus début…2026-11-28, sur la sortie standard")
        let problem = Catalogue.english.words(.key("audit.problem.missing", ["missing": "4", "id": "5"]))
        #expect(AuditWording.words("break acknowledged: \(problem); reason: restored; checked", in: french)
            == "rupture constatée : l'entrée 4 manque avant l'entrée 5 ; raison : restored; checked")
    }

    @Test("A detail in another wording is shown as stored, and English is shown as stored")
    func asStored() throws {
        #expect(AuditWording.words("case sealed by an older version", in: french) == "case sealed by an older version")
        #expect(AuditWording.words("opened as counselor", in: .english) == "opened as counselor")
    }
}
