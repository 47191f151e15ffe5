import Foundation

/// The one sentence a counselor is shown for an error, by the command line and the desk alike. Confidant's own
/// errors (`CaseError`, `StoreError`, `ConfigurationError`, import, backup and file errors) describe themselves.
public enum ErrorSentence {
    public static func of(_ error: Error) -> String {
        if let cocoa = error as? CocoaError, cocoa.code == .fileReadNoSuchFile { return "The file could not be found." }
        return String(describing: error)
    }
}
