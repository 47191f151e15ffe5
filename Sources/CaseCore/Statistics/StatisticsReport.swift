import Foundation

/// Anonymised statistics for management (PRODUCT §8), computed from plain ``StatisticsRecord`` values for the cases
/// received in a period: counts by category, band, reporter relationship, channel and month of receipt; days to
/// acknowledge and to first contact (median and 90th percentile); overdue counts; how many cases were escalated and
/// how far. Every count goes through ``SmallCellSuppression``; no name, id, pseudonym or free text is ever in it.
public struct StatisticsReport: Equatable, Sendable, Encodable {
    /// One row of a breakdown.
    public struct Count: Equatable, Sendable, Encodable {
        public var key: String
        public var label: String
        public var cases: StatCell
    }

    /// Days from receipt to a milestone, over the cases that reached it.
    public struct Timing: Equatable, Sendable, Encodable {
        /// Cases that reached the milestone.
        public var cases: StatCell
        /// Nil when fewer than 5 cases reached it (a median of fewer would describe individuals).
        public var medianDays: Double?
        /// 90th percentile, nearest-rank method; nil under the same rule.
        public var p90Days: Double?
    }

    public struct Overdue: Equatable, Sendable, Encodable {
        /// Open cases whose earliest deadline has passed.
        public var cases: StatCell
        /// The same cases by the kind of that deadline.
        public var byDeadline: [Count]
    }

    public struct Escalation: Equatable, Sendable, Encodable {
        public var escalated: StatCell
        /// Percentage of the period's cases escalated, one decimal; nil when the count is not shown.
        public var sharePercent: Double?
        /// By the highest rung reached, plus "not escalated".
        public var byLevel: [Count]
    }

    public var generatedAt: String
    /// First and last day of receipt counted (inclusive, UTC); `from` is nil for "since the first case".
    public var from: String?
    public var to: String
    public var suppressionThreshold: Int
    public var totalCases: StatCell
    public var openCases: StatCell
    public var byCategory: [Count]
    public var byBand: [Count]
    public var byRelationship: [Count]
    public var byChannel: [Count]
    public var byMonth: [Count]
    public var timeToAcknowledge: Timing
    public var timeToFirstContact: Timing
    public var overdue: Overdue
    public var escalation: Escalation

