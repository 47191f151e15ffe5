import Foundation

/// What a supervisor may see of a case: one rule, used by every store for the supervisor's own session and by the
/// export for the counselor's "for the supervisor" version, so the two are the same document.
///
/// A supervisor opens escalated cases, and a closed case they reviewed (``mayOpen(status:reviewedByThem:)``). They see
/// the pseudonyms; the names only with consent; contact details never; an excerpt of the narrative and the status,
/// assessment, escalation, decision and review entries of the journal, with the withheld names and the contact details
/// scrubbed from every text; no support needs. A closed case the supervisor reviewed shows its outcome, not its
/// narrative or journal.
public enum SupervisorView {
    /// Narratives longer than this are cut, at a word, for the supervisor.
    public static let excerptLength = 240
    static let ellipsis = " […]"

    /// Whether a supervisor may open a case: an escalated one, or one that ended after they reviewed it (to read its
    /// outcome). A case back with the counselor, or never escalated, is not theirs to see.
    public static func mayOpen(status: CaseStatus, reviewedByThem: Bool) -> Bool {
        status == .escalated || (status.isTerminal && reviewedByThem)
    }

    /// Whether a supervisor may read the reporter's name. Consent is the affected person's (PRODUCT §10): a witness who
    /// reported on someone's behalf gave no consent of their own, so their name stays withheld whatever the affected
    /// person decides.
    public static func sharesReporterName(_ item: Case) -> Bool {
        item.consentShareIdentity && item.affected == nil
    }

    /// The reporter's identity as a supervisor may read it: the name, only where the reporter consented to share it
    /// (``sharesReporterName(_:)``), and never the contact details. Nil otherwise.
    public static func identity(of item: Case) -> Reporter? {
        guard sharesReporterName(item) else { return nil }
        return Reporter(pseudonym: item.reporter.pseudonym, anonymous: item.reporter.anonymous, name: item.reporter.name)
    }

    /// The supervisor's copy of `item` (opened with its identity, so the names can be scrubbed from the text).
    public static func copy(of item: Case) -> Case {
        let scrub = ExportRedaction.scrubber(for: item)
        let reporter = identity(of: item) ?? item.reporter.pseudonymised
        let affected = item.affected.map { person in
            item.consentShareIdentity ? AffectedPerson(pseudonym: person.pseudonym, name: person.name) : person.pseudonymised
        }
        let reviewedAndDone = item.status.isTerminal
        let journal = reviewedAndDone ? [] : item.journal.filter { JournalEntry.Kind.supervisorVisible.contains($0.kind) }.map { entry -> JournalEntry in
            var copy = JournalEntry(at: entry.at, kind: entry.kind, author: entry.author, text: scrub(entry.text))
            copy.phrase = entry.phrase?.mappingTexts(scrub)
            return copy
        }
        var copy = Case(
            id: item.id, receivedAt: item.receivedAt, channel: item.channel, incidentFirst: item.incidentFirst,
            incidentLast: item.incidentLast, reporter: reporter, relationship: item.relationship, reported: item.reported,
            categories: item.categories, grounds: item.grounds, conductTags: item.conductTags, childInvolved: item.childInvolved,
            consentShareIdentity: item.consentShareIdentity,
            narrative: reviewedAndDone ? "" : excerpt(scrub(item.narrative)), supportNeeds: "",
            status: item.status, assessment: item.assessment, escalationLevel: item.escalationLevel,
            screeningReason: item.screeningReason.map(scrub), outcome: item.outcome, acknowledgedAt: item.acknowledgedAt,
            closedAt: item.closedAt, legalHold: item.legalHold, journal: journal, affected: affected, wishes: item.wishes,
            dutyToAct: item.dutyToAct, measures: item.measures)
        copy.followUpEveryDays = item.followUpEveryDays
        copy.language = item.language
        return copy
    }

    /// The first words of a text, cut at a word. An excerpt is left as it is (cutting twice gives the same text).
    public static func excerpt(_ text: String, limit: Int = excerptLength) -> String {
        guard text.count > limit else { return text }
        if text.hasSuffix(ellipsis), text.count <= limit + ellipsis.count { return text }
        let cut = text.prefix(limit)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + ellipsis
    }
}

extension Case {
    /// What `audience` may see of this case: all of it for the counselor, ``SupervisorView/copy(of:)`` for the
    /// supervisor. Every store gives a session this copy, and every export renders it.
    public func redacted(for audience: Audience) -> Case {
        audience == .supervisor ? SupervisorView.copy(of: self) : self
    }

    /// The reporter's identity as `audience` may read it: all of it for the counselor, ``SupervisorView/identity(of:)``
    /// for the supervisor (nil without consent).
    public func reporterIdentity(for audience: Audience) -> Reporter? {
        audience == .supervisor ? SupervisorView.identity(of: self) : reporter
    }
}
