import CaseCore
import Foundation
import GRDB

/// The queue: every case the session may see, as unsealed ranking fields, in queue order.
extension SQLiteCaseStore {
    public func queueVersion() throws -> Int? {
        try read { db in try Int.fetchOne(db, sql: "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'queueVersion'") }
    }

    /// The whole queue (``summaries(_:now:)`` with no filter and no limit).
    public func summaries() throws -> [CaseSummary] {
        try summaries(QueueSelection(), now: Date())
    }

    /// The unsealed columns a queue row needs, never the sealed blobs; dates as Unix seconds so rows decode
    /// without parsing date strings (the queue of 100,000 cases is read in one go).
    static let summaryColumns = """
        year, seq, receivedEpoch, channel, status, pseudonym, anonymous, relationship,
        categories, score, band, severeOrPervasive, escalationLevel, consentShareIdentity,
        nextDueEpoch, nextDueKind, outsideWindow, needsReassignment
        """

    /// Decodes a row of ``summaryColumns`` by position.
    static func summary(from row: Row, categories: (String) -> [String] = split) -> CaseSummary {
        let due: Double? = row[14]
        let kind: String? = row[15]
        let band: String? = row[10]
        let level: String? = row[12]
        return CaseSummary(
            id: CaseID(year: row[0], number: row[1]), receivedAt: Date(timeIntervalSince1970: row[2]),
            channel: Channel(rawValue: row[3]) ?? .complaint, status: CaseStatus(rawValue: row[4]) ?? .new,
            pseudonym: row[5], anonymous: row[6], relationship: Relationship(rawValue: row[7]) ?? .other,
            categories: categories(row[8]), score: row[9], band: band.flatMap(Band.init(rawValue:)), severeOrPervasive: row[11],
            escalationLevel: level.flatMap(EscalationLevel.init(rawValue:)), consentShareIdentity: row[13],
            nextDeadline: zip2(due, kind.flatMap(Deadline.Kind.init(rawValue:))).map {
                Deadline(kind: $0.1, due: Date(timeIntervalSince1970: $0.0), metAt: nil)
            },
            outsideWindow: row[16], needsReassignment: row[17])
    }
}

private func zip2<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
