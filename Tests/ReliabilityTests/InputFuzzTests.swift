import BenchSupport
import CaseCore
import CaseStore
import Foundation
import TestKit
import Testing

/// Random and mutated case JSON: never a crash; always a clear error or a correct case.
@Suite("Fuzzing the JSON case input")
struct InputFuzzTests {
    static let valid = Array(TestFixtures.sampleCaseJSON.utf8)
    let taxonomy = Reliability.config.taxonomy
    let now = TestFixtures.now

    /// Flips, inserts, deletes and duplicates bytes, and splices in troublesome strings.
    func mutate(_ bytes: [UInt8], _ random: inout SeededGenerator) -> [UInt8] {
        var out = bytes
        let splices: [String] = ["\u{1B}[2J\u{1B}]0;pwned\u{07}", "<script>alert(1)</script>", "\u{0}", "\"", "{", "]", "9999999999999999999999",
                                 "-1", "null", "\u{202E}", String(repeating: "é", count: 5000), "\"2026-02-30\"", "\"\\ud800\""]
        for _ in 0..<Int.random(in: 1...4, using: &random) where !out.isEmpty {
            let at = Int.random(in: 0..<out.count, using: &random)
            switch Int.random(in: 0..<5, using: &random) {
            case 0: out[at] = UInt8.random(in: 0...255, using: &random)
            case 1: out.insert(UInt8.random(in: 0...255, using: &random), at: at)
            case 2: out.remove(at: at)
            case 3: out.insert(contentsOf: out[at..<min(out.count, at + 20)], at: at)
            default: out.insert(contentsOf: Array(splices.randomElement(using: &random)!.utf8), at: at)
            }
        }
        return out
    }

    @Test("5,000 mutated and random inputs: each decodes to a valid case or fails with a sentence", arguments: [UInt64(1), 2])
    func fuzz(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        var accepted = 0, refused = 0
        for round in 0..<2500 {
            let bytes = round % 10 == 0
                ? (0..<Int.random(in: 0...200, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
                : mutate(Self.valid, &random)
            do {
                let intake = try CaseIntake.decode(Data(bytes))
                let item = try intake.makeCase(id: CaseID(year: 2026, number: 1), now: now, pseudonym: "Fuzz", taxonomy: taxonomy)
                #expect(!item.narrative.isEmpty)
                #expect(!item.categories.isEmpty)
                #expect(item.incidentLast >= item.incidentFirst)
                accepted += 1
            } catch let error as CaseError {
                #expect(!error.description.isEmpty)
                refused += 1
            } catch {
                Issue.record("unexpected error type \(type(of: error)): \(error)")
            }
        }
        #expect(accepted > 0)
        #expect(refused > 0)
    }

    @Test("Control characters and escape sequences are stored faithfully")
    func faithfulStorage() throws {
        let path = TestFixtures.temporaryDirectory("confidant-rel").appendingPathComponent("esc.db").path
        let store = try SQLiteCaseStore.create(at: path, passphrase: TestFixtures.passphrase, evaluator: Reliability.config.evaluator(), kdfRounds: 1 << 10)
        let hostile = "Name \u{1B}[31mRED\u{1B}[0m <b>bold</b> \u{7}"
        var intake = TestFixtures.sampleIntake
        intake.reporter.name = hostile
        intake.narrative = "Narrative with \u{1B}]0;title\u{7} and \u{202E}reversed"
        let id = try CaseDesk(store: store).add(intake).id
        let loaded = try store.loadCase(id)
        #expect(loaded.reporter.name == hostile)
        #expect(loaded.narrative == intake.narrative)
    }
}

/// The spreadsheet and JSON importers under random damage: a plan is either wholly valid or refused with the file
/// and place named; never a crash.
@Suite("Fuzzing the importers")
struct ImporterFuzzTests {
    static let example = try! String(contentsOf: TestFixtures.dataDirectory.appendingPathComponent("import-example.csv"), encoding: .utf8)
    let evaluator = Reliability.config.evaluator()
    let now = TestFixtures.now

    func mutate(_ text: String, _ random: inout SeededGenerator) -> String {
        var scalars = Array(text.unicodeScalars)
        let pieces: [String] = [",", "\"", "\n", "\r\n", ";", "=cmd|' /C calc'!A0", "\u{1B}[31m", "2026-02-30", "-1", "", "\u{FEFF}", "\"\"\""]
        for _ in 0..<Int.random(in: 1...5, using: &random) where !scalars.isEmpty {
            let at = Int.random(in: 0..<scalars.count, using: &random)
            switch Int.random(in: 0..<4, using: &random) {
            case 0: scalars.remove(at: at)
            case 1: scalars.insert(contentsOf: pieces.randomElement(using: &random)!.unicodeScalars, at: at)
            case 2: scalars[at] = Unicode.Scalar(UInt8.random(in: 32...126, using: &random))
            default: scalars.insert(contentsOf: scalars[at..<min(scalars.count, at + 30)], at: at)
            }
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars)
        return String(out)
    }

    @Test("3,000 mutated spreadsheets: each is a valid plan or an error naming the file and line", arguments: [UInt64(11), 12, 13])
    func csv(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let importer = CaseCSVImport(file: "cases.csv", taxonomy: Reliability.config.taxonomy)
        var valid = 0, refused = 0
        for _ in 0..<1000 {
            let text = mutate(Self.example, &random)
            do {
                let plan = try importer.plan(text)
                try plan.validate(evaluator: evaluator, now: now)
                #expect(!plan.items.isEmpty)
                valid += 1
            } catch let error as ImportError {
                #expect(error.description.contains("cases.csv"), "\(error)")
                refused += 1
            } catch {
                Issue.record("unexpected error \(type(of: error)): \(error)")
            }
        }
        #expect(valid > 0 && refused > 0)
    }

    @Test("2,000 mutated JSON imports: each is a valid plan or an error naming the file", arguments: [UInt64(21), 22])
    func json(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let base = String(decoding: try Data(contentsOf: TestFixtures.dataDirectory.appendingPathComponent("demo-cases.json")), as: UTF8.self)
        let cases = base.components(separatedBy: "\"cases\":")[1]
        let small = "[" + cases.split(separator: "\n  }", maxSplits: 3).prefix(3).joined(separator: "\n  }")
            .drop { $0 != "{" } + "\n  }]"
        let importer = CaseJSONImport(file: "cases.json")
        var valid = 0, refused = 0
        for _ in 0..<1000 {
            let text = mutate(String(small), &random)
            do {
                let plan = try importer.plan(Data(text.utf8))
                try plan.validate(evaluator: evaluator, now: now)
                valid += 1
            } catch let error as ImportError {
                #expect(error.description.contains("cases.json"), "\(error)")
                refused += 1
            } catch {
                Issue.record("unexpected error \(type(of: error)): \(error)")
            }
        }
        #expect(refused > 0)
        #expect(valid + refused == 1000)
    }
}
