@testable import CaseStore
import Foundation
import Testing

/// The queue's rows decoded a slice per core: the same rows in the same order as one pass would give, or its error.
@Suite("Rows decoded in parallel")
struct ParallelDecodeTests {
    struct Refused: Error, Equatable { var row: Int }

    @Test("Many rows decoded in slices come back whole and in their order; few are decoded in one pass")
    func order() throws {
        let rows = Array(0..<20_011)
        let slices = LockedValue<[Int]>([])
        let decoded = try PostgreSQLCaseStore.decodeInParallel(rows, threshold: 1_000) { slice in
            slices.update { $0.append(slice.count) }
            return slice.map { "case \($0)" }
        }
        #expect(decoded == rows.map { "case \($0)" })
        #expect(slices.value.count == max(1, ProcessInfo.processInfo.activeProcessorCount))
        #expect(slices.value.reduce(0, +) == rows.count)

        slices.set([])
        _ = try PostgreSQLCaseStore.decodeInParallel(Array(rows.prefix(999)), threshold: 1_000) { slice in
            slices.update { $0.append(slice.count) }
            return Array(slice)
        }
        #expect(slices.value == [999])
    }

    @Test("A row that cannot be decoded fails the whole read with its own error")
    func failure() {
        #expect(throws: Refused(row: 15_000)) {
            _ = try PostgreSQLCaseStore.decodeInParallel(Array(0..<20_000), threshold: 1_000) { slice in
                try slice.map { row in
                    guard row != 15_000 else { throw Refused(row: row) }
                    return row
                }
            }
        }
    }
}
