import CaseCore
import Foundation
import Testing

/// A person's own policy.json over the installed one (issue 16).
@Suite("Policy overrides")
struct PolicyOverrideTests {
    let installed = Fixtures.data("policy.json")
    let mine = "/home/c/.config/confidant/policy.json"

    func load(_ json: String?) throws -> (policy: Policy, settings: [PolicySetting]) {
        try PolicyOverride.load(base: installed, baseFile: "/usr/local/share/confidant/policy.json",
                                override: json.map { Data($0.utf8) }, overrideFile: mine)
    }

    func setting(_ key: String, in settings: [PolicySetting]) -> PolicySetting? { settings.first { $0.key == key } }

    @Test("Without a file of one's own the installed policy is in force, every setting from its file")
    func installedOnly() throws {
        let (policy, settings) = try load(nil)
        #expect(policy == Fixtures.policy)
        #expect(setting("acknowledgeWithinDays", in: settings) == PolicySetting(
            key: "acknowledgeWithinDays", value: "14", file: "/usr/local/share/confidant/policy.json"))
        #expect(setting("actOnReviewWithinDays", in: settings) == PolicySetting(key: "actOnReviewWithinDays", value: "2", file: nil))
        #expect(setting("urgentSafetyContacts.en[2]", in: settings)?.value == "\"Staff security duty officer, day and night: +41 22 555 0100\"")
        #expect(setting("urgentSafetyContacts.fr[2]", in: settings)?.value == "\"Permanence sécurité du personnel, jour et nuit : +41 22 555 0100\"")
    }

    @Test("Objects merge key by key; other values are replaced; each setting names the file it came from")
    func merged() throws {
        let (policy, settings) = try load("""
            {"acknowledgeWithinDays": 7, "firstContact": {"criticalHours": 12}, "organisationName": "Acme",
             "retention": {"byOutcomeDays": {"substantiated": 3650}}, "idleLockMinutes": 0, "urgentSafetyContacts": ["Call 117"]}
            """)
        #expect(policy.acknowledgeWithinDays == 7)
        let firstContact: [Int] = [policy.firstContact.criticalHours, policy.firstContact.highHours, policy.firstContact.otherHours]
        #expect(firstContact == [12, 72, 168])
        #expect(policy.organisationName == "Acme")
        #expect(policy.retention.days(for: .substantiated) == 3650)
        #expect(policy.retention.days(for: .unsubstantiated) == 365)
        #expect(policy.retention.closedCaseDays == 1095)
        #expect(policy.idleLockMinutes == 0)
        #expect(policy.urgentSafetyContacts == ["Call 117"])
        #expect(setting("firstContact.criticalHours", in: settings)?.file == mine)
        #expect(setting("firstContact.highHours", in: settings)?.file == "/usr/local/share/confidant/policy.json")
        #expect(setting("retention.byOutcomeDays.substantiated", in: settings)?.file == mine)
        #expect(setting("urgentSafetyContacts[1]", in: settings) == PolicySetting(key: "urgentSafetyContacts[1]", value: "\"Call 117\"", file: mine))
        #expect(setting("urgentSafetyContacts[2]", in: settings) == nil)
    }

    @Test("Every setting of the installed file may be overridden")
    func everyInstalledKey() throws {
        let (policy, _) = try load(String(decoding: installed, as: UTF8.self))
        #expect(policy == Fixtures.policy)
    }

    @Test("A bad file is named, with the key and the problem", arguments: [
        (#"{"acknowledgeWithinDay": 7}"#, "'acknowledgeWithinDay' is not a policy setting (did you mean 'acknowledgeWithinDays'?)"),
        (#"{"firstContact": {"criticalHour": 3}}"#, "'firstContact.criticalHour' is not a policy setting (did you mean 'firstContact.criticalHours'?)"),
        (#"{"colour": "blue"}"#, "'colour' is not a policy setting"),
        (#"{"acknowledgeWithinDays": "seven"}"#, "'acknowledgeWithinDays' must be a whole number greater than 0, not \"seven\""),
        (#"{"acknowledgeWithinDays": 0}"#, "'acknowledgeWithinDays' must be a whole number greater than 0, not 0"),
        (#"{"followUpEveryDays": 2.5}"#, "'followUpEveryDays' must be a whole number greater than 0, not 2.5"),
        (#"{"idleLockMinutes": true}"#, "'idleLockMinutes' must be a whole number, 0 or more, not true"),
        (#"{"dueSoonHours": -1}"#, "'dueSoonHours' must be a whole number, 0 or more, not -1"),
        (#"{"firstContact": 24}"#, "'firstContact' must be an object of settings, not 24"),
        (#"{"organisationName": 5}"#, "'organisationName' must be a text in quotes, not 5"),
        (#"{"urgentSafetyContacts": ["Call 117", 3]}"#, "'urgentSafetyContacts' must be a list of texts, not [\"Call 117\",3]"),
        (#"{"retention": {"byOutcomeDays": {"dismissed": 30}}}"#, "'retention.byOutcomeDays.dismissed' is not a policy setting"),
        (#"[1, 2]"#, "it must be a JSON object of settings, like the installed policy.json"),
    ])
    func refused(json: String, detail: String) throws {
        let error = try #require(throws: ConfigurationError.self) { try load(json) }
        guard case let .invalid(file, phrase) = error else { Issue.record("not .invalid: \(error)"); return }
        #expect(file == mine)
        #expect(phrase.description == detail)
    }

    @Test("A bad file is named in the desk's language")
    func refusedInFrench() throws {
        let error = try #require(throws: ConfigurationError.self) { try load(#"{"acknowledgeWithinDays": "seven"}"#) }
        #expect(Fixtures.french.words(error.phrase) == "Le fichier de configuration \(mine) n'est pas valide : « acknowledgeWithinDays » doit être un nombre entier supérieur à 0, pas \"seven\".")
    }

    @Test("A file that is not JSON is named")
    func notJSON() {
        #expect(throws: ConfigurationError.malformed(file: mine, detail: .key("config.decoding.not-json"))) { try load("{\"acknowledgeWithinDays\": 7") }
    }

    @Test("Safety contacts by language and the desk's language may be one's own too")
    func languages() throws {
        let (policy, settings) = try load(#"{"language": "fr", "urgentSafetyContacts": {"en": ["Call 117"], "fr": ["Appelez le 117"]}}"#)
        #expect(policy.language == "fr")
        #expect(policy.urgentSafetyContacts(in: "fr") == ["Appelez le 117"])
        #expect(setting("language", in: settings) == PolicySetting(key: "language", value: "\"fr\"", file: mine))
        let (_, defaults) = try load(nil)
        #expect(setting("language", in: defaults) == PolicySetting(key: "language", value: .key("config.default.language"), file: nil))
    }
}
