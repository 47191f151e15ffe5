import Foundation

/// Derives a case's deadlines (DESIGN §4) from its dates, band and journal.
public struct DeadlineCalculator: Sendable {
    public let policy: Policy
    public let calendar: Calendar

    public init(policy: Policy, calendar: Calendar = .utc) {
        self.policy = policy
        self.calendar = calendar
    }

    /// Every deadline of the case, met or not. Terminal cases keep the ones met; the rest no longer run.
    public func deadlines(for item: Case, band: Band?) -> [Deadline] {
        let received = item.receivedAt
        var result: [Deadline] = []

        let acknowledgeDue = calendar.date(byAdding: .day, value: policy.acknowledgeWithinDays, to: received)!
        result.append(Deadline(kind: .acknowledge, due: acknowledgeDue, metAt: item.acknowledgedAt))

        let contactDue = received.addingTimeInterval(Double(policy.firstContactHours(for: band)) * 3600)
        let contacts = item.journal.filter { $0.kind.isContact }.map(\.at)
        result.append(Deadline(kind: .firstContact, due: contactDue, metAt: contacts.min()))

        let feedbackDue = calendar.date(byAdding: .month, value: policy.feedbackWithinMonths, to: received)!
        let feedback = item.journal.first { $0.kind == .feedback }?.at
        result.append(Deadline(kind: .feedback, due: feedbackDue, metAt: feedback ?? item.closedAt))

        if item.status.isOpen {
            let last = contacts.max() ?? received
            let followDue = calendar.date(byAdding: .day, value: policy.followUpEveryDays, to: last)!
            result.append(Deadline(kind: .followUp, due: followDue, metAt: nil))
        }

        if item.status.isTerminal {
            return result.filter { $0.metAt != nil }
        }
        return result
    }

    /// The earliest deadline still owed, if any.
    public func nextDeadline(for item: Case, band: Band?) -> Deadline? {
        deadlines(for: item, band: band).filter(\.isPending).min { $0.due < $1.due }
    }

    /// True when the report came more than the complaint window after the last incident.
    /// Whistleblowing reports are exempt; the counselor may still proceed either way.
    public func isOutsideComplaintWindow(_ item: Case) -> Bool {
        guard item.channel != .whistleblowing else { return false }
        let windowEnd = calendar.date(byAdding: .month, value: policy.complaintWindowMonths, to: item.incidentLast)!
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
