import Foundation

/// The audit log's details in the reader's language. The store writes each detail in English and hashes it as
/// written, so what is stored never changes; at display time a detail is read back against the `audit.detail.` keys,
/// whose English is the store's wording, and told again in the reader's language with the same values (a role, a
/// status, a channel by their names). A detail none of them reads as (an older wording) is shown as it is stored.
public enum AuditWording {
    /// The store's wordings.
    public static let keys = [
        "audit.detail.respondents-read", "audit.detail.follow-up-issued", "audit.detail.follow-up-no-match",
        "audit.detail.follow-up-found", "audit.detail.identity-refused", "audit.detail.identity-read", "audit.detail.case-read",
        "audit.detail.case-created", "audit.detail.case-imported", "audit.detail.case-changed.one", "audit.detail.case-changed.other",
        "audit.detail.import", "audit.detail.reassigned", "audit.detail.recused-automatic", "audit.detail.recused",
        "audit.detail.account-added", "audit.detail.account-removed", "audit.detail.rows-sealed", "audit.detail.seals-extended",
        "audit.detail.seals-extended-kept", "audit.detail.database-created", "audit.detail.purged", "audit.detail.break-acknowledged",
        "audit.detail.wrong-passphrase", "audit.detail.login", "audit.detail.login-rewrapped", "audit.detail.backup",
        "audit.detail.restored", "audit.detail.letter", "audit.detail.export-file", "audit.detail.export-output",
        "audit.detail.report-file", "audit.detail.report-output", "audit.detail.database-created-keys",
        "audit.detail.keys-grant.one", "audit.detail.keys-grant.other", "audit.detail.case-keys.one", "audit.detail.case-keys.other",
        "audit.detail.login-key-pair", "audit.detail.policy", "audit.detail.policy-files", "audit.detail.migrated",
    ]

    /// Where values are looked up by their placeholder's name: `role` `counselor` is `desk.role.counselor`.
    static let valuePrefixes = ["role": "desk.role.", "status": "id.status.", "channel": "id.channel.", "audience": "audience.",
                                "from": "audit.detail.from."]

    /// `detail` in `catalogue`'s language, or as it is when it is not one of the store's wordings.
    public static func words(_ detail: String, in catalogue: Catalogue) -> String {
        guard catalogue.language != "en", let (key, found) = Catalogue.reading(detail, among: keys) else { return detail }
        var values = found
        for (name, value) in found {
            if let prefix = valuePrefixes[name], catalogue.knows(prefix + value) { values[name] = catalogue[prefix + value] }
        }
        if let problem = found["problem"], let (problemKey, problemValues) = Catalogue.reading(problem, among: problemKeys) {
            values["problem"] = catalogue[problemKey, values: problemValues]
        }
        // A count is told by the reader's plural rule, not by the form English wrote.
        if let count = found["count"].flatMap(Int.init), let form = [".one", ".other"].first(where: key.hasSuffix) {
            return catalogue.count(String(key.dropLast(form.count)), count, values)
        }
        return catalogue[key, values: values]
    }

    /// The breaks of the audit chain an acknowledgement names.
    static let problemKeys = Catalogue.english.entries.keys.filter { $0.hasPrefix("audit.problem.") }.sorted()
}
