import CaseCore
import Foundation

/// The one sentence a counselor is shown for an error, by the command line and the desk alike, in their language.
/// Confidant's own errors (`CaseError`, `StoreError`, `ConfigurationError`, import, backup and file errors) are
/// ``PhrasedError``s: the catalogue puts them into words.
public enum ErrorSentence {
    public static func of(_ error: Error, in catalogue: Catalogue = .english) -> String {
        if let cocoa = error as? CocoaError, cocoa.code == .fileReadNoSuchFile { return catalogue["error.file-not-found"] }
        if let phrased = error as? PhrasedError { return catalogue.words(phrased.phrase) }
        return String(describing: error)
    }
}
