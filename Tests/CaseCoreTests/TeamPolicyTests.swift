import CaseCore
import Foundation
import Testing

/// The team policy as one document a database keeps (issue 15, point 4).
@Suite("Team policy document")
struct TeamPolicyTests {
    let shipped = try! TeamPolicy(policy: Fixtures.data("policy.json"), scoring: Fixtures.data("scoring.json"),
                                  taxonomy: Fixtures.data("taxonomy.json"))

    @Test("The same settings are the same text, however the files are laid out, and the text reads back as the same document")
    func canonical() throws {
        let compact = try JSONSerialization.data(withJSONObject: try JSONSerialization.jsonObject(with: Fixtures.data("scoring.json")),
                                                 options: [.withoutEscapingSlashes])
        let relaid = try TeamPolicy(policy: Fixtures.data("policy.json"), scoring: compact, taxonomy: Fixtures.data("taxonomy.json"))
        #expect(relaid.canonicalJSON == shipped.canonicalJSON)
        #expect(try TeamPolicy(canonicalJSON: shipped.canonicalJSON) == shipped)
        #expect(shipped.canonicalJSON.hasPrefix(#"{"policy.json":{"acknowledgeWithinDays":14,"#))
        #expect(shipped.parts["scoring.json"]!.contains(#"{"id":"severity","weight":1.5}"#))
    }

    @Test("The evaluator of a document scores with its weights, in the language and calendar of the desk that asks")
    func evaluator() throws {
        let heavier = try shipped.replacing(["scoring.json": Data(shipped.parts["scoring.json"]!
            .replacingOccurrences(of: #""weight":1.5}"#, with: #""weight":3}"#).utf8)])
        #expect(heavier.changedFiles(from: shipped) == ["scoring.json"])
        let local = CaseEvaluator(scoring: Fixtures.scoring, policy: Fixtures.policy, taxonomy: Fixtures.taxonomy,
                                  catalogue: Fixtures.french)
        let team = try heavier.evaluator(version: 2, like: local)
        #expect(team.policyVersion == 2)
        #expect(team.source == heavier)
        #expect(team.scorer.config.weight(.severity) == 3)
        #expect(team.scorer.config.weight(.threat) == 3)
        #expect(team.catalogue.language == "fr")
        #expect(team.scorer.config.spec(.severity).name == Fixtures.french["factor.severity"])
    }

    @Test("A part that is wrong is named with the key and the problem", arguments: [
        ("policy.json", #"{"acknowledgeWithinDay": 7}"#,
         "The configuration file policy.json is not valid: 'acknowledgeWithinDay' is not a policy setting (did you mean 'acknowledgeWithinDays'?)."),
        ("scoring.json", "{", "The configuration file scoring.json could not be read: it is not valid JSON."),
    ])
    func wrongPart(file: String, text: String, message: String) throws {
        do {
            _ = try shipped.replacing([file: Data(text.utf8)])
            Issue.record("accepted")
        } catch let error as ConfigurationError {
            #expect(Catalogue.english.words(error.phrase) == message)
        }
    }
}
