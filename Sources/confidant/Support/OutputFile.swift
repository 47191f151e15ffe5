import CaseCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file the command could not write or read, in one sentence.
struct FileProblem: Error, CustomStringConvertible {
    var description: String
}

/// Where command output goes: standard output, or a private file (mode 0600) written whole or not at all.
enum OutputFile {
    /// Writes `text` to `path` (relative paths from the current directory), or to standard output when `path` is nil.
    static func emit(_ text: String, to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        try write(Data(text.utf8), to: DatabaseLocation.absolute(path))
    }

    /// Writes through a temporary file created with mode 0600 in the same folder, then renames it over `path`,
    /// so the file is never readable by others, not even for a moment, and never left half-written.
    static func write(_ data: Data, to path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw FileProblem(description: "\(path) is a folder; give a file name to write to.")
        }
        let directory = (path as NSString).deletingLastPathComponent
        guard FileManager.default.fileExists(atPath: directory) else {
            throw FileProblem(description: "The folder \(directory) does not exist; nothing was written.")
        }
        let temporary = directory + "/.\((path as NSString).lastPathComponent).partial-\(UUID().uuidString.prefix(8))"
        let fd = open(temporary, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw FileProblem(description: "\(path) cannot be written (\(String(cString: strerror(errno)))); nothing was written.")
        }
        var failure: Int32 = 0
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure == 0, fsync(fd) != 0 { failure = errno }
        close(fd)
        if failure == 0, rename(temporary, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw FileProblem(description: "\(path) cannot be written (\(String(cString: strerror(failure)))); nothing was written.")
        }
    }

    /// The text of a file to read, with clear errors for a missing file or text that is not UTF-8.
    static func readText(_ path: String) throws -> (name: String, text: String, data: Data) {
        let absolute = DatabaseLocation.absolute(path)
        guard let data = FileManager.default.contents(atPath: absolute) else {
            throw FileProblem(description: "The file \(path) cannot be read (it does not exist or is not readable).")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw FileProblem(description: "The file \(path) is not UTF-8 text; save it as \"CSV UTF-8\" (or UTF-8 JSON) and try again.")
        }
        return ((absolute as NSString).lastPathComponent, text, data)
    }
}

/// Parses an option naming one of an enumeration's raw values, with a sentence listing them when it does not.
func parseChoice<T: RawRepresentable & CaseIterable>(_ text: String, _ type: T.Type, option: String) throws -> T where T.RawValue == String {
    guard let value = T(rawValue: text.lowercased()) else {
        throw CaseError.invalidField(
            field: "\(option) option", problem: "'\(text)' is not one of " + T.allCases.map(\.rawValue).joined(separator: ", "))
    }
    return value
}

/// Parses a day given on the command line (`2026-10-02`).
func parseDay(_ text: String, option: String) throws -> Date {
    guard ImportDates.isValid(text), let date = DateText.parse(text) else {
        throw CaseError.invalidField(field: "\(option) option", problem: "'\(text)' is not a date like 2026-10-02")
    }
    return date
}
