import CaseCore
import CaseStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file the command could not write or read, in one sentence.
struct FileProblem: PhrasedError {
    var phrase: Phrase
}

/// Where command output goes: standard output, or a private file (mode 0600) written whole or not at all.
enum OutputFile {
    /// Writes `text` to `path` (relative paths from the current directory), or to standard output when `path` is nil.
    static func emit(_ text: String, to path: String?) throws {
        guard let path else {
            Console.write(text)
            return
        }
        try write(Data(text.utf8), to: DatabaseLocation.absolute(path))
    }

    /// Writes `data` to `path` privately and atomically (see ``PrivateFile/write(_:to:)``).
    static func write(_ data: Data, to path: String) throws {
        try PrivateFile.write(data, to: path)
    }

    /// The text of a file to read, with clear errors for a missing file or text that is not UTF-8.
    static func readText(_ path: String) throws -> (name: String, text: String, data: Data) {
        let absolute = DatabaseLocation.absolute(path)
        guard let data = FileManager.default.contents(atPath: absolute) else {
            throw FileProblem(phrase: .key("error.file.unreadable", ["path": .text(path)]))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw FileProblem(phrase: .key("error.file.not-utf8", ["path": .text(path)]))
        }
        return ((absolute as NSString).lastPathComponent, text, data)
    }
}

/// Parses an option naming one of an enumeration's raw values, with a sentence listing them when it does not.
func parseChoice<T: RawRepresentable & CaseIterable>(_ text: String, _ type: T.Type, option: String) throws -> T where T.RawValue == String {
    guard let value = T(rawValue: text.lowercased()) else {
        throw CaseError.invalidField(
            field: .key("field.option", ["option": .text(option)]),
            problem: .key("problem.not-one-of", ["text": .text(text), "choices": .text(T.allCases.map(\.rawValue).joined(separator: ", "))]))
    }
    return value
}

/// Parses a day given on the command line (`2026-10-02`).
func parseDay(_ text: String, option: String) throws -> Date {
    guard let date = DateText.parse(text) else {
        throw CaseError.invalidField(field: .key("field.option", ["option": .text(option)]), problem: .key("problem.not-a-date", ["text": .text(text)]))
    }
    return date
}
