import Foundation

/// Derives a case's deadlines (PRODUCT §4) from its dates, band and journal.
public struct DeadlineCalculator: Sendable {
    public let policy: Policy
    public let calendar: Calendar
    let arithmetic: CalendarArithmetic

    public init(policy: Policy, calendar: Calendar = .utc) {
        self.policy = policy
        self.calendar = calendar
        arithmetic = CalendarArithmetic(calendar)
    }

    /// Every deadline of the case, met or not. Deadlines are met by the work recorded in the journal (a letter sent,
    /// a contact, support offered, feedback given), never by a status. A reopened case's follow-up and feedback run
    /// again from the reopening. Terminal cases keep the deadlines that were met and, once closed, the feedback
    /// deadline even when it was not met, so closing without feedback stays visible.
    public func deadlines(for item: Case, band: Band?) -> [Deadline] {
        let received = item.receivedAt
        let journal = item.journal
        let cycleStart = max(received, item.reopenedAt ?? received)
        // Plain loops, no sets or intermediate arrays: the alerts run this for every open case.
        func first(_ kind: JournalEntry.Kind, or other: JournalEntry.Kind? = nil, from start: Date = .distantPast) -> Date? {
            var earliest: Date?
            for entry in journal where (entry.kind == kind || entry.kind == other) && entry.at >= start {
                if earliest.map({ entry.at < $0 }) ?? true { earliest = entry.at }
            }
            return earliest
        }
        var firstContact: Date?, lastContact: Date?
        for entry in journal where entry.kind.isContact {
            if firstContact.map({ entry.at < $0 }) ?? true { firstContact = entry.at }
            if lastContact.map({ entry.at > $0 }) ?? true { lastContact = entry.at }
        }
        var result: [Deadline] = []
        result.reserveCapacity(6)

        let acknowledgeDue = arithmetic.adding(days: policy.acknowledgeWithinDays, to: received)
        result.append(Deadline(kind: .acknowledge, due: acknowledgeDue, metAt: item.acknowledgedAt))
        result.append(Deadline(kind: .letter, due: acknowledgeDue, metAt: first(.letter)))

        let contactDue = received.addingTimeInterval(Double(policy.firstContactHours(for: band)) * 3600)
        result.append(Deadline(kind: .firstContact, due: contactDue, metAt: firstContact))

        if band == .critical || band == .high || (item.assessment?.wellbeing ?? 0) >= 3 {
            result.append(Deadline(kind: .support, due: contactDue, metAt: first(.support, or: .supportDeclined)))
        }

        let feedbackDue = arithmetic.adding(months: policy.feedbackWithinMonths, to: cycleStart)
        result.append(Deadline(kind: .feedback, due: feedbackDue, metAt: first(.feedback, from: cycleStart)))

        // Each disclosure is met by a `reporter-told` entry after it, or by the deferral recorded with it (the entry
        // that `disclose` writes right after it); another disclosure's deferral never meets it.
        for (index, disclosure) in journal.enumerated() where disclosure.kind == .disclosure {
            let due = arithmetic.adding(days: policy.tellReporterWithinDays, to: disclosure.at)
            let later = journal[(index + 1)...]
            let deferral = later.first.flatMap { $0.kind == .tellingDeferred ? $0.at : nil }
            let told = later.first { $0.kind == .reporterTold }?.at
            result.append(Deadline(kind: .tellReporter, due: due, metAt: deferral ?? told))
        }

        // A review is acted on by the next entry the journal records after it (in journal order).
        for (index, review) in journal.enumerated() where review.kind == .review {
            let due = arithmetic.adding(days: policy.actOnReviewWithinDays, to: review.at)
            let next = journal[(index + 1)...].first { $0.kind != .review }?.at
            result.append(Deadline(kind: .review, due: due, metAt: next))
        }

        if item.status.isOpen {
            let last = max(lastContact ?? received, cycleStart)
            let followDue = arithmetic.adding(days: item.followUpEveryDays ?? policy.followUpEveryDays, to: last)
            result.append(Deadline(kind: .followUp, due: followDue, metAt: nil))
            return result
        }
        return result.filter { $0.metAt != nil || ($0.kind == .feedback && item.status == .closed) }
    }

    /// The earliest deadline still owed, if any.
    public func nextDeadline(for item: Case, band: Band?) -> Deadline? {
        guard item.status.isOpen else { return nil }
        return deadlines(for: item, band: band).filter(\.isPending).min { $0.due < $1.due }
    }

    /// True when the report came more than the complaint window after the last incident.
    /// Whistleblowing reports are exempt; the counselor may still proceed either way.
    public func isOutsideComplaintWindow(_ item: Case) -> Bool {
        guard item.channel != .whistleblowing else { return false }
        let windowEnd = arithmetic.adding(months: policy.complaintWindowMonths, to: item.incidentLast)
        return item.receivedAt > windowEnd
    }
}

extension Calendar {
    /// A Gregorian calendar in UTC, the default for deadline arithmetic.
    public static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
