import Foundation
import CaseCore
#if canImport(Glibc)
import Glibc
#endif

/// A file that could not be written, in one sentence in the reader's language.
public struct PrivateFileError: PhrasedError, Equatable {
    public var phrase: Phrase
}

/// Files holding case content (exports, letters, reports) are written readable by their owner only.
public enum PrivateFile {
    /// Writes through a temporary file created with mode 0600 in the same folder, then renames it over `path`,
    /// so the file is never readable by others, not even for a moment, and never left half-written.
    public static func write(_ data: Data, to path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw PrivateFileError(phrase: .key("error.file.is-folder", ["path": .text(path)]))
        }
        let directory = (path as NSString).deletingLastPathComponent
        guard FileManager.default.fileExists(atPath: directory) else {
            throw PrivateFileError(phrase: .key("error.file.no-folder", ["folder": .text(directory)]))
        }
        let temporary = directory + "/.\((path as NSString).lastPathComponent).partial-\(UUID().uuidString.prefix(8))"
        let fd = open(temporary, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw PrivateFileError(phrase: .key("error.file.not-written", ["path": .text(path), "reason": .text(String(cString: strerror(errno)))]))
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
            throw PrivateFileError(phrase: .key("error.file.not-written", ["path": .text(path), "reason": .text(String(cString: strerror(failure)))]))
        }
    }

}
