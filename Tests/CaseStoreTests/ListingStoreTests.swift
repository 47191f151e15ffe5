import CaseCore
@testable import CaseStore
import Foundation
import GRDB
import TestKit
import Testing

/// The command line's fast paths give exactly what the general ones give (issue 16).
@Suite("Listing and reading by arithmetic")
struct ListingStoreTests {
    static func demoStore() throws -> SQLiteCaseStore {
        let store = try StoreFixtures.makeStore()
        let data = try Data(contentsOf: TestFixtures.dataDirectory.appendingPathComponent("demo-cases.json"))
        try DemoSeeder.seed(store, demoFile: data, now: TestFixtures.now)
        return store
    }

    @Test("A selection read through SQL is the queue filtered and cut in Swift, for every filter")
    func selections() throws {
        let store = try Self.demoStore()
        let now = TestFixtures.now
        let queue = try store.summaries()
        let bands: [QueueSelection.BandChoice] = [.any, .unrated] + Band.allCases.map(QueueSelection.BandChoice.band)
        var compared = 0
        for status in QueueSelection.StatusGroup.allCases {
            for band in bands {
                for category in [nil, "harassment", "sexual-exploitation-abuse"] {
                    for overdue in [false, true] {
                        for limit in [nil, 1, 3] {
                            let selection = QueueSelection(status: status, band: band, category: category, overdueOnly: overdue, limit: limit)
                            let expected = queue.filter { selection.matches($0, now: now) }
                            let selected = try store.summaries(selection, now: now)
                            #expect(selected == Array(expected.prefix(limit ?? .max)), "\(selection)")
                            compared += expected.isEmpty ? 0 : 1
                        }
                    }
                }
            }
        }
        #expect(compared > 100)
        #expect(try store.summaries(QueueSelection(status: .open, limit: 5), now: now).count == 5)
    }

    @Test("Stored timestamps read by arithmetic are the very dates GRDB decodes")
    func timestamps() throws {
        var generator = SplitMix64(seed: 7)
        var values: [DatabaseValue] = (0..<20_000).map { _ in
            Date(timeIntervalSince1970: Double(generator.next() % 8_000_000_000) - 1_000_000_000
                 + Double(generator.next() % 1000) / 1000).databaseValue
        }
        // Other forms SQLite and GRDB accept go through GRDB's own decoding.
        values += ["2026-11-25 10:00:00", "2026-11-25 10:00", "2026-11-25T10:00:00.000", "2026-11-25 10:00:00.5", "2026-11-25"]
            .map(\.databaseValue)
        values.append(1_790_000_000.25.databaseValue)
        let queue = try DatabaseQueue()
        try queue.read { db in
            let statement = try db.makeStatement(sql: "SELECT ?")
            for value in values {
                let rows = try Row.fetchCursor(statement, arguments: [value])
                _ = try rows.next()
                #expect(SQLiteColumns(statement).date(0) == Date.fromDatabaseValue(value), "\(value)")
            }
            let rows = try Row.fetchCursor(statement, arguments: [DatabaseValue.null])
            _ = try rows.next()
            #expect(SQLiteColumns(statement).date(0) == nil)
        }
        var impossible = "2026-02-30 10:00:00.000"
        #expect(impossible.withUTF8(DatabaseTimestamp.parseBytes) == nil)
    }
}

extension ListingStoreTests {
    @Test("A row seal's text of a value is GRDB's description of it, whatever the text holds")
    func sealTexts() {
        let texts = ["assessing", "2026-11-25 10:00:00.000", "", "it's", "say \"no\"", "back\\slash", "tab\there", "Олена", "\u{1F}"]
        let values = texts.map(\.databaseValue) + [42.databaseValue, 2.5.databaseValue, .null, Data([1, 2]).databaseValue]
        for value in values { #expect(SQLiteCaseStore.sealText(value) == value.description, "\(value)") }
    }
}

/// A small seeded generator, so the dates are the same on every run.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