    /// Computes the report.
    ///
    /// - Parameters:
    ///   - from: first day of receipt counted (nil: from the first case).
    ///   - to: last day of receipt counted (nil: today).
    ///   - now: the clock, for "today" and for what is overdue.
    ///   - catalogue: the language of the labels.
    public init(records: [StatisticsRecord], taxonomy: Taxonomy, from: Date?, to: Date?, now: Date, calendar: Calendar = .utc,
                catalogue: Catalogue = .english) {
        let start = from.map { calendar.startOfDay(for: $0) }
        let lastDay = calendar.startOfDay(for: to ?? now)
        let end = calendar.date(byAdding: .day, value: 1, to: lastDay)!
        let cases = records.filter { ($0.receivedAt >= (start ?? .distantPast)) && $0.receivedAt < end }
        let total = cases.count

        generatedAt = DateText.timestamp(now)
        self.from = start.map { DateText.day($0, calendar: calendar) }
        self.to = DateText.day(lastDay, calendar: calendar)
        suppressionThreshold = StatCell.threshold
        totalCases = StatCell(total)
        openCases = StatCell(cases.filter(\.status.isOpen).count, partOf: total)

        // Categories overlap (a case may have several), so they do not add up to the total.
        var categoryCounts: [String: Int] = [:]
        for record in cases { for category in record.categories { categoryCounts[category, default: 0] += 1 } }
        let categories = taxonomy.categories.map { (key: $0.id, label: $0.name) }
        byCategory = zip(categories, SmallCellSuppression.cells(categories.map { categoryCounts[$0.key] ?? 0 }, addingUpTo: nil))
            .map { Count(key: $0.key, label: $0.label, cases: $1) }

        /// Counts each case once, under the position in `keys` that `positionOf` gives it (one pass over the cases, no
        /// text made or hashed per case).
        func breakdown(_ keys: [(key: String, label: String)], _ positionOf: (StatisticsRecord) -> Int?) -> [Count] {
            var values = Array(repeating: 0, count: keys.count)
            for record in cases {
                if let position = positionOf(record), values.indices.contains(position) { values[position] += 1 }
            }
            return zip(keys, SmallCellSuppression.cells(values, addingUpTo: total)).map { Count(key: $0.key, label: $0.label, cases: $1) }
        }
        /// The position of a value among all of its kind, or `missing` (the last key) for none.
        func position<T: CaseIterable & Equatable>(_ value: T?, missing: Int? = nil) -> Int? where T.AllCases == [T] {
            value.flatMap { T.allCases.firstIndex(of: $0) } ?? missing
        }

        byBand = breakdown(Band.allCases.map { ($0.rawValue, catalogue.label($0)) } + [("unrated", catalogue["band.unrated"])]) {
            position($0.band, missing: Band.allCases.count)
        }
        byRelationship = breakdown(Relationship.allCases.map { ($0.rawValue, catalogue.label($0)) }) { position($0.relationship) }
        byChannel = breakdown(Channel.allCases.map { ($0.rawValue, catalogue.label($0)) }) { position($0.channel) }
        let months = Self.months(from: start ?? cases.map(\.receivedAt).min(), to: lastDay, calendar: calendar)
        let printer = DateText.Printer(calendar: calendar)
        let monthPositions = Dictionary(uniqueKeysWithValues: months.enumerated().map { ($1, $0) })
        let firstMonth = months.first.flatMap { text in Int(text.prefix(4)).map { $0 * 12 + (Int(text.suffix(2)) ?? 1) - 1 } }
        byMonth = breakdown(months.map { ($0, $0) }) { record in
            if let number = printer.monthNumber(record.receivedAt), let firstMonth { return number - firstMonth }
            return monthPositions[Self.month(record.receivedAt, calendar: calendar)]
        }

        timeToAcknowledge = Self.timing(cases.compactMap { c in c.acknowledgedAt.map { $0.timeIntervalSince(c.receivedAt) } }, of: total)
        timeToFirstContact = Self.timing(cases.compactMap { c in c.firstContactAt.map { $0.timeIntervalSince(c.receivedAt) } }, of: total)

        let overdueCases = cases.filter { $0.status.isOpen && ($0.nextDeadline?.isOverdue(at: now) ?? false) }
        let overdueValues = Deadline.Kind.allCases.map { kind in overdueCases.filter { $0.nextDeadline?.kind == kind }.count }
        let overdueCells = SmallCellSuppression.cells(overdueValues, addingUpTo: overdueCases.count)
        overdue = Overdue(
            cases: StatCell(overdueCases.count),
            byDeadline: zip(Deadline.Kind.allCases, overdueCells).map { Count(key: $0.rawValue, label: catalogue.label($0), cases: $1) })

        let levels = EscalationLevel.allCases.map { ($0.rawValue, catalogue.label($0)) } + [("none", catalogue["escalation.none"])]
        let byLevel = breakdown(levels) { position($0.escalationLevel, missing: EscalationLevel.allCases.count) }
        let escalatedCount = cases.filter { $0.escalationLevel != nil }.count
        // The escalated count is the total less "not escalated": withhold it whenever that row is not shown.
        var escalatedCell = StatCell(escalatedCount)
        if byLevel.last?.cases.shownValue == nil, escalatedCell.shownValue != nil { escalatedCell = .withheld }
        escalation = Escalation(
            escalated: escalatedCell,
            sharePercent: escalatedCell.shownValue.flatMap { count in
                total == 0 ? nil : (1000 * Double(count) / Double(total)).rounded() / 10
            },
            byLevel: byLevel)
    }

    /// `2026-11` for each month from the one holding `from` to the one holding `to`.
    static func months(from: Date?, to: Date, calendar: Calendar) -> [String] {
        guard let from, from <= to else { return [] }
        var result: [String] = []
        var cursor = calendar.date(from: calendar.dateComponents([.year, .month], from: from))!
        while cursor <= to {
            result.append(month(cursor, calendar: calendar))
            cursor = calendar.date(byAdding: .month, value: 1, to: cursor)!
        }
        return result
    }

    static func month(_ date: Date, calendar: Calendar) -> String {
        String(DateText.day(date, calendar: calendar).prefix(7))
    }

    /// Median and 90th percentile in days (one decimal) of `intervals` in seconds, out of `total` cases;
    /// negative intervals count as 0.
    static func timing(_ intervals: [TimeInterval], of total: Int) -> Timing {
        let days = intervals.map { max(0, $0) / 86_400 }.sorted()
        let cell = StatCell(days.count, partOf: total)
        guard days.count >= StatCell.threshold else { return Timing(cases: cell, medianDays: nil, p90Days: nil) }
        return Timing(cases: cell, medianDays: round1(median(days)), p90Days: round1(percentile(days, 0.9)))
    }

    /// The median of sorted values (mean of the two middle ones for an even count).
    public static func median(_ sorted: [Double]) -> Double {
        let n = sorted.count
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }

    /// The nearest-rank percentile of sorted values: the smallest value with at least `p` of the values at or below it.
    public static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        let rank = Int((p * Double(sorted.count)).rounded(.up))
        return sorted[max(0, min(sorted.count - 1, rank - 1))]
    }

    static func round1(_ value: Double) -> Double { (value * 10).rounded() / 10 }

    /// Pretty-printed JSON with sorted keys.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try! encoder.encode(self), as: UTF8.self)
    }
}
